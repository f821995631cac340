"""From skill mentions to requirements: each mention's tier, its any-of group, merged per skill.

A mention's tier comes from the nearest posting cue that reaches it ("Docker is a plus",
"ideally CUDA", "you will annotate", "ROS is not required"), else from its section. Mentions
in a section that is not about the candidate (about us, benefits, legal text) are dropped;
mentions reached by a ``not-requirement`` cue are dropped; duties are kept apart.

Alternatives become one any-of group: skills joined by "or", "and/or" or "/" ("PyTorch or
TensorFlow", "C++/Python", "Python, C++, or Rust"), and the skills listed after an ``any-of``
cue ("a framework such as PyTorch, JAX", "e.g. OpenCV, PIL").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from cvgap.job.cues import CueHit, reach
from cvgap.job.sections import PostingPart

if TYPE_CHECKING:
    from spacy.tokens import Doc

Reading = Literal["required", "preferred", "duty", "drop"]
# When two cues reach a mention at the same distance, the first of these wins.
_PRECEDENCE = (
    *("not-requirement", "preferred", "duty", "weak-duty", "required"),
    *("weak-preferred", "weak-required"),
)
_TIER_CUES = frozenset(_PRECEDENCE)
_WEAK = frozenset(
    {"weak-preferred", "weak-required", "weak-duty"}
)  # count only when no other cue reaches
# What may stand between two items of one list.
_LIST_GAP_RE = re.compile(
    r"^[\s,/|&]*(?:(?:and\s*/\s*or|or|and|as well as|nor|plus|&)\b[\s,]*)?$",
    re.IGNORECASE,
)
_AND_GAP_RE = re.compile(r"\b(?:and|as well as|plus)\b(?!\s*/\s*or)", re.IGNORECASE)
_OR_GAP_RE = re.compile(r"(?:\bor\b|^\s*/\s*$|and\s*/\s*or)", re.IGNORECASE)
ANY_OF_SCOPE = 14  # tokens after "such as" that may still hold the first listed item


@dataclass(frozen=True, slots=True)
class PlacedMention:
    """A skill mention with its token range and the line part it sits in."""

    skill_id: str | None  # None: a term outside the taxonomy
    name: str
    start: int
    end: int
    char_start: int
    char_end: int
    part: PostingPart


@dataclass(slots=True)
class ReadMention:
    mention: PlacedMention
    reading: Reading
    group: tuple[str, ...] = ()
    group_text: str = ""
    cue: str = ""
    years: float | None = None

    @property
    def key(self) -> str:
        return self.mention.skill_id or self.mention.name.lower()


def read_mentions(
    doc: Doc, mentions: Sequence[PlacedMention], hits_per_line: Sequence[Sequence[CueHit]]
) -> list[ReadMention]:
    """Every mention with its reading (tier, duty or dropped) and its any-of group
    (``hits_per_line[n - 1]``: the cues of line ``n``)."""
    out: list[ReadMention] = []
    for m in mentions:
        hits = hits_per_line[m.part.line.number - 1]
        terminators = [h for h in hits if h.direction == "terminate"]
        reading, cue = _reading(doc, m, hits, terminators)
        out.append(ReadMention(mention=m, reading=reading, cue=cue))
    _group(out, hits_per_line)
    return out


def _reading(
    doc: Doc, m: PlacedMention, hits: Sequence[CueHit], terminators: Sequence[CueHit]
) -> tuple[Reading, str]:
    part = m.part
    kind = part.kind_at(m.start)
    if kind == "other" or part.heading:
        return "drop", ""
    if any(h.category == "role-noun" and h.start == m.end for h in hits):
        return "drop", ""  # "a Machine Learning Intern": the role, not a skill asked
    best: tuple[int, int, int, CueHit] | None = None
    for hit in hits:
        if hit.category not in _TIER_CUES or hit.direction == "terminate":
            continue
        if hit.category == "weak-duty" and kind in ("required", "preferred"):
            continue  # "Comfortable working on Linux" under "Requirements"
        if hit.start < part.lo or hit.end > part.hi:
            continue
        if hit.start < m.end and m.start < hit.end:
            continue
        a, b = reach(doc, hit, part.lo, part.hi, terminators)
        if not (a <= m.start and m.end <= b):
            continue
        distance = m.start - hit.end if m.start >= hit.end else hit.start - m.end
        rank = (int(hit.category in _WEAK), distance, _PRECEDENCE.index(hit.category), hit)
        if best is None or rank[:3] < best[:3]:
            best = rank
    category = best[3].category if best else ""
    cue = best[3].text if best else ""
    if category == "not-requirement":
        return "drop", cue
    if category in ("duty", "weak-duty"):
        return "duty", cue
    if category == "preferred":
        return "preferred", cue
    if category == "weak-preferred":
        return ("required" if kind == "required" else "preferred"), cue
    if kind in ("required", "preferred", "duty"):
        return kind, cue
    # Before any heading: a line opened by a task verb is a duty, a bullet or a line with a
    # requirement cue is required, and other prose (the company, the team) is no requirement.
    if _opens_with_task(hits, part):
        return "duty", cue
    if category == "required" or part.bullet:
        return "required", cue
    if category == "weak-required" and best is not None and _leads_clause(doc, best[3], part.lo):
        return "required", cue
    # A sentence that asks for something elsewhere ("Strong Python; proficient at C++;
    # background in deep learning") asks for all it names.
    if _asking_sentence(doc, m, hits):
        return "required", cue
    return "drop", cue


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _asking_sentence(doc: Doc, m: PlacedMention, hits: Sequence[CueHit]) -> bool:
    lo, hi = m.start, m.end
    while lo > m.part.lo and doc[lo - 1].text not in _SENTENCE_ENDS:
        lo -= 1
    while hi < m.part.hi and doc[hi].text not in _SENTENCE_ENDS:
        hi += 1
    return any(
        (h.category == "required" or (h.category == "weak-required" and _leads_clause(doc, h, lo)))
        and h.direction != "terminate"
        and lo <= h.start
        and h.end <= hi
        for h in hits
    )


_CLAUSE_STARTS = frozenset({".", ";", ":", "!", "?", "•", "-", "*", "(", "["})
_SECOND_PERSON = frozenset({"you", "your", "you're", "you've"})
LEADING_TOKENS = 3  # "Strong ...", "Solid experience with ...", "You have ..."


def _leads_clause(doc: Doc, hit: CueHit, lo: int) -> bool:
    """Whether a weak cue opens its clause ("Experience with X") or speaks to the candidate
    ("if you have"), as requirement phrases do, unlike the same words inside a description
    ("a 3D understanding of the world")."""
    if any(t.lower_ in _SECOND_PERSON for t in doc[hit.start : hit.end]):
        return True
    i = hit.start
    while i > lo and hit.start - i < LEADING_TOKENS:
        if doc[i - 1].text in _CLAUSE_STARTS:
            return True
        i -= 1
    return i == lo


def _opens_with_task(hits: Sequence[CueHit], part: PostingPart) -> bool:
    first = part.content_start + (1 if part.bullet else 0)
    return any(h.category == "task-verb" and h.start in (first, first + 1) for h in hits)


def _group(read: list[ReadMention], hits_per_line: Sequence[Sequence[CueHit]]) -> None:
    """Set ``group`` on mentions that are alternatives of one another (same line)."""
    kept = [r for r in read if r.reading != "drop"]
    runs: list[list[ReadMention]] = []
    for r in kept:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _same_list(prev.mention, r.mention):
            runs[-1].append(r)
        else:
            runs.append([r])
    for run in runs:
        hits = hits_per_line[run[0].mention.part.line.number - 1]
        for sub in [run] if _after_any_of(run[0].mention, hits) else _split_at_and(run):
            _set_group(sub, hits)


def _split_at_and(run: list[ReadMention]) -> list[list[ReadMention]]:
    """ "Python and PyTorch or TensorFlow": "and" joins requirements, "or" alternatives."""
    subs = [[run[0]]]
    for a, b in pairwise(run):
        if _AND_GAP_RE.search(_text(a.mention, a.mention.char_end, b.mention.char_start)):
            subs.append([b])
        else:
            subs[-1].append(b)
    return subs


def _set_group(run: list[ReadMention], hits: Sequence[CueHit]) -> None:
    ids = list(dict.fromkeys(r.key for r in run))
    if len(ids) < 2:
        return
    ored = any(
        _OR_GAP_RE.search(_text(a.mention, a.mention.char_end, b.mention.char_start))
        for a, b in pairwise(run)
    )
    if not (ored or _after_any_of(run[0].mention, hits)):
        return
    first, last = run[0].mention, run[-1].mention
    text = _text(first, first.char_start, last.char_end)
    tier = _strongest(r.reading for r in run)
    for r in run:
        r.group, r.group_text = tuple(ids), text
        if r.reading in ("required", "preferred"):
            r.reading = tier


def _same_list(a: PlacedMention, b: PlacedMention) -> bool:
    if a.part.line.number != b.part.line.number or b.char_start < a.char_end:
        return False
    return bool(_LIST_GAP_RE.match(_text(a, a.char_end, b.char_start)))


def _text(m: PlacedMention, start: int, end: int) -> str:
    """Text of ``m``'s line between two document offsets (``Doc.text`` is rebuilt on every
    access, so never slice it in a loop)."""
    line = m.part.line
    return line.text[start - line.start : end - line.start]


def _after_any_of(first: PlacedMention, hits: Sequence[CueHit]) -> bool:
    return any(
        h.category == "any-of"
        and h.end <= first.start
        and first.start - h.end <= ANY_OF_SCOPE
        and h.start >= first.part.lo
        for h in hits
    )


def _strongest(readings: Iterable[Reading]) -> Reading:
    values = list(readings)
    if "required" in values:
        return "required"
    if "preferred" in values:
        return "preferred"
    return "duty"
