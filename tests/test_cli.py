"""The ``cvgap check`` command line: every exit code, one-line errors, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap import __version__
from cvgap.cli import app

from .conftest import EXAMPLES

WEAK = str(EXAMPLES / "weaker-candidate.txt")
STRONG_PDF = str(EXAMPLES / "strong-candidate.pdf")


def test_check_prints_a_report_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", WEAK], catch_exceptions=False)
    assert result.exit_code == 0
    assert "/100" in result.stdout
    assert "Weak match" in result.stdout
    assert "What to add" in result.stdout
    assert result.stderr == ""


def test_check_pdf_json_is_the_documented_contract(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", STRONG_PDF, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert doc["file"] == STRONG_PDF
    assert doc["score"] >= 80
    matched = {s["id"] for s in doc["skills"] if s["status"] == "matched"}
    assert {"python", "pytorch", "opencv", "computer-vision"} <= matched


def test_check_markdown_to_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(
        app, ["check", WEAK, "-f", "markdown", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# cvgap report: Computer Vision Intern")


def test_table_output_to_file_is_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["check", WEAK, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "/100" in text
    assert "\x1b[" not in text


def test_min_score_not_reached_exits_1_after_printing(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", WEAK, "--min-score", "70", "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["score"] < 70
    assert "is below --min-score 70" in result.stderr


def test_min_score_reached_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", STRONG_PDF, "--min-score", "60", "-f", "json"])
    assert result.exit_code == 0


def test_missing_file_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    result = runner.invoke(app, ["check", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file\n"
    assert result.stdout == ""


def test_directory_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path}: ")
    assert result.stderr.count("\n") == 1


def test_empty_file_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {empty}: file is empty\n"


def test_unknown_role_is_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", WEAK, "--role", "chef"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown role 'chef' (known roles: ")
    assert "cv-intern" in result.stderr


def test_invalid_taxonomy_is_exit_2_with_location(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("category: {id: x, name: X}\nskills: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", WEAK, "--taxonomy", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert f"{tmp_path / 'bad.yaml'}:" in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_option_value_is_a_usage_error_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", WEAK, "--format", "pdf"])
    assert result.exit_code == 2


def test_internal_error_is_exit_3_without_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("cvgap.api.analyze", boom)
    result = runner.invoke(app, ["check", WEAK])
    assert result.exit_code == 3
    assert result.stderr.startswith("error: internal error: RuntimeError: kaboom")
    assert "Traceback" not in result.output


def test_keyboard_interrupt_is_exit_130(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cvgap.api.analyze", interrupt)
    result = runner.invoke(app, ["check", WEAK])
    assert result.exit_code == 130


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"cvgap {__version__}\n"


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "Usage" in result.output
    assert "check" in result.output


def test_python_dash_m_cvgap_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cvgap", "check", WEAK, "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["role"] == "cv-intern"
