"""The worker side of the batch pool: one process that builds the spaCy pipeline once and
scores the files the parent sends it, each under a time (``SIGALRM``) and memory
(``RLIMIT_AS``) limit. :mod:`cvgap.batch.runner` is the parent side.
"""

from __future__ import annotations

import contextlib
import dataclasses
import faulthandler
import gc
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from cvgap.errors import CvgapError
from cvgap.ingest.limits import BATCH_MEMORY_MIB, BATCH_TIMEOUT_SECONDS
from cvgap.ingest.logs import silence_library_logs
from cvgap.types import BatchResult, JobPosting, Report, Taxonomy

if TYPE_CHECKING:
    from cvgap.types.job_match import PostingText

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
    timeout: float = BATCH_TIMEOUT_SECONDS
    memory_mib: int = BATCH_MEMORY_MIB
    # Encode each scored file's output row in the worker (``BatchResult -> str``, picklable):
    # the parent then writes bytes instead of unpickling and serialising whole reports.
    encoder: Callable[[BatchResult], str] | None = None
    # Score against this job posting instead of ``role`` (``cvgap batch --job``); its text
    # is read by each worker.
    job: JobPosting | PostingText | None = None


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
    silence_library_logs()  # pdfminer's warnings would land between the parent's lines
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
        role: Any
        if config.job is not None:  # the posting, prepared once for every file
            role = _prepare_posting(config.job, config.taxonomy, nlp)
        else:
            role = get_role(config.taxonomy, config.role)
    except CvgapError as exc:  # a posting that cannot be read
        conn.send(("fatal", str(exc)))
        return
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


def _prepare_posting(job: JobPosting | PostingText, taxonomy: Taxonomy, nlp: Any) -> Any:
    from cvgap.job.match_scope import prepare_posting
    from cvgap.types.job_match import PostingText

    if isinstance(job, PostingText):
        from cvgap.job.posting import read_posting_text

        job = read_posting_text(
            job.text, source=job.source, format=job.format, taxonomy=taxonomy, nlp=nlp
        )
    return prepare_posting(job, taxonomy)


def _summary(report: Report) -> Report:
    """The report without its skill lists: what the parent needs next to an encoded row."""
    return dataclasses.replace(
        report, categories=(), skills=(), extra_skills=(), intents=(), job=None
    )


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
        mentions = extract_skills(resume, nlp, config.taxonomy)
        if config.job is not None:  # ``role`` is the prepared posting
            from cvgap.job.match import match_job

            report = match_job(resume, mentions, role, config.taxonomy, nlp)
        else:
            report = score(resume, mentions, role, config.taxonomy)
        if config.redact:
            from cvgap.batch.redact import redact_report

            report = redact_report(report, resume)
        from cvgap.ats import attach_ats

        posting = report.job.posting if report.job is not None else None
        report = attach_ats(report, resume, config.taxonomy, job=posting, redact=config.redact)
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
