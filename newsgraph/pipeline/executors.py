"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

The unit of work is a chunk of documents (`--batch-size` of them): a worker parses the chunk with
`nlp.pipe`, extracts each document and returns one outcome per document, in order. Every worker
loads the spaCy pipeline once. `extract_ordered` feeds chunks to an executor with a bounded number
in flight, checks the cache first, stores new results in it, and yields results in input order,
so memory stays flat however large the corpus and the outputs do not depend on the number of
workers (spaCy's parse of a text does not depend on the batch it is in).

A document whose parse or extraction raises becomes a `failed` outcome naming the error; the
rest of its chunk is unaffected. Errors that concern the whole run (the model cannot be loaded, a
worker died) are raised.

This module imports spaCy only inside functions, so a worker can limit its math libraries to one
thread before they load.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from newsgraph.models import Document
from newsgraph.pipeline.cache import ExtractionCache, restamp

EXECUTORS = ("local", "dask")
WARM_UP_TEXT = "Chancellor Angela Merkel met with President Emmanuel Macron in Berlin on Monday."
# The lemmatizer's cache of word forms grows with every new word: cleared past this many entries.
LEMMA_CACHE_LIMIT = 200_000
_THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")

# ("ok", extraction JSON) or ("failed", reason).
Outcome = tuple[str, str]


@dataclass(frozen=True)
class ExtractSettings:
    """What a worker needs to extract exactly as this process would."""

    model: str | None = None
    lexicon_files: tuple[str, ...] = ()
    batch_size: int = 32
    max_chunk: int | None = None


_MODELS: dict[str | None, Any] = {}
_MODELS_LOCK = threading.Lock()


def shared_model(name: str | None) -> Any:
    """The pipeline `name`, loaded once per process (runs in one process share it)."""
    from newsgraph.pipeline.nlp import load_model

    with _MODELS_LOCK:
        if name not in _MODELS:
            _MODELS[name] = load_model(name)
        return _MODELS[name]


class ChunkExtractor:
    """Parses and extracts chunks of documents with one loaded pipeline (one per worker)."""

    def __init__(self, settings: ExtractSettings, nlp: Any = None) -> None:
        self.settings = settings
        self.nlp = nlp
        self.lexicon: Any = None

    def load(self) -> ChunkExtractor:
        from newsgraph.lexicon import Lexicon

        if self.lexicon is None:
            if self.nlp is None:
                self.nlp = shared_model(self.settings.model)
            self.lexicon = Lexicon.load([Path(p) for p in self.settings.lexicon_files])
            # Build the relation matcher and the pipeline's caches outside any memory zone.
            self._extract([Document(id="warm-up", text=WARM_UP_TEXT)], zone=False)
        return self

    def __call__(self, documents: Sequence[Document]) -> list[Outcome]:
        self.load()
        outcomes = self._extract(documents, zone=True)
        lemmatizer = (
            self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        )
        cache = getattr(lemmatizer, "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_LIMIT:
            cache.clear()
        return outcomes

    def _extract(self, documents: Sequence[Document], zone: bool) -> list[Outcome]:
        from newsgraph.pipeline.nlp import parse_texts

        outcomes: list[Outcome] = []
        try:
            with self._zone(zone):
                parsed = parse_texts(self.nlp, (d.text for d in documents), **self._parse_options())
                for document, pieces in zip(documents, parsed):  # noqa: B905 - parsed is lazy
                    outcomes.append(self._one(document, pieces))
        except Exception:  # noqa: BLE001 - the parser failed on a text: retry one at a time
            for document in documents[len(outcomes) :]:
                try:
                    with self._zone(zone):
                        pieces = next(
                            parse_texts(self.nlp, [document.text], **self._parse_options())
                        )
                        outcomes.append(self._one(document, pieces))
                except Exception as exc:  # noqa: BLE001
                    outcomes.append(("failed", f"parse failed: {_describe(exc)}"))
        return outcomes

    def _one(self, document: Document, pieces: Any) -> Outcome:
        from newsgraph.pipeline.extract import extract_parsed

        try:
            return "ok", extract_parsed(document, pieces, self.lexicon).model_dump_json()
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            return "failed", f"extraction failed: {_describe(exc)}"

    def _parse_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "batch_size": self.settings.batch_size,
            "headline_words": self.lexicon.headline_words,
            "titles": self.lexicon.name_titles,
        }
        if self.settings.max_chunk:
            options["max_chunk"] = self.settings.max_chunk
        return options

    def _zone(self, enabled: bool) -> Any:
        import contextlib

        # Strings and lexemes of the chunk's texts are freed afterwards, so a worker's memory
        # does not grow with the vocabulary of the corpus.
        zone = getattr(self.nlp, "memory_zone", None)
        return zone() if enabled and zone is not None else contextlib.nullcontext()


def _describe(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}{': ' + message if message else ''}{where}"


# ----------------------------------------------------------------------------------------------
# Executors


class Future(Protocol):
    def result(self) -> list[Outcome]: ...


class Executor(Protocol):
    workers: int

    def submit(self, documents: list[Document], only: bool = False) -> Future: ...

    def close(self) -> None: ...


class _Done:
    def __init__(self, value: list[Outcome]) -> None:
        self.value = value

    def result(self) -> list[Outcome]:
        return self.value


class LocalExecutor:
    """Extraction in this process, chunk by chunk."""

    workers = 1

    def __init__(self, settings: ExtractSettings, nlp: Any = None) -> None:
        self.extractor = ChunkExtractor(settings, nlp)

    def submit(self, documents: list[Document], only: bool = False) -> Future:
        return _Done(self.extractor(documents))

    def close(self) -> None:
        pass


_WORKER: ChunkExtractor | None = None
_WORKER_ERROR: BaseException | None = None


def _init_process(settings: ExtractSettings) -> None:
    global _WORKER, _WORKER_ERROR
    for name in _THREAD_LIMITS:
        os.environ.setdefault(name, "1")
    try:
        _WORKER = ChunkExtractor(settings).load()
    except BaseException as exc:  # noqa: BLE001 - reported by the first task instead
        _WORKER_ERROR = exc


def _process_chunk(documents: list[Document]) -> list[Outcome]:
    if _WORKER is None:
        raise _WORKER_ERROR or RuntimeError("worker not initialised")
    return _WORKER(documents)


class ProcessExecutor:
    """Extraction in `workers` processes (forkserver or spawn, so safe beside threads); each
    loads the pipeline once. Processes start when work first arrives; a run whose only chunk is
    its first one extracts in this process instead of paying for a worker's start.

    A document that kills its worker (a crash, the kernel's out-of-memory killer) does not stop
    the run: the pool is restarted, the chunks it held are retried one document at a time, and
    the document that kills a worker again is reported as failed. `task` and `initializer` are
    the functions run in the workers (replaceable for tests)."""

    MAX_DEATHS_IN_A_ROW = 3

    def __init__(
        self,
        settings: ExtractSettings,
        workers: int,
        nlp: Any = None,
        task: Any = None,
        initializer: Any = None,
    ) -> None:
        self.settings = settings
        self.workers = workers
        self.pool: Any = None
        self.generation = 0
        self.deaths_in_a_row = 0
        self.task = task or _process_chunk
        self.initializer = initializer or _init_process
        self.local = LocalExecutor(settings, nlp)

    def _pool(self) -> Any:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            methods = multiprocessing.get_all_start_methods()
            method = "forkserver" if "forkserver" in methods else "spawn"
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=self.initializer,
                initargs=(self.settings,),
            )
            self.generation += 1
        return self.pool

    def submit(self, documents: list[Document], only: bool = False) -> Future:
        if only and self.pool is None:
            return self.local.submit(documents)
        pool = self._pool()
        return _ProcessFuture(self, documents, pool.submit(self.task, documents), self.generation)

    def _restart(self, generation: int) -> None:
        if generation == self.generation and self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def _one_by_one(self, documents: list[Document]) -> list[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        outcomes: list[Outcome] = []
        for document in documents:
            pool = self._pool()
            generation = self.generation
            try:
                outcomes.extend(pool.submit(self.task, [document]).result())
                self.deaths_in_a_row = 0
            except BrokenProcessPool:
                self._restart(generation)
                self.deaths_in_a_row += 1
                if self.deaths_in_a_row >= self.MAX_DEATHS_IN_A_ROW:
                    raise RuntimeError(
                        "worker processes keep dying (out of memory?); try fewer --workers"
                    ) from None
                outcomes.append(
                    ("failed", "its worker process died (crashed or ran out of memory)")
                )
        return outcomes

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class _ProcessFuture:
    def __init__(
        self, executor: ProcessExecutor, documents: list[Document], inner: Any, generation: int
    ) -> None:
        self.executor = executor
        self.documents = documents
        self.inner = inner
        self.generation = generation

    def result(self) -> list[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.inner.result()
        except BrokenProcessPool:
            self.executor._restart(self.generation)
            return self.executor._one_by_one(self.documents)


_DASK_EXTRACTORS: dict[ExtractSettings, ChunkExtractor] = {}
_DASK_LOCK = threading.Lock()


def dask_extract_chunk(settings: ExtractSettings, documents: list[Document]) -> list[Outcome]:
    """The task a Dask worker runs: its process keeps one loaded pipeline per settings."""
    with _DASK_LOCK:  # a spaCy pipeline is not thread-safe; one chunk at a time per process
        extractor = _DASK_EXTRACTORS.get(settings)
        if extractor is None:
            extractor = _DASK_EXTRACTORS[settings] = ChunkExtractor(settings).load()
        return extractor(documents)


class DaskExecutor:
    """Extraction on a Dask cluster: the scheduler at `scheduler`, or a LocalCluster of
    `workers` single-threaded worker processes. Workers need newsgraph and the model installed."""

    def __init__(
        self, settings: ExtractSettings, workers: int, scheduler: str | None = None
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError("--executor dask needs Dask: pip install 'newsgraph[dask]'") from exc
        self.settings = settings
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
            info = self.client.scheduler_info()
            self.workers = max(
                1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values())
            )
        else:
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)
            self.workers = workers

    def submit(self, documents: list[Document], only: bool = False) -> Future:
        return self.client.submit(dask_extract_chunk, self.settings, documents, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(
    settings: ExtractSettings,
    workers: int,
    executor: str = "local",
    scheduler: str | None = None,
    nlp: Any = None,
) -> Executor:
    """The executor for `--executor` and `--workers` (1 worker: this process)."""
    if executor == "dask":
        return DaskExecutor(settings, workers, scheduler)
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if workers <= 1:
        return LocalExecutor(settings, nlp)
    return ProcessExecutor(settings, workers, nlp)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ----------------------------------------------------------------------------------------------
# Ordered, bounded, cached extraction


@dataclass
class Result:
    """One document's extraction (a JSON line) or the reason it failed."""

    document: Document
    line: str | None = None
    failure: str | None = None
    cached: bool = False
    key: str | None = field(default=None, repr=False)
    done: bool = field(default=False, repr=False)


def extract_ordered(
    documents: Iterable[Document],
    executor: Executor,
    cache: ExtractionCache | None = None,
    batch_size: int = 32,
    window: int | None = None,
) -> Iterator[Result]:
    """Results in input order. Cached documents are not parsed again; new results are cached as
    soon as they arrive (so a killed run resumes where it stopped). At most `window` chunks are
    in flight and a bounded number of results wait for an earlier one: memory does not grow
    with the corpus."""
    window = window or max(2, 2 * executor.workers)
    max_pending = max(batch_size * (window + 2), 256)
    pending: deque[Result] = deque()
    chunk: list[Result] = []
    inflight: deque[tuple[Future, list[Result]]] = deque()
    submitted = False

    def submit(last: bool = False) -> None:
        nonlocal chunk, submitted
        if chunk:
            future = executor.submit([r.document for r in chunk], only=last and not submitted)
            inflight.append((future, chunk))
            chunk = []
            submitted = True

    def collect() -> None:
        future, results = inflight.popleft()
        outcomes = future.result()
        if len(outcomes) != len(results):
            raise RuntimeError(
                f"a worker returned {len(outcomes)} results for {len(results)} documents"
            )
        for result, (status, payload) in zip(results, outcomes, strict=True):
            if status == "ok":
                result.line = payload
                if cache is not None and result.key is not None:
                    cache.put(result.key, payload)
            else:
                result.failure = payload
            result.done = True

    def drain() -> Iterator[Result]:
        while pending and pending[0].done:
            yield pending.popleft()

    for document in documents:
        result = Result(document)
        if cache is not None:
            result.key = cache.key(document.text)
            hit = cache.get(result.key)
            if hit is not None:
                try:
                    result.line = restamp(hit, document)
                    result.cached = result.done = True
                except ValueError:  # a damaged entry: parse the document again
                    result.line = None
        pending.append(result)
        if not result.done:
            chunk.append(result)
            if len(chunk) >= batch_size:
                submit()
        while True:
            yield from drain()
            if len(inflight) < window and len(pending) <= max_pending:
                break
            if not inflight:
                submit()
            collect()
    submit(last=True)
    while inflight:
        collect()
        yield from drain()
    yield from drain()
