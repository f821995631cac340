"""Library log output kept off the terminal.

pdfminer (under pdfplumber) logs warnings such as "Could not get FontBBox from font
descriptor" or "Data-loss while decompressing corrupted data" while it reads a damaged
PDF; with no handler configured, Python prints them on stderr between cvgap's own lines.
:func:`captured_logs` collects them instead (the CLI prints them only under ``--debug``);
:func:`silence_library_logs` drops them for good (in batch workers).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2", "docx", "PIL", "fontTools")
MAX_LINES = 200  # lines kept for --debug; a hostile file can log millions


class LogBuffer(logging.Handler):
    """Keeps the first :data:`MAX_LINES` records as ``logger: message`` lines."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.lines) >= MAX_LINES:
            self.dropped += 1
            return
        try:
            self.lines.append(f"{record.name}: {record.getMessage()}")
        except Exception:  # a library's bad format string must not break the reading
            self.lines.append(f"{record.name}: {record.msg!r}")


@contextmanager
def captured_logs() -> Iterator[LogBuffer]:
    """Within the block, the libraries' log records go to the yielded buffer only."""
    buffer = LogBuffer()
    saved = []
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.propagate))
        logger.addHandler(buffer)
        logger.propagate = False
    try:
        yield buffer
    finally:
        for logger, propagate in saved:
            logger.removeHandler(buffer)
            logger.propagate = propagate


def silence_library_logs() -> None:
    """Drop the libraries' log records for the rest of the process (a batch worker)."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
