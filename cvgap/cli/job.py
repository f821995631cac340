"""``cvgap job ...``: what cvgap understood of a job posting.

``job show POSTING`` reads a posting (a file, or ``-`` for standard input) and prints its
requirements with their tier, any-of group and the posting line behind each, the duties,
degree, years and warnings; ``--save-role`` writes it as a role file.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cvgap.cli.evaluate import MinF1Option, SplitOption
from cvgap.cli.outputs import format_for, print_view
from cvgap.cli.support import TaxonomyOption, error_boundary, write_output
from cvgap.evaluate import ALL_SPLITS

app = typer.Typer(
    help="Read job postings: what a posting requires, prefers and names as duties.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

STDIN = "-"
JOB_FILE_WIDTH = 120  # columns of `job show`'s table written to a file


class JobFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


SUFFIX_FORMATS = {
    ".json": JobFormat.json,
    ".md": JobFormat.markdown,
    ".markdown": JobFormat.markdown,
    ".txt": JobFormat.table,
}


def read_posting_argument(posting: str) -> str | Path:
    """A posting argument as :func:`cvgap.read_job` takes it: ``-`` reads standard input
    (see :func:`~cvgap.cli.job_check.read_stdin_posting`)."""
    if posting != STDIN:
        return Path(posting)
    from cvgap.cli.job_check import read_stdin_posting

    return read_stdin_posting()


@app.command("show")
def show(
    posting: Annotated[
        str,
        typer.Argument(
            help="Posting file (.txt, .md, .pdf, .docx, .html), or - to read standard input."
        ),
    ],
    output_format: Annotated[
        Optional[JobFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="table, json or markdown [default: from -o's suffix, else table].",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False
        ),
    ] = None,
    save_role: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--save-role",
            help="Also write the posting as a role file (YAML) to refine and use with --role.",
            dir_okay=False,
        ),
    ] = None,
    taxonomy: TaxonomyOption = None,
) -> None:
    """Show what cvgap understood of a job posting: requirements and their tiers, any-of
    groups, duties, degree, years, unmapped terms and warnings, each with its posting line."""
    from cvgap.job import read_job
    from cvgap.job.role import role_id_for, role_yaml
    from cvgap.report.posting import render_job_json, render_job_markdown, render_job_table
    from cvgap.taxonomy import load_taxonomy

    fmt = format_for(output_format, output, SUFFIX_FORMATS, JobFormat.table)
    with error_boundary():
        source = read_posting_argument(posting)
        tax = load_taxonomy(taxonomy, include_default=True)
        if isinstance(source, str):  # standard input
            from cvgap.cli.job_check import STDIN_NAME
            from cvgap.job.posting import read_posting_text

            job = read_posting_text(source, source=STDIN_NAME, format="text", taxonomy=tax)
        else:
            job = read_job(source, taxonomy=tax)
        if fmt is JobFormat.json:
            write_output(render_job_json(job), output)
        elif fmt is JobFormat.markdown:
            write_output(render_job_markdown(job), output)
        else:
            print_view(render_job_table(job), output, width=JOB_FILE_WIDTH)
        if save_role is not None:
            write_output(role_yaml(job, role_id_for(save_role.stem)), save_role)


@app.command("eval")
def eval_postings(
    corpus: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            help="Folder with labels.yaml and the postings (default: tests/eval/postings).",
            file_okay=False,
        ),
    ] = None,
    split: SplitOption = ALL_SPLITS,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    taxonomy: TaxonomyOption = None,
    min_f1: MinF1Option = None,
) -> None:
    """Measure posting reading on a labelled corpus: requirement ids (P/R/F1), tiers,
    any-of groups, duties counted as requirements, degree and years, next to a keyword
    baseline."""
    import json

    from cvgap.cli.support import EXIT_VERDICT, error_line
    from cvgap.job.evaluate import evaluate_postings, format_posting_report
    from cvgap.taxonomy import load_taxonomy

    with error_boundary():
        tax = load_taxonomy(taxonomy, include_default=True)
        report = evaluate_postings(corpus, split=split, taxonomy=tax)
        if as_json:
            write_output(json.dumps(report.to_dict(), indent=2) + "\n", None)
        else:
            write_output(format_posting_report(report), None)
    if min_f1 is not None and report.cvgap.ids.f1 < min_f1:
        error_line(f"F1 {report.cvgap.ids.f1:.3f} is below --min-f1 {min_f1:g}")
        raise typer.Exit(EXIT_VERDICT)
