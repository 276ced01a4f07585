"""`newsgraph inspect` and `newsgraph explain`, and the `run` options that shape the graph."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.models import DocumentExtraction, RunReport
from newsgraph.pipeline.export import write_graphml
from newsgraph.pipeline.formats import GEXF_VIZ_NS, read_graph, write_formats
from newsgraph.pipeline.runner import RunOptions, write_outputs

try:
    from test_export_formats import CENTCOM_OPPOSED, FLYNN_MET, FLYNN_MET_AGAIN, sample_graph
except ImportError:  # tests/ imported as a package
    from tests.test_export_formats import (
        CENTCOM_OPPOSED,
        FLYNN_MET,
        FLYNN_MET_AGAIN,
        sample_graph,
    )

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
WIDE = {"COLUMNS": "200"}


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], env=WIDE)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    result = invoke(
        "run", SAMPLES, "-o", out, "--format", "graphml,gexf,csv,json", "--layout", "--quiet"
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def small(tmp_path) -> Path:
    return write_formats(sample_graph(), tmp_path, ["graphml"])[0]


# On the sample output -----------------------------------------------------------------------


def test_run_writes_every_requested_format_with_positions(sample_run) -> None:
    for name in ("graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json"):
        assert (sample_run / name).stat().st_size > 0, name
    assert not (sample_run / "graph.html").exists()
    graph = nx.read_graphml(sample_run / "graph.graphml")
    assert all(isinstance(d["x"], float) for _, d in graph.nodes(data=True))
    positions = list(
        ET.parse(sample_run / "graph.gexf").getroot().iter(f"{{{GEXF_VIZ_NS}}}position")
    )
    assert len(positions) == graph.number_of_nodes()


def test_inspect_sample(sample_run) -> None:
    result = invoke("inspect", sample_run / "graph.graphml", "--top", "5")
    assert result.exit_code == 0, result.output
    graph = read_graph(sample_run / "graph.graphml")
    for text in ("entities", "Entities by type", "Top 5 entities by degree", "Relations by type"):
        assert text in result.output
    assert "Michael Flynn" in result.output  # the most connected entity in the sample
    for relation in {d["relation"] for *_, d in graph.edges(data=True)}:
        assert relation in result.output
    assert str(graph.number_of_nodes()) in result.output


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf", "graph.json"])
def test_explain_sample(sample_run, name) -> None:
    result = invoke("explain", sample_run / name, "michael FLYNN")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert out.startswith("Michael Flynn PERSON person:michael-flynn")
    assert "Mike Flynn" in out and "national security adviser" in out
    graph = read_graph(sample_run / "graph.graphml")
    flynn = "person:michael-flynn"
    edges = [d for u, v, d in graph.edges(data=True) if flynn in (u, v)]
    assert edges
    for data in edges:
        assert data["relation"] in out
        assert " ".join(data["evidence"].split()) in out


def test_explain_by_alias_matches_case_insensitively(sample_run) -> None:
    result = invoke("explain", sample_run / "graph.graphml", "mike flynn")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Michael Flynn")


# On small graphs ----------------------------------------------------------------------------


def test_explain_lists_every_sentence_when_the_graph_has_them(tmp_path) -> None:
    path = write_formats(sample_graph(), tmp_path, ["json"])[0]
    result = invoke("explain", path, "Sergey Kislyak")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert FLYNN_MET in out and FLYNN_MET_AGAIN in out
    assert "<-> met Michael Flynn (2 sentences" in out
    assert "Titles: Ambassador" in out


def test_explain_shows_direction_and_evidence(small) -> None:
    result = invoke("explain", small, "CENTCOM")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "-> opposed Michael Flynn" in out and CENTCOM_OPPOSED in out


def test_explain_unknown_name_suggests(small) -> None:
    result = invoke("explain", small, "Micheal Flyn")
    assert result.exit_code == 1
    assert "no entity called 'Micheal Flyn'" in result.output
    assert "Did you mean: Michael Flynn" in result.output


def test_explain_ambiguous_name_lists_ids(tmp_path) -> None:
    graph = sample_graph()
    graph.add_node("person:flynn", label="Flynn", type="PERSON", aliases="Flynn", mentions=1)
    graph.add_node("person:flynn-2", label="Flynn", type="PERSON", aliases="Flynn", mentions=1)
    path = write_graphml(graph, tmp_path / "graph.graphml")
    result = invoke("explain", path, "flynn")
    assert result.exit_code == 1
    assert "'flynn' matches 2 entities" in result.output
    assert "person:flynn " in result.output and "person:flynn-2" in result.output
    by_id = invoke("explain", path, "person:flynn-2")
    assert by_id.exit_code == 0 and "person:flynn-2" in by_id.output
    # A label match wins over an alias match: "Mike Flynn" is only an alias of Michael Flynn.
    assert invoke("explain", path, "Mike Flynn").output.startswith("Michael Flynn")


def test_markup_in_names_is_printed_as_written(tmp_path) -> None:
    graph = sample_graph()
    node = next(n for n, d in graph.nodes(data=True) if d["label"] == "Michael Flynn")
    graph.nodes[node]["label"] = "[bold red]Evil[/bold red] [link=http://x]y[/link]"
    for *_, d in graph.edges(data=True):
        d["evidence"] = "[blink]sentence[/blink]"
    path = write_graphml(graph, tmp_path / "graph.graphml")
    result = invoke("explain", path, "[bold red]Evil[/bold red] [link=http://x]y[/link]")
    assert result.exit_code == 0, result.output
    assert "[bold red]Evil[/bold red] [link=http://x]y[/link]" in result.output
    assert "[blink]sentence[/blink]" in result.output
    inspected = invoke("inspect", path)
    assert "[bold red]Evil[/bold red]" in inspected.output


def test_inspect_and_explain_refuse_unreadable_files(tmp_path) -> None:
    bad = tmp_path / "graph.graphml"
    bad.write_text("<graphml><not closed", encoding="utf-8")
    assert invoke("inspect", bad).exit_code == 2
    other = tmp_path / "graph.txt"
    other.write_text("a b\n", encoding="utf-8")
    result = invoke("explain", other, "x")
    assert result.exit_code == 2
    assert "not a .graphml, .gexf or .json file" in " ".join(result.output.split())


# run options --------------------------------------------------------------------------------


def test_run_rejects_an_unknown_format_before_reading(tmp_path) -> None:
    result = invoke("run", SAMPLES, "-o", tmp_path / "out", "--format", "graphml,pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.output
    assert not (tmp_path / "out").exists()


def test_run_filters_apply_to_every_format(sample_run, tmp_path) -> None:
    lines = (sample_run / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    extractions = [DocumentExtraction.model_validate_json(line) for line in lines]
    options = RunOptions(
        formats=["graphml", "json"],
        relations=["opposed", "fired", "mentioned_with"],
        types=["PERSON", "ORG"],
        min_weight=1,
        drop_isolates=True,
        cooccurrence=True,
    )
    report = RunReport()
    write_outputs(extractions, tmp_path, options, report)
    for name in ("graph.graphml", "graph.json"):
        graph = read_graph(tmp_path / name)
        assert {d["type"] for _, d in graph.nodes(data=True)} <= {"PERSON", "ORG"}
        relations = {d["relation"] for *_, d in graph.edges(data=True)}
        assert "mentioned_with" in relations and relations <= set(options.relations)
        assert all(graph.degree(n) > 0 for n in graph)
        assert report.entities == graph.number_of_nodes()
        assert report.relations == graph.number_of_edges()
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    co = [e for e in data["edges"] if e["relation"] == "mentioned_with"]
    assert co and all(e["symmetric"] and e["weight"] >= 1 for e in co)
