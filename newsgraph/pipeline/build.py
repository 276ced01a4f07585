"""Build stage: corpus entities and asserted relations into a networkx MultiDiGraph.

One node per corpus entity; one edge per (source, target, relation type), aggregating every
supporting sentence. Negated and hedged statements stay in extractions.jsonl but never become
edges. A symmetric relation (met) is stored once per pair, source being the smaller node id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from newsgraph.models import DocumentExtraction, Evidence, Relation
from newsgraph.pipeline.corpus import CorpusLinks

ALIAS_SEPARATOR = " | "


def asserted(relation: Relation) -> bool:
    """Does this relation belong in the graph (stated as fact or plan, not denied or hedged)?"""
    return not relation.negated and not relation.hedged


def build_graph(
    extractions: Iterable[DocumentExtraction],
    links: CorpusLinks,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """The graph of corpus entities and the relations between them."""
    graph = nx.MultiDiGraph()
    for entity in links.entities:
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
    support: dict[tuple[str, str, str], list[tuple[Relation, Evidence]]] = defaultdict(list)
    for ex in extractions:
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
    for (source, target, rtype), items in sorted(support.items()):
        sentences = {(ev.document, ev.start) for _, ev in items}
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
        )
    return graph
