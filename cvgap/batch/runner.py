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
import dataclasses
import faulthandler
import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from cvgap.errors import CvgapError
from cvgap.types import BatchResult, Report, Taxonomy

PREFETCH = 2
KILL_GRACE = 5.0
TICK = 0.25
MAX_STARTUP_FAILURES = 3
WARM_FILES = 50

# parent -> worker: (index, path, digest), or None to stop; worker -> parent:
# ("ready", rss_kib), ("fatal", message) or
# ("done", index, report | None, error | None, encoded | None, rss_kib, peak_kib, exiting):
# ``encoded`` is the output row when the config has an encoder (``report`` is then a summary
# without skills), ``exiting`` when the worker stops after this file (out of memory).
# An error is the problem without the file name (the row has the file).
Task = tuple[int, str, str]  # (index, path, digest)


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerConfig:
    """Everything a worker needs; inherited by a forked worker, pickled to a spawned one."""

    taxonomy: Taxonomy
    role: str
    pdf_engine: str = "pdfplumber"
    redact: bool = False
    timeout: float = 30.0
    memory_mib: int = 1536
    # Encode each scored file's output row in the worker (``BatchResult -> str``, picklable):
    # the parent then writes bytes instead of unpickling and serialising whole reports.
    encoder: Callable[[BatchResult], str] | None = None


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


class _TaskTimeout(BaseException):
    """Raised by SIGALRM in a worker; a BaseException so ``except Exception`` in the PDF
    libraries cannot swallow it."""


# --------------------------------------------------------------------------- worker side


def worker_main(
    conn: Connection, config: WorkerConfig | None, inherited: Sequence[int] = ()
) -> None:
    """A worker process: build the pipeline once, then score files sent over ``conn``.

    With ``config`` None (a worker started early, see :meth:`Pool.prestart`), import the
    heavy libraries first, then wait for the config on ``conn``. ``inherited`` are the
    parent's ends of the workers' pipes, which a forked worker closes so that each worker
    sees end-of-file as soon as the parent is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    faulthandler.disable()  # a crash becomes the file's error row, not a dump on stderr
    _die_with_parent()
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    if config is None:
        with contextlib.suppress(Exception):
            import cvgap.extract
            import cvgap.ingest
            import cvgap.score  # noqa: F401
        try:
            config = conn.recv()
        except (EOFError, OSError):
            return
        if config is None:
            return
    try:
        from cvgap.extract import build_nlp
        from cvgap.taxonomy import get_role

        nlp = build_nlp(config.taxonomy)
        role = get_role(config.taxonomy, config.role)
    except Exception as exc:
        conn.send(("fatal", f"cannot start a worker: {exc}"))
        return
    _limit_memory(config.memory_mib)
    gc.freeze()  # the pipeline and taxonomy live as long as the worker: keep them out of GC
    signal.signal(signal.SIGALRM, _on_alarm)
    conn.send(("ready", _rss_kib()))
    while True:
        try:
            task: Task | None = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, digest = task
        report, error, fatal = _score_one(path, nlp, role, config)
        encoded = None
        if report is not None and config.encoder is not None:
            encoded = config.encoder(BatchResult(file=path, digest=digest, report=report))
            report = _summary(report)
        conn.send(("done", index, report, error, encoded, _rss_kib(), _peak_kib(), fatal))
        if fatal:
            return


def _summary(report: Report) -> Report:
    """The report without its skill lists: what the parent needs next to an encoded row."""
    return dataclasses.replace(report, categories=(), skills=(), extra_skills=(), intents=())


def _score_one(
    path: str, nlp: Any, role: Any, config: WorkerConfig
) -> tuple[Report | None, str | None, bool]:
    """Score one file: (report, None, False), or (None, error, worker must exit)."""
    from cvgap.extract import extract_skills
    from cvgap.ingest import load_resume
    from cvgap.score import score

    signal.setitimer(signal.ITIMER_REAL, config.timeout)
    try:
        resume = load_resume(path, pdf_engine=config.pdf_engine)
        report = score(resume, extract_skills(resume, nlp, config.taxonomy), role, config.taxonomy)
        if config.redact:
            from cvgap.batch.redact import redact_report

            report = redact_report(report, resume)
        return report, None, False
    except _TaskTimeout:
        return None, timeout_message(config.timeout), False
    except CvgapError as exc:
        return None, exc.message, False
    except MemoryError:
        return None, memory_message(config.memory_mib), True
    except RecursionError:
        return None, "structure too deeply nested to read", False
    except Exception as exc:  # a bug or an unexpected library error: this file only
        return None, f"internal error: {type(exc).__name__}: {exc}", False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the parent dies (even by SIGKILL),
    rather than let it finish a file nobody will read."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)


def timeout_message(seconds: float) -> str:
    return f"took longer than {seconds:g} s; skipped (see --timeout)"


def memory_message(mib: int) -> str:
    return f"needed more than {mib} MiB of memory; skipped (see --memory-limit)"


def _on_alarm(signum: int, frame: object) -> None:
    raise _TaskTimeout


def _limit_memory(mib: int) -> None:
    """Cap the address space at the worker's current size plus ``mib``."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            vsize = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = vsize + mib * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: the parent's time limit still applies


def _rss_kib() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError):
        return 0


def _peak_kib() -> int:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except ImportError:
        return 0


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
