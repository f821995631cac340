"""The edit loop without friction (issue 13): output by suffix, one spelling per option,
--debug anywhere, ``-`` for stdin, folded gaps, and ``cvgap diff``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES

WEAK = str(EXAMPLES / "weaker-candidate.txt")
STRONG = EXAMPLES / "strong-candidate.md"


# --------------------------------------------------------------------------- output by suffix


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("report.html", "<!doctype html>"),
        ("report.md", "# cvgap report"),
        ("report.json", "{"),
        ("report.txt", "╭─ cvgap"),
    ],
)
def test_check_output_suffix_picks_the_format(
    runner: CliRunner, tmp_path: Path, name: str, starts: str
) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["check", WEAK, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_format_option_wins_over_the_suffix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["check", WEAK, "-f", "json", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1


@pytest.mark.parametrize(
    "command",
    [["check", WEAK], ["batch", WEAK], ["diff", WEAK, WEAK], ["job", "show", WEAK], ["eval"]],
)
def test_unknown_output_suffix_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "report.xlsx"
    result = runner.invoke(app, [*command, "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot tell the format from 'report.xlsx'" in result.stderr
    assert not out.exists()


def test_batch_output_is_spelt_like_check_and_out_still_works(
    runner: CliRunner, tmp_path: Path
) -> None:
    for option in ("--output", "-o", "--out"):
        out = tmp_path / f"rows{option}.jsonl"
        result = runner.invoke(app, ["batch", WEAK, option, str(out), "-q"])
        assert result.exit_code == 0, result.output
        assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["score"] >= 0
    help_text = runner.invoke(app, ["batch", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--output" in help_text and "--out " not in help_text


@pytest.mark.parametrize("command", [["check", WEAK], ["batch", WEAK], ["diff", WEAK, WEAK]])
def test_pdf_engine_has_the_same_choices_everywhere(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--pdf-engine", "bogus"])
    assert result.exit_code == 2
    assert "'pdfplumber', 'pdfium'" in result.stderr or "pdfplumber, pdfium" in result.stderr


def test_debug_is_accepted_after_the_subcommand(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.pdf")
    plain = runner.invoke(app, ["check", missing])
    assert plain.exit_code == 2 and "error:" in plain.stderr
    for args in (["--debug", "check", missing], ["check", missing, "--debug"]):
        result = runner.invoke(app, args, env={"CVGAP_DEBUG": ""})
        assert type(result.exception).__name__ == "InputError", args  # the traceback is shown


def test_dash_reads_the_resume_from_stdin(runner: CliRunner) -> None:
    text = Path(WEAK).read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", "-", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["file"] == "<stdin>"
    file_doc = json.loads(runner.invoke(app, ["check", WEAK, "-f", "json"]).stdout)
    assert doc["score"] == file_doc["score"]


def test_dash_reads_a_pdf_from_stdin(runner: CliRunner) -> None:
    data = (EXAMPLES / "strong-candidate.pdf").read_bytes()
    result = runner.invoke(app, ["check", "-", "-f", "json"], input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["score"] >= 80


def test_empty_stdin_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "-"], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: <stdin>: nothing on standard input")


# --------------------------------------------------------------------------- folded gaps


def test_gaps_beyond_top_are_folded_in_every_format(runner: CliRunner) -> None:
    doc = json.loads(runner.invoke(app, ["check", WEAK, "-f", "json"]).stdout)
    gaps = [s for s in doc["skills"] if s["status"] == "missing" and not s["covered_by"]]
    assert len(gaps) > 10  # JSON has all of them
    table = runner.invoke(app, ["check", WEAK, "--top", "3"], env={"COLUMNS": "100"}).stdout
    section = table.split("What to add", 1)[1].split("Matched skills", 1)[0]
    assert section.count(" +") >= 3
    assert "more gaps" in section and "--top" in section
    html = runner.invoke(app, ["check", WEAK, "-f", "html", "--top", "3"]).stdout
    shown, folded = html.split('<details class="more-gaps">', 1)
    assert shown.count('<li class="gap card') == 3
    assert "more gaps" in folded.split("</summary>", 1)[0]
    md = runner.invoke(app, ["check", WEAK, "-f", "markdown", "--top", "3"]).stdout
    assert "3. **" in md and "<details><summary>" in md and "\n4. **" in md


def test_default_top_keeps_the_page_short(runner: CliRunner) -> None:
    html = runner.invoke(app, ["check", WEAK, "-f", "html"]).stdout
    assert html.split("<details", 1)[0].count('<li class="gap card') == 5


def test_eval_output_suffix_picks_the_format(runner: CliRunner, tmp_path: Path) -> None:
    bad = runner.invoke(app, ["eval", "-o", str(tmp_path / "scores.xlsx")])
    assert bad.exit_code == 2 and "cannot tell the format" in bad.stderr
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "--split", "blind4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert 0 < json.loads(out.read_text(encoding="utf-8"))["cvgap"]["f1"] <= 1
