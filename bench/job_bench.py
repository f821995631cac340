"""Benchmark job-posting mode (issue 11). Not a test: run it on a quiet machine.

    python bench/job_bench.py [--rounds 5] [--out bench/job_results.json]

Every number is the wall time of a fresh process, so start-up (imports, taxonomy, pipeline)
is included. Each round runs every measurement once, interleaved, so the baselines and the
job runs see the same machine load; the report gives medians over rounds.

* ``spacy-floor``: ``python -c 'import spacy; spacy.blank("en")'``, the floor of any
  cvgap run;
* ``check-role`` / ``check-job``: ``cvgap check examples/strong-candidate.pdf`` against the
  built-in role / against ``examples/posting-cv-intern.txt`` (target: check-job ≤ 1.5×
  the floor);
* ``rank-100``: the same résumé against a folder of 100 generated postings (target: ≤ 2×
  check-job);
* ``batch-role`` / ``batch-job``: ``cvgap batch`` over 100 generated text résumés with 2
  workers, against the role / the posting (target: batch-job ≤ 1.1× batch-role).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from batch_bench import _timed as _wall  # bench/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "examples" / "strong-candidate.pdf"
POSTING = ROOT / "examples" / "posting-cv-intern.txt"

SKILLS = [
    "Python",
    "C++",
    "PyTorch",
    "TensorFlow",
    "OpenCV",
    "NumPy",
    "Docker",
    "Kubernetes",
    "CUDA",
    "Linux",
    "Git",
    "scikit-learn",
    "deep learning",
    "machine learning",
    "object detection",
    "image segmentation",
    "SLAM",
    "ROS 2",
    "Gaussian splatting",
    "Perforce",
    "MATLAB",
    "JAX",
    "SQL",
    "Spark",
]


def write_postings(folder: Path, count: int = 100, seed: int = 11) -> None:
    """``count`` generated postings (headings, an "or" pair, inline "is a plus" items)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for n in range(count):
        picks = rng.sample(SKILLS, 10)
        lines = [
            f"Computer Vision Intern {n}",
            "",
            "What you'll do",
            f"- Train models with {picks[0]} and evaluate them with {picks[1]}",
            "",
            "Requirements",
            "- Currently pursuing a Bachelor's degree in Computer Science or a related field",
            f"- Experience with {picks[2]} or {picks[3]}",
            f"- Solid skills in {picks[4]}",
            f"- Hands-on experience with {picks[5]}",
            "",
            "Nice to have",
            f"- {picks[6]} is a plus",
            f"- Familiarity with {picks[7]}",
            f"- Experience with {picks[8]} or {picks[9]}",
        ]
        (folder / f"posting-{n:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and its workers)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _wall(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def measurements(tmp: Path) -> dict[str, list[str]]:
    from batch_corpus import generate  # bench/ is on sys.path when run as a script

    corpus = tmp / "corpus"
    generate(corpus, pdfs=0, texts=100)
    write_postings(tmp / "postings")
    py, cvgap = sys.executable, [sys.executable, "-m", "cvgap"]
    batch = [*cvgap, "batch", str(corpus / "text"), "-w", "2", "-q", "-o"]
    return {
        "spacy-floor": [py, "-c", "import spacy; spacy.blank('en')"],
        "check-role": [*cvgap, "check", str(RESUME), "-f", "json"],
        "check-job": [*cvgap, "check", str(RESUME), "--job", str(POSTING), "-f", "json"],
        "rank-100": [*cvgap, "check", str(RESUME), "--job", str(tmp / "postings"), "-f", "json"],
        "batch-role": [*batch, str(tmp / "role.jsonl")],
        "batch-job": [*batch, str(tmp / "job.jsonl"), "--job", str(POSTING)],
    }


def summarise(times: dict[str, list[float]], cpu: dict[str, list[float]]) -> dict[str, Any]:
    med = {name: statistics.median(values) for name, values in times.items()}
    cpu_med = {name: statistics.median(values) for name, values in cpu.items()}
    return {
        "median_seconds": {k: round(v, 3) for k, v in med.items()},
        "median_cpu_seconds": {k: round(v, 3) for k, v in cpu_med.items()},
        "runs_seconds": {k: [round(x, 3) for x in v] for k, v in times.items()},
        "cpu": {
            "check_job_vs_spacy_floor": round(cpu_med["check-job"] / cpu_med["spacy-floor"], 2),
            "rank_100_vs_check_job": round(cpu_med["rank-100"] / cpu_med["check-job"], 2),
            "batch_job_vs_batch_role": round(cpu_med["batch-job"] / cpu_med["batch-role"], 2),
        },
        "check_job_vs_spacy_floor": round(med["check-job"] / med["spacy-floor"], 2),
        "check_job_vs_check_role": round(med["check-job"] / med["check-role"], 2),
        "rank_100_vs_check_job": round(med["rank-100"] / med["check-job"], 2),
        "rank_100_vs_check_role": round(med["rank-100"] / med["check-role"], 2),
        "batch_job_vs_batch_role": round(med["batch-job"] / med["batch-role"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="run only these measurements (no file)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "job_results.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plan = measurements(tmp)
        if args.only:
            plan = {k: v for k, v in plan.items() if k in args.only}
        times: dict[str, list[float]] = {k: [] for k in plan}
        cpu: dict[str, list[float]] = {k: [] for k in plan}
        for round_no in range(1, args.rounds + 1):
            for key, cmd in plan.items():
                wall, used = _timed(cmd)
                times[key].append(wall)
                cpu[key].append(used)
                print(f"round {round_no} {key}: {wall:.2f} s ({used:.2f} s CPU)", flush=True)
    if args.only:
        print({k: round(statistics.median(v), 3) for k, v in times.items()})
        print({k: round(statistics.median(v), 3) for k, v in cpu.items()})
        return
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg()},
        "python": sys.version.split()[0],
        **summarise(times, cpu),
    }
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
