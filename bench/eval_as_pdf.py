"""Extraction through the PDF path: the text résumés of the eval corpus rendered to PDFs.

    python bench/eval_as_pdf.py [--splits blind blind2 blind3 blind4]

Each text or Markdown résumé of the chosen splits is drawn as a one-column PDF (fpdf2,
10 pt, long lines wrapped by the page width as a word processor would, Markdown ``#``
headings bold) and scored again with ``cvgap eval``, next to its text original. A gap
between the two is what the PDF reading (layout, wrapped lines, hyphens) costs. DejaVu Sans
is used when the machine has it (every character survives); otherwise Helvetica, with
characters outside Latin-1 replaced by "?".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml
from fpdf import FPDF

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cvgap.evaluate import evaluate  # noqa: E402

CORPUS = ROOT / "tests" / "eval"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def render(text: str, out: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=15)
    unicode_font = (DEJAVU / "DejaVuSans.ttf").is_file()
    if unicode_font:
        pdf.add_font("body", "", str(DEJAVU / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
    family = "body" if unicode_font else "Helvetica"
    pdf.add_page()
    for raw in text.splitlines():
        line = raw.rstrip()
        if not unicode_font:
            line = line.encode("latin-1", "replace").decode("latin-1")
        if not line.strip():
            pdf.ln(2)
            continue
        heading = line.startswith("#")
        pdf.set_font(family, "B" if heading else "", 12 if heading else 10)
        pdf.multi_cell(0, 5, line.lstrip("#").strip() if heading else line, new_x="LMARGIN")
    pdf.output(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["blind", "blind2", "blind3", "blind4"])
    args = parser.parse_args()
    labels = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
    entries = [
        e
        for e in labels["entries"]
        if e["split"] in args.splits and not str(e["file"]).endswith(".pdf")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in ("text", "pdf"):
            (root / kind / "resumes").mkdir(parents=True)
        pdf_entries = []
        for e in entries:
            src = CORPUS / "resumes" / e["file"]
            (root / "text" / "resumes" / e["file"]).write_bytes(src.read_bytes())
            pdf_name = Path(e["file"]).with_suffix(".pdf").name
            render(src.read_text(encoding="utf-8"), root / "pdf" / "resumes" / pdf_name)
            pdf_entries.append({**e, "file": pdf_name})
        for kind, rows in (("text", entries), ("pdf", pdf_entries)):
            (root / kind / "labels.yaml").write_text(
                yaml.safe_dump({"entries": rows}, allow_unicode=True), encoding="utf-8"
            )
        text, pdf = (evaluate(root / kind) for kind in ("text", "pdf"))
    print(f"{len(entries)} text and Markdown résumés of {', '.join(args.splits)}")
    print("as       precision  recall     F1    TP   FP   FN")
    for kind, report in (("text", text), ("PDF", pdf)):
        s = report.cvgap
        print(
            f"{kind:8s} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} "
            f"{s.tp:5d} {s.fp:4d} {s.fn:4d}"
        )
    for e in entries:
        stem = Path(e["file"]).stem
        a = set(text.predictions[e["file"]])
        b = set(pdf.predictions[f"{stem}.pdf"])
        if a != b:
            print(f"  {e['file']}: only as text {sorted(a - b)}, only as PDF {sorted(b - a)}")


if __name__ == "__main__":
    main()
