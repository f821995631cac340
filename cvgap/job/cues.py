"""Posting cues on spaCy: a ``PhraseMatcher`` and a ``Matcher`` built from the taxonomy's
``document: posting`` cues, and their ConText-style scopes.

A cue found in a line reaches the skill mentions after it (``forward``), before it
(``backward``) or both, up to ``max_scope`` tokens, never past a sentence end, ``;``, a
``terminate`` cue or the edge of a parenthesis it sits in. A ``pseudo`` cue cancels the
cues it overlaps ("machine learning" is no "learning" cue); of overlapping cues the longest
counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cvgap.types import Cue, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tokens that end a clause: a cue never reaches past them.
CLAUSE_ENDS = frozenset({".", ";", "!", "?", "•", "|"})


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in a document: its tokens ``[start, end)``, category and reach."""

    category: str
    direction: str
    start: int
    end: int
    max_scope: int | None
    text: str


class CueMatcher:
    """Finds the posting cues of one taxonomy in documents of one pipeline."""

    def __init__(self, nlp: Language, cues: Sequence[Cue]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.cues = tuple(cues)
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns = Matcher(nlp.vocab)
        for index, cue in enumerate(self.cues):
            key = str(index)
            if cue.pattern:
                self._patterns.add(key, [list(cue.pattern)])
            else:
                self._phrases.add(key, [nlp.make_doc(cue.literal)])

    @classmethod
    def for_taxonomy(cls, nlp: Language, taxonomy: Taxonomy, language: str = "en") -> CueMatcher:
        cues = [c for c in taxonomy.cues if c.document == "posting" and c.language == language]
        return cls(nlp, cues)

    def find(self, doc: Doc) -> list[CueHit]:
        """The cues in ``doc``: overlapping ones resolved (pseudo cues cancel what they
        overlap, else the longest wins), in text order."""
        raw: list[tuple[int, int, Cue]] = []
        matchers: list[Any] = [self._phrases]
        if len(self._patterns):
            matchers.append(self._patterns)
        for matcher in matchers:
            matches: Any = matcher(doc)
            for match_id, start, end in matches:
                raw.append((start, end, self.cues[int(self.nlp.vocab.strings[match_id])]))
        cancelled = {i for s, e, cue in raw if cue.direction == "pseudo" for i in range(s, e)}
        kept: list[CueHit] = []
        at: dict[int, list[CueHit]] = {}  # token -> kept cues covering it
        for start, end, cue in sorted(raw, key=lambda r: (-(r[1] - r[0]), r[0])):
            if cue.direction == "pseudo" or any(i in cancelled for i in range(start, end)):
                continue
            if any(
                h.category == cue.category or h.end - h.start > end - start
                for i in range(start, end)
                for h in at.get(i, ())
            ):
                continue  # a longer cue (or one of the same kind) already covers it
            hit = CueHit(
                category=cue.category,
                direction=cue.direction,
                start=start,
                end=end,
                max_scope=cue.max_scope,
                text=doc[start:end].text,
            )
            for i in range(start, end):
                at.setdefault(i, []).append(hit)
            kept.append(hit)
        return sorted(kept, key=lambda h: (h.start, h.end))


def reach(
    doc: Doc, hit: CueHit, lo: int, hi: int, terminators: Sequence[CueHit]
) -> tuple[int, int]:
    """The token range ``[a, b)`` a cue reaches within the line ``[lo, hi)``."""
    stops = {h.start for h in terminators}
    a, b = hit.start, hit.end
    if hit.direction in ("backward", "bidirectional"):
        a = _walk(doc, hit.start - 1, lo - 1, -1, stops, hit.max_scope, hit.start) + 1
    if hit.direction in ("forward", "bidirectional"):
        b = _walk(doc, hit.end, hi, 1, stops, hit.max_scope, hit.end)
    return a, b


def _walk(
    doc: Doc, i: int, limit: int, step: int, stops: set[int], scope: int | None, origin: int
) -> int:
    """Walk from token ``i`` towards ``limit`` until a clause end; return the first token
    not reached."""
    depth = 0
    opening, closing = ("(", ")") if step > 0 else (")", "(")
    while i != limit:
        if scope is not None and abs(i - origin) >= scope:
            return i
        text = doc[i].text
        if text in CLAUSE_ENDS or i in stops or (doc[i].is_space and "\n" in doc[i].text):
            return i
        if text == opening:
            depth += 1
        elif text == closing:
            if depth == 0 and not (step < 0 and i == origin - 1):
                return i
            depth = max(depth - 1, 0)
        i += step
    return i
