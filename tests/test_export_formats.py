"""Export formats (GraphML, GEXF, CSV, JSON) on small graphs built from records, no spaCy.

`sample_extractions` / `sample_graph` are shared with the other export, viewer and inspect tests.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.models import DocumentExtraction, Entity, Evidence, Mention, Relation
from newsgraph.pipeline import formats
from newsgraph.pipeline.build import add_layout, build_graph
from newsgraph.pipeline.corpus import link_corpus
from newsgraph.pipeline.export import write_graphml
from newsgraph.pipeline.formats import (
    GEXF_NS,
    GEXF_VIZ_NS,
    csv_cell,
    node_size,
    output_files,
    parse_formats,
    read_graph,
    type_color,
    write_csv,
    write_formats,
    write_gexf,
    write_json,
)

FLYNN_MET = "Flynn met Russian Ambassador Sergey Kislyak in December."
CENTCOM_OPPOSED = "CENTCOM did not buy into Flynn's proposal, a Pentagon official said."
TRUMP_FIRED = "On Feb. 14, Trump fired Flynn."
FLYNN_MET_AGAIN = "Michael Flynn met Kislyak again in Washington."


def _entity(eid: str, name: str, etype: str, doc: str, mentions: int = 1, **kw) -> Entity:
    return Entity(
        id=eid,
        name=name,
        type=etype,
        aliases=kw.pop("aliases", [name]),
        mentions=mentions,
        documents=[doc],
        **kw,
    )


def _mention(name: str, label: str, sentence: int, entity: str, start: int = 0) -> Mention:
    return Mention(
        text=name,
        name=name,
        label=label,
        start=start,
        end=start + len(name),
        sentence=sentence,
        entity=entity,
    )


def _relation(rtype: str, source: str, target: str, doc: str, sentence: str, start: int, **kw):
    return Relation(
        type=rtype,
        source=source,
        target=target,
        evidence=[
            Evidence(
                document=doc,
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                trigger=rtype,
            )
        ],
        **kw,
    )


def sample_extractions(
    flynn: str = "Michael Flynn", evidence: str = FLYNN_MET
) -> list[DocumentExtraction]:
    """Two dated articles: Flynn met Kislyak (twice), CENTCOM opposed Flynn, Trump fired Flynn;
    Barack Obama is mentioned but in no relation (an isolate)."""
    a = DocumentExtraction(
        document="a.txt",
        date="2017-02-14",
        sentences=4,
        entities=[
            _entity(
                "e0",
                flynn,
                "PERSON",
                "a.txt",
                5,
                aliases=[flynn, "Flynn", "Mike Flynn"],
                titles=["national security adviser"],
            ),
            _entity("e1", "Sergey Kislyak", "PERSON", "a.txt", 2, titles=["Ambassador"]),
            _entity("e2", "U.S. Central Command", "ORG", "a.txt", 2, aliases=["CENTCOM"]),
            _entity("e3", "Donald Trump", "PERSON", "a.txt", 3),
            _entity("e4", "Barack Obama", "PERSON", "a.txt", 1),
        ],
        mentions=[
            _mention("Flynn", "PERSON", 0, "e0"),
            _mention("Sergey Kislyak", "PERSON", 0, "e1", 30),
            _mention("CENTCOM", "ORG", 1, "e2"),
            _mention("Flynn", "PERSON", 1, "e0", 20),
            _mention("Trump", "PERSON", 2, "e3"),
            _mention("Flynn", "PERSON", 2, "e0", 20),
            _mention("Barack Obama", "PERSON", 3, "e4"),
        ],
        relations=[
            _relation("met", "e0", "e1", "a.txt", evidence, 0, symmetric=True, confidence=0.8),
            _relation("opposed", "e2", "e0", "a.txt", CENTCOM_OPPOSED, 100, confidence=0.6),
            _relation("fired", "e3", "e0", "a.txt", TRUMP_FIRED, 200, confidence=0.7),
            _relation(
                "opposed", "e3", "e4", "a.txt", "Trump never opposed Obama.", 300, negated=True
            ),
        ],
    )
    b = DocumentExtraction(
        document="b.txt",
        date="2016-12-29T10:00:00Z",
        sentences=1,
        entities=[
            _entity("e0", "Michael Flynn", "PERSON", "b.txt", 1),
            _entity("e1", "Kislyak", "PERSON", "b.txt", 1),
        ],
        mentions=[
            _mention("Michael Flynn", "PERSON", 0, "e0"),
            _mention("Kislyak", "PERSON", 0, "e1", 25),
        ],
        relations=[
            _relation(
                "met", "e1", "e0", "b.txt", FLYNN_MET_AGAIN, 0, symmetric=True, confidence=0.9
            )
        ],
    )
    return [a, b]


def sample_graph(**kw) -> nx.MultiDiGraph:
    extractions = sample_extractions(**kw)
    return build_graph(extractions, link_corpus(extractions))


def _node(graph: nx.Graph, label: str) -> str:
    return next(n for n, d in graph.nodes(data=True) if d.get("label") == label)


# GraphML ------------------------------------------------------------------------------------


def test_graphml_reads_back_in_networkx_and_igraph(tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    graph = add_layout(sample_graph())
    path = write_graphml(graph, tmp_path / "graph.graphml")

    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges() == 3
    flynn = _node(back, "Michael Flynn")
    kislyak = _node(back, "Sergey Kislyak")
    met = [d for _, t, d in back.out_edges(flynn, data=True) if t == kislyak]
    assert met and met[0]["relation"] == "met" and met[0]["weight"] == 2.0
    assert back.nodes[flynn]["x"] == graph.nodes[flynn]["x"]
    assert back.nodes[flynn]["first_date"] == "2016-12-29"

    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == graph.number_of_nodes()
    assert ig.ecount() == graph.number_of_edges()
    assert ig.is_directed()
    assert "Michael Flynn" in ig.vs["label"]
    assert sorted(ig.es["relation"]) == ["fired", "met", "opposed"]
    assert all(isinstance(x, float) for x in ig.vs["x"])


def test_graphml_keeps_scalars_only_with_gephi_position_keys(tmp_path: Path) -> None:
    graph = add_layout(sample_graph())
    root = ET.parse(write_graphml(graph, tmp_path / "g.graphml")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("g:key", ns)
    }
    assert set(keys.values()) <= {"boolean", "int", "double", "string"}
    assert keys[("node", "x")] == keys[("node", "y")] == "double"  # what ImporterGraphML reads
    assert ("edge", "sentences") not in keys  # the list stays in JSON and HTML
    edges = root.findall(".//g:edge", ns)
    assert len({e.get("id") for e in edges}) == len(edges)
    assert all(e.get("label") for e in edges)


# GEXF ---------------------------------------------------------------------------------------


def test_gexf_reads_back_with_viz_kinds_and_dates(tmp_path: Path) -> None:
    graph = add_layout(sample_graph())
    path = write_gexf(graph, tmp_path / "graph.gexf")

    back = nx.read_gexf(path, version="1.3")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    flynn = _node(graph, "Michael Flynn")
    node = back.nodes[flynn]
    assert node["label"] == "Michael Flynn"
    assert node["type"] == "PERSON"
    color = type_color("PERSON")
    assert node["viz"]["color"] == {
        "r": int(color[1:3], 16),
        "g": int(color[3:5], 16),
        "b": int(color[5:7], 16),
        "a": 1.0,
    }
    assert node["viz"]["size"] == node_size(graph.nodes[flynn]["mentions"])
    assert node["viz"]["position"]["x"] == graph.nodes[flynn]["x"]
    assert node["start"] == "2016-12-29"

    root = ET.parse(path).getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    g = root.find(f"{{{GEXF_NS}}}graph")
    assert g.get("mode") == "dynamic" and g.get("timeformat") == "date"
    edges = root.findall(f".//{{{GEXF_NS}}}edge")
    assert sorted(e.get("kind") for e in edges) == ["fired", "met", "opposed"]
    assert all(e.get("label") == e.get("kind") for e in edges)
    met = next(e for e in edges if e.get("kind") == "met")
    assert met.get("weight") == "2.0" and met.get("start") == "2016-12-29"
    sizes = {
        n.get("label"): float(n.find(f"{{{GEXF_VIZ_NS}}}size").get("value"))
        for n in root.iter(f"{{{GEXF_NS}}}node")
    }
    assert sizes["Michael Flynn"] > sizes["Barack Obama"]


def test_gexf_loads_into_igraph_through_networkx(tmp_path: Path) -> None:
    """igraph has no GEXF reader; the file must still convert cleanly through networkx."""
    igraph = pytest.importorskip("igraph")
    path = write_gexf(sample_graph(), tmp_path / "graph.gexf")
    ig = igraph.Graph.from_networkx(nx.read_gexf(path, version="1.3"))
    assert ig.vcount() == 5 and ig.ecount() == 3 and ig.is_directed()


def test_gexf_without_dates_or_layout_is_static(tmp_path: Path) -> None:
    extractions = sample_extractions()
    for ex in extractions:
        ex.date = None
    graph = build_graph(extractions, link_corpus(extractions))
    root = ET.parse(write_gexf(graph, tmp_path / "g.gexf")).getroot()
    g = root.find(f"{{{GEXF_NS}}}graph")
    assert g.get("mode") == "static" and g.get("timeformat") is None
    assert not list(root.iter(f"{{{GEXF_VIZ_NS}}}position"))
    assert not [n for n in root.iter(f"{{{GEXF_NS}}}node") if n.get("start")]


# CSV ----------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_gephi_spreadsheet_headers(tmp_path: Path) -> None:
    graph = add_layout(sample_graph())
    nodes_path, edges_path = write_csv(graph, tmp_path)
    nodes = _read_csv(nodes_path)
    edges = _read_csv(edges_path)
    assert list(nodes[0])[:3] == ["Id", "Label", "Type"]
    assert list(edges[0])[:8] == [
        "Source",
        "Target",
        "Type",
        "Kind",
        "Id",
        "Label",
        "Weight",
        "Relation",
    ]
    assert {n["Id"] for n in nodes} == set(graph.nodes)
    flynn = next(n for n in nodes if n["Label"] == "Michael Flynn")
    assert flynn["Type"] == "PERSON" and float(flynn["x"]) == graph.nodes[flynn["Id"]]["x"]
    by_relation = {e["Relation"]: e for e in edges}
    assert by_relation["met"]["Type"] == "Undirected"
    assert by_relation["opposed"]["Type"] == "Directed"
    assert by_relation["met"]["Label"] == by_relation["met"]["Kind"] == "met"
    assert float(by_relation["met"]["Weight"]) == 2.0
    assert by_relation["opposed"]["evidence"] == CENTCOM_OPPOSED
    assert {e["Source"] for e in edges} | {e["Target"] for e in edges} <= set(graph.nodes)
    assert len({e["Id"] for e in edges}) == len(edges)


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_csv_cells_never_start_a_formula(tmp_path: Path, text: str) -> None:
    graph = sample_graph()
    flynn = _node(graph, "Michael Flynn")
    graph.nodes[flynn]["label"] = text
    graph.nodes[flynn]["aliases"] = text
    for *_, data in graph.edges(data=True):
        data["evidence"] = text
    nodes_path, edges_path = write_csv(graph, tmp_path)
    cells = [c for row in _read_csv(nodes_path) + _read_csv(edges_path) for c in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and not _is_number(c)]
    assert cells.count("'" + text) == 2 + graph.number_of_edges()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_numbers_stay_numbers() -> None:
    assert csv_cell(-12.5) == "-12.5"
    assert csv_cell(3) == "3"
    assert csv_cell(True) == "true"
    assert csv_cell("-12.5") == "'-12.5"
    assert csv_cell("a\x00b\x07c") == "abc"


# JSON ---------------------------------------------------------------------------------------


def test_json_is_networkx_node_link(tmp_path: Path) -> None:
    graph = sample_graph()
    path = write_json(graph, tmp_path / "graph.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["directed"] is True and data["multigraph"] is True
    back = nx.node_link_graph(data, edges="edges")
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == 3
    flynn, kislyak = _node(graph, "Michael Flynn"), _node(graph, "Sergey Kislyak")
    met = back.edges[flynn, kislyak, "met"]
    assert [s["sentence"] for s in met["sentences"]] == [FLYNN_MET, FLYNN_MET_AGAIN]
    assert read_graph(path).edges[flynn, kislyak, "met"]["weight"] == 2.0


# All formats --------------------------------------------------------------------------------


def test_every_format_is_deterministic(tmp_path: Path) -> None:
    names = output_files(formats.FORMAT_FILES)
    for run in ("one", "two"):
        write_formats(add_layout(sample_graph()), tmp_path / run, list(formats.FORMAT_FILES))
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == sorted(names)


def test_graphs_read_back_from_every_readable_format(tmp_path: Path) -> None:
    graph = add_layout(sample_graph())
    paths = write_formats(graph, tmp_path, ["graphml", "gexf", "json"])
    for path in paths:
        back = read_graph(path)
        assert set(back.nodes) == set(graph.nodes), path
        assert sorted(k for *_, k in back.edges(keys=True)) == ["fired", "met", "opposed"], path
        flynn = _node(back, "Michael Flynn")
        assert back.nodes[flynn]["aliases"] == graph.nodes[flynn]["aliases"], path
        assert back.nodes[flynn]["x"] == graph.nodes[flynn]["x"], path


def test_parse_formats() -> None:
    assert parse_formats("graphml") == ["graphml"]
    assert parse_formats(" GEXF, csv,gexf ") == ["gexf", "csv"]
    assert output_files(["csv", "html"]) == ["nodes.csv", "edges.csv", "graph.html"]
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        parse_formats("graphml,pdf")
    with pytest.raises(ValueError):
        parse_formats(" , ")


def test_failed_write_leaves_previous_files(tmp_path: Path, monkeypatch) -> None:
    graph = sample_graph()
    write_csv(graph, tmp_path)
    before = (tmp_path / "nodes.csv").read_bytes()

    class Broken:
        def __init__(self, fh, **kw) -> None:
            self.fh = fh

        def writerows(self, rows) -> None:
            self.fh.write("Id,Label\r\nhalf")
            raise OSError("disk full")

    monkeypatch.setattr(formats.csv, "writer", Broken)
    with pytest.raises(OSError, match="disk full"):
        write_csv(graph, tmp_path)
    assert (tmp_path / "nodes.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv"]
