"""``cvgap diff`` (issue 13): before and after, for one résumé and for a batch cohort."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cvgap.cli import app

OLD = """Jane Doe

Experience
- Trained a U-Net in PyTorch for lane segmentation, IoU 0.81
- Wrote Python scripts for data cleaning

Skills
Python, Git, Docker
"""
# Closes OpenCV, loses Docker (the edit-loop trap: the skills line was shortened)
NEW = OLD.replace("Python, Git, Docker", "Python, Git").replace(
    "- Wrote Python", "- Built an OpenCV pipeline for camera calibration\n- Wrote Python"
)


def _pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "cv-v1.txt", tmp_path / "cv-v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_diff_json_has_score_change_gaps_and_evidence_lost(
    runner: CliRunner, tmp_path: Path
) -> None:
    old, new = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, new, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["kind"] == "report-diff" and doc["role"] == "cv-intern"
    assert doc["score_change"] == doc["new"]["score"] - doc["old"]["score"]
    closed = {c["id"] for c in doc["gaps_closed"]}
    assert "opencv" in closed
    assert doc["gaps_closed"][0]["evidence"]["matched"]  # the line that closed it
    opened = {c["id"]: c for c in doc["gaps_opened"]}
    assert "docker" in opened  # a preferred skill: its gap opened again
    assert opened["docker"]["before"] == "listed" and opened["docker"]["after"] == "missing"
    assert opened["docker"]["evidence"]["text"] == "Python, Git, Docker"


def test_diff_shows_the_same_sections_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    table = runner.invoke(app, ["diff", old, new], env={"COLUMNS": "100"}).stdout
    md = runner.invoke(app, ["diff", old, new, "-o", str(tmp_path / "d.md")])
    html = runner.invoke(app, ["diff", old, new, "-o", str(tmp_path / "d.html")])
    assert md.exit_code == html.exit_code == 0
    md_text = (tmp_path / "d.md").read_text(encoding="utf-8")
    html_text = (tmp_path / "d.html").read_text(encoding="utf-8")
    for text in (table, md_text, html_text):
        assert "Gaps closed" in text and "Gaps opened" in text
        assert "OpenCV" in text and "Docker" in text
    assert "**Docker**" in md_text and "<mark>Docker</mark>" in html_text


def test_evidence_lost_without_a_gap_opening(runner: CliRunner, tmp_path: Path) -> None:
    """PyTorch goes, TensorFlow still covers the group: no gap opens, but evidence is lost."""
    old = tmp_path / "a.txt"
    old.write_text(OLD.replace("Python, Git, Docker", "Python, Git, Docker, TensorFlow"))
    new = tmp_path / "b.txt"
    new.write_text(
        OLD.replace("in PyTorch ", "").replace(
            "Python, Git, Docker", "Python, Git, Docker, TensorFlow"
        )
    )
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    doc = json.loads(result.stdout)
    lost = {c["id"]: c for c in doc["evidence_lost"]}
    assert lost["pytorch"]["before"] == "applied" and lost["pytorch"]["after"] == "covered"
    assert "pytorch" not in {c["id"] for c in doc["gaps_opened"]}
    table = runner.invoke(app, ["diff", str(old), str(new)], env={"COLUMNS": "100"}).stdout
    assert "Evidence lost (" in table and "no longer shows" in table
    strict = runner.invoke(app, ["diff", str(old), str(new), "--fail-on-loss"])
    assert strict.exit_code == 1


def test_a_saved_json_report_can_be_the_old_side(runner: CliRunner, tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    saved = tmp_path / "before.json"
    assert runner.invoke(app, ["check", old, "-o", str(saved)]).exit_code == 0
    from_file = json.loads(runner.invoke(app, ["diff", old, new, "-f", "json"]).stdout)
    from_saved = json.loads(runner.invoke(app, ["diff", str(saved), new, "-f", "json"]).stdout)
    assert from_saved["gaps_closed"] == from_file["gaps_closed"]
    assert from_saved["score_change"] == from_file["score_change"]


def test_same_file_is_no_change(runner: CliRunner, tmp_path: Path) -> None:
    old, _ = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, old])
    assert result.exit_code == 0 and "No change" in result.stdout


def test_cohort_diff_who_moved_and_which_gaps_closed(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "ana.txt").write_text(OLD, encoding="utf-8")
    (folder / "ben.txt").write_text(OLD.replace("Docker", "Linux"), encoding="utf-8")
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(before), "-q"]).exit_code == 0
    (folder / "ana.txt").write_text(NEW, encoding="utf-8")
    assert runner.invoke(app, ["batch", str(folder), "-o", str(after), "-q"]).exit_code == 0
    result = runner.invoke(app, ["diff", str(before), str(after), "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["kind"] == "cohort-diff"
    assert [m["file"].endswith("ana.txt") for m in doc["moved"]] == [True]
    assert doc["unchanged"] == 1
    opencv = next(s for s in doc["skills"] if s["id"] == "opencv")
    assert (opencv["before"], opencv["after"], opencv["closed"]) == (0, 1, 1)
    table = runner.invoke(app, ["diff", str(before), str(after)], env={"COLUMNS": "120"}).stdout
    assert "Who moved" in table and "Cohort gaps" in table and "OpenCV" in table


def test_a_file_that_is_not_a_cohort_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"hello": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["diff", str(bad), str(bad)])
    assert result.exit_code == 2
    assert "line 1 is not a cvgap batch row" in result.stderr


def test_a_csv_cohort_is_refused_with_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    rows = tmp_path / "week1.csv"
    rows.write_text("file,score\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(rows), str(rows)])
    assert result.exit_code == 2
    assert "write both batches as .jsonl" in result.stderr
