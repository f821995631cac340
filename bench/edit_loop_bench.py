"""Short before/after benchmark of ``cvgap check`` and ``cvgap batch`` (issue 13).

    python bench/edit_loop_bench.py [--base main] [--rounds 5] [--out bench/edit_loop_bench.md]

The baseline is the code of ``--base`` (``git archive`` into a temporary folder); the
candidate is this checkout. Each round runs every measurement once for both, interleaved,
so both see the same machine load; the table gives medians over rounds. Every number is the
wall time of a fresh process (``python -m cvgap ...`` with ``PYTHONPATH`` set to the tree),
so start-up is included. Inputs: the examples, and a 40-file batch folder made from them
(each copy given a distinct last line, so none is a duplicate).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _tree(ref: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", ref], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _batch_folder(into: Path, count: int) -> Path:
    into.mkdir()
    sources = [EXAMPLES / "weaker-candidate.txt", EXAMPLES / "strong-candidate.md"]
    for n in range(count):
        src = sources[n % len(sources)]
        text = src.read_text(encoding="utf-8") + f"\nReference number {n}\n"
        (into / f"cv-{n:03d}{src.suffix}").write_text(text, encoding="utf-8")
    return into


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(tree: Path, args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and its workers: far less
    sensitive than wall time to what else runs on a shared machine)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "cvgap", *args], cwd=tree, env=env, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args} failed in {tree}: {proc.stderr.decode()[-1500:]}")
    return elapsed, _cpu() - cpu


IN_PROCESS = """
import io, sys, time
from rich.console import Console
from cvgap import analyze
from cvgap.extract import build_nlp
from cvgap.ingest import load_resume
from cvgap.report import render_html, render_json, render_markdown
from cvgap.report.terminal import render_report
from cvgap.taxonomy import load_taxonomy
taxonomy = load_taxonomy()
nlp = build_nlp(taxonomy)
resumes = [load_resume(p) for p in sys.argv[1:]]
start = time.perf_counter()
for _ in range(20):
    for resume in resumes:
        report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
        render_json(report), render_markdown(report), render_html(report)
        Console(file=io.StringIO(), width=100).print(render_report(report))
print(time.perf_counter() - start)
"""


def _in_process(tree: Path) -> float:
    """Seconds for 20 x (score + the four renderings) of the two text examples, in one
    process (no start-up): the part of ``check`` this branch changed."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    files = [str(EXAMPLES / "weaker-candidate.txt"), str(EXAMPLES / "strong-candidate.md")]
    proc = subprocess.run(
        [sys.executable, "-c", IN_PROCESS, *files], cwd=tree, env=env, capture_output=True
    )
    if proc.returncode:
        raise SystemExit(proc.stderr.decode()[-1500:])
    return float(proc.stdout.decode().split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="main")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "edit_loop_bench.md")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cvgap-bench-") as tmp:
        base = _tree(opts.base, Path(tmp) / "base")
        folder = _batch_folder(Path(tmp) / "cohort", 40)
        out = Path(tmp) / "rows.jsonl"
        cases = {
            "check text (weaker-candidate.txt)": ["check", str(EXAMPLES / "weaker-candidate.txt")],
            "check PDF (strong-candidate.pdf)": ["check", str(EXAMPLES / "strong-candidate.pdf")],
            "check PDF, JSON": ["check", str(EXAMPLES / "strong-candidate.pdf"), "-f", "json"],
            "batch 40 text files, 2 workers": [
                "batch",
                str(folder),
                "-w",
                "2",
                "-q",
                "-o",
                str(out),
            ],
        }
        times: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        in_process = "score + 4 renderings, 2 résumés x 20, in process"
        for _ in range(opts.rounds):
            for name, args in cases.items():
                for label, tree in (("before", base), ("after", ROOT)):
                    out.unlink(missing_ok=True)
                    wall, used = _timed(tree, args)
                    times.setdefault((name, label), []).append(wall)
                    cpu.setdefault((name, label), []).append(used)
            for label, tree in (("before", base), ("after", ROOT)):
                times.setdefault((in_process, label), []).append(_in_process(tree))
    rows = [
        f"Medians of {opts.rounds} interleaved runs (seconds of wall time and of CPU, fresh "
        "process each); before = "
        f"`{opts.base}`, after = this branch; 2 shared cores.",
        "",
        "| measurement | before | after | after / before | CPU before | CPU after | CPU ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in [*cases, in_process]:
        before = statistics.median(times[(name, "before")])
        after = statistics.median(times[(name, "after")])
        row = f"| {name} | {before:.2f} | {after:.2f} | {after / before:.2f} |"
        if (name, "before") in cpu:
            cb, ca = (statistics.median(cpu[(name, lb)]) for lb in ("before", "after"))
            row += f" {cb:.2f} | {ca:.2f} | {ca / cb:.2f} |"
        else:
            row += " | | |"
        rows.append(row)
    text = "\n".join(rows) + "\n"
    opts.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
