"""Regenerate examples/strong-candidate.pdf from strong-candidate.md (needs fpdf2).

python examples/make_pdf.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).parent


def render(md: str, path: Path) -> Path:
    """Write the Markdown résumé ``md`` as a one-column PDF at ``path`` (headings bold)."""
    pdf = FPDF(format="letter")
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))  # reproducible
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    for raw in md.splitlines():
        line = raw.rstrip()
        if not line:
            pdf.ln(2)
        elif line.startswith("# "):
            pdf.set_font("Helvetica", "B", 18)
            pdf.cell(0, 9, line[2:], new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(0, 7, line[3:].upper(), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def main() -> None:
    md = (HERE / "strong-candidate.md").read_text(encoding="utf-8")
    render(md, HERE / "strong-candidate.pdf")


if __name__ == "__main__":
    main()
