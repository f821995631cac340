"""Context cues in the ConText style: whether a mention is negated, only wished for, or the
job wanted, read from the cue files (``skills/cues/resume-<lang>.yaml``), not from regexes.

A cue is a phrase (matched with spaCy's ``PhraseMatcher`` on ``LOWER``) or a token pattern
(``Matcher``). Its ``direction`` says which mentions it reaches on the same clause:
``forward`` (after it: "no experience with X"), ``backward`` (before it: "X not taken"),
``bidirectional``; ``max_scope`` caps the tokens its scope covers (1: only the mention right
next to it). A
``pseudo`` cue cancels every cue it contains ("not only" cancels "not"), a ``terminate`` cue
ends every scope ("but", ";"). A pattern cue that spans the mention itself ("to a X
internship") reaches it too.

Postfix reading of label lines: in "Docker: no experience", "CUDA — not yet" or "OpenCV :
non", the value after the label's colon or dash is about the label, so a cue in the value's
first clause reaches the mentions in the label. A short-scope cue ("no", "non") does so only
when nothing of its own follows it, and a forward cue only when its own scope names no other
skill ("Python: no experience with Rust" is about Rust).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cvgap.errors import TaxonomyError
from cvgap.types import BULLET_MARKS, Cue

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

RESUME = "resume"
ALWAYS = "en"  # English cues apply to every résumé: skill names and mixed lines are English
LABEL_SEPARATORS = frozenset({":", "—", "–", "-"})
MAX_LABEL_TOKENS = 10
_REACHING = ("forward", "backward", "bidirectional")


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found at tokens ``[start, end)`` of a doc."""

    start: int
    end: int
    cue: Cue

    @property
    def direction(self) -> str:
        return self.cue.direction


@dataclass(frozen=True, slots=True)
class Region:
    """Where a mention is read: its clause region ``[lo, hi)`` (its line, joined with the
    lines of the same sentence) and its own line ``[line_lo, line_hi)``."""

    lo: int
    hi: int
    line_lo: int
    line_hi: int


class CueMatcher:
    """The résumé cues of a taxonomy compiled into spaCy matchers for one pipeline."""

    def __init__(self, nlp: Language, cues: Iterable[Cue]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher
        from spacy.tokens import Doc

        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # One matcher per token pattern, run only when a word the pattern needs is in the
        # doc: a single matcher over every pattern costs more than the rest of extraction.
        self._patterns: list[tuple[str, tuple[frozenset[str], ...], Matcher]] = []
        self._cues: dict[int, Cue] = {}
        self.languages: frozenset[str] = frozenset()
        langs = set()
        for i, cue in enumerate(c for c in cues if c.document == RESUME):
            key = f"cvgap_cue_{i}"
            self._cues[nlp.vocab.strings.add(key)] = cue
            langs.add(cue.language)
            phrases = _expand(cue.pattern) if cue.pattern else None
            if phrases is not None:  # a pattern of literal words: as fast as a phrase
                self._phrases.add(key, [Doc(nlp.vocab, words=words) for words in phrases])
            elif cue.pattern:
                matcher = Matcher(nlp.vocab, validate=True)
                self._patterns.append((cue.language, _anchors(cue.pattern), matcher))
                try:
                    matcher.add(key, [list(cue.pattern)])
                except Exception as exc:  # spaCy's MatchPatternError, ValueError, KeyError
                    reason = " ".join(str(exc).split())
                    raise TaxonomyError(
                        f"{cue.source}: not a valid spaCy token pattern: {reason}",
                        path=cue.source.path,
                    ) from None
            else:
                self._phrases.add(key, [nlp.make_doc(cue.literal)])
        self.languages = frozenset(langs)

    def scan(
        self, doc: Doc, languages: Iterable[str], regions: Iterable[tuple[int, int]]
    ) -> DocCues:
        """Every cue of ``languages`` (and English) found in ``doc``; token patterns are
        only run over ``regions`` (the token ranges where mentions are read), since they
        cost far more than phrases."""
        wanted = {ALWAYS, *languages}
        found = list(self._phrases(doc))
        spans = [doc[lo:hi] for lo, hi in _merged(regions)]
        words = {t.lower_ for span in spans for t in span}
        for language, anchors, matcher in self._patterns:
            if language in wanted and all(not a.isdisjoint(words) for a in anchors):
                for span in spans:
                    found.extend(
                        (key, span.start + a, span.start + b) for key, a, b in matcher(span)
                    )
        hits = [
            CueHit(start, end, self._cues[key])
            for key, start, end in found
            if self._cues[key].language in wanted
        ]
        return DocCues(doc, hits)


MAX_EXPANSIONS = 2000


def _expand(pattern: Sequence[dict[str, Any]]) -> list[list[str]] | None:
    """Every word sequence a token ``pattern`` of literal words matches (``LOWER``/``ORTH``
    values, optional tokens), or None when it needs the ``Matcher`` (other attributes,
    repeats) or has more than :data:`MAX_EXPANSIONS` spellings."""
    sequences: list[list[str]] = [[]]
    for token in pattern:
        op = token.get("OP", "")
        attrs = set(token) - {"OP"}
        if op not in ("", "?") or len(attrs) != 1 or not attrs <= {"LOWER", "ORTH"}:
            return None
        value = token[attrs.pop()]
        if isinstance(value, str):
            options = [value.lower()]
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            options = [str(v).lower() for v in value["IN"]]
        else:
            return None
        grown = [[*seq, o] for seq in sequences for o in options]
        sequences = grown + (sequences if op == "?" else [])
        if len(sequences) > MAX_EXPANSIONS:
            return None
    return [seq for seq in sequences if seq]


def _anchors(pattern: Sequence[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """For each required token of ``pattern`` that names its text (``LOWER``/``ORTH``), the
    words (lower case) it accepts: the pattern cannot match unless every set meets the doc."""
    needed = []
    for token in pattern:
        if token.get("OP", "") not in ("", "+", "{1}"):
            continue
        for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            value = token.get(attr)
            if isinstance(value, str):
                needed.append(frozenset({value.lower()}))
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                needed.append(frozenset(str(v).lower() for v in value["IN"]))
    return tuple(needed)


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, with overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        elif hi > lo:
            out.append((lo, hi))
    return out


class DocCues:
    """The cues of one doc, with pseudo-cues applied, ready to read mentions."""

    def __init__(self, doc: Doc, hits: Sequence[CueHit]) -> None:
        self.doc = doc
        pseudo = [h for h in hits if h.direction == "pseudo"]
        kept = [
            h
            for h in hits
            if h.direction != "pseudo"
            and not any(p.start <= h.start and h.end <= p.end and p != h for p in pseudo)
        ]
        self.cues = sorted((h for h in kept if h.direction in _REACHING), key=lambda h: h.start)
        self._starts = [h.start for h in self.cues]
        self._labels: dict[tuple[int, int], tuple[int, int] | None] = {}
        self._terminators = {
            i
            for h in kept
            if h.direction == "terminate" and not any(c.start <= h.start < c.end for c in self.cues)
            for i in range(h.start, h.end)
        }

    def category(
        self, start: int, end: int, region: Region, others: Sequence[tuple[int, int, str]] = ()
    ) -> str | None:
        """The category of the cue that reaches the mention at tokens ``[start, end)``
        (negated, aspiration, target-job), or None when it counts. ``others`` are the other
        mentions ``(start, end, skill)``, for the label rule."""
        nearest: tuple[int, str] | None = None
        lo, hi = bisect_left(self._starts, region.lo), bisect_left(self._starts, region.hi)
        for hit in self.cues[lo:hi]:
            if hit.end <= start or hit.start >= end:
                distance = self._reach(hit, start, end, region)
            else:
                distance = 0 if hit.cue.pattern and hit.start < start and end < hit.end else None
            if distance is not None and (nearest is None or distance < nearest[0]):
                nearest = (distance, hit.cue.category)
        if nearest is not None:
            return nearest[1]
        return self._label_value(start, end, region, others)

    def _reach(self, hit: CueHit, start: int, end: int, region: Region) -> int | None:
        """Tokens between cue and mention when the cue reaches it, else None."""
        if not (region.lo <= hit.start and hit.end <= region.hi):
            return None
        forward = hit.end <= start and hit.direction in ("forward", "bidirectional")
        backward = hit.start >= end and hit.direction in ("backward", "bidirectional")
        if forward:
            gap = (hit.end, start)
        elif backward:
            gap = (end, hit.start)
        else:
            return None
        if self._ended(*gap):
            return None
        between = self._count(*gap)
        limit = hit.cue.max_scope
        return None if limit is not None and between >= limit else between

    def _label_value(
        self, start: int, end: int, region: Region, others: Sequence[tuple[int, int, str]]
    ) -> str | None:
        key = (region.line_lo, region.line_hi)
        if key not in self._labels:
            self._labels[key] = self._label(region)
        label = self._labels[key]
        if label is None or not (label[0] <= start and end <= label[1]):
            return None
        sep = label[1]
        clause_end = next(
            (i for i in range(sep + 1, region.line_hi) if self._punct_end(i)), region.line_hi
        )
        skill = next((s for a, b, s in others if a == start and b == end), "")
        for hit in self.cues:
            if not (sep < hit.start and hit.end <= clause_end):
                continue
            if hit.cue.max_scope is not None:
                nxt = next((i for i in range(hit.end, clause_end) if not self._space(i)), None)
                if nxt is not None and not self._punct(nxt):
                    continue
                if self._count(sep + 1, hit.start) >= hit.cue.max_scope:
                    continue
            elif hit.direction == "forward":
                own_end = next(
                    (i for i in range(hit.end, clause_end) if self._punct(i)), clause_end
                )
                if any(hit.end <= a < own_end and s != skill for a, _, s in others):
                    continue
            return hit.cue.category
        return None

    def _label(self, region: Region) -> tuple[int, int] | None:
        """The tokens ``[lo, sep)`` of a short label at the start of the line's last sentence
        before a colon or spaced dash ("Docker:", "CUDA —"), or None."""
        doc, i = self.doc, region.line_lo
        while i < region.line_hi and (_is_bullet(doc[i].text) or doc[i].is_space):
            i += 1
        first = i
        for k in range(first + 1, region.line_hi):
            text = doc[k].text
            if self._punct_end(k):
                first = k + 1
            elif text in LABEL_SEPARATORS and (text == ":" or doc[k - 1].whitespace_):
                return (first, k) if 0 < self._count(first, k) <= MAX_LABEL_TOKENS else None
        return None

    def _ended(self, lo: int, hi: int) -> bool:
        return any(i in self._terminators for i in range(lo, hi))

    def _punct_end(self, i: int) -> bool:
        return i in self._terminators and self._punct(i)

    def _punct(self, i: int) -> bool:
        return not any(ch.isalnum() for ch in self.doc[i].text)

    def _space(self, i: int) -> bool:
        return bool(self.doc[i].is_space)

    def _count(self, lo: int, hi: int) -> int:
        return sum(1 for i in range(lo, hi) if not self.doc[i].is_space)


def _is_bullet(token: str) -> bool:
    """Whether a token is one list-item mark (see :data:`~cvgap.types.BULLET_MARKS`)."""
    return len(token) == 1 and token in BULLET_MARKS
