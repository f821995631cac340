"""Limits that keep a hostile or huge input bounded in time and memory.

Every limit is a keyword argument of :func:`cvgap.load_resume` (``max_pages`` is also the CLI's
``--max-pages``); going past one is an :class:`~cvgap.errors.InputError` that names the limit.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from cvgap.errors import InputError

MAX_FILE_BYTES = 20_000_000  # a résumé is rarely above 2 MB
MAX_PAGES = 50
MAX_CHARS_PER_PAGE = 100_000  # a dense page of 6-pt text has about 15,000
MAX_UNZIPPED_BYTES = 100_000_000  # DOCX parts, or PDF streams (images aside), unpacked
MAX_SECONDS = 25.0  # parsing and layout of one file (spaCy not counted)

# A batch worker's hard limits around one file (cvgap batch --timeout / --memory-limit): past
# them the file is a failed row and the worker is replaced. The time sits above MAX_SECONDS
# so that a slow parser stops with its own clear error first.
BATCH_TIMEOUT_SECONDS = 30.0
BATCH_MEMORY_MIB = 1536  # above the worker's idle size (RLIMIT_AS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    max_bytes: int = MAX_FILE_BYTES
    max_pages: int = MAX_PAGES
    max_chars_per_page: int = MAX_CHARS_PER_PAGE
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
    max_seconds: float = MAX_SECONDS

    def check_pages(self, count: int, name: str) -> None:
        if count > self.max_pages:
            raise InputError(
                f"PDF has {count} pages; the limit is {self.max_pages} (see --max-pages)", path=name
            )

    def check_chars(self, count: int, name: str) -> None:
        if count > self.max_chars_per_page:
            raise InputError(
                f"a page has {count:,} characters; the limit is {self.max_chars_per_page:,}",
                path=name,
            )


class _Overtime(BaseException):  # not caught by parsers' "except Exception"
    pass


_ALARM_REPEAT = 0.05  # seconds between alarms once the deadline has passed


class Deadline:
    """Raises once ``seconds`` have passed since it was made: checked between pages, and
    inside a parser stuck on one page by :meth:`guard`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def _error(self, name: str) -> InputError:
        return InputError(f"reading took longer than {self.seconds:g} s; gave up", path=name)

    def check(self, name: str) -> None:
        if time.monotonic() > self.end:
            raise self._error(name)

    @contextmanager
    def guard(self, name: str) -> Iterator[None]:
        """Interrupt the block (a pure-Python parser) when the deadline passes, with a
        SIGALRM timer. Only on the main thread of a POSIX process, and only when no other
        timer is already set (a caller's own timeout then applies)."""
        usable = (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        )
        if not usable:
            yield
            return

        stopped = False

        def on_alarm(signum: int, frame: FrameType | None) -> None:
            if not stopped and not _in_gc_callback(frame):
                raise _Overtime

        previous = signal.signal(signal.SIGALRM, on_alarm)
        # Repeating: an alarm that lands in a gc callback is let go (raised there, Python
        # would swallow it as "unraisable"), and one in a __del__ is swallowed: the next
        # one, 50 ms later, stops the parser.
        signal.setitimer(signal.ITIMER_REAL, max(self.end - time.monotonic(), 0.01), _ALARM_REPEAT)
        try:
            yield
        except _Overtime:
            stopped = True
            raise self._error(name) from None
        finally:
            stopped = True
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _in_gc_callback(frame: FrameType | None, depth: int = 3) -> bool:
    """Whether ``frame`` (or one of its few callers) runs a ``gc.callbacks`` function."""
    codes = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None and depth > 0:
        if frame.f_code in codes:
            return True
        frame, depth = frame.f_back, depth - 1
    return False
