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


def _timed(tree: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "cvgap", *args], cwd=tree, env=env, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args} failed in {tree}: {proc.stderr.decode()[-1500:]}")
    return elapsed


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
        for _ in range(opts.rounds):
            for name, args in cases.items():
                for label, tree in (("before", base), ("after", ROOT)):
                    out.unlink(missing_ok=True)
                    times.setdefault((name, label), []).append(_timed(tree, args))
    rows = [
        f"Medians of {opts.rounds} interleaved runs (seconds, fresh process each); before = "
        f"`{opts.base}`, after = this branch; 2 shared cores.",
        "",
        "| measurement | before | after | after / before |",
        "|---|---:|---:|---:|",
    ]
    for name in cases:
        before = statistics.median(times[(name, "before")])
        after = statistics.median(times[(name, "after")])
        rows.append(f"| {name} | {before:.2f} | {after:.2f} | {after / before:.2f} |")
    text = "\n".join(rows) + "\n"
    opts.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
