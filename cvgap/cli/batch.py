"""``cvgap batch``: score many résumés, with a cohort report.

Parse the options, plan one :func:`cvgap.batch.score_batch` and run it with
:func:`cvgap.cli.batch_run.run_batch` (which writes each row as it arrives, or a journal
for the ``markdown``/``html`` cohort report, and draws the progress bar on stderr), and
exit 0 (all scored), 2 (some file could not be scored) or 1 (``--min-score`` given and
some résumé scored below it).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cvgap.cli.batch_extras import (
    ExcludeOption,
    IncludeOption,
    ReportsDir,
    ReportsOption,
    cohort_root,
)
from cvgap.cli.batch_run import (
    ROW_FORMATS,
    SUFFIX_FORMATS,
    BatchFormat,
    journal_path,
    run_batch,
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
)
from cvgap.ingest.limits import BATCH_MEMORY_MIB, BATCH_TIMEOUT_SECONDS
from cvgap.taxonomy import DEFAULT_ROLE

if TYPE_CHECKING:
    from cvgap.types import BatchResult


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
    fmt = format_for(output_format, out, SUFFIX_FORMATS, BatchFormat.jsonl)
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
            results = run_batch(
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
