"""``cvgap diff OLD NEW --job POSTING``: both versions scored against the same posting, as
``check --job`` scores one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

from .test_diff_cli import _pair

# Asks for Docker, which the new version dropped from its skills line, and OpenCV, which it
# gained; the cv-intern role does not require Docker.
POSTING = """Perception Intern
Requirements:
- Python and OpenCV
- Docker for reproducible experiments
Nice to have:
- ROS 2
"""


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def _json(runner: CliRunner, args: list[str], stdin: str | None = None) -> Any:
    result = runner.invoke(app, [*args, "-f", "json"], input=stdin)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_both_versions_are_scored_against_the_posting(
    runner: CliRunner, tmp_path: Path, posting: Path
) -> None:
    old, new = _pair(tmp_path)
    doc = _json(runner, ["diff", old, new, "--job", str(posting)])
    checked = [_json(runner, ["check", side, "--job", str(posting)]) for side in (old, new)]
    assert doc["role"] == checked[0]["role"] != "cv-intern"
    assert doc["old"]["score"] == checked[0]["score"]
    assert doc["new"]["score"] == checked[1]["score"]
    opened = {c["id"]: c for c in doc["gaps_opened"]}
    assert opened["docker"]["required"] is True  # required by the posting, not the role


def test_the_posting_can_come_from_stdin(runner: CliRunner, tmp_path: Path, posting: Path) -> None:
    old, new = _pair(tmp_path)
    from_file = _json(runner, ["diff", old, new, "--job", str(posting)])
    from_stdin = _json(runner, ["diff", old, new, "--job", "-"], stdin=POSTING)
    assert from_stdin["score_change"] == from_file["score_change"]
    assert from_stdin["gaps_opened"] == from_file["gaps_opened"]


def test_job_and_an_explicit_role_are_exclusive(
    runner: CliRunner, tmp_path: Path, posting: Path
) -> None:
    old, new = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, new, "--job", str(posting), "--role", "cv-intern"])
    assert result.exit_code == 2
    assert "--job and --role are exclusive" in result.stderr


def test_the_resume_and_the_posting_cannot_both_be_stdin(runner: CliRunner, tmp_path: Path) -> None:
    old, _ = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, "-", "--job", "-"], input="Skills\nPython\n")
    assert result.exit_code == 2
    assert "cannot both come from standard input" in result.stderr


def test_job_is_refused_for_batch_cohorts(runner: CliRunner, tmp_path: Path, posting: Path) -> None:
    rows = tmp_path / "week1.jsonl"
    rows.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(rows), str(rows), "--job", str(posting)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --job") and "cvgap batch --job" in result.stderr
