"""When Python's cyclic garbage collector runs in a one-shot cvgap process.

A ``cvgap check`` builds a large object graph that lives until the process exits (spaCy, the
taxonomy read from YAML, the skill pipeline, the context-cue matchers: ~110,000 tracked
objects), and while it grows the collector walks all of it again and again: three full
collections and the one at interpreter exit took ~0.35 s of the 1.65 s of CPU a
``check --job`` used. :func:`building_long_lived` pauses the
collector while such a structure is built and then freezes what exists
(:func:`gc.freeze`), so later collections skip it; objects made afterwards (the résumé, the
report) are collected as usual.

Freezing is a decision for a whole process (frozen objects are never collected), so it only
happens after :func:`one_shot_process` was called, which the ``cvgap`` command does; in a
program that imports cvgap, :func:`building_long_lived` does nothing. Nothing but the
collector's timing changes: the results are the same.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_one_shot = False


def one_shot_process() -> None:
    """Declare this process a single run that exits when done (the ``cvgap`` command)."""
    global _one_shot
    _one_shot = True


@contextmanager
def building_long_lived() -> Iterator[None]:
    """Build something that lives until exit: in a one-shot process, without collections
    while it is built, and frozen afterwards."""
    if not _one_shot:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
