"""Precision and recall of met/opposed edges on re3d-dev (UK Government, DFAT, EU, Wikipedia).

re3d's `CommWith` relations whose trigger is a meeting word are our `met`; `Dislikes` and
`FightingAgainst` are our `opposed`. A gold relation counts as findable when both arguments are
named (or are titles that `IsSynonymOf` ties to a name in the same document). One of our edges is
correct when a gold relation of its class links spans overlapping a mention of each side.

    python benchmarks/re3d.py [--data ../shared/data/re3d-dev] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from newsgraph.lexicon import default_lexicon
from newsgraph.models import Document
from newsgraph.pipeline.build import asserted
from newsgraph.pipeline.extract import extract_documents
from newsgraph.pipeline.nlp import load_model

MEETING = re.compile(
    r"\b(met|meet|meeting|meetings|talks|talked|discuss|discussed|discussions|hosted|host|received|visit|visited|call|spoke|speak|conversation)\b",
    re.I,
)
PRONOUNS = {
    "he",
    "she",
    "we",
    "they",
    "i",
    "it",
    "his",
    "her",
    "their",
    "our",
    "us",
    "them",
    "him",
    "you",
}


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip().lstrip("\ufeff")
        if line:
            rows.append(json.loads(line))
    return rows


def looks_named(text: str) -> bool:
    words = re.sub(r"^(the|The)\s+", "", text.strip()).split()
    if not words or text.strip().lower() in PRONOUNS:
        return False
    lexicon = default_lexicon()
    if all(lexicon.is_title(w) or w.lower() in ("of", "for", "the", "and") for w in words):
        return False
    return words[0][:1].isupper()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/re3d-dev"
    )
    ap.add_argument("--show", action="store_true", help="print every edge with its sentence")
    args = ap.parse_args()

    docs: dict[str, dict] = {}
    gold: dict[str, list[tuple[str, tuple[int, int], tuple[int, int], str]]] = defaultdict(list)
    synonyms: dict[str, dict[tuple[int, int], set[tuple[int, int]]]] = defaultdict(
        lambda: defaultdict(set)
    )
    span_text: dict[tuple[str, tuple[int, int]], str] = {}
    for folder in sorted(p for p in args.data.iterdir() if p.is_dir()):
        for d in read_jsonl(folder / "documents.json"):
            docs[d["_id"]] = d
        for r in read_jsonl(folder / "relations.json"):
            if r.get("confidence", 1) < 0.5:
                continue
            doc = r["documentId"]
            s, t = (r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"])
            span_text[(doc, s)], span_text[(doc, t)] = r["source"], r["target"]
            if r["type"] == "IsSynonymOf":
                synonyms[doc][s].add(t)
                synonyms[doc][t].add(s)
            elif r["type"] == "CommWith" and MEETING.search(r.get("value", "")):
                gold[doc].append(("met", s, t, r.get("value", "")))
            elif r["type"] in ("Dislikes", "FightingAgainst"):
                gold[doc].append(("opposed", s, t, r.get("value", "")))

    def named_spans(doc: str, span: tuple[int, int]) -> set[tuple[int, int]]:
        out = {span} | synonyms[doc].get(span, set())
        return {
            sp
            for sp in out
            if looks_named(span_text.get((doc, sp), docs[doc]["text"][sp[0] : sp[1]]))
        }

    findable = {
        doc: [(k, named_spans(doc, s), named_spans(doc, t), v) for k, s, t, v in rels]
        for doc, rels in gold.items()
    }
    findable = {doc: [g for g in rels if g[1] and g[2]] for doc, rels in findable.items()}

    nlp = load_model()
    documents = [Document(id=i, text=d["text"]) for i, d in sorted(docs.items())]
    ours = 0
    correct = 0
    found: set[tuple[str, int]] = set()
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ex in extract_documents(nlp, documents):
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in ex.mentions:
            spans[m.entity].append((m.start, m.end))
        names = {e.id: e.name for e in ex.entities}

        def overlaps(a: list[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
            return any(x < q and p < y for x, y in a for p, q in b)

        for rel in ex.relations:
            if rel.type not in ("met", "opposed") or not asserted(rel):
                continue
            ours += 1
            by_type[rel.type][0] += 1
            hit = False
            for n, (kind, gs, gt, _) in enumerate(findable.get(ex.document, [])):
                if kind != rel.type:
                    continue
                fwd = overlaps(spans[rel.source], gs) and overlaps(spans[rel.target], gt)
                back = overlaps(spans[rel.source], gt) and overlaps(spans[rel.target], gs)
                if fwd or back:
                    hit = True
                    found.add((ex.document, n))
            correct += hit
            by_type[rel.type][1] += hit
            if args.show:
                mark = "OK " if hit else "?? "
                print(
                    mark,
                    rel.type,
                    names[rel.source],
                    "->",
                    names[rel.target],
                    "|",
                    rel.evidence[0].sentence[:160].replace("\n", " "),
                )
    total = sum(len(v) for v in findable.values())

    def count_kind(kind: str) -> int:
        return sum(1 for rels in findable.values() for g in rels if g[0] == kind)

    if args.show:
        for doc, rels in sorted(findable.items()):
            for n, (kind, gs, gt, value) in enumerate(rels):
                if (doc, n) not in found:
                    text = docs[doc]["text"]
                    s, t = sorted(gs)[0], sorted(gt)[0]
                    print(
                        "MISS",
                        kind,
                        repr(text[s[0] : s[1]]),
                        "->",
                        repr(text[t[0] : t[1]]),
                        "|",
                        value,
                    )
    print(
        f"documents {len(documents)}  findable gold relations {total} "
        f"(met {count_kind('met')}, opposed {count_kind('opposed')})"
    )
    for kind, (n, ok) in sorted(by_type.items()):
        print(f"  {kind}: our edges {n}, matching an annotation {ok}")
    print(f"precision against annotations {correct}/{ours} = {correct / ours if ours else 0:.3f}")
    print(f"recall {len(found)}/{total} = {len(found) / total if total else 0:.3f}")


if __name__ == "__main__":
    main()
