"""Render the eval corpus's tricky-layout résumés (tests/eval/pdf-src/*.txt) to PDFs.

Each source starts with ``%layout two-column|table|small``; ``# `` lines are bold headings.
``two-column``: lines before a lone ``|`` fill the left column, the rest the right one;
``table``: ``left || right`` lines are two-cell rows; ``small``: 7 pt text in long lines.
The PDFs are committed under tests/eval/resumes/; rerun this after editing a source:

    python bench/eval_pdfs.py
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "tests" / "eval" / "pdf-src"
OUT = ROOT / "tests" / "eval" / "resumes"


def _line(pdf: FPDF, text: str, size: float, width: float) -> None:
    if text.startswith("# "):
        pdf.set_font("Helvetica", "B", size + 2)
        pdf.multi_cell(width, size * 0.6, text[2:], new_x="LEFT", new_y="NEXT")
    else:
        pdf.set_font("Helvetica", "", size)
        pdf.multi_cell(width, size * 0.5, text, new_x="LEFT", new_y="NEXT")


def render(src: Path, out: Path) -> None:
    layout, *lines = src.read_text(encoding="utf-8").splitlines()
    kind = layout.removeprefix("%layout").strip()
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=timezone.utc))  # reproducible bytes
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    if kind == "two-column":
        split = lines.index("|")
        top = pdf.get_y()
        for text in lines[:split]:
            _line(pdf, text, 10, 70)
        pdf.set_xy(100, top)
        pdf.set_left_margin(100)
        for text in lines[split + 1 :]:
            _line(pdf, text, 10, 95)
    elif kind == "table":
        for text in lines:
            if "||" in text:
                left, right = (part.strip() for part in text.split("||", 1))
                pdf.set_font("Helvetica", "B", 10)
                pdf.cell(40, 6, left, border=1)
                pdf.set_font("Helvetica", "", 10)
                pdf.cell(0, 6, right, border=1, new_x="LMARGIN", new_y="NEXT")
            else:
                _line(pdf, text, 10, 0)
    elif kind == "small":
        for text in lines:
            _line(pdf, text, 7, 0)
    else:
        raise SystemExit(f"{src}: unknown layout {kind!r}")
    pdf.output(str(out))


def main() -> int:
    for src in sorted(SRC.glob("*.txt")):
        out = OUT / (src.stem + ".pdf")
        render(src, out)
        print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
