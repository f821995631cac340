"""A taxonomy that ``lint`` fails with errors stops every command that would use it
(issue 13): the same ``file:line:col`` problems lint prints, then one error line, exit 2."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES
from .test_lint_rules import SKILLS

DUPLICATE = SKILLS + "  - {id: ros-two, name: ROS 2, aliases: [ROS2], examples: {match: [x]}}\n"
CYCLE = SKILLS.replace(
    '    examples: {match: ["Wrote', '    implies: [slam]\n    examples: {match: ["Wrote'
)


def _taxonomy(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "tax"
    root.mkdir()
    (root / "a.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _commands(tax: Path, tmp_path: Path) -> list[list[str]]:
    resume = str(EXAMPLES / "weaker-candidate.txt")
    return [
        ["check", resume, "--taxonomy", str(tax)],
        ["diff", resume, resume, "--taxonomy", str(tax)],
        ["batch", resume, "--taxonomy", str(tax), "-q", "-o", str(tmp_path / "out.jsonl")],
        ["taxonomy", "test", str(tax)],
        ["taxonomy", "show", "--taxonomy", str(tax)],
        ["eval", "--taxonomy", str(tax)],
    ]


@pytest.mark.parametrize(
    ("text", "rule", "place"),
    [
        (DUPLICATE, "duplicate-alias", "a.yaml:13:42"),
        (CYCLE, "implies-cycle", "a.yaml:9:5"),
        (CYCLE + DUPLICATE[len(SKILLS) :], "implies-cycle", "a.yaml:9:5"),  # two errors
    ],
)
def test_every_command_refuses_what_lint_fails(
    runner: CliRunner, tmp_path: Path, text: str, rule: str, place: str
) -> None:
    tax = _taxonomy(tmp_path, text)
    lint = runner.invoke(app, ["taxonomy", "lint", str(tax), "-f", "parsable"])
    assert lint.exit_code == 1
    lint_errors = [line for line in lint.stdout.splitlines() if ": error: " in line]
    assert lint_errors and f"[{rule}]" in lint_errors[0] and place in lint_errors[0]
    for args in _commands(tax, tmp_path):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        *problems, last = result.stderr.splitlines()
        assert last.startswith(f"error: invalid taxonomy: {lint_errors[0]}"), args
        assert problems == (lint_errors if len(lint_errors) > 1 else []), args
        assert "all passed" not in result.output
        assert "Traceback" not in result.output
