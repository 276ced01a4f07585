"""Throughput of newsgraph against bare spaCy, worker scaling, and peak memory (a script).

    python benchmarks/throughput.py [--articles ../shared/data/ecbplus/articles.jsonl]
        [--docs 720] [--rounds 3] [--rss-docs 200] [--skip-rss]

Every measurement is a separate process, timed from start to exit, so both sides pay for Python,
imports and loading the model:

* bare spaCy: `spacy.load(model)` and `for doc in nlp.pipe(texts, batch_size=B): pass` over the
  texts of the JSONL file (the model exactly as installed, every component it enables);
* newsgraph: `newsgraph run FILE -o TMP --workers 1 --no-cache --quiet` (read, parse, link within
  documents, relations, corpus linking, graph, GraphML and extractions.jsonl).

The two alternate, `--rounds` times; the figures are medians. Then `--workers 1` against
`--workers 2` (alternated), and the peak RSS of `newsgraph run --workers 1` (and of
`newsgraph extract`, the streaming stage alone) over `--rss-docs` articles and over ten times as
many (the same texts again under new ids, --no-cache so every one is parsed).

Targets (issue 5): newsgraph at least 0.9 of bare spaCy's speed; 2 workers at least 1.7x one on
two cores; peak RSS for 10x the documents at most 1.2x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "ecbplus" / "articles.jsonl"
_SCRIPT = Path(sys.executable).with_name("newsgraph")
NEWSGRAPH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "newsgraph.cli"]

BARE = """
import json, sys, spacy
from newsgraph.pipeline.nlp import default_model_name
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
nlp = spacy.load(sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else default_model_name())
n = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    n += len(doc)
print(n, file=sys.stderr)
"""

# Runs a command and prints its peak RSS (KiB): max over the process and its descendants.
PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
assert done.returncode in (0, 3), done.returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def subset(articles: Path, docs: int, folder: Path, copies: int = 1) -> Path:
    """The first `docs` articles with text, `copies` times (later copies under new ids)."""
    rows = []
    with open(articles, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if isinstance(row.get("text"), str) and row["text"].strip():
                    rows.append(row)
            if len(rows) >= docs:
                break
    path = folder / f"corpus-{len(rows)}x{copies}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for row in rows:
                row = dict(row, id=f"{row['id']}#{copy}" if copy else row["id"])
                out.write(json.dumps(row) + "\n")
    return path


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: finished, some inputs skipped (named on stderr)
        raise SystemExit(f"{' '.join(cmd[:3])}... failed ({done.returncode}):\n{done.stderr}")
    if done.returncode == 3:
        print(f"    (finished with skipped inputs: {done.stderr.strip().splitlines()[:3]})")
    return seconds


def peak_rss_mib(cmd: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], check=True, capture_output=True, text=True
    ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def newsgraph_run(
    corpus: Path, outdir: Path, workers: int, batch: int, model: str | None
) -> list[str]:
    cmd = [*NEWSGRAPH, "run", str(corpus), "-o", str(outdir), "--workers", str(workers)]
    cmd += ["--batch-size", str(batch), "--no-cache", "--quiet"]
    return cmd + (["--model", model] if model else [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--docs", type=int, default=720, help="articles to time (at least 200)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None)
    parser.add_argument("--rss-docs", type=int, default=200)
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--skip-workers", action="store_true")
    args = parser.parse_args()
    if args.docs < 200:
        parser.error("--docs: at least 200 articles")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        tmp = Path(tmp)
        corpus = subset(args.articles, args.docs, tmp)
        n = sum(1 for _ in open(corpus, encoding="utf-8"))
        chars = sum(len(json.loads(line)["text"]) for line in open(corpus, encoding="utf-8"))
        print(f"corpus: {n} articles, {chars:,} characters ({args.articles})")
        print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")

        bare_cmd = [sys.executable, "-c", BARE, str(corpus), args.model or "", str(args.batch_size)]
        bare, ours = [], []
        for r in range(args.rounds):
            pair = [
                ("bare", bare_cmd),
                ("newsgraph", newsgraph_run(corpus, tmp / "o", 1, args.batch_size, args.model)),
            ]
            if r % 2:
                pair.reverse()
            for name, cmd in pair:
                seconds = timed(cmd)
                (bare if name == "bare" else ours).append(seconds)
                print(f"  round {r + 1}: {name:9s} {seconds:7.2f} s  ({n / seconds:.1f} docs/s)")
        b, o = statistics.median(bare), statistics.median(ours)
        print(f"bare spaCy  median {b:.2f} s ({n / b:.1f} docs/s)")
        print(f"newsgraph   median {o:.2f} s ({n / o:.1f} docs/s)")
        print(f"RATIO newsgraph speed / bare spaCy speed = {b / o:.3f}  (target >= 0.9)")

        if not args.skip_workers:
            one, two = [], []
            for r in range(args.rounds):
                order = [1, 2] if r % 2 == 0 else [2, 1]
                for workers in order:
                    seconds = timed(
                        newsgraph_run(
                            corpus, tmp / f"w{workers}", workers, args.batch_size, args.model
                        )
                    )
                    (one if workers == 1 else two).append(seconds)
                    print(f"  round {r + 1}: --workers {workers} {seconds:7.2f} s")
            t1, t2 = statistics.median(one), statistics.median(two)
            same = (tmp / "w1" / "graph.graphml").read_bytes() == (
                tmp / "w2" / "graph.graphml"
            ).read_bytes()
            print(
                f"SPEED-UP 2 workers over 1 = {t1 / t2:.2f}x  (target >= 1.7x); "
                f"graphs identical: {same}"
            )

        if not args.skip_rss:
            small = subset(args.articles, args.rss_docs, tmp)
            large = subset(args.articles, args.rss_docs, tmp, copies=10)
            for stage in ("run", "extract"):
                peaks = []
                for path in (small, large):
                    if stage == "run":
                        cmd = newsgraph_run(path, tmp / "rss", 1, args.batch_size, args.model)
                    else:
                        cmd = [*NEWSGRAPH, "extract", str(path), "-o", str(tmp / "rss.jsonl")]
                        cmd += ["--workers", "1", "--no-cache", "--quiet"]
                    peaks.append(peak_rss_mib(cmd))
                    docs = sum(1 for _ in open(path, encoding="utf-8"))
                    print(f"  {stage:7s} {docs:6d} docs: peak RSS {peaks[-1]:7.1f} MiB")
                print(
                    f"PEAK RSS {stage}: 10x documents / 1x = {peaks[1] / peaks[0]:.3f}"
                    "  (target <= 1.2)"
                )
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
