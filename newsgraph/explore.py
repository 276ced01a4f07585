"""`newsgraph inspect` and `newsgraph explain`: look at a written graph in the terminal.

Every string from the graph goes to the console as rich `Text`, never as markup: a name or a
sentence like "[bold]..." from an article is printed as written.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from typing import Any

import networkx as nx
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsgraph.pipeline.build import split_joined


def _fold(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def find_entities(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes NAME stands for, best tier first: id, then label, then alias (all case-insensitive),
    then labels or aliases containing NAME. Returns every node of the first tier that has any."""
    key = _fold(name)
    if not key:
        return []
    if name in graph:
        return [name]
    tiers: list[list[str]] = [[], [], [], []]
    for node, data in graph.nodes(data=True):
        label = _fold(data.get("label", node))
        aliases = [_fold(a) for a in split_joined(data.get("aliases"))]
        if _fold(node) == key:
            tiers[0].append(node)
        elif label == key:
            tiers[1].append(node)
        elif key in aliases:
            tiers[2].append(node)
        elif key in label or any(key in a for a in aliases):
            tiers[3].append(node)
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda n: (-_mentions(graph, n), _label(graph, n), n))
    return []


def _mentions(graph: nx.MultiDiGraph, node: str) -> int:
    try:
        return int(graph.nodes[node].get("mentions", 0))
    except (TypeError, ValueError):
        return 0


def print_inspection(
    graph: nx.MultiDiGraph, console: Console, top: int = 15, name: str = "graph"
) -> None:
    """Counts, entities by type, top entities by degree and relations by type."""
    documents: set[str] = set()
    for _, data in graph.nodes(data=True):
        documents.update(split_joined(data.get("document_ids")))
    dates = sorted(str(d["first_date"]) for *_, d in graph.nodes(data=True) if d.get("first_date"))
    sentences = sum(float(d.get("weight", 1.0)) for *_, d in graph.edges(data=True))
    relation_types = {d.get("relation", k) for _, _, k, d in graph.edges(keys=True, data=True)}
    summary = Table(title=Text(f"newsgraph inspect: {name}"), show_header=False)
    summary.add_column("what")
    summary.add_column("count", justify="right")
    rows = [
        ("entities", graph.number_of_nodes()),
        ("relations (edges)", graph.number_of_edges()),
        ("relation types", len(relation_types)),
        ("supporting sentences", _number(sentences)),
        ("documents", len(documents)),
        ("isolated entities", sum(1 for n in graph.nodes if graph.degree(n) == 0)),
        (
            "connected components",
            nx.number_weakly_connected_components(graph) if graph.number_of_nodes() else 0,
        ),
    ]
    if dates:
        rows.append(("first dates", f"{dates[0]} .. {dates[-1]}"))
    for what, count in rows:
        summary.add_row(Text(what), Text(str(count)))
    console.print(summary)

    types: Counter[str] = Counter()
    type_mentions: Counter[str] = Counter()
    for node, data in graph.nodes(data=True):
        types[str(data.get("type", ""))] += 1
        type_mentions[str(data.get("type", ""))] += _mentions(graph, node)
    by_type = Table(title="Entities by type")
    for column in ("type", "entities", "mentions"):
        by_type.add_column(column, justify="left" if column == "type" else "right")
    for etype, count in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])):
        by_type.add_row(Text(etype), Text(str(count)), Text(str(type_mentions[etype])))
    console.print(by_type)

    ranked = sorted(
        graph.nodes,
        key=lambda n: (-graph.degree(n), -_mentions(graph, n), _label(graph, n), n),
    )[:top]
    top_table = Table(title=f"Top {len(ranked)} entities by degree")
    for column in ("#", "entity", "type", "degree", "out", "in", "mentions"):
        top_table.add_column(column, justify="left" if column in ("entity", "type") else "right")
    for rank, node in enumerate(ranked, 1):
        top_table.add_row(
            Text(str(rank)),
            Text(_label(graph, node)),
            Text(str(graph.nodes[node].get("type", ""))),
            Text(str(graph.degree(node))),
            Text(str(graph.out_degree(node))),
            Text(str(graph.in_degree(node))),
            Text(str(_mentions(graph, node))),
        )
    console.print(top_table)

    edges: Counter[str] = Counter()
    weights: dict[str, float] = defaultdict(float)
    confidences: dict[str, list[float]] = defaultdict(list)
    for _, _, key, data in graph.edges(keys=True, data=True):
        relation = str(data.get("relation", key))
        edges[relation] += 1
        weights[relation] += float(data.get("weight", 1.0))
        if isinstance(data.get("confidence"), int | float):
            confidences[relation].append(float(data["confidence"]))
    by_relation = Table(title="Relations by type")
    for column in ("relation", "edges", "sentences", "mean confidence"):
        by_relation.add_column(column, justify="left" if column == "relation" else "right")
    for relation, count in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        values = confidences[relation]
        mean = f"{sum(values) / len(values):.2f}" if values else "-"
        by_relation.add_row(
            Text(relation), Text(str(count)), Text(_number(weights[relation])), Text(mean)
        )
    console.print(by_relation)


def _evidence(data: dict[str, Any]) -> list[tuple[str, str]]:
    sentences = data.get("sentences")
    if isinstance(sentences, list) and sentences:
        return [
            (str(s.get("sentence", "")), str(s.get("document", "")))
            for s in sentences
            if isinstance(s, dict)
        ]
    if data.get("evidence"):
        return [(str(data["evidence"]), str(data.get("evidence_document", "")))]
    return []


def print_explanation(graph: nx.MultiDiGraph, node: str, console: Console) -> None:
    """The entity's names, titles and every relation with the sentences that state it."""
    data = graph.nodes[node]
    head = Text()
    head.append(_label(graph, node), style="bold")
    head.append(f"  {data.get('type', '')}  ")
    head.append(str(node), style="dim")
    console.print(head)
    facts = []
    if "mentions" in data:
        facts.append(_plural(data["mentions"], "mention"))
    docs = split_joined(data.get("document_ids"))
    if docs or "documents" in data:
        facts.append(_plural(len(docs) or data.get("documents"), "document"))
    if data.get("first_date"):
        facts.append(f"first seen {data['first_date']}")
    if data.get("ambiguous") in (True, "true", "True"):
        facts.append("ambiguous short name")
    if facts:
        console.print(Text(", ".join(facts)))
    for title, values in (
        ("Aliases", split_joined(data.get("aliases"))),
        ("Titles", split_joined(data.get("titles"))),
    ):
        line = Text()
        line.append(f"{title}: ", style="bold")
        line.append("; ".join(values) if values else "none")
        console.print(line)

    edges = [(s, t, k, d) for s, t, k, d in graph.out_edges(node, keys=True, data=True)]
    edges += [
        (s, t, k, d) for s, t, k, d in graph.in_edges(node, keys=True, data=True) if s != node
    ]
    if not edges:
        console.print(Text("No relations."))
        return

    def order(edge: tuple[str, str, Any, dict[str, Any]]) -> tuple[str, str, str]:
        source, target, key, d = edge
        other = target if source == node else source
        return (str(d.get("relation", key)), _label(graph, other), other)

    title = Text()
    title.append(f"Relations ({len(edges)})", style="bold")
    console.print(title)
    for source, target, key, d in sorted(edges, key=order):
        outgoing = source == node
        other = target if outgoing else source
        symmetric = d.get("symmetric") in (True, "true", "True")
        arrow = "<->" if symmetric else ("->" if outgoing else "<-")
        line = Text()
        line.append(f"{arrow} ")
        line.append(str(d.get("relation", key)), style="bold")
        line.append(" ")
        line.append(_label(graph, other))
        facts = [_plural(d.get("weight", 1.0), "sentence")]
        if isinstance(d.get("confidence"), int | float):
            facts.append(f"confidence {float(d['confidence']):.2f}")
        if d.get("tense") == "planned":
            facts.append("planned")
        if d.get("first_date"):
            facts.append(str(d["first_date"]))
        line.append(f"  ({', '.join(facts)})", style="dim")
        console.print(line)
        evidence = _evidence(d)
        if not evidence:
            console.print(
                Padding(
                    Text("co-occurrence: no single sentence states it", style="dim"), (0, 0, 0, 4)
                )
            )
        for sentence, document in evidence:
            quote = Text()
            quote.append(f"\u201c{sentence}\u201d")
            if document:
                quote.append(f"  ({document})", style="dim")
            console.print(Padding(quote, (0, 0, 0, 4)))


def _plural(value: Any, word: str) -> str:
    count = _number(value)
    return f"{count} {word}" if count == "1" else f"{count} {word}s"


def print_candidates(graph: nx.MultiDiGraph, name: str, found: list[str], console: Console) -> None:
    """Why explain cannot answer: no match (with close names), or several (with their ids)."""
    if not found:
        message = Text(f"newsgraph: no entity called {name!r} in the graph.")
        labels = {str(d.get("label", n)): n for n, d in graph.nodes(data=True)}
        close = _close_names(name, list(labels))
        if close:
            message.append("\nDid you mean: " + "; ".join(close) + "?")
        console.print(message)
        return
    console.print(Text(f"newsgraph: {name!r} matches {len(found)} entities; name one by its id:"))
    table = Table()
    table.add_column("id", overflow="fold")
    for column in ("entity", "type", "mentions", "aliases"):
        table.add_column(column)
    for node in found[:30]:
        data = graph.nodes[node]
        table.add_row(
            Text(str(node)),
            Text(_label(graph, node)),
            Text(str(data.get("type", ""))),
            Text(str(data.get("mentions", ""))),
            Text("; ".join(split_joined(data.get("aliases")))),
        )
    console.print(table)
    if len(found) > 30:
        console.print(Text(f"... and {len(found) - 30} more"))


def _close_names(name: str, labels: list[str]) -> list[str]:
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return []
    hits = process.extract(name, labels, scorer=fuzz.WRatio, processor=_fold, limit=5)
    return [label for label, score, _ in hits if score >= 60]
