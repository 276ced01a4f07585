"""Corpus-scale runs: streaming, workers, cache, resumption, split stages, Dask, progress."""

from __future__ import annotations

import io
import itertools
import json
import os
from pathlib import Path

import networkx as nx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.cli import app
from newsgraph.models import Document
from newsgraph.pipeline import executors, runner
from newsgraph.pipeline.cache import ExtractionCache
from newsgraph.pipeline.executors import (
    ExtractSettings,
    LocalExecutor,
    ProcessExecutor,
    extract_ordered,
)
from newsgraph.pipeline.runner import ExtractionFile, RunOptions

ARTICLES = {
    "berlin.txt": "Angela Merkel met with Emmanuel Macron in Berlin on Monday. "
    "The two leaders discussed trade.\n",
    "kabul.txt": "Defense Secretary James Mattis arrived in Kabul. "
    "Mattis met with President Ashraf Ghani at the palace.\n",
    "flynn.txt": "President Donald Trump fired Michael Flynn in February. "
    "Flynn had advised Trump during the campaign.\n",
}


def write_corpus(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text)
    return folder


def outputs(outdir: Path) -> tuple[bytes, bytes]:
    return (outdir / "graph.graphml").read_bytes(), (outdir / "extractions.jsonl").read_bytes()


class CountingExecutor(LocalExecutor):
    """The in-process executor, counting the documents it parses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parsed: list[str] = []

    def submit(self, documents, only=False):
        self.parsed.extend(d.id for d in documents)
        return super().submit(documents, only)


@pytest.fixture
def counting(monkeypatch):
    """Every executor the runner makes is a CountingExecutor; the list holds them."""
    made: list[CountingExecutor] = []

    def make(settings, workers, executor="local", scheduler=None, nlp=None):
        made.append(CountingExecutor(settings, nlp))
        return made[-1]

    monkeypatch.setattr(runner, "make_executor", make)
    return made


# ---------------------------------------------------------------- streaming and order


class FakeExecutor:
    """Upper-cases texts; remembers how many chunks were in flight at most."""

    workers = 2

    def __init__(self):
        self.submitted = 0
        self.results = 0

    def submit(self, documents, only=False):
        self.submitted += 1
        executor = self

        class Future:
            def result(self):
                executor.results += 1
                return [
                    ("ok", json.dumps({"document": d.id, "text": d.text.upper()}))
                    for d in documents
                ]

        return Future()


def test_extraction_streams_an_endless_input_in_order_with_bounded_work_in_flight():
    fake = FakeExecutor()
    consumed = itertools.count()

    def endless():
        for i in consumed:
            yield Document(id=f"d{i}", text=f"text {i}")

    results = extract_ordered(endless(), fake, cache=None, batch_size=4, window=3)
    first = list(itertools.islice(results, 50))
    assert [r.document.id for r in first] == [f"d{i}" for i in range(50)]
    assert json.loads(first[7].line)["text"] == "TEXT 7"
    # Only a bounded number of documents were read ahead of what was returned.
    assert next(consumed) < 50 + 4 * 3 + 300
    assert fake.submitted - fake.results <= 3


def test_a_failed_document_is_reported_and_the_rest_continue(monkeypatch, tmp_path):
    import newsgraph.pipeline.extract as extract_module

    real = extract_module.extract_parsed

    def flaky(document, pieces, lexicon):
        if document.id == "kabul.txt":
            raise IndexError("list index out of range")
        return real(document, pieces, lexicon)

    monkeypatch.setattr(extract_module, "extract_parsed", flaky)
    report = runner.run([write_corpus(tmp_path / "in")], tmp_path / "out", RunOptions(workers=1))
    assert report.processed == 2 and report.failed == 1
    [problem] = report.problems
    assert problem.kind == "failed" and problem.source.endswith("kabul.txt")
    assert "IndexError" in problem.reason
    saved = json.loads((tmp_path / "out" / "run.json").read_text())
    assert saved["failed"] == 1 and saved["problems"][0]["source"].endswith("kabul.txt")
    docs = [
        json.loads(line)["document"] for line in (tmp_path / "out" / "extractions.jsonl").open()
    ]
    assert docs == ["berlin.txt", "flynn.txt"]


# ---------------------------------------------------------------- the cache


def test_rerun_after_adding_one_article_parses_only_that_article(tmp_path, counting):
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = runner.run([corpus], out, RunOptions(workers=1))
    assert first.processed == 3 and first.cached == 0
    (corpus / "new.txt").write_text("Boris Johnson met Joe Biden in London on Thursday.\n")
    second = runner.run([corpus], out, RunOptions(workers=1))
    assert counting[1].parsed == ["new.txt"]
    assert (second.processed, second.cached) == (4, 3)
    fresh = runner.run([corpus], tmp_path / "fresh", RunOptions(workers=1, use_cache=False))
    assert fresh.cached == 0
    assert outputs(out) == outputs(tmp_path / "fresh")


def test_cache_reuses_text_under_a_new_id_and_restamps_it(tmp_path, counting):
    corpus = write_corpus(tmp_path / "in", {"a.txt": ARTICLES["berlin.txt"]})
    cache = tmp_path / "shared-cache"
    runner.run([corpus], tmp_path / "o1", RunOptions(workers=1, cache_dir=cache))
    renamed = write_corpus(tmp_path / "in2", {"b.txt": ARTICLES["berlin.txt"]})
    report = runner.run([renamed], tmp_path / "o2", RunOptions(workers=1, cache_dir=cache))
    assert report.cached == 1 and counting[1].parsed == []
    record = json.loads((tmp_path / "o2" / "extractions.jsonl").read_text())
    assert record["document"] == "b.txt" and record["source"].endswith("b.txt")
    assert all(e["documents"] == ["b.txt"] for e in record["entities"])
    assert all(ev["document"] == "b.txt" for r in record["relations"] for ev in r["evidence"])
    assert not (tmp_path / "o2" / ".cache").exists()


def test_cache_key_changes_with_lexicon_and_model():
    a = ExtractionCache(Path("/c"), "en_core_web_sm-3.8.0", "lex1", 100_000)
    b = ExtractionCache(Path("/c"), "en_core_web_sm-3.8.0", "lex2", 100_000)
    c = ExtractionCache(Path("/c"), "en_core_web_md-3.8.0", "lex1", 100_000)
    keys = {x.key("Same text.") for x in (a, b, c)}
    assert len(keys) == 3
    assert a.key("Same text.") == a.key("Same text.") != a.key("Other text.")


def test_no_cache_parses_everything_and_writes_no_cache(tmp_path, counting):
    corpus = write_corpus(tmp_path / "in")
    runner.run([corpus], tmp_path / "out", RunOptions(workers=1))
    report = runner.run([corpus], tmp_path / "out", RunOptions(workers=1, use_cache=False))
    assert report.cached == 0 and len(counting[1].parsed) == 3


def test_killed_run_resumes_with_no_document_lost_or_counted_twice(tmp_path, counting):
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    runner.run([corpus], out, RunOptions(workers=1, use_cache=False))
    before = outputs(out)
    (corpus / "extra.txt").write_text("Theresa May met Donald Tusk in Brussels.\n")
    seen = []

    def kill_after_two(event, data):
        if event == "document":
            seen.append(data)
            if len(seen) == 2:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runner.run([corpus], out, RunOptions(workers=1, batch_size=1), kill_after_two)
    assert outputs(out) == before  # the interrupted run changed no output
    assert not list(out.glob(".extractions-*")) and not list(out.glob(".staging-*"))
    report = runner.run([corpus], out, RunOptions(workers=1, batch_size=1))
    assert report.processed == 4 and report.cached >= 2
    assert len(counting[-1].parsed) <= 2
    lines = (out / "extractions.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["document"] for line in lines) == sorted(
        ["berlin.txt", "extra.txt", "flynn.txt", "kabul.txt"]
    )
    fresh = runner.run([corpus], tmp_path / "fresh", RunOptions(workers=1, use_cache=False))
    assert fresh.processed == 4
    assert outputs(out) == outputs(tmp_path / "fresh")


# ---------------------------------------------------------------- workers and Dask


def test_outputs_are_byte_identical_for_one_and_two_worker_processes(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    runner.run([corpus], tmp_path / "one", RunOptions(workers=1, use_cache=False))
    report = runner.run(
        [corpus], tmp_path / "two", RunOptions(workers=2, batch_size=1, use_cache=False)
    )
    assert report.processed == 3
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_dask_executor_gives_the_local_graph(tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "in")
    runner.run([corpus], tmp_path / "local", RunOptions(workers=1, use_cache=False))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        options = RunOptions(
            executor="dask", scheduler=cluster.scheduler_address, batch_size=2, use_cache=False
        )
        report = runner.run([corpus], tmp_path / "dask", options)
    assert report.processed == 3
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


# ---------------------------------------------------------------- split stages and the CLI


def test_extract_then_build_gives_the_run_graph(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    cli_run = CliRunner()
    result = cli_run.invoke(
        app, ["run", str(corpus), "-o", str(tmp_path / "run"), "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    half = tmp_path / "ex" / "part.jsonl"
    result = cli_run.invoke(
        app, ["extract", str(corpus / "berlin.txt"), str(corpus / "flynn.txt"), "-o", str(half)]
    )
    assert result.exit_code == 0, result.output
    other = tmp_path / "ex" / "other.jsonl"
    result = cli_run.invoke(app, ["extract", str(corpus / "kabul.txt"), "-o", str(other)])
    assert result.exit_code == 0, result.output
    assert len(half.read_text().splitlines()) == 2
    result = cli_run.invoke(app, ["build", str(half), str(other), "-o", str(tmp_path / "built")])
    assert result.exit_code == 0, result.output
    ran = nx.read_graphml(tmp_path / "run" / "graph.graphml", force_multigraph=True)
    built = nx.read_graphml(tmp_path / "built" / "graph.graphml", force_multigraph=True)
    assert sorted(ran.nodes) == sorted(built.nodes)
    assert sorted(ran.edges(keys=True)) == sorted(built.edges(keys=True))


def test_build_skips_malformed_and_duplicate_records_naming_file_and_line(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    extracted = tmp_path / "x.jsonl"
    assert CliRunner().invoke(app, ["extract", str(corpus), "-o", str(extracted)]).exit_code == 0
    lines = extracted.read_text().splitlines()
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(
        "\n".join([lines[0], '{"document": "x", "mentions": 5}', lines[0][:40], lines[1], lines[0]])
        + "\n"
    )
    result = CliRunner().invoke(app, ["build", str(damaged), "-o", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert f"{damaged}:2" in result.output and f"{damaged}:3" in result.output
    assert f"{damaged}:5" in result.output and "duplicate" in result.output
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["processed"] == 2 and report["skipped"] == 3


def test_standard_input_jsonl_through_the_cli(tmp_path):
    stdin = "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in ARTICLES.items())
    result = CliRunner().invoke(
        app, ["run", "-", "-o", str(tmp_path / "out"), "--workers", "1", "--quiet"], input=stdin
    )
    assert result.exit_code == 0, result.output
    docs = [json.loads(x)["document"] for x in (tmp_path / "out" / "extractions.jsonl").open()]
    assert docs == list(ARTICLES)


def test_extraction_dates_flow_into_the_extractions(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "a", "text": ARTICLES["berlin.txt"], "date": "2019-05-02", "title": "Talks"}
        )
        + "\n"
    )
    out = tmp_path / "x.jsonl"
    assert CliRunner().invoke(app, ["extract", str(feed), "-o", str(out), "-q"]).exit_code == 0
    record = json.loads(out.read_text())
    assert (record["date"], record["title"]) == ("2019-05-02", "Talks")


def test_summary_line_when_not_a_terminal_and_silence_with_quiet(tmp_path):
    corpus = write_corpus(tmp_path / "in", {"a.txt": ARTICLES["berlin.txt"]})
    loud = CliRunner().invoke(app, ["run", str(corpus), "-o", str(tmp_path / "o")])
    assert loud.exit_code == 0
    assert loud.output.count("\n") == 1 and "1 documents" in loud.output
    quiet = CliRunner().invoke(app, ["run", str(corpus), "-o", str(tmp_path / "o"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_progress_bar_on_a_terminal_shows_rate_and_eta(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "in")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    monkeypatch.setattr(cli, "err", console)
    progress = cli._Progress(False, [str(corpus)], None)
    assert progress.enabled
    with progress:
        progress._count()
        assert progress.progress.tasks[0].total == 3
        for _ in range(3):
            progress.advance()
        assert "docs/s" in progress.progress.tasks[0].fields["rate"]
        progress.progress.refresh()
    assert "ETA" in screen.getvalue() and "3/3" in screen.getvalue()
    assert not cli._Progress(True, [str(corpus)]).enabled


def test_extraction_file_is_re_readable(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    path = tmp_path / "x.jsonl"
    runner.extract([corpus], path, RunOptions(workers=1))
    store = ExtractionFile([path])
    assert [e.document for e in store] == [e.document for e in store] == sorted(ARTICLES)


def test_workers_default_to_the_cores(monkeypatch):
    monkeypatch.setattr(executors.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert executors.default_workers() == 3


def _init_nothing(settings):
    pass


def _echo_or_die(documents):
    """A worker task that dies (as on a segfault or the OOM killer) on a poisoned text."""
    if any("POISON" in d.text for d in documents):
        os._exit(1)
    return [("ok", json.dumps({"document": d.id})) for d in documents]


def test_a_document_that_kills_its_worker_fails_alone_and_the_run_goes_on():
    executor = ProcessExecutor(ExtractSettings(), 2, task=_echo_or_die, initializer=_init_nothing)
    docs = [Document(id=f"d{i}", text="POISON" if i == 3 else "fine") for i in range(7)]
    try:
        results = list(extract_ordered(docs, executor, batch_size=2))
    finally:
        executor.close()
    assert [r.document.id for r in results] == [f"d{i}" for i in range(7)]
    assert [i for i, r in enumerate(results) if r.failure] == [3]
    assert "died" in results[3].failure
    assert all(json.loads(r.line)["document"] == r.document.id for r in results if r.line)


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    for _ in range(2):
        report = runner.run([corpus], corpus / "out", RunOptions(workers=1))
        assert report.processed == 3 and not report.problems
