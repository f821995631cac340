"""``cvgap diff``: what changed between two versions of a résumé (or two batch cohorts).

``cvgap diff old.pdf new.pdf`` scores both against the same role (or, with ``--job``, the
same job posting) and prints the score
change, the gaps closed and opened, and the evidence gained and lost. Either side may be a
report saved with ``cvgap check -f json``. ``cvgap diff old.jsonl new.jsonl`` compares two
``cvgap batch`` cohorts: who moved, which cohort gaps closed. Exit 0 when done (1 with
``--fail-on-loss`` when the new version lost evidence), 2 when it could not be done.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cvgap.cli.batch_run import SUFFIX_FORMATS, BatchFormat
from cvgap.cli.job_check import DiffJobOption
from cvgap.cli.outputs import (
    REPORT_SUFFIXES,
    OutputOption,
    ReportFormatOption,
    emit,
    format_for,
    load_cli_resume,
)
from cvgap.cli.support import (
    EXIT_FAILED,
    EXIT_VERDICT,
    OutputFormat,
    PdfEngine,
    PdfEngineOption,
    RoleOption,
    TaxonomyOption,
    error_boundary,
    error_line,
)
from cvgap.errors import CvgapError
from cvgap.taxonomy import DEFAULT_ROLE

if TYPE_CHECKING:
    from cvgap.types import Report, Resume, Taxonomy

COHORT_SUFFIXES = {suffix for suffix, fmt in SUFFIX_FORMATS.items() if fmt is BatchFormat.jsonl}

app = typer.Typer()


@app.command("diff")
def diff(
    ctx: typer.Context,
    old: Annotated[
        Path,
        typer.Argument(
            help="The earlier résumé (or its cvgap check -f json report, or a cvgap batch "
            ".jsonl cohort).",
            metavar="OLD",
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The new version (the same kind of file); - reads stdin.", metavar="NEW"
        ),
    ],
    role: RoleOption = DEFAULT_ROLE,
    job: DiffJobOption = None,
    taxonomy: TaxonomyOption = None,
    output_format: ReportFormatOption = None,
    output: OutputOption = None,
    pdf_engine: PdfEngineOption = PdfEngine.pdfplumber,
    fail_on_loss: Annotated[
        bool,
        typer.Option(
            "--fail-on-loss", help="Exit 1 when the new version lost evidence for a skill."
        ),
    ] = False,
) -> None:
    """What changed between two versions of a résumé: score, gaps closed and opened,
    evidence gained and lost. Two batch .jsonl files: who moved, which cohort gaps closed."""
    from cvgap.compare import render

    fmt = format_for(output_format, output, REPORT_SUFFIXES, OutputFormat.table)
    with error_boundary():
        if _is_cohort(old) or _is_cohort(new):
            from cvgap.compare.cohort import diff_cohorts, read_cohort

            if job is not None:
                error_line(
                    "--job scores résumés, and batch cohorts are compared as they were "
                    "scored: to compare them against a posting, run both with cvgap batch --job"
                )
                raise typer.Exit(EXIT_FAILED)
            cohorts = diff_cohorts(
                read_cohort(old), read_cohort(new), old_path=str(old), new_path=str(new)
            )
            emit(
                fmt,
                output,
                {
                    OutputFormat.json: lambda: render.diff_json(cohorts),
                    OutputFormat.markdown: lambda: render.cohort_markdown(cohorts),
                    OutputFormat.html: lambda: render.cohort_html(cohorts),
                },
                lambda: render.cohort_view(cohorts),
            )
            return
        from cvgap.compare import diff_reports
        from cvgap.taxonomy import load_taxonomy

        if job is not None:
            from cvgap.cli.job_check import refuse_role_with_job

            for side in (old, new):
                refuse_role_with_job(ctx, side, [job])
        tax = load_taxonomy(taxonomy, include_default=True)
        score = _scorer(role, job, tax)
        result = diff_reports(_report(old, score, pdf_engine), _report(new, score, pdf_engine))
        emit(
            fmt,
            output,
            {
                OutputFormat.json: lambda: render.diff_json(result),
                OutputFormat.markdown: lambda: render.diff_markdown(result),
                OutputFormat.html: lambda: render.diff_html(result),
            },
            lambda: render.diff_view(result),
        )
    if fail_on_loss and result.evidence_lost:
        raise typer.Exit(EXIT_VERDICT)


def _is_cohort(path: Path) -> bool:
    if path.suffix.lower() == ".csv":
        raise CvgapError(
            "a CSV cohort has no skill lists to compare; write both batches as .jsonl "
            "(cvgap batch DIR -o week1.jsonl)",
            path=str(path),
        )
    return path.suffix.lower() in COHORT_SUFFIXES


def _scorer(role: str, job: str | None, taxonomy: Taxonomy) -> Callable[[Resume], Report]:
    """What scores each version: against the role, or against the posting ``--job`` names
    (read once)."""
    if job is not None:
        from cvgap.cli.job_check import posting_scorer

        return posting_scorer(job, taxonomy)
    from cvgap.api import analyze

    return lambda resume: analyze(resume, role=role, taxonomy=taxonomy)


def _report(path: Path, score: Callable[[Resume], Report], engine: PdfEngine) -> Report:
    """The report of ``path``: read back when it is a saved cvgap report, else scored."""
    saved = _saved_report(path)
    if saved is not None:
        return saved
    return score(load_cli_resume(path, pdf_engine=engine.value))


def _saved_report(path: Path) -> Report | None:
    """A ``cvgap check -f json`` report at ``path`` (``None`` for anything else)."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return None
    from cvgap.batch.serial import report_from_dict

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or "schema_version" not in data or "skills" not in data:
        return None  # a JSON Resume, say: score it
    try:
        return report_from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None
