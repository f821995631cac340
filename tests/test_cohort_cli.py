"""A cohort that does not mislead, and a batch that reads résumés only (issue 13)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES

PYTORCH_ONLY = """Sam Lee

Projects
- Trained a ResNet classifier in PyTorch on 5,000 plant photos, 91% accuracy

Skills
Python, PyTorch, Git
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    (folder / "year2").mkdir(parents=True)
    (folder / "sam.txt").write_text(PYTORCH_ONLY, encoding="utf-8")
    (folder / "year2" / "weak.txt").write_text(
        (EXAMPLES / "weaker-candidate.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return folder


def test_coverage_counts_who_shows_the_skill_and_alternatives_apart(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    md = runner.invoke(app, ["batch", str(folder), "-f", "markdown", "-q"]).stdout
    rows = {
        cells[0]: cells
        for line in md.splitlines()
        if line.startswith("| ") and (cells := [c.strip() for c in line.strip("|").split("|")])
    }
    assert "Covered by an alternative" in rows["Skill"]
    # Keras: nobody mentions it; Sam's PyTorch covers the requirement
    assert rows["Keras"][1] == "0/2" and rows["Keras"][4] == "1"
    assert rows["PyTorch"][1] == "1/2"


def test_cohort_paths_are_relative_to_the_folder_given(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    html = runner.invoke(app, ["batch", str(folder), "-f", "html", "-q"]).stdout
    assert ">year2/weak.txt<" in html and ">sam.txt<" in html
    assert str(tmp_path) not in html


def test_reports_dir_writes_each_report_and_the_cohort_links_to_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "cohort.html"
    reports = tmp_path / "reports"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--reports", str(reports)])
    assert result.exit_code == 0, result.output
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', out.read_text(encoding="utf-8"))
    assert sorted(name for _, name in links) == ["sam.txt", "year2/weak.txt"]
    for href, _ in links:
        page = (out.parent / href).read_text(encoding="utf-8")
        assert page.startswith("<!doctype html>") and "skill-gap report" in page
    rows = tmp_path / "rows.jsonl"  # row formats write the reports too
    runner.invoke(app, ["batch", str(folder), "-o", str(rows), "--reports", str(tmp_path / "r2")])
    assert len(list((tmp_path / "r2").rglob("*.html"))) == 2
    assert len(rows.read_text(encoding="utf-8").splitlines()) == 2


def test_batch_skips_what_is_not_a_resume_with_the_reason(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    (folder / "README.md").write_text("# Résumés of the 2026 cohort\n", encoding="utf-8")
    (folder / "LICENSE.txt").write_text("MIT License\n" * 10, encoding="utf-8")
    earlier = folder / "earlier-cohort.md"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(earlier), "-q"]).exit_code == 0
    assert runner.invoke(app, ["check", str(folder / "sam.txt"), "-o", str(folder / "sam.json")])
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "rows.jsonl")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "rows.jsonl").read_text().splitlines()]
    assert sorted(Path(r["file"]).name for r in rows) == ["sam.txt", "weak.txt"]
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("4 skipped as not résumés")
    for name, why in [
        ("README.md", "a README"),
        ("LICENSE.txt", "a licence"),
        ("earlier-cohort.md", "a report cvgap wrote"),
        ("sam.json", "a report cvgap wrote"),
    ]:
        assert f"{name} ({why})" in summary


def test_include_and_exclude_globs(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    only = runner.invoke(app, ["batch", str(folder), "--include", "weak*", "-q"])
    assert [Path(json.loads(r)["file"]).name for r in only.stdout.splitlines()] == ["weak.txt"]
    without = runner.invoke(app, ["batch", str(folder), "--exclude", "*/year2/*"])
    assert [Path(json.loads(r)["file"]).name for r in without.stdout.splitlines()] == ["sam.txt"]
    assert "weak.txt (--exclude */year2/*)" in without.stderr


def test_resumed_cohort_still_links_the_reports_of_the_first_run(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An interrupted cohort run leaves its rows in a journal; --resume does not score
    those files again, and the cohort still links the reports written the first time."""
    folder = _folder(tmp_path)
    out, reports = tmp_path / "cohort.md", tmp_path / "reports"
    journal = tmp_path / "cohort.md.journal.jsonl"  # as an interrupted run leaves it
    first = runner.invoke(
        app,
        ["batch", str(folder / "sam.txt"), "-o", str(journal), "--reports", str(reports)],
    )
    assert first.exit_code == 0, first.output
    result = runner.invoke(
        app, ["batch", str(folder), "-o", str(out), "--reports", str(reports), "--resume"]
    )
    assert result.exit_code == 0, result.output
    assert "1 scored" in result.stderr  # sam.txt came from the journal
    text = out.read_text(encoding="utf-8")
    assert text.count("](<reports/") == 2, text
