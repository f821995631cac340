"""Which part of a posting each line is in: required, preferred, duties, not a requirement.

A heading is a short line made of a heading cue ("Minimum qualifications", "Nice to have",
"What you'll do", "About us", "Benefits") and at most a few other words; the section it opens
lasts until the next heading. A line "Label: items" whose label is a heading cue ("Nice to
have: Docker") tiers that line only. Lines before any heading are ``intro``: their tier comes
from inline cues alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from cvgap.job.cues import CueHit
from cvgap.types import BULLET_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from cvgap.types import ResumeLine

SectionKind = Literal["required", "preferred", "duty", "other", "intro"]
HEADING_KINDS: dict[str, SectionKind] = {
    "heading-required": "required",
    "heading-preferred": "preferred",
    "heading-duty": "duty",
    "heading-other": "other",
}
MAX_HEADING_WORDS = 8
MAX_LABEL_WORDS = 6
MAX_EXTRA_WORDS = 2  # words besides the cue in an unstyled heading ("About Acme Robotics")
_BULLET_RE = re.compile(f"^\\s*(?:[{re.escape(BULLET_MARKS)}]|\\d{{1,2}}[.)])\\s+")
_WORD_RE = re.compile(r"[^\W_][\w'’+#.-]*")


@dataclass(frozen=True, slots=True)
class PostingPart:
    """One line of the posting with the section it is in and its token range."""

    line: ResumeLine
    section: SectionKind
    heading: bool = False
    # "Nice to have: Docker", "... Requirements: Python; [Duties: annotation]": labels
    # inside the line, each (first token after its colon, the kind it gives what follows).
    labels: tuple[tuple[int, SectionKind], ...] = ()
    lo: int = 0
    hi: int = 0
    bullet: bool = False
    title: bool = False  # the posting's title line (neither a heading nor a requirement)

    @property
    def kind(self) -> SectionKind:
        """The kind of the line: its first label's, else its section's."""
        return self.labels[0][1] if self.labels else self.section

    @property
    def content_start(self) -> int:
        """The first token after a leading label (or the line's first token)."""
        return self.labels[0][0] if self.labels and self.labels[0][0] <= self.lo + 12 else self.lo

    def kind_at(self, token: int) -> SectionKind:
        """The kind of the text at ``token``: the last label before it, else the section."""
        kind = self.section
        for start, label in self.labels:
            if start <= token:
                kind = label
        return kind


def read_sections(
    doc: Doc,
    lines: Sequence[ResumeLine],
    hits_per_line: Sequence[Sequence[CueHit]],
    mention_lines: set[int],
    title_line: int | None,
) -> list[PostingPart]:
    """Each line with its section kind (heading lines carry the kind they open)."""
    parts: list[PostingPart] = []
    section: SectionKind = "intro"
    for line, hits in zip(lines, hits_per_line, strict=True):
        lo, hi = _tokens(doc, line)
        bullet = bool(_BULLET_RE.match(line.text))
        kind = None
        if line.number not in mention_lines or line.number == title_line:
            kind = _heading_kind(doc, line, hits, lo, hi, bullet)
        if line.number == title_line and kind is None:
            parts.append(
                PostingPart(line=line, section="other", heading=True, title=True, lo=lo, hi=hi)
            )
            continue
        if kind is not None:
            section = kind
            parts.append(PostingPart(line=line, section=kind, heading=True, lo=lo, hi=hi))
            continue
        parts.append(
            PostingPart(
                line=line,
                section=section,
                labels=tuple(_labels(doc, hits, lo, hi)),
                lo=lo,
                hi=hi,
                bullet=bullet,
            )
        )
    return parts


def _tokens(doc: Doc, line: ResumeLine) -> tuple[int, int]:
    span = doc.char_span(line.start, line.start + len(line.text), alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _heading_hit(hits: Sequence[CueHit], lo: int) -> CueHit | None:
    """The longest heading cue starting among the first three tokens."""
    best = None
    for hit in hits:
        if (
            hit.category in HEADING_KINDS
            and hit.start - lo <= 3
            and (best is None or hit.end - hit.start > best.end - best.start)
        ):
            best = hit
    return best


def _heading_kind(
    doc: Doc, line: ResumeLine, hits: Sequence[CueHit], lo: int, hi: int, bullet: bool
) -> SectionKind | None:
    """The section a heading line opens, or ``None``. A bulleted line ("■ Requirements",
    read as "- Requirements") is a heading only when the cue is (nearly) all of it and it
    looks like one (a colon, capitals)."""
    text = _BULLET_RE.sub("", line.text).strip() if bullet else line.text.strip()
    bare = text.lstrip("#").strip().rstrip(":").strip()
    words = _WORD_RE.findall(bare)
    if not words or len(words) > MAX_HEADING_WORDS or bare.endswith((".", ",", ";")):
        return None
    hit = _heading_hit(hits, lo + (1 if bullet else 0))
    if hit is None:
        return None
    cue_words = len(_WORD_RE.findall(hit.text))
    extra = len(words) - cue_words
    letters = [ch for ch in bare if ch.isalpha()]
    styled = (
        text.startswith("#")
        or text.endswith(":")
        or (len(letters) >= 3 and bare.isupper())
        or (len(words) <= 6 and all(w[:1].isupper() or w.lower() in _SMALL for w in words))
    )
    if bullet:
        return HEADING_KINDS[hit.category] if styled and extra <= 1 else None
    if extra <= MAX_EXTRA_WORDS or (styled and extra <= MAX_HEADING_WORDS - 2):
        return HEADING_KINDS[hit.category]
    return None


_SMALL = frozenset({"a", "an", "the", "of", "and", "to", "for", "in", "at", "with", "we", "you"})


_LABEL_STARTS = frozenset({".", ";", "[", "(", ")", "]", "|", "•", ":"})


def _labels(doc: Doc, hits: Sequence[CueHit], lo: int, hi: int) -> list[tuple[int, SectionKind]]:
    """Each "Label:" in the line whose label is a heading cue, with the first token after
    its colon: at the start ("Nice to have: Docker") or after a sentence end ("...
    Specific requirements: Python; [Duties: annotation]")."""
    found: list[tuple[int, SectionKind]] = []
    for colon in range(lo, hi - 1):
        if doc[colon].text != ":":
            continue
        start = colon
        while start > lo and doc[start - 1].text not in _LABEL_STARTS:
            start -= 1
        while start < colon and not doc[start].is_alpha:
            start += 1  # a bullet
        words = [t for t in doc[start:colon] if t.is_alpha]
        if not words or len(words) > MAX_LABEL_WORDS:
            continue
        label_hits = [h for h in hits if start <= h.start and h.end <= colon]
        hit = _heading_hit(label_hits, start)
        if hit is not None and len(words) - (hit.end - hit.start) <= MAX_EXTRA_WORDS:
            found.append((colon + 1, HEADING_KINDS[hit.category]))
    return found
