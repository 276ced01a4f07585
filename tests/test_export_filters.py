"""Graph options of `run`: filters, co-occurrence edges, first dates and layout (build.py)."""

from __future__ import annotations

import networkx as nx
import pytest

from newsgraph.pipeline.build import (
    COOCCURRENCE,
    add_layout,
    build_graph,
    filter_graph,
    iso_date,
    layout_positions,
)
from newsgraph.pipeline.corpus import link_corpus

try:
    from test_export_formats import sample_extractions, sample_graph
except ImportError:  # tests/ imported as a package
    from tests.test_export_formats import sample_extractions, sample_graph


def _labels(graph: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}


def _relations(graph: nx.MultiDiGraph) -> list[str]:
    return sorted(d["relation"] for *_, d in graph.edges(data=True))


def test_filter_by_relation_keeps_nodes_unless_isolates_dropped() -> None:
    graph = sample_graph()
    met = filter_graph(graph, relations=["met", "advised"])
    assert _relations(met) == ["met"]
    assert met.number_of_nodes() == graph.number_of_nodes()
    met_only = filter_graph(graph, relations=["met"], drop_isolates=True)
    assert _labels(met_only) == {"Michael Flynn", "Sergey Kislyak"}


def test_filter_by_type_is_case_insensitive_and_drops_their_edges() -> None:
    people = filter_graph(sample_graph(), types=["person"])
    assert "U.S. Central Command" not in _labels(people)
    assert _relations(people) == ["fired", "met"]
    assert {d["type"] for _, d in people.nodes(data=True)} == {"PERSON"}


def test_filter_by_min_weight() -> None:
    graph = sample_graph()
    assert _relations(filter_graph(graph, min_weight=2)) == ["met"]
    assert _relations(filter_graph(graph, min_weight=1)) == ["fired", "met", "opposed"]


def test_drop_isolates_alone() -> None:
    graph = filter_graph(sample_graph(), drop_isolates=True)
    assert "Barack Obama" not in _labels(graph)
    assert all(graph.degree(n) > 0 for n in graph)


def test_filter_returns_a_copy() -> None:
    graph = sample_graph()
    before = (graph.number_of_nodes(), graph.number_of_edges())
    filtered = filter_graph(graph, relations=["met"], types=["PERSON"], drop_isolates=True)
    filtered.nodes[next(iter(filtered.nodes))]["label"] = "changed"
    assert (graph.number_of_nodes(), graph.number_of_edges()) == before
    assert "changed" not in _labels(graph)
    assert filter_graph(graph).number_of_edges() == before[1]


def test_cooccurrence_edges_only_on_request() -> None:
    extractions = sample_extractions()
    links = link_corpus(extractions)
    assert COOCCURRENCE not in _relations(build_graph(extractions, links))

    graph = build_graph(extractions, links, cooccurrence=True)
    co = {
        (graph.nodes[s]["label"], graph.nodes[t]["label"]): d
        for s, t, k, d in graph.edges(keys=True, data=True)
        if k == COOCCURRENCE
    }
    # Flynn and Kislyak share a sentence in each article; Flynn shares one with CENTCOM and
    # one with Trump; Obama shares none.
    pairs = {tuple(sorted(p)): d["weight"] for p, d in co.items()}
    assert pairs == {
        ("Michael Flynn", "Sergey Kislyak"): 2.0,
        ("Michael Flynn", "U.S. Central Command"): 1.0,
        ("Donald Trump", "Michael Flynn"): 1.0,
    }
    for s, t, k, d in graph.edges(keys=True, data=True):
        if k == COOCCURRENCE:
            assert s < t and d["symmetric"] is True and d["label"] == COOCCURRENCE
    assert _relations(filter_graph(graph, relations=[COOCCURRENCE])) == [COOCCURRENCE] * 3


def test_first_dates_are_the_earliest_supporting_document() -> None:
    graph = sample_graph()
    dates = {d["label"]: d.get("first_date") for _, d in graph.nodes(data=True)}
    assert dates["Michael Flynn"] == "2016-12-29"  # b.txt is older than a.txt
    assert dates["U.S. Central Command"] == "2017-02-14"
    edge_dates = {d["relation"]: d.get("first_date") for *_, d in graph.edges(data=True)}
    assert edge_dates == {"met": "2016-12-29", "opposed": "2017-02-14", "fired": "2017-02-14"}


def test_no_dates_no_date_attribute() -> None:
    extractions = sample_extractions()
    for ex in extractions:
        ex.date = "sometime last spring"
    graph = build_graph(extractions, link_corpus(extractions))
    assert not [n for n, d in graph.nodes(data=True) if "first_date" in d]
    assert not [e for *e, d in graph.edges(data=True) if "first_date" in d]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-02-14", "2017-02-14"),
        ("2017-02-14T10:00:00+02:00", "2017-02-14"),
        (" 2009-07-01 ", "2009-07-01"),
        ("Tue, 14 Feb 2017 10:00:00 GMT", "2017-02-14"),
        ("2017-02-30", None),
        ("February 2017", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(text, expected) -> None:
    assert iso_date(text) == expected


def test_layout_is_deterministic_and_complete() -> None:
    first = add_layout(sample_graph())
    second = add_layout(sample_graph())
    positions = {n: (d["x"], d["y"]) for n, d in first.nodes(data=True)}
    assert positions == {n: (d["x"], d["y"]) for n, d in second.nodes(data=True)}
    assert all(isinstance(x, float) and isinstance(y, float) for x, y in positions.values())
    assert len(set(positions.values())) == len(positions)
    # The isolate sits on the ring outside the connected part.
    obama = next(n for n, d in first.nodes(data=True) if d["label"] == "Barack Obama")
    ox, oy = positions[obama]
    others = [abs(x) + abs(y) for n, (x, y) in positions.items() if n != obama]
    assert (ox**2 + oy**2) ** 0.5 > max(others) / 2


def test_layout_of_tiny_graphs() -> None:
    assert layout_positions(nx.MultiDiGraph()) == {}
    single = nx.MultiDiGraph()
    single.add_node("a")
    assert layout_positions(single) == {"a": (0.0, 0.0)}
    pair = nx.MultiDiGraph()
    pair.add_edge("a", "b", weight=1.0)
    pos = layout_positions(pair)
    assert pos["a"] != pos["b"]
