"""Benchmark ``cvgap batch`` (issue 6). Not a test: run it on a quiet machine.

    python bench/batch_bench.py [--corpus DIR] [--rounds 3] [--out bench/batch_results.json]

Every number is the wall time of a fresh process (``python -m cvgap batch ... --quiet -o
FILE``, or the baseline script), so start-up (imports, taxonomy, workers building their
pipelines) is included. Each round runs every measurement once, interleaved, so baselines
and batches see the same machine load; the report gives medians over rounds.

Measurements:

* ``plumber-alone-1`` / ``plumber-alone-2``: pdfplumber alone (``page.extract_text()``)
  on the 500 PDFs in 1 process / 2 processes (the baseline for the default engine);
* ``batch-plumber-w1`` / ``-w2``: ``cvgap batch`` on the 500 PDFs, default engine;
* ``batch-pdfium-w1`` / ``-w2``: the same with ``--pdf-engine pdfium``;
* ``batch-text-w1`` / ``-w2``: ``cvgap batch`` on the 500 text résumés;
* ``batch-mixed-w1`` / ``-w2``: all 1,000 files with pdfium (the scaling figure);
* ``batch-one-text``: a one-file batch (the fixed start-up cost);
* memory: per-worker RSS after start-up, after the last file, and peak, over 1,000 files.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PLUMBER_ALONE = """
import sys, glob
from multiprocessing import Pool

def extract(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)

if __name__ == "__main__":
    files = sorted(glob.glob(sys.argv[1] + "/*.pdf"))
    procs = int(sys.argv[2])
    if procs == 1:
        total = sum(map(extract, files))
    else:
        with Pool(procs) as pool:
            total = sum(pool.map(extract, files, chunksize=8))
    print(total)
"""


def _timed(cmd: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode()[-2000:]}"
        )
    return elapsed


def _batch(paths: list[Path], workers: int, engine: str, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cvgap",
        "batch",
        *map(str, paths),
        "-w",
        str(workers),
        "--pdf-engine",
        engine,
        "-q",
        "-o",
        str(out),
    ]


def measurements(corpus: Path, out: Path, script: Path) -> dict[str, list[str]]:
    pdf, text = corpus / "pdf", corpus / "text"
    py = sys.executable
    return {
        "plumber-alone-1": [py, str(script), str(pdf), "1"],
        "batch-plumber-w1": _batch([pdf], 1, "pdfplumber", out),
        "plumber-alone-2": [py, str(script), str(pdf), "2"],
        "batch-plumber-w2": _batch([pdf], 2, "pdfplumber", out),
        "batch-pdfium-w1": _batch([pdf], 1, "pdfium", out),
        "batch-pdfium-w2": _batch([pdf], 2, "pdfium", out),
        "batch-text-w1": _batch([text], 1, "pdfplumber", out),
        "batch-text-w2": _batch([text], 2, "pdfplumber", out),
        "batch-mixed-w1": _batch([pdf, text], 1, "pdfium", out),
        "batch-mixed-w2": _batch([pdf, text], 2, "pdfium", out),
        "batch-one-text": _batch([text / "resume-0000.txt"], 2, "pdfplumber", out),
    }


def memory(corpus: Path) -> dict[str, Any]:
    """Per-worker memory over 1,000 files (2 workers, pdfium), through the library API."""
    sys.path.insert(0, str(ROOT))
    from cvgap.batch import score_batch

    batch = score_batch([str(corpus / "pdf"), str(corpus / "text")], workers=2, pdf_engine="pdfium")
    count = sum(1 for _ in batch.results())
    workers = [
        {
            "files": w.files,
            "rss_start_mib": round(w.rss_first / 1024, 1),
            "rss_after_50_files_mib": round(w.rss_warm / 1024, 1),
            "rss_end_mib": round(w.rss_last / 1024, 1),
            "peak_mib": round(w.peak / 1024, 1),
        }
        for w in batch.stats.workers.values()
    ]
    return {"files": count, "workers": workers, "restarts": batch.stats.restarts}


def summarise(times: dict[str, list[float]], corpus: Path) -> dict[str, Any]:
    med = {name: statistics.median(values) for name, values in times.items()}
    pdfs = len(list((corpus / "pdf").glob("*.pdf")))
    texts = len(list((corpus / "text").glob("*.txt")))
    return {
        "median_seconds": {k: round(v, 2) for k, v in med.items()},
        "runs_seconds": {k: [round(x, 2) for x in v] for k, v in times.items()},
        "pdfium_pdf_per_s_w2": round(pdfs / med["batch-pdfium-w2"], 1),
        "text_per_s_w2": round(texts / med["batch-text-w2"], 1),
        # the same without the fixed start-up (the time of a one-file batch)
        "startup_seconds": round(med["batch-one-text"], 2),
        "pdfium_pdf_per_s_w2_after_startup": round(
            pdfs / (med["batch-pdfium-w2"] - med["batch-one-text"]), 1
        ),
        "text_per_s_w2_after_startup": round(
            texts / (med["batch-text-w2"] - med["batch-one-text"]), 1
        ),
        "default_vs_plumber_alone_w1": round(med["batch-plumber-w1"] / med["plumber-alone-1"], 2),
        "default_vs_plumber_alone_w2": round(med["batch-plumber-w2"] / med["plumber-alone-2"], 2),
        "speedup_2_workers_mixed": round(med["batch-mixed-w1"] / med["batch-mixed-w2"], 2),
        "speedup_2_workers_text": round(med["batch-text-w1"] / med["batch-text-w2"], 2),
        "speedup_2_workers_pdfium": round(med["batch-pdfium-w1"] / med["batch-pdfium-w2"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, default=Path(tempfile.gettempdir()) / "cvgap-batch-corpus"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="run only these measurements")
    parser.add_argument("--memory-only", action="store_true", help="only the memory run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "batch_results.json")
    args = parser.parse_args()

    from batch_corpus import generate  # bench/ is on sys.path when run as a script

    generate(args.corpus)
    if args.memory_only:
        print(json.dumps(memory(args.corpus), indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "plumber_alone.py"
        script.write_text(PLUMBER_ALONE, encoding="utf-8")
        plan = measurements(args.corpus, Path(tmp) / "out.jsonl", script)
        if args.only:
            plan = {k: v for k, v in plan.items() if k in args.only}
        times: dict[str, list[float]] = {name: [] for name in plan}
        for round_no in range(1, args.rounds + 1):
            for name, cmd in plan.items():
                times[name].append(_timed(cmd))
                print(f"round {round_no} {name}: {times[name][-1]:.2f} s", flush=True)
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg()},
        "python": sys.version.split()[0],
    }
    if not args.only:
        result.update(summarise(times, args.corpus))
        result["memory"] = memory(args.corpus)
    else:
        result["median_seconds"] = {k: round(statistics.median(v), 2) for k, v in times.items()}
    print(json.dumps(result, indent=2))
    if not args.only:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
