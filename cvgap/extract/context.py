"""Reading a mention in its context: ambiguity guards, the region its cues are read in, and
evidence strength.

Guards look at the mention's own résumé line only: a skill on the next line says nothing
about whether "C" in "received a C in patience" is a language. Context cues (see
:mod:`cvgap.extract.cues`) read the mention's sentence, which may wrap onto the next line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cvgap.collector import building_long_lived
from cvgap.extract.cues import CueMatcher, Region
from cvgap.extract.words import guard_key
from cvgap.types import BULLET_MARKS, Alias, Resume, ResumeLine, Taxonomy, Usage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

APPLIED_SECTIONS = frozenset({"experience", "projects", "publications"})
LISTED_SECTIONS = frozenset({"skills", "coursework", "certifications", "languages"})
# Tokens that separate the items of a list ("Python, C, Java", "C/C++", "Go | Rust").
LIST_SEPARATORS = frozenset(
    {",", "/", "|", ";", ":", "(", ")", "&", "and", "or", "•", "·", "+", "[", "]"}
)
BULLETS = frozenset(BULLET_MARKS)

_LABEL_LINE = re.compile(r"^\W*[A-Za-z][\w &/+.-]{0,30}:\s")
_ACTION = re.compile(
    r"^\W*(?:(?!(?:skilled|experienced|interested|motivated|dedicated|detail|talented|"
    r"advanced|expected|specialized|specialised|focused|published)\b)[A-Za-z]+ed"
    r"|built|led|wrote|ran|made|won|taught|drove|set up|gave|took|"
    r"(?:build|develop|train|implement|design|deploy|write|create|lead|analy[sz]e|optimi[sz]e|"
    r"collect|annotate|label|evaluate|fine-tune|benchmark|integrate|maintain|automate|port|"
    r"prototype|research|conduct|apply|use|migrate|reduce|improve)(?:s|ing)?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ruler span with its skill, category and line (before guards)."""

    span: Span
    skill_id: str
    category: str
    line: ResumeLine
    needs_context: bool = False  # counts only near words, a neighbouring skill or in a list


def line_tokens(doc: Doc, line: ResumeLine) -> tuple[int, int]:
    """The token range ``[lo, hi)`` of ``line`` in ``doc`` (no newline tokens)."""
    start, end = line.start, line.start + len(line.text)
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return 0, 0
    return span.start, span.end


def guard_ok(doc: Doc, cand: Candidate, alias: Alias, others: Sequence[Candidate]) -> bool:
    """Whether a guarded alias counts here (every guard looks at its own line only)."""
    span = cand.span
    lo, hi = line_tokens(doc, cand.line)
    lo, hi = min(lo, span.start), max(hi, span.end)
    prev = doc[span.start - 1].lower_ if span.start > lo else ""
    nxt = doc[span.end].lower_ if span.end < hi else ""
    if alias.not_preceded_by and _word_at(doc, span.start - 1, lo, hi, -1) in alias.not_preceded_by:
        return False
    if alias.not_followed_by and _word_at(doc, span.end, lo, hi, 1) in alias.not_followed_by:
        return False
    if alias.list_item:
        first = span.start == lo or (span.start - 1 == lo and prev in BULLETS)
        if not (first or prev in LIST_SEPARATORS) or not (not nxt or nxt in LIST_SEPARATORS):
            return False
    w_lo, w_hi = max(lo, span.start - alias.window), min(hi, span.end + alias.window)
    around = " ".join(guard_key(t.text) for t in (*doc[w_lo : span.start], *doc[span.end : w_hi]))
    padded = f" {' '.join(around.split())} "
    if any(f" {word} " in padded for word in alias.not_near):
        return False
    if not alias.near and not alias.near_categories:
        return True
    if any(f" {word} " in padded for word in alias.near):
        return True
    wanted = set(alias.near_categories)
    # Only unconditional matches vouch for a neighbour: "Pillow & Torch" must not let the
    # guarded "pillow" and the guarded "torch" confirm each other.
    return any(
        o.category in wanted
        and o.skill_id != cand.skill_id
        and not o.needs_context
        and w_lo <= o.span.start
        and o.span.end <= w_hi
        for o in others
    )


def _word_at(doc: Doc, i: int, lo: int, hi: int, step: int) -> str:
    """The guard key of the nearest token from ``i`` (going by ``step``) within ``[lo, hi)``
    that is not only quotes, dots or brackets ("the \"GitHub\" link" -> "link")."""
    while lo <= i < hi:
        key = guard_key(doc[i].text)
        if key:
            return key
        i += step
    return ""


_MATCHERS: dict[tuple[int, int], tuple[Language, Taxonomy, CueMatcher]] = {}
MIN_PROSE_CHARS = 40


def cue_matcher(nlp: Language, taxonomy: Taxonomy) -> CueMatcher:
    """The taxonomy's résumé cues compiled for ``nlp`` (built once per pipeline)."""
    key = (id(nlp), id(taxonomy))
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is nlp and cached[1] is taxonomy:
        return cached[2]
    with building_long_lived():
        matcher = CueMatcher(nlp, taxonomy.cues)
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    _MATCHERS[key] = (nlp, taxonomy, matcher)
    return matcher


class LineRegions:
    """The token region each line's cues are read in: the line, joined with the lines
    before and after it when a sentence wraps ("... keen to get hands-on with OpenCV and" /
    "PyTorch, but ...")."""

    def __init__(self, doc: Doc, resume: Resume, wrap_words: frozenset[str]) -> None:
        self.doc = doc
        self.wrap_words = wrap_words
        self.lines = resume.lines
        self._index = {line.number: i for i, line in enumerate(resume.lines)}
        self._cache: dict[int, Region] = {}

    def of(self, line: ResumeLine) -> Region:
        found = self._cache.get(line.number)
        if found is None:
            i = self._index.get(line.number, 0)
            first = last = i
            lines, words = self.lines, self.wrap_words
            while first > 0 and _wraps(lines[first - 1], lines[first], words):
                first -= 1
            while last + 1 < len(lines) and _wraps(lines[last], lines[last + 1], words):
                last += 1
            lo = line_tokens(self.doc, self.lines[first])[0]
            hi = line_tokens(self.doc, self.lines[last])[1]
            line_lo, line_hi = line_tokens(self.doc, line)
            found = Region(lo=lo, hi=max(hi, line_hi), line_lo=line_lo, line_hi=line_hi)
            self._cache[line.number] = found
        return found


def _wraps(line: ResumeLine, nxt: ResumeLine, wrap_words: frozenset[str]) -> bool:
    """Whether the sentence of prose ``line`` goes on in ``nxt``: it ends on a comma or on
    one of ``wrap_words`` ("and", "with", "mit", "avec" ...), or ``nxt`` starts in lower
    case."""
    text, following = line.text.rstrip(), nxt.text.strip()
    if len(text) < MIN_PROSE_CHARS or not following or line.section != nxt.section:
        return False
    if text[-1] in ".;:!?" or following[0] in BULLETS or nxt.heading:
        return False
    last_word = text.rsplit(None, 1)[-1].lower()
    return last_word in wrap_words or text[-1] == "," or following[0].islower()


def usage_of(line: ResumeLine) -> Usage:
    """``applied`` for a line describing work (an experience, project or publication line,
    or an action bullet elsewhere), ``listed`` for a skills line, coursework or summary."""
    if line.section in APPLIED_SECTIONS:
        return "applied"
    if line.section in LISTED_SECTIONS or _LABEL_LINE.match(line.text):
        return "listed"
    return "applied" if _ACTION.match(line.text) else "listed"
