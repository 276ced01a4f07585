"""The `run` pipeline: read -> extract (nlp, link, relate) -> link corpus -> build -> export.

Problems with single inputs are reported and skipped; outputs are written atomically at the end,
so an interrupted run leaves the previous outputs as they were.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.lexicon import Lexicon
from newsgraph.models import Document, DocumentExtraction, Problem, RunReport
from newsgraph.pipeline.build import build_graph
from newsgraph.pipeline.corpus import AliasTable, link_corpus
from newsgraph.pipeline.export import atomic_writer, write_graphml
from newsgraph.pipeline.extract import extract_documents
from newsgraph.pipeline.nlp import load_model, model_id
from newsgraph.pipeline.read import read_documents


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


class StrictModeError(RuntimeError):
    """--strict and an input had a problem."""


Listener = Callable[[str, object], None]


def _documents(
    inputs: Iterable[str | Path], options: RunOptions, report: RunReport, listen: Listener
) -> Iterator[Document]:
    for item in read_documents(inputs, options.glob):
        if isinstance(item, Problem):
            report.problems.append(item)
            listen("problem", item)
            if options.strict:
                raise StrictModeError(f"{item.where()}: {item.reason}")
            continue
        yield item


def extract_corpus(
    inputs: Iterable[str | Path],
    options: RunOptions,
    report: RunReport,
    listen: Listener = lambda event, data: None,
) -> list[DocumentExtraction]:
    """Read and extract every input document, in input order."""
    nlp = load_model(options.model)
    report.model = model_id(nlp)
    lexicon = Lexicon.load(options.lexicon_files)
    extractions = []
    for extraction in extract_documents(
        nlp, _documents(inputs, options, report, listen), lexicon, batch_size=options.batch_size
    ):
        extractions.append(extraction)
        report.processed += 1
        listen("document", extraction)
    return extractions


def write_outputs(
    extractions: list[DocumentExtraction], outdir: Path, options: RunOptions, report: RunReport
) -> None:
    """Link across documents, build the graph and write every output file atomically."""
    links = link_corpus(extractions, AliasTable.load(options.aliases, options.exclude))
    graph = build_graph(extractions, links, options.min_confidence)
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
    write_graphml(graph, outdir / "graph.graphml")


def write_report(report: RunReport, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with atomic_writer(outdir / "run.json") as fh:
        fh.write(json.dumps(report.model_dump(), indent=2, sort_keys=True) + "\n")


def run(
    inputs: Iterable[str | Path],
    outdir: Path,
    options: RunOptions | None = None,
    listen: Listener = lambda event, data: None,
) -> RunReport:
    """Run the whole pipeline over the inputs into outdir; returns the run report."""
    options = options or RunOptions()
    report = RunReport()
    started = time.perf_counter()
    extractions = extract_corpus(inputs, options, report, listen)
    write_outputs(extractions, Path(outdir), options, report)
    report.seconds = round(time.perf_counter() - started, 3)
    write_report(report, Path(outdir))
    return report


def print_problem(problem: Problem) -> None:
    print(f"newsgraph: {problem.kind}: {problem.where()}: {problem.reason}", file=sys.stderr)
