"""Measure ingestion on a folder of real résumés with both PDF engines.

    python bench/corpus_table.py ../shared/corpus            # writes bench/ingest_corpus.{md,csv}

For every file and engine: ingest time per page (best of ``--repeat`` runs, reading only, no
spaCy), pages, sections found, distinct skills found by the extractor, "run-together" words
(alphabetic tokens of 20+ letters, the symptom of words merged by a too-loose tolerance) and
the ingestion warnings. The résumés themselves are never copied; only these numbers are.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import time
from pathlib import Path

from cvgap.errors import InputError
from cvgap.extract import build_nlp, extract_skills
from cvgap.ingest import PDF_ENGINES, load_resume
from cvgap.taxonomy import load_taxonomy

HERE = Path(__file__).parent
_LONG_RE = re.compile(r"(?<![\w@/.:])[^\W\d_]{20,}(?![\w@/.])")
_WARNING_CODES = {
    "two-column": "columns",
    "very little": "little text",
    "not English": "non-English",
    "Latin alphabet": "non-Latin",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=HERE / "ingest_corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in (".pdf", ".json", ".docx"))
    rows = [
        measure(path, engine, args.repeat, taxonomy, nlp)
        for path in files
        for engine in (PDF_ENGINES if path.suffix == ".pdf" else ("-",))
    ]
    write(rows, args.out)


def measure(path: Path, engine: str, repeat: int, taxonomy: object, nlp: object) -> dict[str, str]:
    row = {"file": path.name, "engine": engine}
    best = float("inf")
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            resume = load_resume(path, pdf_engine=engine if engine != "-" else "pdfplumber")
            best = min(best, time.perf_counter() - start)
    except InputError as exc:
        return {
            **row,
            "pages": "",
            "ms/page": "",
            "sections": f"error: {exc.message}",
            "skills": "0",
            "run-together": "",
            "warnings": "",
        }
    mentions = extract_skills(resume, nlp, taxonomy)  # type: ignore[arg-type]
    skills = {m.skill_id for m in mentions if not m.negated}
    sections = [s for s in resume.sections if s != "other"]
    warnings = sorted(
        {code for w in resume.warnings for key, code in _WARNING_CODES.items() if key in w}
    )
    return {
        **row,
        "pages": str(resume.pages),
        "ms/page": f"{best * 1000 / resume.pages:.1f}",
        "sections": " ".join(sections) or "(none)",
        "skills": str(len(skills)),
        "run-together": str(len(_LONG_RE.findall(resume.text))),
        "warnings": ", ".join(warnings),
    }


def write(rows: list[dict[str, str]], out: Path) -> None:
    fields = list(rows[0])
    with out.with_suffix(".csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    lines = ["| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
    lines += ["| " + " | ".join(row[f] for f in fields) + " |" for row in rows]
    lines += ["", summary(rows)]
    out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def summary(rows: list[dict[str, str]]) -> str:
    parts = []
    for engine in PDF_ENGINES:
        mine = [r for r in rows if r["engine"] == engine and r["ms/page"]]
        if not mine:
            continue
        ms = statistics.median(float(r["ms/page"]) for r in mine)
        skills = sum(int(r["skills"]) for r in mine)
        sectioned = sum(1 for r in mine if r["sections"] != "(none)")
        parts.append(
            f"{engine}: median {ms:.0f} ms/page, {skills} skills in total, "
            f"sections found in {sectioned}/{len(mine)} PDFs"
        )
    return "Summary: " + "; ".join(parts) + "."


if __name__ == "__main__":
    main()
