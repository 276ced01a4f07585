"""The `run` pipeline: read -> extract (nlp, link, relate) -> link corpus -> build -> export.

Extraction streams: documents are read one at a time, parsed in chunks (in this process, worker
processes or on Dask; see `executors`), and each extraction is written as one JSON line to a
scratch file in OUTDIR, so memory does not grow with the corpus. Corpus linking, the graph build
and the final extractions.jsonl then read that file back (`ExtractionFile`, re-readable).
`newsgraph extract` stops after extraction (`extract`), `newsgraph build` starts from extraction
files (`build`); `run` is both.

Problems with single inputs are reported and skipped; outputs are written atomically at the end,
so an interrupted run leaves the previous outputs as they were. With `strict`, every input is
read (not parsed) first and the run stops at the first problem before writing anything.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsgraph.lexicon import Lexicon
from newsgraph.models import Document, DocumentExtraction, Problem, RunReport
from newsgraph.pipeline.build import add_layout, build_graph, filter_graph
from newsgraph.pipeline.cache import ExtractionCache
from newsgraph.pipeline.corpus import AliasTable, link_corpus
from newsgraph.pipeline.executors import (
    ExtractSettings,
    Result,
    default_workers,
    extract_ordered,
    make_executor,
)
from newsgraph.pipeline.export import atomic_writer
from newsgraph.pipeline.formats import write_formats
from newsgraph.pipeline.nlp import DEFAULT_MAX_CHUNK, installed_model_id
from newsgraph.pipeline.read import STDIN, read_documents


@dataclass
class RunOptions:
    """Everything `newsgraph run` can be told."""

    model: str | None = None
    batch_size: int = 32
    lexicon_files: list[Path] = field(default_factory=list)
    aliases: Path | None = None
    exclude: Path | None = None
    glob: str | None = None
    strict: bool = False
    min_confidence: float = 0.0
    # Outputs and filters (issue 6): see build.filter_graph and formats.write_formats.
    formats: list[str] = field(default_factory=lambda: ["graphml"])
    layout: bool = False
    relations: list[str] | None = None
    types: list[str] | None = None
    min_weight: float | None = None
    drop_isolates: bool = False
    cooccurrence: bool = False
    # Corpus-scale runs (issue 5): see executors and cache.
    workers: int | None = None  # None: the machine's cores
    executor: str = "local"  # or "dask"
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster
    cache_dir: Path | None = None  # None: OUTDIR/.cache (for extract: beside the output file)
    use_cache: bool = True
    max_chunk: int | None = None  # longest piece of text parsed at once (None: nlp default)
    exclude_dirs: list[Path] = field(default_factory=list)  # folders never read (the output)


class StrictModeError(RuntimeError):
    """--strict and an input had a problem."""


Listener = Callable[[str, object], None]


PROBLEM_COUNTS = ("repaired", "skipped", "failed", "empty")


def record_problem(
    problem: Problem, report: RunReport, options: RunOptions, listen: Listener
) -> None:
    """Count and announce a problem; with --strict, stop."""
    report.problems.append(problem)
    setattr(report, problem.kind, getattr(report, problem.kind) + 1)
    listen("problem", problem)
    if options.strict:
        raise StrictModeError(f"{problem.where()}: {problem.reason}")


def _documents(
    inputs: Iterable[str | Path],
    options: RunOptions,
    report: RunReport,
    listen: Listener,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document]:
    # The one thing kept per document: an 8-byte digest of its id, to catch duplicate ids.
    seen: set[bytes] = set()
    for item in read_documents(inputs, options.glob, stdin, options.exclude_dirs):
        if isinstance(item, Problem):
            record_problem(item, report, options, listen)  # a repaired document follows
            continue
        digest = hashlib.blake2b(item.id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        if digest in seen:
            record_problem(
                Problem(
                    kind="skipped",
                    source=str(item.source or item.id),
                    line=item.line,
                    reason=f"duplicate document id {item.id!r} (an earlier document has it)",
                ),
                report,
                options,
                listen,
            )
            continue
        seen.add(digest)
        yield item


def check_inputs(
    inputs: Iterable[str | Path], options: RunOptions, stdin: IO[bytes] | None = None
) -> None:
    """Read (not parse) every input and raise StrictModeError at the first problem."""
    for _ in _documents(inputs, options, RunReport(), lambda event, data: None, stdin):
        pass


@dataclass
class _Setup:
    model: str
    lexicon: Lexicon
    settings: ExtractSettings


def _setup(options: RunOptions) -> _Setup:
    """Everything that can fail for the whole run, checked before anything is written."""
    if options.executor not in ("local", "dask"):
        raise ValueError(f"unknown executor {options.executor!r}; choose local or dask")
    if options.workers is not None and options.workers < 1:
        raise ValueError("--workers must be at least 1")
    lexicon = Lexicon.load(options.lexicon_files)
    settings = ExtractSettings(
        model=options.model,
        lexicon_files=tuple(str(p) for p in options.lexicon_files),
        batch_size=options.batch_size,
        max_chunk=options.max_chunk,
    )
    return _Setup(installed_model_id(options.model), lexicon, settings)


def extract_corpus(
    inputs: Iterable[str | Path],
    options: RunOptions,
    report: RunReport,
    write: Callable[[str], object],
    cache_dir: Path | None = None,
    listen: Listener = lambda event, data: None,
    stdin: IO[bytes] | None = None,
    setup: _Setup | None = None,
) -> None:
    """Read and extract every input document, in input order, passing one JSON line (with its
    newline) per document to `write`. Documents found in the cache are not parsed again."""
    setup = setup or _setup(options)
    report.model = setup.model
    cache = None
    if options.use_cache and cache_dir is not None:
        max_chunk = options.max_chunk or DEFAULT_MAX_CHUNK
        cache = ExtractionCache(cache_dir, setup.model, setup.lexicon.fingerprint, max_chunk)
    workers = options.workers or default_workers()
    executor = make_executor(setup.settings, workers, options.executor, options.scheduler)
    try:
        documents = _documents(inputs, options, report, listen, stdin)
        for result in extract_ordered(documents, executor, cache, options.batch_size):
            if result.line is None:
                record_problem(_failure(result), report, options, listen)
                continue
            write(result.line + "\n")
            report.processed += 1
            report.cached += result.cached
            listen("document", result)
    finally:
        executor.close()


def _failure(result: Result) -> Problem:
    doc = result.document
    return Problem(
        kind="failed",
        source=str(doc.source or doc.id),
        line=doc.line,
        reason=f"{doc.id}: {result.failure}" if doc.source is None else str(result.failure),
    )


class ExtractionFile:
    """Extraction records from JSONL files, read from disk again on every pass (so linking,
    building and writing can each iterate without the corpus in memory)."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [Path(p) for p in paths]

    def __iter__(self) -> Iterator[DocumentExtraction]:
        for path in self.paths:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield DocumentExtraction.model_validate_json(line)


@contextlib.contextmanager
def _scratch(outdir: Path) -> Iterator[tuple[Path, IO[str]]]:
    """A temporary JSONL file in outdir, removed afterwards whatever happens."""
    outdir.mkdir(parents=True, exist_ok=True)
    _remove_stale_scratch(outdir)
    prefix = f".extractions-{os.getpid()}-"
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".jsonl.tmp", dir=outdir)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield path, fh
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


@contextlib.contextmanager
def _staged(outdir: Path) -> Iterator[Path]:
    """A staging folder in outdir: every output is written there and, only when all of them
    are complete, renamed into outdir (run.json last). A failed run leaves the previous outputs
    as they were; no output ever exists half-written."""
    outdir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{os.getpid()}-", dir=outdir))
    try:
        yield stage
        files = sorted(
            (p for p in stage.rglob("*") if p.is_file()),
            key=lambda p: (p.name == "run.json", p.as_posix()),
        )
        for path in files:
            target = outdir / path.relative_to(stage)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_stale_scratch(outdir: Path) -> None:
    """Scratch files and staging folders of runs that were killed (their process is gone)."""
    for stale in [*outdir.glob(".extractions-*-*.jsonl.tmp"), *outdir.glob(".staging-*-*")]:
        try:
            pid = int(stale.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    stale.unlink()
        except OSError:
            pass


def _spool_stdin(
    inputs: list[str], options: RunOptions, stdin: IO[bytes] | None
) -> IO[bytes] | None:
    """With --strict, inputs are read twice: keep standard input in a temporary file."""
    if not options.strict or STDIN not in inputs:
        return stdin
    spool = tempfile.TemporaryFile()
    shutil.copyfileobj(stdin if stdin is not None else sys.stdin.buffer, spool)
    spool.seek(0)
    return spool


def _prepare(
    inputs: Iterable[str | Path], options: RunOptions, stdin: IO[bytes] | None
) -> tuple[list[str], _Setup, IO[bytes] | None]:
    inputs = [str(i) for i in inputs]
    setup = _setup(options)
    stdin = _spool_stdin(inputs, options, stdin)
    if options.strict:
        check_inputs(inputs, options, stdin)
        if stdin is not None and STDIN in inputs:
            stdin.seek(0)
    return inputs, setup, stdin


def extract(
    inputs: Iterable[str | Path],
    output: Path | str,
    options: RunOptions | None = None,
    listen: Listener = lambda event, data: None,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
) -> RunReport:
    """`newsgraph extract`: one extraction JSON line per document into `output` (written
    atomically; `-` for standard output). No corpus linking, no graph."""
    options = options or RunOptions()
    report = RunReport()
    started = time.perf_counter()
    inputs, setup, stdin = _prepare(inputs, options, stdin)
    if str(output) == STDIN:
        out = stdout or sys.stdout
        extract_corpus(inputs, options, report, out.write, options.cache_dir, listen, stdin, setup)
        out.flush()
    else:
        output = Path(output)
        cache_dir = options.cache_dir or output.parent / ".cache"
        with atomic_writer(output) as fh:
            extract_corpus(inputs, options, report, fh.write, cache_dir, listen, stdin, setup)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def build(
    extraction_files: Iterable[str | Path],
    outdir: Path,
    options: RunOptions | None = None,
    listen: Listener = lambda event, data: None,
) -> RunReport:
    """`newsgraph build`: corpus linking, graph and outputs from extraction JSONL files (as
    `extract` or `run` wrote them). A malformed line is reported as file:line and skipped; a
    document id seen before is skipped."""
    options = options or RunOptions()
    outdir = Path(outdir)
    report = RunReport()
    started = time.perf_counter()
    files = [Path(f) for f in extraction_files]
    if options.strict:
        _copy_extractions(files, options, RunReport(), lambda event, data: None, lambda line: None)
    return _extract_and_publish(
        outdir,
        options,
        report,
        started,
        lambda write: _copy_extractions(files, options, report, listen, write),
    )


def _copy_extractions(
    files: list[Path],
    options: RunOptions,
    report: RunReport,
    listen: Listener,
    write: Callable[[str], object],
) -> None:
    seen: set[str] = set()
    for path in files:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc}"
            problem = Problem(kind="failed", source=str(path), reason=reason)
            record_problem(problem, report, options, listen)
            continue
        with fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    ex = DocumentExtraction.model_validate_json(raw)
                except ValueError as exc:
                    reason = f"not an extraction record: {_first_error(exc)}"
                    problem = Problem(kind="skipped", source=str(path), line=number, reason=reason)
                    record_problem(problem, report, options, listen)
                    continue
                if ex.document in seen:
                    problem = Problem(
                        kind="skipped",
                        source=str(path),
                        line=number,
                        reason=f"duplicate document id {ex.document!r}",
                    )
                    record_problem(problem, report, options, listen)
                    continue
                seen.add(ex.document)
                write(ex.model_dump_json() + "\n")
                report.processed += 1
                listen("document", ex)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        with contextlib.suppress(Exception):
            first = errors()[0]
            place = ".".join(str(p) for p in first.get("loc", ()))
            return f"{place + ': ' if place else ''}{first.get('msg', '')}"
    return str(exc).splitlines()[0]


def write_outputs(
    extractions: Iterable[DocumentExtraction], outdir: Path, options: RunOptions, report: RunReport
) -> None:
    """Link across documents, build the graph and write every output file atomically.
    `extractions` is iterated several times (an `ExtractionFile` reads from disk each time)."""
    links = link_corpus(extractions, AliasTable.load(options.aliases, options.exclude))
    graph = build_graph(extractions, links, options.min_confidence, options.cooccurrence)
    graph = filter_graph(
        graph, options.relations, options.types, options.min_weight, options.drop_isolates
    )
    if options.layout:
        add_layout(graph)
    report.entities = graph.number_of_nodes()
    report.relations = graph.number_of_edges()
    outdir.mkdir(parents=True, exist_ok=True)
    with atomic_writer(outdir / "extractions.jsonl") as fh:
        for ex in extractions:
            linked = ex.model_copy(
                update={
                    "entities": [
                        e.model_copy(update={"corpus_id": links.mapping.get((ex.document, e.id))})
                        for e in ex.entities
                    ]
                }
            )
            fh.write(linked.model_dump_json() + "\n")
    write_formats(graph, outdir, options.formats)


def write_report(report: RunReport, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with atomic_writer(outdir / "run.json") as fh:
        fh.write(json.dumps(report.model_dump(), indent=2, sort_keys=True) + "\n")


def run(
    inputs: Iterable[str | Path],
    outdir: Path,
    options: RunOptions | None = None,
    listen: Listener = lambda event, data: None,
    stdin: IO[bytes] | None = None,
) -> RunReport:
    """Run the whole pipeline over the inputs into outdir; returns the run report.
    `stdin` is the stream read for the input `-` (default: standard input)."""
    options = options or RunOptions()
    outdir = Path(outdir)
    options = dataclasses.replace(options, exclude_dirs=[*options.exclude_dirs, outdir])
    report = RunReport()
    started = time.perf_counter()
    inputs, setup, stdin = _prepare(inputs, options, stdin)
    cache_dir = options.cache_dir or outdir / ".cache"
    return _extract_and_publish(
        outdir,
        options,
        report,
        started,
        lambda write: extract_corpus(
            inputs, options, report, write, cache_dir, listen, stdin, setup
        ),
    )


def _extract_and_publish(
    outdir: Path,
    options: RunOptions,
    report: RunReport,
    started: float,
    produce: Callable[[Callable[[str], object]], object],
) -> RunReport:
    """Let `produce` write extraction lines to a scratch file, then build every output in a
    staging folder and move it into OUTDIR whole, run.json last."""
    with _scratch(outdir) as (scratch, fh):
        produce(fh.write)
        fh.close()
        with _staged(outdir) as stage:
            write_outputs(ExtractionFile([scratch]), stage, options, report)
            report.seconds = round(time.perf_counter() - started, 3)
            write_report(report, stage)
    return report


def print_problem(problem: Problem) -> None:
    print(f"newsgraph: {problem.kind}: {problem.where()}: {problem.reason}", file=sys.stderr)
