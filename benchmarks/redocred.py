"""Re-DocRED dev split: how well the pipeline finds and groups named mentions of PER/ORG/LOC.

    python benchmarks/redocred.py [--limit N] [--cache /tmp/redocred.jsonl] [--show 20]

Runs the real pipeline (spaCy model, document-level linking, then corpus linking over all the
documents) on ../shared/data/redocred/dev_revised.json (500 Wikipedia lead sections; tokens
joined by spaces, character offsets rebuilt), aligns our mentions one-to-one to gold mentions by
span overlap (character IoU >= 0.5, best first), and reports per type:

- found: share of gold entities with a mention aligned to one of our graph entities;
- multi-name merge recall: share of gold entities with two or more distinct names (after case,
  accents, dots and a leading "the" are folded) whose names all end in one of our entities;
  and "of found": the same over gold entities of which we found two or more distinct names,
  counting those whose found names all end in one of our entities (linking without NER misses);
- false-merge rate: pairs of different gold entities of a document that end in one of our
  entities / all such pairs;
- B-cubed precision / recall / F1 over gold mentions (unaligned ones count as singletons).

Rows: `pipeline` (graph nodes after corpus linking), `document` (document entities, before
corpus linking) and `exact name` (our mentions grouped by exact name within a document: the
baseline of an LLM graph builder; its multi-name merge recall is 0 by construction).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from common import bcubed, data_path, extract, pct, table

from newsgraph.models import Document, DocumentExtraction
from newsgraph.names import org_key
from newsgraph.pipeline.corpus import link_corpus
from newsgraph.pipeline.link import GRAPH_TYPES

TYPES = ("PER", "ORG", "LOC")


def load(limit: int | None) -> tuple[list[Document], list[dict]]:
    """Documents (tokens joined by spaces) and, per document, its gold entities with char spans."""
    raw = json.loads(data_path("redocred", "dev_revised.json").read_text(encoding="utf-8"))
    documents, golds = [], []
    for n, item in enumerate(raw[:limit]):
        starts: list[list[int]] = []
        parts: list[str] = []
        pos = 0
        for sent in item["sents"]:
            row = []
            for tok in sent:
                row.append(pos)
                parts.append(tok)
                pos += len(tok) + 1
            starts.append(row)
        text = " ".join(parts)
        entities = []
        for e, vertex in enumerate(item["vertexSet"]):
            etype = Counter(m["type"] for m in vertex).most_common(1)[0][0]
            mentions = []
            for m in vertex:
                a, b = m["pos"]
                start = starts[m["sent_id"]][a]
                last = starts[m["sent_id"]][b - 1]
                end = last + len(item["sents"][m["sent_id"]][b - 1])
                mentions.append((start, end, m["name"]))
            entities.append({"id": e, "type": etype, "mentions": mentions})
        doc_id = f"{n:03d}-{item['title']}"
        documents.append(Document(id=doc_id, text=text))
        golds.append({"doc": doc_id, "entities": entities})
    return documents, golds


def align(gold_spans: list[tuple[int, int]], ours: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one alignment of gold mentions to our mentions by character IoU >= 0.5."""
    pairs = []
    for gi, (ga, gb) in enumerate(gold_spans):
        for oi, (oa, ob) in enumerate(ours):
            inter = min(gb, ob) - max(ga, oa)
            if inter > 0:
                iou = inter / (max(gb, ob) - min(ga, oa))
                if iou >= 0.5:
                    pairs.append((iou, gi, oi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g, used_o, out = set(), set(), {}
    for _, gi, oi in pairs:
        if gi not in used_g and oi not in used_o:
            used_g.add(gi)
            used_o.add(oi)
            out[gi] = oi
    return out


def score(
    golds: list[dict],
    clusters: list[list[str | None]],
    aligned: list[dict[int, int]],
    keys: list[list[tuple[int, int, str]]],
    show: int = 0,
    label: str = "",
) -> dict:
    """Scores of one system: `clusters[d][o]` is the cluster of our mention o in document d."""
    found = Counter()
    total = Counter()
    multi = Counter()
    multi_ok = Counter()
    found_multi = Counter()
    found_multi_ok = Counter()
    pairs = Counter()
    merged = Counter()
    gold_of, system_of = {}, {}
    misses, false_merges = [], []
    for d, gold in enumerate(golds):
        ents = [e for e in gold["entities"] if e["type"] in TYPES]
        flat = [(e["id"], m) for e in ents for m in e["mentions"]]
        clusters_of_entity: dict[int, set[str]] = defaultdict(set)
        by_name: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for gi, (eid, m) in enumerate(flat):
            gold_of[(d, gi)] = (d, eid)
            oi = aligned[d].get(gi)
            c = clusters[d][oi] if oi is not None else None
            name = org_key(m[2])
            by_name[eid].setdefault(name, set())
            if c is not None:
                system_of[(d, gi)] = (d, c)
                clusters_of_entity[eid].add(c)
                by_name[eid][name].add(c)
        for e in ents:
            t = e["type"]
            total[t] += 1
            if clusters_of_entity[e["id"]]:
                found[t] += 1
            names = by_name[e["id"]]
            seen = [v for v in names.values() if v]
            if len(seen) > 1:
                found_multi[t] += 1
                if set.intersection(*seen):
                    found_multi_ok[t] += 1
            if len(names) > 1:
                multi[t] += 1
                common = set.intersection(*names.values())
                if common:
                    multi_ok[t] += 1
                elif len(misses) < show:
                    where = {k: sorted(map(str, v)) for k, v in names.items()}
                    misses.append(f"{gold['doc'][:40]}: {where}")
        for a, b in combinations(ents, 2):
            kind = a["type"] if a["type"] == b["type"] else "mixed"
            pairs[kind] += 1
            if clusters_of_entity[a["id"]] & clusters_of_entity[b["id"]]:
                merged[kind] += 1
                if len(false_merges) < show:
                    na = sorted({m[2] for m in a["mentions"]})
                    nb = sorted({m[2] for m in b["mentions"]})
                    false_merges.append(f"{gold['doc'][:40]}: {na} + {nb}")
    p, r, f1 = bcubed(gold_of, system_of)
    if show:
        print(f"\n[{label}] missed multi-name merges (first {show}):")
        print("\n".join("  " + m for m in misses))
        print(f"[{label}] false merges (first {show}):")
        print("\n".join("  " + m for m in false_merges))
    return {
        "found": found,
        "total": total,
        "multi": multi,
        "multi_ok": multi_ok,
        "found_multi": found_multi,
        "found_multi_ok": found_multi_ok,
        "pairs": pairs,
        "merged": merged,
        "bcubed": (p, r, f1),
    }


def rows(name: str, s: dict) -> list[list[str]]:
    out = []
    for t in (*TYPES, "all"):
        ts = TYPES if t == "all" else (t,)
        total = sum(s["total"][x] for x in ts)
        found = sum(s["found"][x] for x in ts)
        multi = sum(s["multi"][x] for x in ts)
        ok = sum(s["multi_ok"][x] for x in ts)
        fm = sum(s["found_multi"][x] for x in ts)
        fok = sum(s["found_multi_ok"][x] for x in ts)
        pair_kinds = (*TYPES, "mixed") if t == "all" else (t,)
        pairs = sum(s["pairs"][x] for x in pair_kinds)
        merged = sum(s["merged"][x] for x in pair_kinds)
        b = s["bcubed"] if t == "all" else None
        out.append(
            [
                name,
                t,
                f"{found}/{total} {pct(found / total if total else 0)}",
                f"{ok}/{multi} {pct(ok / multi if multi else 0)}",
                f"{fok}/{fm} {pct(fok / fm if fm else 0)}",
                f"{merged}/{pairs} {100 * merged / pairs if pairs else 0:.3f}%",
                "" if b is None else f"{b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}",
            ]
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents (default all 500)")
    ap.add_argument("--cache", type=Path, default=None, help="JSONL cache of the extractions")
    ap.add_argument("--show", type=int, default=0, help="print N missed merges and false merges")
    ap.add_argument("--demonyms", action="store_true", help="link demonyms to their country")
    args = ap.parse_args()

    documents, golds = load(args.limit)
    extractions: list[DocumentExtraction] = extract(documents, args.cache)
    links = link_corpus(extractions, demonyms=args.demonyms)

    aligned, pipeline, document, exact = [], [], [], []
    all_keys = []
    for ex, gold in zip(extractions, golds, strict=True):
        spans = [
            (m[0], m[1]) for e in gold["entities"] if e["type"] in TYPES for m in e["mentions"]
        ]
        types = {e.id: e.type for e in ex.entities}
        ours = [(m.start, m.end) for m in ex.mentions]
        aligned.append(align(spans, ours))
        pipeline.append([links.mapping.get((ex.document, m.entity)) for m in ex.mentions])
        document.append(
            [m.entity if types.get(m.entity) in GRAPH_TYPES else None for m in ex.mentions]
        )
        exact.append(
            [org_key(m.name) if types.get(m.entity) in GRAPH_TYPES else None for m in ex.mentions]
        )
        all_keys.append([])
    results = [
        ("pipeline", score(golds, pipeline, aligned, all_keys, args.show, "pipeline")),
        ("document", score(golds, document, aligned, all_keys)),
        ("exact name", score(golds, exact, aligned, all_keys)),
    ]
    print(
        f"\nRe-DocRED dev: {len(documents)} documents, "
        f"{sum(len(g['entities']) for g in golds)} gold entities (all types)"
    )
    print(
        table(
            [r for name, s in results for r in rows(name, s)],
            [
                "system",
                "type",
                "found",
                "multi-name merged",
                "of found",
                "false-merge rate",
                "B3 P/R/F1",
            ],
        )
    )


if __name__ == "__main__":
    main()
