"""What every CLI command shares: the error boundary, consoles and output writing.

The boundary follows pre-commit's ``error_handler``: a :class:`~cvgap.errors.CvgapError`
is the user's problem (one ``error:`` line on stderr, exit 2); anything else is our bug
(exit 3, with a hint to rerun with ``--debug``); Ctrl-C exits 130.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cvgap.errors import CvgapError

if TYPE_CHECKING:
    from rich.console import Console


class PdfEngine(str, Enum):
    pdfplumber = "pdfplumber"
    pdfium = "pdfium"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


RoleOption = Annotated[str, typer.Option("--role", "-r", help="Role profile id.")]
TaxonomyOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option(
        "--taxonomy",
        "-t",
        file_okay=False,
        help="A skills folder layered on top of the built-in taxonomy (or replacing "
        "it, when its taxonomy.yaml says builtin: replace).",
    ),
]

PdfEngineOption = Annotated[
    PdfEngine,
    typer.Option(
        "--pdf-engine",
        help="PDF text engine: pdfplumber (default) or pdfium (several times faster).",
    ),
]

EXIT_OK, EXIT_VERDICT, EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def debug_enabled() -> bool:
    return os.environ.get("CVGAP_DEBUG", "") not in ("", "0")


def error_line(message: str) -> None:
    """Print one ``error:`` line on stderr (never wrapped, never styled)."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)


@contextmanager
def error_boundary() -> Iterator[None]:
    """Turn exceptions into the documented exit codes. The PDF/DOCX libraries' log output
    is captured meanwhile; under ``--debug`` it is printed, with the library's own words
    for an error, before the traceback."""
    from cvgap.ingest.logs import captured_logs

    with captured_logs() as logs:
        try:
            yield
        except (typer.Exit, typer.Abort):
            raise
        except CvgapError as exc:
            if debug_enabled():
                _debug_lines(logs.lines, exc.detail)
                raise
            errors = [p for p in getattr(exc, "problems", ()) if p.level == "error"]
            if len(errors) > 1:  # what `cvgap taxonomy lint` prints, line for line
                typer.echo("".join(f"{p}\n" for p in errors), err=True, nl=False)
            error_line(str(exc))
            raise typer.Exit(EXIT_FAILED) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if debug_enabled():
                _debug_lines(logs.lines, None)
                raise
            error_line(
                f"internal error: {type(exc).__name__}: {exc}; please report this, "
                "with the output of the same command run with --debug"
            )
            raise typer.Exit(EXIT_INTERNAL) from None
        if debug_enabled():
            _debug_lines(logs.lines, None)


def _debug_lines(lines: list[str], detail: str | None) -> None:
    for line in lines:
        typer.echo(f"debug: {line}", err=True)
    if detail:
        typer.echo(f"debug: the library said: {detail}", err=True)


def stdout_console(*, width: int | None = None) -> Console:
    from rich.console import Console

    return Console(width=width, highlight=False, soft_wrap=False)


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (a file) or to stdout."""
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CvgapError(f"cannot write output: {exc.strerror or exc}", path=str(output)) from None
