"""The batch worker pool: isolated processes, each building the spaCy pipeline once.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: one crashing task breaks the whole
executor, and a running task cannot be stopped. Here each worker has its own pipe and at most
:data:`PREFETCH` files queued; the parent knows which file a worker is on and since when, so

* a file over its time limit gets a soft ``SIGALRM`` in the worker (the worker survives),
  and, if the worker does not answer within :data:`KILL_GRACE` more seconds (stuck in C
  code), the worker is killed and replaced;
* a file over its memory limit (``RLIMIT_AS`` above the worker's idle size) raises
  ``MemoryError`` in the worker, which reports it and exits; a worker that dies (a
  segfault in a PDF library, the OOM killer) is replaced;

and in every case only that file becomes a failed row. Workers are forked when the platform
allows it (the taxonomy is inherited, not re-read), spawned otherwise.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from cvgap.batch.worker import Task, WorkerConfig, timeout_message, worker_main
from cvgap.errors import CvgapError
from cvgap.types import Report

PREFETCH = 2
KILL_GRACE = 5.0
TICK = 0.25
MAX_STARTUP_FAILURES = 3
WARM_FILES = 50


@dataclass(slots=True)
class WorkerStats:
    """Memory of one worker process, in KiB, as it reported after each file."""

    pid: int
    files: int = 0
    rss_first: int = 0
    rss_warm: int = 0  # after WARM_FILES files: the baseline for "does it grow?"
    rss_last: int = 0
    peak: int = 0


@dataclass(slots=True)
class PoolStats:
    workers: dict[int, WorkerStats] = field(default_factory=dict)
    restarts: int = 0


Outcome = tuple[int, Report | None, str | None, str | None]  # index, report, error, encoded


# --------------------------------------------------------------------------- parent side


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    queue: deque[Task] = field(default_factory=deque)
    ready: bool = False
    since: float = 0.0  # when the file at the head of ``queue`` started
    exiting: bool = False  # said it stops after its last answer: requeue, blame no file


class Pool:
    """``workers`` processes scoring files; :meth:`run` yields outcomes as they complete."""

    def __init__(self, config: WorkerConfig | None, workers: int) -> None:
        self.config = config
        self.size = max(1, workers)
        self.stats = PoolStats()
        methods = mp.get_all_start_methods()
        self._ctx: Any = mp.get_context("fork" if "fork" in methods else "spawn")
        self._workers: list[_Worker] = []
        self._startup_failures = 0

    def run(
        self, tasks: Sequence[Task], *, on_tick: Callable[[], None] | None = None
    ) -> Iterator[Outcome]:
        """Score ``tasks``; yield ``(index, report, error)`` for each, in completion order."""
        pending: deque[Task] = deque(tasks)
        if not pending:
            self.close()
            return
        assert self.config is not None, "configure() a prestarted pool before run()"
        try:
            for _ in range(min(self.size, len(pending)) - len(self._workers)):
                self._workers.append(self._start())
            while pending or any(w.queue for w in self._workers):
                self._feed(pending)
                conns = [w.conn for w in self._workers]
                sentinels = [w.process.sentinel for w in self._workers]
                ready = wait(conns + sentinels, timeout=TICK)
                for worker in list(self._workers):
                    if worker.conn in ready or worker.process.sentinel in ready:
                        yield from self._service(worker, pending)
                yield from self._enforce_deadlines(pending)
                if on_tick is not None:
                    on_tick()
        finally:
            self.close()

    @classmethod
    def prestart(cls, workers: int) -> Pool:
        """Start ``workers`` processes now, importing spaCy and the PDF libraries while the
        caller loads the taxonomy and plans; :meth:`configure` hands them their config."""
        pool = cls(None, workers)
        pool._workers = [pool._start() for _ in range(pool.size)]
        return pool

    def configure(self, config: WorkerConfig, workers: int) -> None:
        """Give prestarted workers their config; stop the ones beyond ``workers``."""
        self.config = config
        self.size = max(1, workers)
        extra = self._workers[self.size :]
        self._workers = self._workers[: self.size]
        for worker in self._workers:
            worker.conn.send(config)
        for worker in extra:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
            worker.process.join(1.0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()

    def close(self) -> None:
        """Stop every worker (politely, then by force)."""
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 1.0
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers.clear()

    # -- internals

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        inherited: tuple[int, ...] = ()
        if self._ctx.get_start_method() == "fork":
            inherited = (parent.fileno(), *(w.conn.fileno() for w in self._workers))
        process = self._ctx.Process(
            target=worker_main,
            args=(child, self.config, inherited),
            daemon=True,
            name="cvgap-batch-worker",
        )
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def _feed(self, pending: deque[Task]) -> None:
        for worker in self._workers:
            while pending and len(worker.queue) < PREFETCH and not worker.exiting:
                task = pending.popleft()
                try:
                    worker.conn.send(task)
                except (OSError, ValueError):
                    pending.appendleft(task)
                    break
                if not worker.queue and worker.ready:
                    worker.since = time.monotonic()
                worker.queue.append(task)

    def _service(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        while True:
            try:
                if not worker.conn.poll():
                    break
                msg = worker.conn.recv()
            except (EOFError, OSError):
                break
            kind = msg[0]
            if kind == "ready":
                worker.ready = True
                worker.since = time.monotonic()
                self._startup_failures = 0
                self.stats.workers[worker.process.pid] = WorkerStats(
                    pid=worker.process.pid, rss_first=msg[1], rss_last=msg[1], peak=msg[1]
                )
            elif kind == "fatal":
                raise CvgapError(msg[1])
            else:
                _, index, report, error, encoded, rss, peak, exiting = msg
                if worker.queue and worker.queue[0][0] == index:
                    worker.queue.popleft()
                worker.since = time.monotonic()
                worker.exiting = exiting
                self._record(worker, rss, peak)
                yield index, report, error, encoded
        if not worker.process.is_alive():
            yield from self._replace(worker, pending, self._death_message(worker))

    def _record(self, worker: _Worker, rss: int, peak: int) -> None:
        stats = self.stats.workers.setdefault(
            worker.process.pid, WorkerStats(pid=worker.process.pid)
        )
        stats.files += 1
        stats.rss_last = rss
        if stats.files == WARM_FILES:
            stats.rss_warm = rss
        stats.peak = max(stats.peak, peak)

    def _death_message(self, worker: _Worker) -> str:
        worker.process.join(1.0)
        code = worker.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                name = signal.Signals(-code).name
                if name == "SIGKILL":
                    return "the worker was killed (out of memory?) while reading this file"
                return f"the worker crashed ({name}) while reading this file"
        return f"the worker stopped (exit code {code}) while reading this file"

    def _enforce_deadlines(self, pending: deque[Task]) -> Iterator[Outcome]:
        assert self.config is not None
        now = time.monotonic()
        for worker in list(self._workers):
            if not (worker.ready and worker.queue):
                continue
            if now - worker.since > self.config.timeout + KILL_GRACE:
                worker.process.kill()
                yield from self._replace(worker, pending, timeout_message(self.config.timeout))

    def _replace(self, worker: _Worker, pending: deque[Task], error: str) -> Iterator[Outcome]:
        """Fail the file ``worker`` was on, requeue the rest of its queue, start another."""
        worker.process.join()
        worker.conn.close()
        self._workers.remove(worker)
        self.stats.restarts += 1
        if not worker.ready:
            self._startup_failures += 1
            if self._startup_failures >= MAX_STARTUP_FAILURES:
                raise CvgapError(f"batch workers keep dying at start-up ({error})")
        if not worker.ready or worker.exiting:
            pending.extendleft(reversed(worker.queue))
        elif worker.queue:
            index, _, _ = worker.queue.popleft()
            pending.extendleft(reversed(worker.queue))
            yield index, None, error, None
        if pending or any(w.queue for w in self._workers):
            self._workers.append(self._start())
