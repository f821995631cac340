"""Report output shared by every command that writes one: ``-o FILE`` picks the format from
its suffix unless ``--format`` says otherwise, an unknown suffix is a usage error (exit 2),
and ``-`` as the résumé reads standard input."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer

from cvgap.cli.support import OutputFormat, write_output
from cvgap.errors import InputError
from cvgap.report.common import DEFAULT_TOP

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cvgap.types import Report, Resume

F = TypeVar("F", bound=Enum)

STDIN = "-"
FILE_WIDTH = 100  # columns of a terminal report written to a file

REPORT_SUFFIXES: dict[str, OutputFormat] = {
    ".html": OutputFormat.html,
    ".htm": OutputFormat.html,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".json": OutputFormat.json,
    ".txt": OutputFormat.table,
}

OutputOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help="Write the report to this file instead of stdout; its suffix (.html, .md, "
        ".json, .txt) picks the format unless --format is given.",
    ),
]
ReportFormatOption = Annotated[
    Optional[OutputFormat],  # noqa: UP045
    typer.Option(
        "--format", "-f", help="Report format [default: from the --output suffix, else table]."
    ),
]
TopOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--top",
        min=0,
        help="Gaps shown in full, most important first; the rest are folded "
        f"[default: {DEFAULT_TOP}; JSON always has all].",
    ),
]


def format_for(chosen: F | None, output: Path | None, suffixes: Mapping[str, F], default: F) -> F:
    """``--format`` when given, else the format of ``output``'s suffix, else ``default``.

    An ``output`` whose suffix names no format is a usage error (exit 2): writing a table
    into ``report.xlsx`` would only surprise.
    """
    if chosen is not None:
        return chosen
    if output is None:
        return default
    suffix = output.suffix.lower()
    if suffix not in suffixes:
        known = ", ".join(sorted(suffixes))
        raise typer.BadParameter(
            f"cannot tell the format from {output.name!r}: use one of {known}, or --format",
            param_hint="'-o' / '--output'",
        )
    return suffixes[suffix]


def emit(
    fmt: OutputFormat,
    output: Path | None,
    renderers: Mapping[OutputFormat, Callable[[], str]],
    view: Callable[[], RenderableType],
) -> None:
    """Write the text of ``renderers[fmt]``, or for ``table`` the rich ``view`` (to the
    terminal, or as plain text at :data:`FILE_WIDTH` columns into ``output``)."""
    if fmt is not OutputFormat.table:
        write_output(renderers[fmt](), output)
        return
    print_view(view(), output)


def print_view(view: RenderableType, output: Path | None, *, width: int = FILE_WIDTH) -> None:
    """A rich ``view`` on the terminal, or as plain text ``width`` columns wide in
    ``output``."""
    from cvgap.cli.support import stdout_console

    if output is None:
        stdout_console().print(view)
        return
    import io

    from rich.console import Console

    file_console = Console(record=True, width=width, file=io.StringIO())
    file_console.print(view)
    write_output(file_console.export_text(), output)


def gaps_shown(top: int | None) -> int:
    """The gaps a report shows in full: ``--top``, else the default."""
    from cvgap.report.common import DEFAULT_TOP

    return DEFAULT_TOP if top is None else top


def write_report(
    report: Report, fmt: OutputFormat, output: Path | None, *, top: int | None = None
) -> None:
    """One résumé's gap report in ``fmt``, with at most ``top`` gaps unfolded."""
    from cvgap.report import render_html, render_json, render_markdown

    shown = gaps_shown(top)

    def view() -> RenderableType:
        from cvgap.report.terminal import render_report

        return render_report(report, top=shown)

    renderers: dict[OutputFormat, Callable[[], str]] = {
        OutputFormat.json: lambda: render_json(report),
        OutputFormat.markdown: lambda: render_markdown(report, top=shown),
        OutputFormat.html: lambda: render_html(report, top=shown),
    }
    emit(fmt, output, renderers, view)


def load_cli_resume(
    resume: Path,
    *,
    password: str | None = None,
    pdf_engine: str = "pdfplumber",
    max_pages: int = 50,
) -> Resume:
    """:func:`cvgap.ingest.load_resume`, where ``-`` reads the résumé from standard input
    (any format: it is sniffed from the content) and the report calls it ``<stdin>``."""
    from cvgap.ingest import load_resume
    from cvgap.ingest.limits import MAX_FILE_BYTES

    if str(resume) != STDIN:
        return load_resume(resume, password=password, pdf_engine=pdf_engine, max_pages=max_pages)
    import tempfile

    name = "<stdin>"
    stream = typer.get_binary_stream("stdin")
    if stream.isatty():
        typer.echo("reading the résumé from standard input (paste it, then Ctrl-D)", err=True)
    data = stream.read(MAX_FILE_BYTES + 1)
    if not data.strip():
        raise InputError("nothing on standard input (pipe a résumé into cvgap check -)", path=name)
    with tempfile.TemporaryDirectory(prefix="cvgap-stdin-") as folder:
        path = Path(folder) / "stdin"
        path.write_bytes(data)
        try:
            loaded = load_resume(
                path, password=password, pdf_engine=pdf_engine, max_pages=max_pages
            )
        except InputError as exc:
            exc.path = name
            raise
    return dataclasses.replace(loaded, source=name)
