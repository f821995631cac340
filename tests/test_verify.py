"""``cvgap taxonomy test``: examples run through the real pipeline, failures at file:line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.taxonomy.verify import verify_paths

SKILLS = """\
version: 1
category: {id: robotics, name: Robotics}
skills:
  - id: kalibr
    name: Kalibr
    aliases: [kalibr]
    examples:
      match: ["Calibrated cameras with Kalibr", "Calibrated cameras with kalibr2"]
      no_match: ["Kalibrierung der Kamera", "No experience with Kalibr yet"]
"""


def write(tmp_path: Path, text: str = SKILLS) -> Path:
    (tmp_path / "robotics.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_failures_are_reported_at_the_example(tmp_path: Path) -> None:
    result = verify_paths([write(tmp_path)])
    assert (result.examples, result.skills) == (4, 1)
    assert [(p.line, p.column, p.rule, p.message) for p in result.problems] == [
        (
            8,
            49,
            "example-failed",
            '"Calibrated cameras with kalibr2" should match skill "kalibr" but found no skill',
        ),
    ]


def test_a_negated_mention_does_not_count_as_a_match(tmp_path: Path) -> None:
    text = SKILLS.replace('"Kalibrierung der Kamera"', '"Used Kalibr and ROS"')
    result = verify_paths([write(tmp_path, text)])
    assert [(p.line, p.message) for p in result.problems] == [
        (8, '"Calibrated cameras with kalibr2" should match skill "kalibr" but found no skill'),
        (9, '"Used Kalibr and ROS" should not match skill "kalibr" but "Kalibr" matched'),
    ]


def test_cli_exit_codes_and_output(runner: CliRunner, tmp_path: Path) -> None:
    folder = write(tmp_path)
    result = runner.invoke(app, ["taxonomy", "test", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == (
        f'{folder}/robotics.yaml:8:49: error: "Calibrated cameras with kalibr2" should match '
        'skill "kalibr" but found no skill [example-failed]\n'
    )
    assert result.stderr == "4 examples of 1 skill: 1 failed\n"
    write(tmp_path, SKILLS.replace(', "Calibrated cameras with kalibr2"', ""))
    result = runner.invoke(app, ["taxonomy", "test", str(folder)], catch_exceptions=False)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "3 examples of 1 skill: all passed\n",
    )


def test_invalid_taxonomy_cannot_be_tested(runner: CliRunner, tmp_path: Path) -> None:
    folder = write(tmp_path, SKILLS.replace("name: Kalibr", "name: [Kalibr]"))
    result = runner.invoke(app, ["taxonomy", "test", str(folder)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: invalid taxonomy: {folder}/robotics.yaml:5:11: error: name: expected a "
        "non-empty string, got list [schema]\n"
    )


def test_builtin_examples_all_pass(runner: CliRunner) -> None:
    result = runner.invoke(app, ["taxonomy", "test"], catch_exceptions=False)
    assert result.stdout == ""
    assert result.exit_code == 0
