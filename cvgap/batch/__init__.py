"""Batch scoring: many résumés, a process pool, results in a deterministic order.

>>> from cvgap.batch import score_batch
>>> batch = score_batch(["resumes/"], role="cv-intern", workers=2)
>>> for result in batch.results():
...     print(result.file, result.status, result.report.score if result.report else "")

The library raises and yields; writing rows and drawing progress is the CLI's job
(:mod:`cvgap.cli.batch`). Modules: :mod:`~cvgap.batch.inputs` (files, folders, globs, content
hashes), :mod:`~cvgap.batch.runner` (the isolated worker pool), :mod:`~cvgap.batch.writers`
(JSON Lines / CSV, ``--resume``), :mod:`~cvgap.batch.cohort` (the cohort numbers) and
:mod:`~cvgap.batch.redact`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.batch.cohort import build_cohort
from cvgap.batch.inputs import Done, Entry, Plan, plan_batch
from cvgap.batch.runner import Pool, PoolStats
from cvgap.batch.worker import WorkerConfig
from cvgap.ingest.limits import BATCH_MEMORY_MIB, BATCH_TIMEOUT_SECONDS
from cvgap.taxonomy import DEFAULT_ROLE
from cvgap.types import BatchResult, JobPosting, Taxonomy

if TYPE_CHECKING:
    from cvgap.types.job_match import PostingText

__all__ = [
    "Batch",
    "Done",
    "Plan",
    "Pool",
    "build_cohort",
    "default_workers",
    "plan_batch",
    "score_batch",
]


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Batch:
    """A planned batch: :attr:`plan` says what will happen, :meth:`results` does it."""

    def __init__(
        self, plan: Plan, config: WorkerConfig, workers: int, pool: Pool | None = None
    ) -> None:
        self.plan = plan
        self.config = config
        self.workers = max(1, min(workers, len(plan.to_score) or 1))
        self.stats = PoolStats()
        self._pool = pool

    @property
    def total(self) -> int:
        """How many rows :meth:`results` will yield."""
        return len(self.plan.entries)

    def results(self, on_progress: Callable[[int], None] | None = None) -> Iterator[BatchResult]:
        """Score the plan and yield one result per entry, in plan order, each as soon as
        it and every entry before it are done. ``on_progress(done)`` is called whenever a
        file completes (in any order) and a few times a second while waiting."""
        for result, _ in self.rows(on_progress):
            yield result

    def rows(
        self, on_progress: Callable[[int], None] | None = None
    ) -> Iterator[tuple[BatchResult, str | None]]:
        """Like :meth:`results`, with each result's output row when the batch has an
        ``encoder`` and a worker encoded it (``None`` otherwise: failures, duplicates)."""
        entries = self.plan.entries
        finished: dict[int, tuple[BatchResult, str | None]] = {}
        next_out = 0
        completed = 0

        def progress() -> None:
            if on_progress is not None:
                on_progress(completed)

        def flush() -> Iterator[tuple[BatchResult, str | None]]:
            nonlocal next_out
            while next_out < len(entries) and next_out in finished:
                yield finished.pop(next_out)
                next_out += 1

        for entry in entries:
            if entry.action != "score":
                finished[entry.index] = (_settled(entry), None)
                completed += 1
        progress()
        yield from flush()
        pool, self._pool = self._pool, None
        if pool is None:
            pool = Pool(self.config, self.workers)
        else:
            pool.configure(self.config, self.workers)
        self.stats = pool.stats
        tasks = [(e.index, e.file, e.digest) for e in self.plan.to_score]
        for index, report, error, encoded in pool.run(tasks, on_tick=progress):
            entry = entries[index]
            result = BatchResult(file=entry.file, digest=entry.digest, report=report, error=error)
            finished[index] = (result, encoded)
            completed += 1
            progress()
            yield from flush()


def _settled(entry: Entry) -> BatchResult:
    if entry.action == "duplicate":
        return BatchResult(file=entry.file, digest=entry.digest, duplicate_of=entry.duplicate_of)
    return BatchResult(file=entry.file, digest=entry.digest, error=entry.error)


def score_batch(
    paths: Sequence[str | Path],
    *,
    role: str = DEFAULT_ROLE,
    taxonomy: Taxonomy | None = None,
    workers: int | None = None,
    pdf_engine: str = "pdfplumber",
    redact: bool = False,
    timeout: float = BATCH_TIMEOUT_SECONDS,
    memory_mib: int = BATCH_MEMORY_MIB,
    done: Done | None = None,
    exclude: Iterable[Path] = (),
    encoder: Callable[[BatchResult], str] | None = None,
    pool: Pool | None = None,
    include_globs: Sequence[str] = (),
    exclude_globs: Sequence[str] = (),
    job: JobPosting | PostingText | None = None,
) -> Batch:
    """Plan a batch over files, folders (recursively) and globs; call
    :meth:`Batch.results` to run it.

    Each file gets ``timeout`` seconds and ``memory_mib`` MiB beyond a worker's idle size;
    a file that fails, hangs, exhausts memory or crashes its worker becomes a failed
    :class:`~cvgap.types.BatchResult` with its error, and the batch goes on. Files with the
    same content are scored once (the others are duplicate rows). ``done`` (from
    :func:`cvgap.batch.writers.read_done`) skips what an earlier run already wrote.
    With an ``encoder`` (e.g. :class:`cvgap.batch.writers.RowEncoder`), workers encode each
    scored file's output row themselves (:meth:`Batch.rows`) and results carry a summary
    report (score, verdict; no skill lists), which spares the parent process most of its
    work per file. ``pool`` is a :meth:`Pool.prestart` pool to use (its workers import
    spaCy while the caller loads the taxonomy). Files that are not résumés, and those
    ``include_globs``/``exclude_globs`` leave out, are skipped (``Batch.plan.ignored``).
    ``job`` scores against a job posting (or its text, read by each worker) instead of
    ``role`` (see :func:`cvgap.job.match.match_job`).
    """
    from cvgap.taxonomy import get_role, load_taxonomy

    taxonomy = taxonomy or load_taxonomy()
    if job is None:
        get_role(taxonomy, role)  # fail before any work on an unknown role
    plan = plan_batch(
        paths,
        done=done,
        exclude=exclude,
        include_globs=include_globs,
        exclude_globs=exclude_globs,
    )
    config = WorkerConfig(
        taxonomy=taxonomy,
        role=role,
        pdf_engine=pdf_engine,
        redact=redact,
        timeout=timeout,
        memory_mib=memory_mib,
        encoder=encoder,
        job=job,
    )
    return Batch(plan, config, workers or default_workers(), pool)
