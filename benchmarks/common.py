"""Shared helpers of the public-data benchmarks: run the real pipeline (with an optional cache of
the extractions, so that linking can be re-measured without re-parsing), and locate the data."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.models import Document, DocumentExtraction  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def data_path(*parts: str) -> Path:
    """A file under ../shared/data (next to the repository), or an error that says where."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"missing {path}: the benchmark data lives in ../shared/data beside the repo")
    return path


def extract(
    documents: list[Document], cache: Path | None = None, batch_size: int = 32
) -> list[DocumentExtraction]:
    """Extractions of the documents by the real pipeline (nlp -> link within each document).

    With `cache`, extractions are read from that JSONL file when it holds exactly these
    documents, and written there otherwise."""
    ids = [d.id for d in documents]
    if cache is not None and cache.exists():
        cached = [
            DocumentExtraction.model_validate_json(line)
            for line in cache.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        if [c.document for c in cached] == ids:
            print(f"(extractions read from {cache})", file=sys.stderr)
            return cached
    from newsgraph.lexicon import default_lexicon
    from newsgraph.pipeline.extract import extract_documents
    from newsgraph.pipeline.nlp import load_model

    started = time.perf_counter()
    nlp = load_model()
    out = list(extract_documents(nlp, documents, default_lexicon(), batch_size=batch_size))
    seconds = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in documents)
    print(f"(extracted {len(out)} documents, {words:,} words in {seconds:.1f}s)", file=sys.stderr)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(ex.model_dump_json() + "\n" for ex in out), encoding="utf-8")
    return out


def bcubed(
    gold_of: dict[object, object], system_of: dict[object, object]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of `gold_of` (item -> gold cluster);
    `system_of` gives each item's system cluster (items missing from it are singletons)."""
    gold_members: dict[object, set[object]] = {}
    system_members: dict[object, set[object]] = {}
    for item, g in gold_of.items():
        gold_members.setdefault(g, set()).add(item)
        s = system_of.get(item, ("singleton", item))
        system_members.setdefault(s, set()).add(item)
    precision = recall = 0.0
    for item, g in gold_of.items():
        s = system_members[system_of.get(item, ("singleton", item))]
        overlap = len(s & gold_members[g])
        precision += overlap / len(s)
        recall += overlap / len(gold_members[g])
    n = len(gold_of) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def table(rows: Iterable[list[str]], header: list[str]) -> str:
    rows = [header, *rows]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
