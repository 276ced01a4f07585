"""Build stage: corpus entities and asserted relations into a networkx MultiDiGraph.

One node per corpus entity; one edge per (source, target, relation type), aggregating every
supporting sentence. Negated and hedged statements stay in extractions.jsonl but never become
edges. A symmetric relation (met) is stored once per pair, source being the smaller node id.

Every edge keeps its best sentence in `evidence` and all of them, in order, in `sentences` (a list
of dicts: only JSON and the HTML viewer carry it; the XML and CSV formats keep scalars only). Where
documents carry dates, nodes and edges get `first_date`, the earliest ISO date that supports them.

`filter_graph` narrows a built graph (relations, types, weight, isolates); `add_layout` stores
deterministic x/y positions; `cooccurrence=True` adds `mentioned_with` edges between entities
named in the same sentence.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import inspect
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from newsgraph.models import DocumentExtraction, Evidence, Relation
from newsgraph.pipeline.corpus import CorpusLinks

ALIAS_SEPARATOR = " | "


def split_joined(value: object) -> list[str]:
    """The parts of a ' | '-joined attribute (aliases, titles, documents), or a list as is."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if not value:
        return []
    return [part for part in str(value).split(ALIAS_SEPARATOR) if part]


COOCCURRENCE = "mentioned_with"
LAYOUT_SEED = 42
LAYOUT_SCALE = 1000.0
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def asserted(relation: Relation) -> bool:
    """Does this relation belong in the graph (stated as fact or plan, not denied or hedged)?"""
    return not relation.negated and not relation.hedged


def iso_date(value: str | None) -> str | None:
    """`value` as an ISO date (YYYY-MM-DD) if it reads as one (ISO or RFC 2822), else None."""
    if not value:
        return None
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def build_graph(
    extractions: Iterable[DocumentExtraction],
    links: CorpusLinks,
    min_confidence: float = 0.0,
    cooccurrence: bool = False,
) -> nx.MultiDiGraph:
    """The graph of corpus entities and the relations between them.

    With `cooccurrence`, also a weighted `mentioned_with` edge (stored once per pair, source the
    smaller id) between every two entities named in one sentence; weight = shared sentences.
    `extractions` is read once, in one pass (it may stream from disk).
    """
    dates: dict[str, str] = {}
    support: dict[tuple[str, str, str], list[tuple[Relation, Evidence]]] = defaultdict(list)
    shared: dict[tuple[str, str], _Shared] = {}
    for ex in extractions:
        if date := iso_date(ex.date):
            dates[ex.document] = date
        if cooccurrence:
            _count_cooccurrence(ex, links, shared)
        for rel in ex.relations:
            if not asserted(rel) or rel.confidence < min_confidence:
                continue
            source = links.mapping.get((ex.document, rel.source))
            target = links.mapping.get((ex.document, rel.target))
            if source is None or target is None or source == target:
                continue
            if rel.symmetric and target < source:
                source, target = target, source
            for ev in rel.evidence:
                support[(source, target, rel.type)].append((rel, ev))
    graph = nx.MultiDiGraph()
    for entity in links.entities:
        first = min((dates[d] for d in entity.documents if d in dates), default=None)
        graph.add_node(
            entity.id,
            label=entity.name,
            type=entity.type,
            aliases=ALIAS_SEPARATOR.join(entity.aliases),
            titles=ALIAS_SEPARATOR.join(entity.titles),
            mentions=entity.mentions,
            documents=len(entity.documents),
            document_ids=ALIAS_SEPARATOR.join(entity.documents),
            ambiguous=entity.ambiguous,
        )
        if first:
            graph.nodes[entity.id]["first_date"] = first
    for (source, target, rtype), items in sorted(support.items()):
        sentences = {(ev.document, ev.start) for _, ev in items}
        first = min((dates[ev.document] for _, ev in items if ev.document in dates), default=None)
        best_rel, best_ev = max(
            items, key=lambda it: (it[0].confidence, -it[1].start, it[1].document)
        )
        planned_only = all(rel.tense == "planned" for rel, _ in items)
        graph.add_edge(
            source,
            target,
            key=rtype,
            relation=rtype,
            label=rtype,
            weight=float(len(sentences)),
            confidence=max(rel.confidence for rel, _ in items),
            evidence=best_ev.sentence,
            evidence_document=best_ev.document,
            evidence_start=best_ev.start,
            documents=ALIAS_SEPARATOR.join(sorted({ev.document for _, ev in items})),
            symmetric=best_rel.symmetric,
            tense="planned" if planned_only else "past",
            cameo=best_rel.cameo,
            sentences=_sentences(ev for _, ev in items),
        )
        if first:
            graph.edges[source, target, rtype]["first_date"] = first
    _add_cooccurrence(graph, shared, dates)
    return graph


def _sentences(evidence: Iterable[Evidence]) -> list[dict[str, object]]:
    """Every distinct supporting sentence, in document order."""
    seen: dict[tuple[str, int], Evidence] = {}
    for ev in evidence:
        seen.setdefault((ev.document, ev.start), ev)
    return [
        {"document": ev.document, "start": ev.start, "sentence": ev.sentence, "trigger": ev.trigger}
        for _, ev in sorted(seen.items())
    ]


@dataclass
class _Shared:
    """Sentences two entities share: how many, and in which documents."""

    sentences: int = 0
    documents: set[str] = field(default_factory=set)


def _count_cooccurrence(
    ex: DocumentExtraction, links: CorpusLinks, shared: dict[tuple[str, str], _Shared]
) -> None:
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for mention in ex.mentions:
        if mention.entity is None:
            continue
        node = links.mapping.get((ex.document, mention.entity))
        if node is not None:
            by_sentence[mention.sentence].add(node)
    for nodes in by_sentence.values():
        for pair in combinations(sorted(nodes), 2):
            entry = shared.setdefault(pair, _Shared())
            entry.sentences += 1
            entry.documents.add(ex.document)


def _add_cooccurrence(
    graph: nx.MultiDiGraph, shared: dict[tuple[str, str], _Shared], dates: dict[str, str]
) -> None:
    for (source, target), entry in sorted(shared.items()):
        if source not in graph or target not in graph:
            continue
        docs = sorted(entry.documents)
        first = min((dates[d] for d in docs if d in dates), default=None)
        graph.add_edge(
            source,
            target,
            key=COOCCURRENCE,
            relation=COOCCURRENCE,
            label=COOCCURRENCE,
            weight=float(entry.sentences),
            documents=ALIAS_SEPARATOR.join(docs),
            symmetric=True,
        )
        if first:
            graph.edges[source, target, COOCCURRENCE]["first_date"] = first


def filter_graph(
    graph: nx.MultiDiGraph,
    relations: Collection[str] | None = None,
    types: Collection[str] | None = None,
    min_weight: float | None = None,
    drop_isolates: bool = False,
) -> nx.MultiDiGraph:
    """A filtered copy of the graph; the input is left as it was.

    relations: keep only edges of these relation types (`mentioned_with` is one too);
    types: keep only nodes of these entity types (case-insensitive) and the edges between them;
    min_weight: keep only edges with at least this many supporting sentences;
    drop_isolates: then remove nodes left without any edge.
    """
    wanted_types = {t.upper() for t in types} if types else None
    wanted_relations = set(relations) if relations else None
    result = nx.MultiDiGraph()
    result.graph.update(graph.graph)
    for node, data in graph.nodes(data=True):
        if wanted_types is None or str(data.get("type", "")).upper() in wanted_types:
            result.add_node(node, **data)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if source not in result or target not in result:
            continue
        if wanted_relations is not None and data.get("relation", key) not in wanted_relations:
            continue
        if min_weight is not None and float(data.get("weight", 1.0)) < min_weight:
            continue
        result.add_edge(source, target, key=key, **data)
    if drop_isolates:
        result.remove_nodes_from([n for n in list(result.nodes) if result.degree(n) == 0])
    return result


def layout_positions(
    graph: nx.Graph, seed: int = LAYOUT_SEED, scale: float = LAYOUT_SCALE
) -> dict[str, tuple[float, float]]:
    """Deterministic positions (rounded to 0.01) for every node of the graph.

    Connected nodes get a seeded spring layout (edge weights pull harder) within `scale`; nodes
    without edges go on a ring just outside it, in id order, so they do not squeeze the rest.
    """
    simple = nx.Graph()
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for source, target, data in graph.edges(data=True):
        if source != target:
            pair = (source, target) if source < target else (target, source)
            weights[pair] += float(data.get("weight", 1.0))
    connected = sorted({n for pair in weights for n in pair})
    simple.add_nodes_from(connected)
    for (source, target), weight in sorted(weights.items()):
        simple.add_edge(source, target, weight=weight)
    positions: dict[str, tuple[float, float]] = {}
    if simple.number_of_nodes() == 2:
        a, b = connected
        positions = {a: (-scale / 2, 0.0), b: (scale / 2, 0.0)}
    elif simple.number_of_nodes() > 2:
        kwargs: dict[str, object] = {"seed": seed, "scale": scale, "weight": "weight"}
        if simple.number_of_nodes() >= 500 and not _has_scipy():
            # networkx's sparse solver for large graphs needs SciPy; the dense one does not.
            if "method" in inspect.signature(nx.spring_layout).parameters:
                kwargs["method"] = "force"
        pos = nx.spring_layout(simple, **kwargs)
        positions = {node: (float(x), float(y)) for node, (x, y) in pos.items()}
    isolated = sorted(n for n in graph.nodes if n not in positions)
    if isolated and not positions and len(isolated) == 1:
        positions[isolated[0]] = (0.0, 0.0)
    elif isolated:
        radius = scale * (1.25 if positions else 1.0)
        for i, node in enumerate(isolated):
            angle = 2 * math.pi * i / len(isolated)
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return {node: (round(x, 2), round(y, 2)) for node, (x, y) in positions.items()}


def add_layout(
    graph: nx.MultiDiGraph, seed: int = LAYOUT_SEED, scale: float = LAYOUT_SCALE
) -> nx.MultiDiGraph:
    """Store `x` and `y` (floats) on every node from a seeded spring layout; returns the graph."""
    for node, (x, y) in layout_positions(graph, seed, scale).items():
        graph.nodes[node]["x"] = x
        graph.nodes[node]["y"] = y
    return graph


def _has_scipy() -> bool:
    try:
        import scipy  # noqa: F401
    except ImportError:
        return False
    return True
