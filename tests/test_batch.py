"""cvgap.batch (the library): inputs, isolation of bad files, ordering, duplicates, cohort."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

import cvgap.ingest
from cvgap.batch import build_cohort, plan_batch, runner, score_batch
from cvgap.batch.writers import read_done
from cvgap.taxonomy import get_role
from cvgap.types import BatchResult, Taxonomy

from .test_batch_helpers import make_cohort, make_hostile, strong_text

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="patching the loader in workers needs fork (spawned workers re-import cvgap)",
)


def _run(paths: list[Path] | list[str], taxonomy: Taxonomy, **kwargs: object) -> list[BatchResult]:
    batch = score_batch([str(p) for p in paths], taxonomy=taxonomy, **kwargs)  # type: ignore[arg-type]
    return list(batch.results())


def test_folder_of_good_and_hostile_files_scores_every_good_one_and_reports_every_bad_one(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    good = make_cohort(tmp_path / "in" / "good", strong=2, weak=1, pdfs=1)
    bad = make_hostile(tmp_path / "in" / "bad")
    (tmp_path / "in" / "bad" / "folder.pdf").mkdir()  # a folder named like a résumé
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    results = _run(
        [tmp_path / "in", tmp_path / "missing.pdf", fifo, tmp_path / "*.none"], taxonomy, workers=2
    )
    by_file = {Path(r.file).name: r for r in results}
    assert {p.name for p in good} == {n for n, r in by_file.items() if r.status == "scored"}
    failed = {n: r.error for n, r in by_file.items() if r.status == "failed"}
    assert set(bad) | {"missing.pdf", "fifo.txt", "*.none"} == set(failed)
    assert all(error and "Traceback" not in error for error in failed.values())
    assert failed["missing.pdf"] == "no such file or folder"
    assert failed["fifo.txt"] == "not a regular file"
    assert failed["empty.txt"] == failed["empty.pdf"] == "file is empty"
    assert len(results) == len(good) + len(bad) + 3


def test_results_come_in_input_order_whatever_the_completion_order(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    # a slow PDF first, quick text files after: with 2 workers the texts finish first
    files = make_cohort(tmp_path / "b", strong=3, weak=2, pdfs=0)
    pdfs = make_cohort(tmp_path / "a", strong=0, weak=0, pdfs=2)
    one = _run([tmp_path], taxonomy, workers=1)
    two = _run([tmp_path], taxonomy, workers=2)
    expected = sorted(str(p) for p in files + pdfs)
    assert [r.file for r in one] == [r.file for r in two] == expected
    assert [r.report.score for r in one if r.report] == [r.report.score for r in two if r.report]


def test_same_content_under_two_names_is_scored_once_and_reported(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    (tmp_path / "a.txt").write_text(strong_text(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(strong_text(1), encoding="utf-8")
    (tmp_path / "c.txt").write_text(strong_text(2), encoding="utf-8")
    results = _run([tmp_path / "a.txt", tmp_path], taxonomy, workers=1)
    assert [(Path(r.file).name, r.status) for r in results] == [
        ("a.txt", "scored"),
        ("b.txt", "duplicate"),
        ("c.txt", "scored"),
    ]
    assert results[1].duplicate_of == str(tmp_path / "a.txt")
    assert results[0].digest == results[1].digest != results[2].digest


def test_a_path_given_twice_is_taken_once_and_the_output_is_never_an_input(tmp_path: Path) -> None:
    make_cohort(tmp_path, strong=1, weak=0, pdfs=0)
    (tmp_path / "report.md").write_text("# old cohort report\n" * 10, encoding="utf-8")
    plan = plan_batch([tmp_path, tmp_path / "strong-0.txt"], exclude=[tmp_path / "report.md"])
    assert [Path(e.file).name for e in plan.entries] == ["strong-0.txt"]


def test_globs_and_hidden_files(tmp_path: Path) -> None:
    make_cohort(tmp_path / "x", strong=2, weak=1, pdfs=0)
    (tmp_path / "x" / ".hidden.txt").write_text(strong_text(7), encoding="utf-8")
    (tmp_path / "x" / "notes.png").write_bytes(b"\x89PNG")
    plan = plan_batch([str(tmp_path / "**" / "*.txt")])
    assert [Path(e.file).name for e in plan.entries] == ["strong-0.txt", "strong-1.txt"]
    plan = plan_batch([tmp_path])
    assert [Path(e.file).name for e in plan.entries] == [
        "strong-0.txt",
        "strong-1.txt",
        "weak-0.md",
    ]


def _patched_loader(real):
    """A loader that misbehaves on request, to test isolation (inherited by forked workers)."""

    def load(path, **kwargs):
        name = Path(path).name
        if name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGSEGV)
        if name.startswith("hang"):
            time.sleep(60)
        if name.startswith("stuck"):  # not interruptible by the soft timeout
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if name.startswith("hog"):
            hog = bytearray(2 << 30)
            return hog
        if name.startswith("bug"):
            raise ZeroDivisionError("division by zero")
        return real(path, **kwargs)

    return load


@needs_fork
def test_crash_hang_memory_hog_and_bug_each_fail_one_file_only(
    tmp_path: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cvgap.ingest, "load_resume", _patched_loader(cvgap.ingest.load_resume))
    monkeypatch.setattr(runner, "KILL_GRACE", 0.5)
    for i, name in enumerate(["bug", "crash", "hang", "hog", "stuck"]):
        (tmp_path / f"{name}.txt").write_text(strong_text(50 + i), encoding="utf-8")
    make_cohort(tmp_path, strong=3, weak=1, pdfs=0)
    batch = score_batch([str(tmp_path)], taxonomy=taxonomy, workers=2, timeout=1.0, memory_mib=512)
    results = {Path(r.file).stem: r for r in batch.results()}
    assert {n for n, r in results.items() if r.status == "scored"} == {
        "strong-0",
        "strong-1",
        "strong-2",
        "weak-0",
    }
    errors = {n: r.error for n, r in results.items() if r.status == "failed"}
    assert errors == {
        "bug": "internal error: ZeroDivisionError: division by zero",
        "crash": "the worker crashed (SIGSEGV) while reading this file",
        "hang": "took longer than 1 s; skipped (see --timeout)",
        "hog": "needed more than 512 MiB of memory; skipped (see --memory-limit)",
        "stuck": "took longer than 1 s; skipped (see --timeout)",
    }
    assert batch.stats.restarts == 3  # crash, hog (worker exits after MemoryError), stuck


def test_cohort_counts_who_has_each_skill(tmp_path: Path, taxonomy: Taxonomy) -> None:
    make_cohort(tmp_path, strong=2, weak=2, pdfs=0)
    (tmp_path / "bad.pdf").write_bytes(b"garbage")
    results = _run([tmp_path], taxonomy, workers=1)
    cohort = build_cohort(results, get_role(taxonomy, "cv-intern"), taxonomy)
    shares = {s.id: s for s in cohort.skills}
    assert (shares["pytorch"].have, shares["pytorch"].total) == (2, 4)
    # issue 13: only résumés that show TensorFlow "have" it; PyTorch covering its any-of
    # group is counted apart
    assert (shares["tensorflow"].have, shares["tensorflow"].covered) == (0, 2)
    assert len(cohort.failed) == 1 and len(cohort.scored) == 4
    assert [Path(r.file).stem for r in cohort.ranking][:2] == ["strong-0", "strong-1"]
    assert cohort.common_gaps[0].share <= cohort.common_gaps[-1].share


def test_read_done_drops_a_torn_last_line(tmp_path: Path, taxonomy: Taxonomy) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(
        '{"schema_version": 1, "file": "a.txt", "digest": "d1", "error": "x"}\n'
        '{"schema_version": 1, "file": "b.t',
        encoding="utf-8",
    )
    done, prior = read_done(out, "jsonl", role=get_role(taxonomy, "cv-intern"), taxonomy=taxonomy)
    assert done.pairs == {("a.txt", "d1")}
    assert [r.file for r in prior] == ["a.txt"]
    assert out.read_text(encoding="utf-8").endswith('"x"}\n')


def test_workers_can_encode_rows_so_the_parent_only_writes(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    import json

    from cvgap.batch.writers import RowEncoder

    make_cohort(tmp_path, strong=1, weak=0, pdfs=0)
    (tmp_path / "bad.txt").write_bytes(b"\x00" * 100)
    encoder = RowEncoder("jsonl", get_role(taxonomy, "cv-intern"))
    batch = score_batch([str(tmp_path)], taxonomy=taxonomy, workers=1, encoder=encoder)
    (bad, bad_row), (good, good_row) = list(batch.rows())
    assert bad.status == "failed" and bad_row is None  # the parent encodes failures
    assert good.report is not None and good.report.skills == ()  # a summary only
    assert good_row is not None
    assert json.loads(good_row)["score"] == good.report.score
    assert json.loads(good_row)["skills"]
