"""Guard words and named word lists: one spelling rule shared by the reader and the extractor.

A guard word (``near``, ``not_near``, ``not_preceded_by``, ``not_followed_by``) is compared
without case and without the punctuation that résumés use inconsistently (dots, brackets,
apostrophes), so ``b.sc``, ``b.sc.`` and ``bsc`` are one entry, and so are ``(hons)`` and
``hons``. A guard may name a list defined once under ``lists:`` as ``"@list-name"``.
"""

from __future__ import annotations

import functools
import re

LIST_PREFIX = "@"
_IGNORED = re.compile(r"[.()\[\]'’`\"]")
_SPACES = re.compile(r"\s+")
_LIST_REF = re.compile(r"^@([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")


@functools.lru_cache(maxsize=65536)
def guard_key(text: str) -> str:
    """``text`` as guards compare it: lower case, no dots/brackets/apostrophes, single spaces.

    >>> guard_key("B.Sc."), guard_key("(Hons)"), guard_key("bachelor's")
    ('bsc', 'hons', 'bachelors')
    """
    return _SPACES.sub(" ", _IGNORED.sub("", text.lower())).strip()


def list_name(word: str) -> str | None:
    """The list a guard word refers to (``"@degree-words"`` -> ``"degree-words"``), or None
    (``"@0.5"``, as in "mAP@0.5", is a word: a list name starts with a letter)."""
    match = _LIST_REF.match(word)
    return match.group(1) if match else None
