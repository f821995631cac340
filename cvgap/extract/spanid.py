"""What a ruler span stands for, packed into spaCy's ``span.id_`` string and read back.

spaCy keeps one string per span (``Span.id_``); cvgap needs the skill, which alias or token
pattern matched, and whether the match is a typo. :class:`SpanId` is that record;
:meth:`SpanId.encode` / :meth:`SpanId.parse` are the only places that know the string form
(``"<skill>|<alias index>"``, ``"<skill>|p"`` for a token pattern, a last field ``~`` when
the alias may match a typo, ``fuzzy`` when the span *is* a typo), which pipelines saved with
``nlp.to_disk()`` keep.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

SEPARATOR = "|"
PATTERN_FIELD = "p"
TYPO_OK_FIELD = "~"
FUZZY_FIELD = "fuzzy"


@dataclass(frozen=True, slots=True)
class SpanId:
    """The skill a span names and how: ``alias`` is the index into ``Skill.aliases`` (None
    for a token pattern or an unknown field), ``typo_ok`` marks an alias whose typos may
    match, ``fuzzy`` a span that is such a typo."""

    skill_id: str
    alias: int | None = None
    typo_ok: bool = False
    fuzzy: bool = False

    @property
    def kind(self) -> str:
        """``fuzzy``, ``pattern`` or ``exact`` (the :data:`~cvgap.types.MatchKind`)."""
        if self.fuzzy:
            return "fuzzy"
        return "exact" if self.alias is not None else "pattern"

    def encode(self) -> str:
        fields = [self.skill_id, PATTERN_FIELD if self.alias is None else str(self.alias)]
        if self.typo_ok:
            fields.append(TYPO_OK_FIELD)
        if self.fuzzy:
            fields.append(FUZZY_FIELD)
        return SEPARATOR.join(fields)

    @staticmethod
    def parse(text: str) -> SpanId:
        """The record of a ``span.id_`` string (also of older ``"<skill>|fuzzy"`` ids).

        >>> SpanId.parse("pytorch|2|~")
        SpanId(skill_id='pytorch', alias=2, typo_ok=True, fuzzy=False)
        """
        return _parse(text)

    def as_typo(self) -> SpanId:
        """This id for a typo of the alias."""
        return SpanId(self.skill_id, self.alias, typo_ok=False, fuzzy=True)


@functools.lru_cache(maxsize=16384)
def _parse(text: str) -> SpanId:
    skill_id, *rest = text.split(SEPARATOR)
    index = rest[0] if rest else ""
    return SpanId(
        skill_id=skill_id,
        alias=int(index) if index.isdigit() else None,
        typo_ok=TYPO_OK_FIELD in rest[1:],
        fuzzy=FUZZY_FIELD in rest,
    )
