"""The command as a user runs it: sample folder in, GraphML out, errors named."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
NS = "{http://graphml.graphdrawing.org/xmlns}"
SCALARS = {"boolean", "int", "long", "float", "double", "string"}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["run", str(SAMPLES), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_sample_run_writes_graph_and_extractions(sample_run):
    assert (sample_run / "graph.graphml").exists()
    lines = (sample_run / "extractions.jsonl").read_text().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["document"] == "flynn-russia-military.txt"
    assert all(e["corpus_id"] for e in record["entities"] if e["type"] != "NORP")
    report = json.loads((sample_run / "run.json").read_text())
    assert report["processed"] == 1


def test_graphml_is_what_gephi_expects(sample_run):
    tree = ET.parse(sample_run / "graph.graphml")
    keys = tree.getroot().findall(f"{NS}key")
    assert keys and all(k.get("attr.type") in SCALARS for k in keys)
    edges = tree.getroot().findall(f".//{NS}edge")
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids))
    assert all(e.get("label") in {"met", "opposed", "advised", "fired", "supported"} for e in edges)
    graph = nx.read_graphml(sample_run / "graph.graphml", force_multigraph=True)
    assert all(data.get("label") for _, data in graph.nodes(data=True))
    assert all(data.get("evidence") for _, _, data in graph.edges(data=True))


def test_sample_meets_its_gold_reading(sample_run):
    from newsgraph.evaluate import evaluate_graph

    scores = evaluate_graph(
        sample_run / "graph.graphml", [SAMPLES / "flynn-russia-military.gold.json"]
    )
    assert scores.forbidden_hits == 0
    assert scores.false_merges == 0
    assert scores.merge_recall == 1.0
    assert scores.required_found >= 5
    assert scores.relation_precision >= 0.9


def test_sample_nodes_and_types(sample_run):
    graph = nx.read_graphml(sample_run / "graph.graphml", force_multigraph=True)
    by_label = {d["label"]: d for _, d in graph.nodes(data=True)}
    for name in ("Michael Flynn", "James Mattis", "Sergey Kislyak", "Donald Trump", "Bashar Assad"):
        assert by_label[name]["type"] == "PERSON"
    assert "CENTCOM" in by_label["U.S. Central Command"]["aliases"].split(" | ")
    flynn = by_label["Michael Flynn"]["aliases"].split(" | ")
    assert {"Michael Flynn", "Mike Flynn", "Flynn"} <= set(flynn)


def test_same_input_same_bytes(sample_run, tmp_path):
    result = CliRunner().invoke(app, ["run", str(SAMPLES), "-o", str(tmp_path), "--quiet"])
    assert result.exit_code == 0
    assert (tmp_path / "graph.graphml").read_bytes() == (sample_run / "graph.graphml").read_bytes()


def test_missing_model_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(
        app, ["run", str(SAMPLES), "-o", str(tmp_path), "--model", "no_such_pipeline_xx"]
    )
    assert result.exit_code == 2
    assert "pip install" in result.output
    assert not (tmp_path / "graph.graphml").exists()


def test_user_lexicon_extends_relations(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Angela Merkel stonewalled Emmanuel Macron in Brussels.\n"
    )
    args = ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet"]
    CliRunner().invoke(app, args)
    plain = nx.read_graphml(tmp_path / "out" / "graph.graphml", force_multigraph=True)
    assert plain.number_of_edges() == 0
    lexicon = ROOT / "data" / "lexicons" / "example-relations.toml"
    result = CliRunner().invoke(app, [*args, "--lexicon", str(lexicon)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(tmp_path / "out" / "graph.graphml", force_multigraph=True)
    assert [d["relation"] for _, _, d in graph.edges(data=True)] == ["opposed"]


def test_eval_does_not_count_a_role_description_from_another_story_as_a_false_merge(tmp_path):
    import json

    import networkx as nx

    from newsgraph.evaluate import score_file

    graph = nx.MultiDiGraph()
    graph.add_node(
        "bush",
        label="George W. Bush",
        aliases="Bush | George W. Bush | the president",
        document_ids="kenya.txt | iraq.txt",
    )
    graph.add_node("kibaki", label="Mwai Kibaki", aliases="Kibaki", document_ids="kenya.txt")
    gold = {
        "text": "kenya.txt",
        "entities": [
            {"id": "bush", "type": "PERSON", "names": ["President Bush"]},
            {"id": "kibaki", "type": "PERSON", "names": ["Mwai Kibaki", "the president"]},
        ],
        "required_merges": [["Mwai Kibaki", "the president"]],
    }
    path = tmp_path / "kenya.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    score = score_file(graph, path)
    assert score.false_merges == []
    assert score.nodes_correct == 2


def test_eval_strips_a_hyphenated_title_from_a_gold_name():
    from newsgraph.evaluate import _keys

    assert "amr moussa" in _keys("Secretary-General Amr Moussa")
    assert "jean-pierre raffarin" in _keys("Jean-Pierre Raffarin")
    assert "raffarin" not in _keys("Jean-Pierre Raffarin")


def test_eval_strips_a_bodys_name_and_role_before_a_person_in_a_gold_name():
    from newsgraph.evaluate import _keys

    assert "geoff morrell" in _keys("Pentagon Press Secretary Geoff Morrell")
    assert "sviatlana tsikhanouskaya" in _keys(
        "Belarusian opposition leader Sviatlana Tsikhanouskaya"
    )
    assert "european union" not in _keys("the United States Ambassador to the European Union")
    assert "united states" not in _keys("Russia’s Ambassador to the United States")
    assert "ilves" in _keys("President Ilves of Estonia")
    assert "cameron" in _keys("Prime Minister Cameron of the United Kingdom")
    # an office of a country is not the country
    assert "kuwait" not in _keys("Emir of Kuwait")
    assert "spain" not in _keys("President of Spain")
    assert "lloyd austin" in _keys("Secretary of Defense Lloyd Austin")


def test_eval_does_not_read_two_organizations_as_one_persons_first_and_last_name(tmp_path):
    import json

    import networkx as nx

    from newsgraph.evaluate import score_file

    graph = nx.MultiDiGraph()
    for node, label in (
        ("cmc", "Central Military Commission"),
        ("cplc", "Central Politics and Law Commission"),
    ):
        graph.add_node(node, label=label, aliases=label, type="ORG", document_ids="rice.txt")
    gold = {
        "text": "rice.txt",
        "entities": [
            {"id": "cmc", "type": "ORG", "names": ["Central Military Commission"]},
            {"id": "cplc", "type": "ORG", "names": ["Central Politics and Law Commission"]},
        ],
    }
    path = tmp_path / "rice.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    score = score_file(graph, path)
    assert score.false_merges == []
    assert score.nodes_correct == 2


def test_eval_does_not_count_a_holder_and_the_body_named_in_his_office_as_a_false_merge(tmp_path):
    import json

    import networkx as nx

    from newsgraph.evaluate import score_file

    graph = nx.MultiDiGraph()
    for node, label, kind in (
        ("saud", "Saud al-Faisal", "PERSON"),
        ("ksa", "Saudi Arabia", "GPE"),
        ("nsc", "Saudi National Security Council", "ORG"),
        ("kim", "Kim Jong Il", "PERSON"),
    ):
        graph.add_node(node, label=label, aliases=label, type=kind, document_ids="gaggle.txt")
    gold = {
        "text": "gaggle.txt",
        "entities": [
            {
                "id": "saud",
                "type": "PERSON",
                "names": ["Saud al-Faisal", "the Foreign Minister of Saudi Arabia"],
            },
            {
                "id": "bandar",
                "type": "PERSON",
                "names": ["Bandar", "the Secretary General of the Saudi National Security Council"],
            },
            {"id": "ksa", "type": "GPE", "names": ["Saudi Arabia"]},
            {"id": "nsc", "type": "ORG", "names": ["the Saudi National Security Council"]},
            {
                "id": "cho",
                "type": "PERSON",
                "names": [
                    "Cho",
                    "The North Korean official second in command to leader Kim Jong Il",
                ],
            },
            {"id": "kim", "type": "PERSON", "names": ["leader Kim Jong Il", "Kim Jong Il"]},
        ],
    }
    path = tmp_path / "gaggle.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    score = score_file(graph, path)
    assert score.false_merges == []
    assert score.nodes_correct == 4


def test_eval_reads_a_node_by_its_exact_name_before_a_name_inside_it(tmp_path):
    # "the Vice President" is no "President"; "U.S. Embassy Moscow" is not Moscow, though
    # the stripped names "President" and "Moscow" are other gold entities' names
    import json

    import networkx as nx

    from newsgraph.evaluate import score_file

    graph = nx.MultiDiGraph()
    for node, label, kind in (
        ("vp", "the Vice President", "PERSON"),
        ("embassy", "U.S. Embassy Moscow", "ORG"),
    ):
        graph.add_node(node, label=label, aliases=label, type=kind, document_ids="call.txt")
    gold = {
        "text": "call.txt",
        "entities": [
            {"id": "reagan", "type": "PERSON", "names": ["The President"]},
            {"id": "vp", "type": "PERSON", "names": ["the Vice President"]},
            {"id": "moscow", "type": "GPE", "names": ["Moscow"]},
            {"id": "embassy", "type": "ORG", "names": ["U.S. Embassy Moscow"]},
        ],
    }
    path = tmp_path / "call.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    score = score_file(graph, path)
    assert score.false_merges == []
    assert score.nodes_correct == 2
