"""``cvgap batch``: score many résumés, with a cohort report.

Parse the options, plan and run one :func:`cvgap.batch.score_batch`, write each row as it
arrives (``jsonl``/``csv``, or a journal for the ``markdown``/``html`` cohort report), draw
the progress bar on stderr, and exit 0 (all scored), 2 (some file could not be scored) or
1 (``--min-score`` given and some résumé scored below it).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from cvgap.cli.batch_extras import (
    ExcludeOption,
    IncludeOption,
    ReportsDir,
    ReportsOption,
    cohort_root,
    ignored_summary,
)
from cvgap.cli.job_check import BatchJobOption
from cvgap.cli.outputs import format_for
from cvgap.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_VERDICT,
    PdfEngine,
    PdfEngineOption,
    RoleOption,
    TaxonomyOption,
    error_boundary,
    error_line,
)
from cvgap.ingest.limits import BATCH_MEMORY_MIB, BATCH_TIMEOUT_SECONDS
from cvgap.taxonomy import DEFAULT_ROLE

if TYPE_CHECKING:
    from cvgap.batch import Batch
    from cvgap.types import BatchResult, Cohort, Role, Taxonomy


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"


_SUFFIX_FORMATS = {
    ".jsonl": BatchFormat.jsonl,
    ".ndjson": BatchFormat.jsonl,
    ".csv": BatchFormat.csv,
    ".md": BatchFormat.markdown,
    ".markdown": BatchFormat.markdown,
    ".html": BatchFormat.html,
    ".htm": BatchFormat.html,
}
ROW_FORMATS = (BatchFormat.jsonl, BatchFormat.csv)


def journal_path(out: Path) -> Path:
    """Where a ``markdown``/``html`` batch keeps its rows until the report is written."""
    return out.with_name(f"{out.name}.journal.jsonl")


app = typer.Typer()


@app.command("batch")
def batch(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Résumé files, folders (searched recursively) and glob patterns.",
            metavar="PATH",
        ),
    ],
    out: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write here instead of stdout (rows are appended and flushed as they "
            "arrive); its suffix (.jsonl, .csv, .md, .html) picks the format.",
        ),
    ] = None,
    out_alias: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", dir_okay=False, hidden=True, help="Old name of --output."),
    ] = None,
    output_format: Annotated[
        Optional[BatchFormat],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--format", "-f", help="Output format [default: from the --output suffix, else jsonl]."
        ),
    ] = None,
    workers: Annotated[
        Optional[int],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option("--workers", "-w", min=1, help="Worker processes [default: one per core]."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Skip files already in --output (same content) and append the rest.",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar, summary or per-file error lines."),
    ] = False,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact", help="Remove names, e-mails, phone numbers and URLs from evidence text."
        ),
    ] = False,
    min_score: Annotated[
        Optional[int],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            help="Exit with code 1 when some résumé scores below this.",
        ),
    ] = None,
    role: RoleOption = DEFAULT_ROLE,
    job: BatchJobOption = None,
    taxonomy: TaxonomyOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfplumber,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    reports: ReportsOption = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds allowed per file.")
    ] = BATCH_TIMEOUT_SECONDS,
    memory_limit: Annotated[
        int, typer.Option("--memory-limit", min=64, help="MiB of memory allowed per file.")
    ] = BATCH_MEMORY_MIB,
) -> None:
    """Score many résumés in parallel and write one row per file, or a cohort report."""
    from cvgap.batch import Pool, default_workers, score_batch
    from cvgap.batch.writers import RowEncoder, read_done
    from cvgap.taxonomy import get_role, load_taxonomy

    out = out or out_alias
    fmt = format_for(output_format, out, _SUFFIX_FORMATS, BatchFormat.jsonl)
    if resume and out is None:
        raise typer.BadParameter(
            "--resume needs --output (the file to continue)", param_hint="--resume"
        )
    with error_boundary(), _terminate_as_interrupt():
        if job is not None:
            from cvgap.cli.job_check import refuse_role_with_job

            refuse_role_with_job(ctx, None, [job])
        # workers import spaCy while this process loads the taxonomy and hashes the inputs
        pool = Pool.prestart(workers or default_workers())
        try:
            tax = load_taxonomy(taxonomy, include_default=True)
            posting, rows_tax = None, tax
            if job is None:
                role_profile = get_role(tax, role)
            else:  # rows, --resume and the cohort cover the posting's own requirements
                from cvgap.cli.job_check import read_batch_posting

                full = fmt is not BatchFormat.jsonl
                posting, role_profile, rows_tax = read_batch_posting(job, tax, full=full)
            rows_file = out if fmt in ROW_FORMATS else (journal_path(out) if out else None)
            prior: list[BatchResult] = []
            done = None
            if resume and rows_file is not None:
                done, prior = read_done(
                    rows_file,
                    "csv" if fmt is BatchFormat.csv else "jsonl",
                    role=role_profile,
                    taxonomy=rows_tax,
                )
            root = cohort_root(paths)
            reports_dir = ReportsDir(reports, root, out) if reports is not None else None
            planned = score_batch(
                paths,
                role=role,
                taxonomy=tax,
                workers=workers,
                pdf_engine=pdf_engine.value,
                redact=redact,
                timeout=timeout,
                memory_mib=memory_limit,
                done=done,
                exclude=[p for p in (out, rows_file) if p is not None],
                # jsonl/csv: workers encode their rows (the parent only writes); a cohort
                # report (or --reports) needs whole reports in the parent
                encoder=RowEncoder(fmt.value, role_profile)
                if fmt in ROW_FORMATS and reports_dir is None
                else None,
                pool=pool,
                include_globs=include or (),
                exclude_globs=exclude or (),
                job=posting,
            )
            results = _run(
                planned,
                fmt,
                out,
                rows_file,
                prior,
                role_profile,
                rows_tax,
                quiet=quiet,
                resume=resume,
                extras=(root, reports_dir),
            )
        finally:
            pool.close()

    raise typer.Exit(_exit_code([*prior, *results], min_score, quiet=quiet))


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While the batch runs, a plain ``kill`` (SIGTERM) stops it the way Ctrl-C does: the
    rows so far are kept, a cohort report is written from them, and the exit code is 130."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(
    job: Batch,
    fmt: BatchFormat,
    out: Path | None,
    rows_file: Path | None,
    prior: list[BatchResult],
    role: Role,
    taxonomy: Taxonomy,
    *,
    quiet: bool,
    resume: bool,
    extras: tuple[str | None, ReportsDir | None] = (None, None),
) -> list[BatchResult]:
    """Run the batch, writing rows (and ``--reports``) as they come; return this run's
    results."""
    root, reports_dir = extras
    from cvgap.batch import build_cohort
    from cvgap.batch.writers import RowWriter

    writer = (
        RowWriter(
            "csv" if fmt is BatchFormat.csv else "jsonl",
            rows_file,
            role=role,
            taxonomy=taxonomy,
            append=resume,
        )
        if fmt in ROW_FORMATS or rows_file is not None
        else None
    )
    results: list[BatchResult] = []
    show = not quiet and sys.stderr.isatty() and sys.stdout.isatty()
    progress = _Progress(job.total) if show else None
    interrupted = False
    try:
        for result, encoded in job.rows(on_progress=progress.update if progress else None):
            if writer is not None:
                writer.write(result, encoded)
            if reports_dir is not None:
                reports_dir.write(result)
            results.append(result)
            if result.error and not quiet:
                message = f"{result.file}: {result.error}"
                if progress is not None:
                    progress.log_error(message)
                else:
                    error_line(message)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if progress is not None:
            progress.stop()
        if writer is not None:
            writer.close()
    if fmt not in ROW_FORMATS:
        cohort = build_cohort([*prior, *results], role, taxonomy)
        if reports_dir is not None:
            reports_dir.link_earlier(prior)
        links = tuple(reports_dir.links.items()) if reports_dir is not None else ()
        _write_cohort(
            replace(cohort, root=root, links=links),
            fmt,
            out,
            rows_file,
            complete=not interrupted,
        )
    if not quiet:
        typer.echo(_summary(results, job.plan.skipped, interrupted), err=True)
        if job.plan.ignored:
            typer.echo(ignored_summary(job.plan.ignored, root), err=True)
    if interrupted:
        raise KeyboardInterrupt
    return results


def _write_cohort(
    cohort: Cohort,
    fmt: BatchFormat,
    out: Path | None,
    journal: Path | None,
    *,
    complete: bool,
) -> None:
    """Render the cohort report; after a complete run, drop the journal."""
    from cvgap.batch.writers import write_atomic
    from cvgap.report.cohort import render_cohort_html, render_cohort_markdown

    text = (
        render_cohort_markdown(cohort)
        if fmt is BatchFormat.markdown
        else render_cohort_html(cohort)
    )
    if out is None:
        typer.echo(text, nl=False)
        return
    write_atomic(out, text)
    if complete and journal is not None:
        journal.unlink(missing_ok=True)


def _summary(results: Sequence[BatchResult], skipped: Sequence[str], interrupted: bool) -> str:
    counts = {"scored": 0, "failed": 0, "duplicate": 0}
    for r in results:
        counts[r.status] += 1
    text = (
        f"{counts['scored']} scored, {counts['failed']} failed, "
        f"{counts['duplicate']} duplicate{'s' if counts['duplicate'] != 1 else ''}, "
        f"{len(skipped)} skipped (already in the output)"
    )
    return f"interrupted: {text}; rerun with --resume to finish" if interrupted else text


def _exit_code(results: Sequence[BatchResult], min_score: int | None, *, quiet: bool) -> int:
    if any(r.status == "failed" for r in results):
        return EXIT_FAILED
    if min_score is not None:
        below = [
            r
            for r in results
            if r.report is not None and r.duplicate_of is None and r.report.score < min_score
        ]
        if below:
            if not quiet:
                typer.echo(
                    f"{len(below)} résumé{'s' if len(below) != 1 else ''} scored "
                    f"below --min-score {min_score}",
                    err=True,
                )
            return EXIT_VERDICT
    return EXIT_OK


class _Progress:
    """A rich progress bar on stderr (count, rate, ETA), refreshed by the caller only: no
    refresh thread, so replacing a worker never forks a multi-threaded process."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self._bar: Any = Progress(
            TextColumn("scoring"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            auto_refresh=False,
            transient=True,
        )
        self._task = self._bar.add_task("scoring", total=total, rate="")
        self._bar.start()

    def update(self, done: int) -> None:
        task = self._bar.tasks[0]
        speed = task.finished_speed or task.speed
        self._bar.update(self._task, completed=done, rate=f"{speed:.1f} files/s" if speed else "")
        self._bar.refresh()

    def log_error(self, message: str) -> None:
        from rich.text import Text

        self.console.print(Text(f"error: {' '.join(message.split())}"))

    def stop(self) -> None:
        self._bar.stop()
