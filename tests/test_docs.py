"""The README is part of the product: quick start, CLI reference and exit codes stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cvgap.cli import app
from cvgap.cli.reference import command_paths, help_text

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(tag: str) -> str:
    match = re.search(rf"```bash {tag}\n(.+?)\n```", README)
    assert match, f"README has no ```bash {tag} block"
    return match.group(1)


def test_quick_start_has_the_two_commands() -> None:
    assert "## Quick start" in README
    run = _block("run-command")
    assert "pip install" in run
    sample = re.search(r"cvgap check (\S+)", run)
    assert sample and (ROOT / sample.group(1)).is_file()
    test = _block("test-command")
    for tool in ("pip install", "ruff check", "mypy", "pytest"):
        assert tool in test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash test-command" in ci


def test_cli_reference_is_up_to_date() -> None:
    from cogapp import Cog

    assert Cog().main(["cog", "--check", str(ROOT / "README.md")]) == 0, (
        "README.md CLI reference is stale: run `cog -r README.md`"
    )


@pytest.mark.parametrize("path", list(command_paths(app)), ids=" ".join)
def test_every_command_has_help_and_is_documented(path: list[str]) -> None:
    text = help_text(app, path)
    assert text.startswith("Usage: cvgap ")
    summary = text.split("\n\n")[1].strip()
    assert summary, f"cvgap {' '.join(path)} has no help text"
    assert f"cvgap {' '.join(path)}" in README


def test_every_exit_code_is_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert code in README


def test_click_is_never_imported_directly() -> None:
    """typer vendors click; importing it directly would break on typer upgrades."""
    offenders = [
        path.name
        for path in (ROOT / "cvgap").rglob("*.py")
        if re.search(r"^\s*(import|from) click\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
