"""``cvgap check --job`` honours ``--top`` like the role report: the most important gaps in
full, the rest folded (HTML and Markdown ``<details>``, a count in the terminal), in the
same order, and all of them in JSON; a ranking names each posting's top gaps and counts
the rest."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.report.common import DEFAULT_TOP

from .conftest import EXAMPLES

POSTING = EXAMPLES / "posting-cv-intern.txt"
WEAK = EXAMPLES / "weaker-candidate.txt"  # 10 gaps against the posting
GAPS_HEADING = "What to change before applying"


def run(runner: CliRunner, *args: str, columns: int = 80) -> str:
    result = runner.invoke(app, ["check", str(WEAK), *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def all_gaps() -> list[dict[str, Any]]:
    """The posting's gaps as JSON lists them, most important first (``--top 0`` too)."""
    out = run(CliRunner(), "--job", str(POSTING), "-f", "json", "--top", "0")
    gaps: list[dict[str, Any]] = json.loads(out)["job"]["gaps"]
    assert len(gaps) > DEFAULT_TOP + 2  # the weak résumé has enough gaps to fold
    return gaps


def labels(gaps: list[dict[str, Any]]) -> list[str]:
    return [" or ".join(g["names"]) for g in gaps]


def points_text(gaps: list[dict[str, Any]]) -> str:
    total = sum(g["points"] for g in gaps)
    return f"{len(gaps)} more gaps, +{total} points in all"


def test_json_keeps_every_gap_whatever_top(
    runner: CliRunner, all_gaps: list[dict[str, Any]]
) -> None:
    out = run(runner, "--job", str(POSTING), "-f", "json", "--top", "1")
    assert json.loads(out)["job"]["gaps"] == all_gaps


def test_markdown_folds_the_gaps_after_top_in_details_in_order(
    runner: CliRunner, all_gaps: list[dict[str, Any]]
) -> None:
    out = run(runner, "--job", str(POSTING), "-f", "markdown", "--top", "3")
    section = out.split(f"## {GAPS_HEADING}")[1].split("\n## ")[0]
    shown, folded = section.split("<details>")
    items = re.findall(r"^(\d+)\. \*\*(.+?)\*\*", section, flags=re.MULTILINE)
    assert [name for _, name in items] == labels(all_gaps)  # same order, numbered on
    assert [int(n) for n, _ in items] == list(range(1, len(all_gaps) + 1))
    assert len(re.findall(r"^\d+\. ", shown, flags=re.MULTILINE)) == 3
    assert f"<summary>{points_text(all_gaps[3:])}</summary>" in folded
    assert folded.rstrip().endswith("</details>")


def test_html_folds_the_gaps_after_the_default_top(
    runner: CliRunner, all_gaps: list[dict[str, Any]]
) -> None:
    out = run(runner, "--job", str(POSTING), "-f", "html")
    section = out.split(GAPS_HEADING)[1].split("</section>")[0]
    shown, folded = section.split('<details class="more-gaps">')
    assert re.findall(r"<h3>(.+?)</h3>", shown) == labels(all_gaps[:DEFAULT_TOP])
    assert re.findall(r"<h3>(.+?)</h3>", folded) == labels(all_gaps[DEFAULT_TOP:])
    assert f"<summary>{points_text(all_gaps[DEFAULT_TOP:])}</summary>" in folded


def test_html_with_top_at_least_the_gaps_folds_nothing(
    runner: CliRunner, all_gaps: list[dict[str, Any]]
) -> None:
    out = run(runner, "--job", str(POSTING), "-f", "html", "--top", str(len(all_gaps)))
    section = out.split(GAPS_HEADING)[1].split("</section>")[0]
    assert "<details" not in section
    assert re.findall(r"<h3>(.+?)</h3>", section) == labels(all_gaps)


def test_terminal_counts_the_folded_gaps_and_says_how_to_list_them(
    runner: CliRunner, all_gaps: list[dict[str, Any]]
) -> None:
    out = run(runner, "--job", str(POSTING), "--top", "2")
    section = out.split(GAPS_HEADING)[1].split("Requirements (")[0]
    rows = re.findall(r"^\s*(\d+)\s{2,}", section, flags=re.MULTILINE)
    assert rows == ["1", "2"]
    assert all_gaps[2]["names"][0] not in section
    fold = f"+ {points_text(all_gaps[2:])} (--top {len(all_gaps)} lists them; JSON has all)"
    assert fold in " ".join(section.split())


@pytest.fixture
def second_posting(tmp_path: Path) -> Path:
    path = tmp_path / "platform.txt"
    path.write_text(
        "Platform Engineering Intern\n\nRequirements\n- Experience with Java and SQL\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_ranking_names_each_postings_top_gaps_and_counts_the_rest(
    runner: CliRunner, all_gaps: list[dict[str, Any]], second_posting: Path, fmt: str
) -> None:
    args = ["--job", str(POSTING), "--job", str(second_posting), "-f", fmt, "--top", "2"]
    out = run(runner, *args, columns=300)  # the terminal's summary cell on one line
    flat = " ".join(out.split())
    first, second = labels(all_gaps[:2])
    assert f"missing required: {first}, {second}; {points_text(all_gaps[2:])}" in flat
    assert all_gaps[2]["names"][0] not in flat


def test_ranking_json_keeps_every_gap(
    runner: CliRunner, all_gaps: list[dict[str, Any]], second_posting: Path
) -> None:
    out = run(
        runner, "--job", str(POSTING), "--job", str(second_posting), "-f", "json", "--top", "1"
    )
    ranked = {r["posting"]: r["gaps"] for r in json.loads(out)["ranking"]}
    assert ranked[str(POSTING)] == all_gaps
