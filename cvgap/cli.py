"""The ``cvgap`` command line: a thin layer over the public API.

Each command parses its options, calls one library function and hands the result to
:mod:`cvgap.report`. Exit codes: 0 done, 1 done with a negative verdict, 2 the job could
not be done, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cvgap import __version__
from cvgap.cli_support import (
    EXIT_VERDICT,
    RoleOption,
    TaxonomyOption,
    guarded,
    stdout_console,
    write_output,
)

app = typer.Typer(
    name="cvgap",
    help="How far is a résumé from what Computer Vision Intern roles ask for? Offline.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals would print résumé text (personal data)
    add_completion=False,
    rich_markup_mode=None,
)


class PdfEngine(str, Enum):
    pdfplumber = "pdfplumber"
    pdfium = "pdfium"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cvgap {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
    ] = False,
) -> None:
    """cvgap: résumé skill-gap analysis for Computer Vision Intern roles."""
    if debug:
        os.environ["CVGAP_DEBUG"] = "1"


@app.command()
def check(
    resume: Annotated[
        Path, typer.Argument(help="Résumé file: PDF, DOCX, text/Markdown or JSON Resume.")
    ],
    role: RoleOption = "cv-intern",
    taxonomy: TaxonomyOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.table,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
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
    pdf_engine: Annotated[
        PdfEngine,
        typer.Option(
            "--pdf-engine",
            help="PDF text engine: pdfplumber (default) or pdfium (several times faster).",
        ),
    ] = PdfEngine.pdfplumber,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages than this.")
    ] = 50,
) -> None:
    """Score one résumé against a role and print the gap report."""
    from cvgap.api import analyze
    from cvgap.ingest import load_resume
    from cvgap.report import render_html, render_json, render_markdown
    from cvgap.taxonomy import load_taxonomy

    with guarded():
        # The résumé first: a bad file is reported before the taxonomy is even read.
        loaded = load_resume(
            resume, password=password, pdf_engine=pdf_engine.value, max_pages=max_pages
        )
        tax = load_taxonomy(taxonomy, include_default=True)
        report = analyze(loaded, role=role, taxonomy=tax)
        if output_format is OutputFormat.json:
            write_output(render_json(report), output)
        elif output_format is OutputFormat.markdown:
            write_output(render_markdown(report), output)
        elif output_format is OutputFormat.html:
            write_output(render_html(report), output)
        else:
            from cvgap.report.terminal import render_report

            if output is None:
                stdout_console().print(render_report(report))
            else:
                import io

                from rich.console import Console

                file_console = Console(record=True, width=100, file=io.StringIO())
                file_console.print(render_report(report))
                write_output(file_console.export_text(), output)
    if min_score is not None and report.score < min_score:
        typer.echo(f"score {report.score} is below --min-score {min_score}", err=True)
        raise typer.Exit(EXIT_VERDICT)


from cvgap import cli_batch, cli_eval  # noqa: E402
from cvgap.cli_taxonomy import taxonomy_app  # noqa: E402

cli_batch.register(app)
cli_eval.register(app)
app.add_typer(taxonomy_app, name="taxonomy")


def main() -> None:
    """Entry point of the ``cvgap`` script and ``python -m cvgap``."""
    app()
