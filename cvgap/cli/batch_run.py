"""The output side of ``cvgap batch``: the formats, and running a planned batch while its
rows are written as they arrive (``jsonl``/``csv``, or a journal that a ``markdown``/``html``
cohort report is rendered from at the end), the progress bar and the closing summary on
stderr. :mod:`cvgap.cli.batch` parses the options and plans the batch.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cvgap.cli.batch_extras import ReportsDir, ignored_summary
from cvgap.cli.support import error_line

if TYPE_CHECKING:
    from cvgap.batch import Batch
    from cvgap.types import BatchResult, Cohort, Role, Taxonomy


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"


SUFFIX_FORMATS = {
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


def run_batch(
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
