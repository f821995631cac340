"""Evidence you can see (issue 13): every format shows a window of the line around the
matched words, never cut before them, with the match highlighted; JSON keeps the line."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.report.snippet import ELLIPSIS, snippet
from cvgap.types import Evidence

LEAD = (
    "To leverage my expertise in building full-stack web applications for small local "
    "businesses and student societies over three years, I "
)
LONG_LINE = f"- {LEAD}trained a Mask R-CNN instance segmentation model in PyTorch on drone images"
RESUME = f"""Jane Doe
jane@example.com

Experience
{LONG_LINE}
- Wrote Python scripts for data cleaning

Skills
Python, Git
"""


def _resume(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def test_terminal_window_shows_the_match_at_every_width(runner: CliRunner, tmp_path: Path) -> None:
    cv = str(_resume(tmp_path))
    for width in (50, 80, 120):
        result = runner.invoke(app, ["check", cv], env={"COLUMNS": str(width)})
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        at = next(i for i, ln in enumerate(lines) if ln.startswith("✔ PyTorch"))
        evidence = " ".join(lines[at : at + 2]).split("experience:4", 1)[1]
        assert "in PyTorch on" in evidence, (width, evidence)
        assert evidence.split()[0].startswith(ELLIPSIS)  # the line's start was cut, not the match


def test_markdown_bolds_and_html_marks_the_match(runner: CliRunner, tmp_path: Path) -> None:
    cv = str(_resume(tmp_path))
    md = runner.invoke(app, ["check", cv, "-f", "markdown"]).stdout
    assert "**PyTorch**" in md
    html = runner.invoke(app, ["check", cv, "-f", "html"]).stdout
    assert "<mark>PyTorch</mark>" in html


def test_json_keeps_the_whole_line_and_where_the_match_is(
    runner: CliRunner, tmp_path: Path
) -> None:
    doc = json.loads(runner.invoke(app, ["check", str(_resume(tmp_path)), "-f", "json"]).stdout)
    (pytorch,) = [s for s in doc["skills"] if s["id"] == "pytorch"]
    ev = pytorch["evidence"][0]
    assert ev["text"] == LONG_LINE
    assert ev["text"][ev["start"] : ev["end"]] == ev["matched"] == "PyTorch"


@given(
    before=st.text(min_size=0, max_size=200),
    match=st.text(min_size=1, max_size=20).filter(str.strip),
    after=st.text(min_size=0, max_size=200),
    width=st.integers(min_value=1, max_value=160),
)
def test_window_never_cuts_the_match_and_fits(
    before: str, match: str, after: str, width: int
) -> None:
    match = " ".join(match.split())
    text = before + match + after
    ev = Evidence(text=text, section="x", line=1, start=len(before), end=len(before) + len(match))
    window = snippet(ev, width)
    assert window.match == match
    assert len(window) <= max(width, len(match))
