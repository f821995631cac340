"""``cvgap check``: score one résumé against a role and print the gap report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cvgap.cli.job_check import JobOption
from cvgap.cli.outputs import (
    REPORT_SUFFIXES,
    OutputOption,
    ReportFormatOption,
    TopOption,
    format_for,
    load_cli_resume,
    write_report,
)
from cvgap.cli.support import (
    EXIT_VERDICT,
    OutputFormat,
    PdfEngine,
    PdfEngineOption,
    RoleOption,
    TaxonomyOption,
    error_boundary,
    stdout_console,
    write_output,
)
from cvgap.ingest.limits import MAX_PAGES
from cvgap.taxonomy import DEFAULT_ROLE

if TYPE_CHECKING:
    from cvgap.types import Report

app = typer.Typer()


@app.command()
def check(
    ctx: typer.Context,
    resume: Annotated[
        Path,
        typer.Argument(
            help="Résumé file: PDF, DOCX, text/Markdown or JSON Resume; - reads standard input."
        ),
    ],
    role: RoleOption = DEFAULT_ROLE,
    job: JobOption = None,
    taxonomy: TaxonomyOption = None,
    output_format: ReportFormatOption = None,
    output: OutputOption = None,
    top: TopOption = None,
    min_score: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--min-score", min=0, max=100, help="Exit with code 1 when the score is below this."
        ),
    ] = None,
    password: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--password", help="Password of an encrypted PDF."),
    ] = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfplumber,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages than this.")
    ] = MAX_PAGES,
    ats_only: Annotated[
        bool,
        typer.Option(
            "--ats-only",
            help="Print only what a tracking system sees (hidden text, keyword-search "
            "misses, structure); exit 1 when it finds an error such as hidden text.",
        ),
    ] = False,
) -> None:
    """Score one résumé against a role or a job posting and print the gap report."""
    from cvgap.api import analyze
    from cvgap.ats import attach_ats
    from cvgap.taxonomy import load_taxonomy
    from cvgap.types import Report

    fmt = format_for(output_format, output, REPORT_SUFFIXES, OutputFormat.table)
    with error_boundary():
        if job:
            from cvgap.cli.job_check import refuse_role_with_job

            refuse_role_with_job(ctx, resume, job)
        # The résumé first: a bad file is reported before the taxonomy is even read.
        loaded = load_cli_resume(
            resume, password=password, pdf_engine=pdf_engine.value, max_pages=max_pages
        )
        tax = load_taxonomy(taxonomy, include_default=True)
        if job:
            from cvgap.cli.job_check import ranking_exit, score_jobs, write_ranking

            scored = score_jobs(loaded, job, tax)
            if not isinstance(scored, Report):  # several postings: ranked by fit
                write_ranking(scored, fmt, output, top=top)
                raise typer.Exit(ranking_exit(scored, min_score))
            posting = scored.job.posting if scored.job else None
            report = attach_ats(scored, loaded, tax, job=posting)
        else:
            report = attach_ats(analyze(loaded, role=role, taxonomy=tax), loaded, tax)
        if ats_only:
            _write_ats_only(report, fmt, output)
            if report.ats is not None and report.ats.checks("error"):
                raise typer.Exit(EXIT_VERDICT)
            return
        write_report(report, fmt, output, top=top)
    if min_score is not None and report.score < min_score:
        typer.echo(f"score {report.score} is below --min-score {min_score}", err=True)
        raise typer.Exit(EXIT_VERDICT)


def _write_ats_only(report: Report, output_format: OutputFormat, output: Path | None) -> None:
    from cvgap.report.ats import render_ats_only

    if output_format is OutputFormat.table:
        from rich.console import Group

        from cvgap.report.ats import ats_renderables
        from cvgap.types import AtsReport

        view = Group(*ats_renderables(report.ats or AtsReport()))
        if output is None:
            stdout_console().print(view)
        else:
            write_output(render_ats_only(report, "markdown"), output)
        return
    write_output(render_ats_only(report, output_format.value), output)
