"""Implied evidence names the skill that implies it by its name, as the rest of the report
does, in every view of ``check`` and ``diff``; the JSON keeps the id in ``via``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

BEFORE = "Jane Doe\n\nExperience\n- Wrote Python scripts for data cleaning\n\nSkills\nPython, Git\n"
AFTER = BEFORE.replace(
    "cleaning\n", "cleaning\n- Fine-tuned Mask R-CNN with Detectron2 on 2k images\n"
)
NAME, ID = "R-CNN family and detectors", "rcnn-family"  # implies object detection


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(AFTER, encoding="utf-8")
    return str(old), str(new)


@pytest.mark.parametrize(
    ("fmt", "words"), [("table", "via"), ("markdown", "via"), ("html", "implied by")]
)
def test_check_names_the_implying_skill(
    runner: CliRunner, pair: tuple[str, str], fmt: str, words: str
) -> None:
    result = runner.invoke(app, ["check", pair[1], "-f", fmt], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"{words} {NAME}" in result.stdout and f"{words} {ID}" not in result.stdout


def test_diff_names_the_implying_skill(runner: CliRunner, pair: tuple[str, str]) -> None:
    result = runner.invoke(app, ["diff", *pair], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"via {NAME}" in result.stdout and f"via {ID}" not in result.stdout


def test_json_keeps_the_id_and_adds_the_name(runner: CliRunner, pair: tuple[str, str]) -> None:
    result = runner.invoke(app, ["check", pair[1], "-f", "json"])
    skills = {s["id"]: s for s in json.loads(result.stdout)["skills"]}
    evidence = skills["object-detection"]["evidence"][0]
    assert evidence["via"] == ID and evidence["via_name"] == NAME
