"""Evidence you can see: a window of a résumé line around the matched words.

Every format shows the same window (:func:`snippet`): the matched words whole, then as much
of the line before and after them as fits, cut at word edges and marked with "…". A line
is never cut before its match (issue 13: "Trained a Mask R-CNN instance segmentation
model i…" hid the word PyTorch). Each renderer then highlights :attr:`Snippet.match` its own
way (rich style, Markdown bold, HTML ``<mark>``); JSON keeps the whole line with the
match's ``start``/``end``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cvgap.types import BULLET_MARKS, Evidence

ELLIPSIS = "…"
BEFORE_SHARE = 0.35  # of the context room, the share before the match (reading goes on)
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(f"^\\s*[{re.escape(BULLET_MARKS)}]+\\s+")  # as common.quote strips


@dataclass(frozen=True, slots=True)
class Snippet:
    """A window of one line: ``before`` + ``match`` + ``after``, cut where ``lead``/``trail``."""

    before: str
    match: str
    after: str
    lead: bool = False  # text was cut before ``before``
    trail: bool = False  # text was cut after ``after``

    @property
    def plain(self) -> str:
        return (
            (ELLIPSIS if self.lead else "")
            + self.before
            + self.match
            + self.after
            + (ELLIPSIS if self.trail else "")
        )

    def __len__(self) -> int:
        return len(self.plain)


def snippet_markup(
    ev: Evidence, width: int, escape: Callable[[str], str], mark: Callable[[str], str]
) -> str:
    """The window of ``ev`` as markup: context through ``escape``, the match through
    ``mark`` (Markdown bold, HTML ``<mark>``)."""
    window = snippet(ev, width)
    return (
        (ELLIPSIS if window.lead else "")
        + escape(window.before)
        + (mark(window.match) if window.match else "")
        + escape(window.after)
        + (ELLIPSIS if window.trail else "")
    )


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text)


def pieces(ev: Evidence) -> tuple[str, str, str]:
    """The line as ``(before, match, after)``, whitespace collapsed and the leading bullet
    marker dropped; ``match`` is empty when the evidence carries no offsets."""
    text = ev.text
    start, end = ev.start, ev.end
    if start is None or end is None or not 0 <= start < end <= len(text):
        start = end = 0
    before = _BULLET.sub("", _squash(text[:start]).lstrip()) if start else ""
    match = _squash(text[start:end])
    after = _squash(text[end:]).rstrip()
    if not before and not match:
        after = _BULLET.sub("", after).lstrip()
    return before, match, after


def snippet(ev: Evidence, width: int) -> Snippet:
    """The window of ``ev``'s line that fits ``width`` characters, the match always whole."""
    before, match, after = pieces(ev)
    if len(before) + len(match) + len(after) <= width:
        return Snippet(before, match, after)
    room = max(0, width - len(match))
    if match and room < 2 * len(ELLIPSIS) + 1:  # no room for context: the match alone
        return Snippet("", match, "")
    if not match:  # no offsets: the start of the line, as before
        return Snippet("", "", _cut_end(after, max(1, room - 1)), trail=True)
    # after first (it gets most of the room), then before takes what after left, then
    # after takes what before left (a cut at a word edge can leave room unused)
    kept_after = _fit_end(after, room - min(len(before), round(room * BEFORE_SHARE)))
    kept_before = _fit_start(before, room - _used(kept_after, after))
    kept_after = _fit_end(after, room - _used(kept_before, before))
    return Snippet(
        kept_before,
        match,
        kept_after,
        lead=kept_before != before,
        trail=kept_after != after,
    )


def _used(kept: str, whole: str) -> int:
    return len(kept) + (len(ELLIPSIS) if kept != whole else 0)


def _fit_end(text: str, room: int) -> str:
    return text if len(text) <= room else _cut_end(text, room - len(ELLIPSIS))


def _fit_start(text: str, room: int) -> str:
    return text if len(text) <= room else _cut_start(text, room - len(ELLIPSIS))


def _cut_end(text: str, room: int) -> str:
    """The start of ``text`` in at most ``room`` characters, without a split word at the end
    (``text`` starts with the space after the match, so a lone split word is dropped too)."""
    if room <= 0:
        return ""
    cut = text[:room]
    if room < len(text) and not text[room].isspace():
        cut = cut[: max(0, cut.rfind(" "))]
    return cut.rstrip()


def _cut_start(text: str, room: int) -> str:
    """The end of ``text`` in at most ``room`` characters, without a split word at the start
    (a lone split word is dropped too)."""
    if room <= 0:
        return ""
    cut = text[-room:]
    if room < len(text) and not text[-room - 1].isspace():
        space = cut.find(" ")
        cut = cut[space + 1 :] if space >= 0 else ""
    return cut.lstrip()
