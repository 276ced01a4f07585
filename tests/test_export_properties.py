"""Property tests: any Unicode in labels, aliases and evidence survives every exporter safely.

XML formats drop control characters (and lone surrogates) and nothing else; CSV also never lets a
cell start a formula; JSON keeps everything; the HTML payload can never close its <script>.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.export import write_graphml, xml_safe
from newsgraph.pipeline.formats import write_csv, write_gexf, write_json
from newsgraph.viewer import embed_json, render_html, viewer_data

try:
    import igraph
except ImportError:  # pragma: no cover - igraph is in the dev extra
    igraph = None

try:
    from test_export_formats import sample_graph
except ImportError:  # tests/ imported as a package
    from tests.test_export_formats import sample_graph

SPECIAL = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\u2028",
    "\u2029",
    "\r\n",
    "\r",
    "\t",
    "]]>",
    "</script>",
    "<!--",
    "&amp;",
    '"',
    "'",
    "=",
    "+",
    "-",
    "@",
    " | ",
]
texts = st.lists(st.one_of(st.characters(), st.sampled_from(SPECIAL)), max_size=30).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _graph_with(text: str) -> tuple[nx.MultiDiGraph, str]:
    graph = sample_graph()
    flynn = next(n for n, d in graph.nodes(data=True) if d["label"] == "Michael Flynn")
    graph.nodes[flynn].update(label=text, aliases=text, titles=text)
    for *_, data in graph.edges(data=True):
        data["evidence"] = text
        data["sentences"] = [{"document": "a.txt", "start": 0, "sentence": text, "trigger": ""}]
    return graph, flynn


def _xml_text(text: str) -> str:
    """What an XML parser returns for element text: line ends normalised to \\n."""
    return xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(texts)
def test_graphml_any_text(text: str) -> None:
    graph, flynn = _graph_with(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_graphml(graph, Path(tmp) / "g.graphml")
        raw = path.read_text(encoding="utf-8")
        back = nx.read_graphml(path, force_multigraph=True)
        ig = igraph.Graph.Read_GraphML(str(path)) if igraph else None
    assert not _XML_FORBIDDEN.search(raw)
    assert back.nodes[flynn]["label"] == _xml_text(text)
    if ig is not None:
        assert ig.vs.find(id=flynn)["label"] == _xml_text(text)
        assert set(ig.es["evidence"]) == {_xml_text(text)}
    assert back.nodes[flynn]["aliases"] == _xml_text(text)
    assert {d["evidence"] for *_, d in back.edges(data=True)} == {_xml_text(text)}
    assert back.number_of_edges() == graph.number_of_edges()


@SETTINGS
@given(texts)
def test_gexf_any_text(text: str) -> None:
    graph, flynn = _graph_with(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_gexf(graph, Path(tmp) / "g.gexf")
        raw = path.read_text(encoding="utf-8")
        back = nx.read_gexf(path, version="1.3")
    assert not _XML_FORBIDDEN.search(raw)
    # Attribute values keep tab, newline and return as character references.
    assert back.nodes[flynn]["label"] == xml_safe(text)
    assert back.nodes[flynn]["titles"] == xml_safe(text)
    assert {d["evidence"] for *_, d in back.edges(data=True)} == {xml_safe(text)}


@SETTINGS
@given(texts)
def test_csv_any_text(text: str) -> None:
    graph, flynn = _graph_with(text)
    with tempfile.TemporaryDirectory() as tmp:
        nodes_path, edges_path = write_csv(graph, Path(tmp))
        with open(nodes_path, newline="", encoding="utf-8") as fh:
            nodes = {row["Id"]: row for row in csv.DictReader(fh)}
        with open(edges_path, newline="", encoding="utf-8") as fh:
            edges = list(csv.DictReader(fh))
    expected = xml_safe(text)
    if expected[:1] in ("=", "+", "-", "@", "\t", "\r"):
        expected = "'" + expected
    assert nodes[flynn]["Label"] == expected
    assert nodes[flynn]["aliases"] == expected
    assert {row["evidence"] for row in edges} == {expected}
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    cells = [c for row in [*nodes.values(), *edges] for c in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


@SETTINGS
@given(texts)
def test_json_any_text(text: str) -> None:
    graph, flynn = _graph_with(text)
    with tempfile.TemporaryDirectory() as tmp:
        data = json.loads((write_json(graph, Path(tmp) / "g.json")).read_text(encoding="utf-8"))
    kept = re.sub("[\ud800-\udfff]", "", text)
    node = next(n for n in data["nodes"] if n["id"] == flynn)
    assert node["label"] == kept
    assert {e["sentences"][0]["sentence"] for e in data["edges"]} == {kept}


@SETTINGS
@given(texts)
def test_html_payload_any_text(text: str) -> None:
    graph, _ = _graph_with(text)
    payload = viewer_data(graph)
    embedded = embed_json(payload)
    assert not set(embedded) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(embedded) == payload
    page = render_html(graph)
    assert page.count("<script") == 2 and page.count("</script") == 2
    assert page.count("<!--") == 0
