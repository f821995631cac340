"""docs/cli.md, the CLI reference, generated from each command's ``--help`` by cog
(``cog -r docs/cli.md``; ``tests/test_docs.py`` fails when it is out of date)."""

from __future__ import annotations

from collections.abc import Iterator

import typer
import typer.main

HELP_WIDTH = 100


def command_paths(app: typer.Typer) -> Iterator[list[str]]:
    """Every command path of ``app``: ["check"], ["taxonomy", "lint"], …"""
    group = typer.main.get_command(app)
    yield from _walk(group, [])


def _walk(command: object, prefix: list[str]) -> Iterator[list[str]]:
    commands = getattr(command, "commands", None)
    if not commands:
        yield prefix
        return
    if prefix:
        yield prefix
    for name in sorted(commands):
        yield from _walk(commands[name], [*prefix, name])


def help_text(app: typer.Typer, path: list[str]) -> str:
    """The ``--help`` output of one command, at a fixed width."""
    from typer.testing import CliRunner

    result = CliRunner().invoke(
        app,
        [*path, "--help"],
        terminal_width=HELP_WIDTH,
        env={"COLUMNS": str(HELP_WIDTH), "NO_COLOR": "1"},
    )
    return result.output.replace("Usage: root", "Usage: cvgap").rstrip() + "\n"


def cli_reference() -> str:
    """Markdown: one ``##`` heading and help block per command."""
    from cvgap.cli import app

    return "\n".join(
        f"## `cvgap {' '.join(path)}`\n\n```\n{help_text(app, path)}```\n"
        for path in command_paths(app)
    )
