"""``--taxonomy DIR`` means the same on every command: the folder is layered on the
built-in taxonomy, so a user role can extend ``cv-intern``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES

ROLE = """\
id: halcon-intern
title: Machine Vision Intern
extends: cv-intern
requirements:
  - {skill: opencv, weight: 9}
"""


@pytest.fixture
def user_taxonomy(tmp_path: Path) -> Path:
    folder = tmp_path / "my-skills"
    (folder / "roles").mkdir(parents=True)
    (folder / "roles" / "halcon-intern.yaml").write_text(ROLE, encoding="utf-8")
    return folder


def test_check_uses_a_user_role_extending_the_builtin_one(
    runner: CliRunner, user_taxonomy: Path
) -> None:
    args = ["check", str(EXAMPLES / "weaker-candidate.txt"), "-f", "json"]
    result = runner.invoke(app, [*args, "-t", str(user_taxonomy), "-r", "halcon-intern"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["role_title"] == "Machine Vision Intern"
    opencv = next(s for s in doc["skills"] if s["id"] == "opencv")
    assert opencv["weight"] == 9.0  # overridden; the rest comes from cv-intern
    assert any(s["id"] == "python" for s in doc["skills"])


def test_batch_layers_the_user_folder_too(
    runner: CliRunner, user_taxonomy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.jsonl"
    result = runner.invoke(
        app,
        [
            "batch",
            str(EXAMPLES / "weaker-candidate.txt"),
            "--workers",
            "1",
            "--quiet",
            "-t",
            str(user_taxonomy),
            "-r",
            "halcon-intern",
            "--out",
            str(out),
            "-f",
            "jsonl",
        ],
    )
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert row["role"] == "halcon-intern"
