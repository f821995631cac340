"""Measure the ATS checks: planted cases found, findings on real résumés, and what they cost.

    python bench/ats_bench.py ../shared/corpus --baseline ../main   # writes bench/ats_results.md

1. Planted cases (tests/ats_fixtures.py), both PDF engines: is each one found, with its cause?
2. Real résumés (a folder of PDFs, plus examples/*.pdf): the findings of each, by severity.
3. The plain reading against the extractor it models: skills a whole-word search finds in
   cvgap's plain reading vs. in pdfplumber's own ``extract_text()`` (agreement per file).
4. Cost per résumé: ingest ms/page (this tree, and ``--baseline`` tree's code in a subprocess,
   run alternately), ``check`` without the ATS checks (ingest + analyze) and the checks'
   own time; medians of ``--repeat`` runs. The résumés are never copied; only numbers are.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

# CPU time (time.process_time: other processes on a shared machine barely move it) of
# ingest alone and of a whole check (ingest + analyze, + the ATS checks where the tree has
# them), best of N, per file.
CHECK_SCRIPT = """
import json, sys, time
from cvgap.api import analyze
from cvgap.extract import build_nlp
from cvgap.ingest import load_resume
from cvgap.taxonomy import load_taxonomy
try:
    from cvgap.ats import run_checks
except ImportError:
    run_checks = None
taxonomy = load_taxonomy()
nlp = build_nlp(taxonomy)
out = {}
for name in sys.argv[3:]:
    ingest = check = 1e9
    for _ in range(int(sys.argv[2])):
        t0 = time.process_time()
        resume = load_resume(name, pdf_engine=sys.argv[1])
        t1 = time.process_time()
        report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
        if run_checks is not None:
            run_checks(resume, report, taxonomy)
        t2 = time.process_time()
        ingest, check = min(ingest, (t1 - t0) / resume.pages), min(check, t2 - t0)
    out[name] = [1000 * ingest, 1000 * check]
print(json.dumps(out))
"""


def _cpu_ms(tree: Path, engine: str, files: list[Path], repeat: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run(
        [sys.executable, "-c", CHECK_SCRIPT, engine, str(repeat), *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tree,
    )
    result: dict[str, list[float]] = json.loads(proc.stdout)
    return result


def planted(engines: tuple[str, ...]) -> list[str]:
    from cvgap.api import analyze
    from cvgap.ats import run_checks
    from cvgap.extract import build_nlp
    from cvgap.ingest import load_resume
    from cvgap.taxonomy import load_taxonomy
    from tests.ats_fixtures import PLANTED

    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    rows = [
        "| planted case | expected | " + " | ".join(engines) + " |",
        "|---|---|" + "---|" * len(engines),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for case, (build, check, cause, skill) in PLANTED.items():
            path = build(Path(tmp) / "case.pdf")
            cells = []
            for engine in engines:
                resume = load_resume(path, pdf_engine=engine)
                ats = run_checks(resume, analyze(resume, taxonomy=taxonomy, nlp=nlp), taxonomy)
                hit = any(
                    f.check == check
                    and (cause is None or f.cause == cause)
                    and (skill is None or skill in f.skills)
                    for f in ats.findings
                )
                cells.append("found" if hit else "**not found**")
            expected = f"`{check}`" + (
                f" ({cause}" + (f", {skill}" if skill else "") + ")" if cause else ""
            )
            rows.append(f"| {case} | {expected} | " + " | ".join(cells) + " |")
    return rows


def corpus(
    files: list[Path], engines: tuple[str, ...], repeat: int, baseline: Path | None
) -> list[str]:
    from cvgap.api import analyze
    from cvgap.ats import run_checks
    from cvgap.ats.terms import skills_in
    from cvgap.extract import build_nlp
    from cvgap.ingest import load_resume
    from cvgap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    rows = [
        "| file | engine | errors | warnings | info | checks (error/warning) "
        "| plain vs pdfplumber |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    cost: dict[str, dict[str, list[float]]] = {e: {"check": [], "ats": []} for e in engines}
    agreement = []
    for path in files:
        real = _pdfplumber_text(path)
        for engine in engines:
            check_t, ats_t = [], []
            for _ in range(repeat):
                t0 = time.perf_counter()
                resume = load_resume(path, pdf_engine=engine)
                report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
                t1 = time.perf_counter()
                ats = run_checks(resume, report, taxonomy)
                t2 = time.perf_counter()
                check_t.append(t1 - t0)
                ats_t.append(t2 - t1)
            cost[engine]["check"].append(1000 * min(check_t))
            cost[engine]["ats"].append(1000 * min(ats_t))
            by = {
                s: [f for f in ats.findings if f.severity == s]
                for s in ("error", "warning", "info")
            }
            flagged = ", ".join(
                f"{f.check}" + (f" ({f.cause})" if f.cause else "")
                for f in by["error"] + by["warning"]
            )
            same = ""
            if engine == "pdfplumber" and resume.plain is not None:
                ours = {s.id for s in skills_in(resume.plain.text, taxonomy)}
                theirs = {s.id for s in skills_in(real, taxonomy)}
                score = len(ours & theirs) / max(len(ours | theirs), 1)
                agreement.append(score)
                same = f"{score:.2f}"
            rows.append(
                f"| {path.name} | {engine} | {len(by['error'])} | {len(by['warning'])} | "
                f"{len(by['info'])} | {flagged or '—'} | {same} |"
            )
    rows += [
        "",
        "Plain reading vs. pdfplumber's extract_text(): median skill-set agreement (Jaccard) "
        f"{statistics.median(agreement):.2f}, minimum {min(agreement):.2f} "
        f"over {len(agreement)} files.",
    ]
    rows += [
        "",
        "CPU ms (best of the runs, median over files); before = the `--baseline` tree, "
        "after = this tree (ATS checks included); the trees are run alternately.",
        "",
        "| engine | ingest ms/page before | after | check ms/résumé before | after | "
        "added to check (median) | max |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in engines:
        if baseline is None:
            break
        before_runs, after_runs = [], []
        for _ in range(2):
            before_runs.append(_cpu_ms(baseline, engine, files, repeat))
            after_runs.append(_cpu_ms(ROOT, engine, files, repeat))
        best = [
            [min(r[str(f)][i] for r in runs) for f in files]
            for runs in (before_runs, after_runs)
            for i in (0, 1)
        ]
        ing_b, chk_b, ing_a, chk_a = best
        added = [(a - b) / b for a, b in zip(chk_a, chk_b, strict=True)]
        rows.append(
            f"| {engine} | {statistics.median(ing_b):.1f} | {statistics.median(ing_a):.1f} | "
            f"{statistics.median(chk_b):.0f} | {statistics.median(chk_a):.0f} | "
            f"{100 * statistics.median(added):+.1f} % | {100 * max(added):+.1f} % |"
        )
    rows += [
        "",
        "The ATS checks' own time (run_checks, wall ms, median over files): "
        + ", ".join(
            f"{e} {statistics.median(cost[e]['ats']):.1f} ms of a "
            f"{statistics.median(cost[e]['check']):.0f} ms check"
            for e in engines
        )
        + ".",
    ]
    return rows


def _pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--baseline", type=Path, help="a checkout of the code before the change")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "ats_results.md")
    args = parser.parse_args()
    engines = ("pdfplumber", "pdfium")
    files = sorted(args.corpus.glob("*.pdf")) + sorted((ROOT / "examples").glob("*.pdf"))
    out = [
        "# ATS checks: planted cases, real résumés, cost",
        "",
        "Made by `bench/ats_bench.py`.",
        "",
    ]
    out += planted(engines)
    out += ["", f"## {len(files)} real résumés", ""]
    out += corpus(files, engines, args.repeat, args.baseline)
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()
