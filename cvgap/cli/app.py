"""The root ``cvgap`` app: global options, and each command module joined with ``add_typer``.

Each command parses its options, calls one library function and hands the result to
:mod:`cvgap.report`. Exit codes: 0 done, 1 done with a negative verdict, 2 the job could
not be done, 3 internal error, 130 interrupted.
"""

from __future__ import annotations

import os
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from cvgap import __version__
from cvgap.cli import batch, check, diff, evaluate, job, taxonomy


class DebugAnywhereGroup(TyperGroup):
    """The root command, where ``--debug`` may also come after the subcommand
    (``cvgap check cv.pdf --debug``): it is moved to the front before parsing."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's own click Context
        end = args.index("--") if "--" in args else len(args)
        if "--debug" in args[1:end]:
            rest = [a for a in args[:end] if a != "--debug"]
            args = ["--debug", *rest, *args[end:]]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DebugAnywhereGroup,
    name="cvgap",
    help="How far is a résumé from what Computer Vision Intern roles ask for? Offline.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals would print résumé text (personal data)
    add_completion=False,
    rich_markup_mode=None,
)


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
        bool,
        typer.Option(
            "--debug",
            help="Show tracebacks and the libraries' own messages instead of one-line "
            "errors (also accepted after the command).",
        ),
    ] = False,
) -> None:
    """cvgap: résumé skill-gap analysis for Computer Vision Intern roles."""
    if debug:
        os.environ["CVGAP_DEBUG"] = "1"


app.add_typer(check.app)
app.add_typer(diff.app)
app.add_typer(batch.app)
app.add_typer(evaluate.app)
app.add_typer(taxonomy.app, name="taxonomy")
app.add_typer(job.app, name="job")


def main() -> None:
    """Entry point of the ``cvgap`` script and ``python -m cvgap``."""
    from cvgap.collector import one_shot_process

    one_shot_process()
    app()
