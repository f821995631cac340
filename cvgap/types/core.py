"""Dataclasses of the first stages: problems, the résumé, the taxonomy and skill mentions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from cvgap.types.ats import HiddenText, PlainReading

SCHEMA_VERSION = 1

# The marks that start a list item on a résumé line: typographic bullets, dashes, arrows,
# check marks, "*" and ">". Ingest turns each (followed by a space) into "- "; the layout's
# wrapped-line test, extraction and the reports' quotes recognise the same set.
BULLET_MARKS = (
    "-*>\u2013\u2014\u2212"  # hyphen, star, >, en and em dash, minus
    "\u2022\u25cf\u25cb\u25e6\u25aa\u25a0\u25a1"  # bullet, circles, squares
    "\u25ba\u25b8\u2023\u2043\u2219\u00b7"  # pointers, triangle, hyphen bullet, dots
    "\u27a2\u2713\u2714\u2192"  # arrowhead, check marks, arrow
)

Status = Literal["matched", "implied", "missing"]
Level = Literal["error", "warning"]
MatchKind = Literal["exact", "pattern", "fuzzy"]
Usage = Literal["applied", "listed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Where something was defined: a file and a 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Problem:
    """One problem found in a taxonomy file, in yamllint's shape."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message} [{self.rule}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
        }


# --------------------------------------------------------------------------- résumé


@dataclass(frozen=True, slots=True, kw_only=True)
class ResumeLine:
    """One line of résumé text, with the section it sits in.

    ``number`` is 1-based within :attr:`Resume.text`; ``start`` is the character offset
    of the line in that text.
    """

    number: int
    text: str
    start: int
    section: str = "other"
    page: int = 1
    heading: bool = False  # the line is a section heading ("Publications")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resume:
    """A résumé as read by :func:`cvgap.load_resume`: its text split into lines."""

    source: str
    format: str
    text: str
    lines: tuple[ResumeLine, ...]
    pages: int = 1
    warnings: tuple[str, ...] = ()
    hidden: tuple[HiddenText, ...] = ()  # text a reader cannot see: never evidence
    plain: PlainReading | None = None  # what a plain extractor reads (PDF, DOCX)
    language: str = "en"  # ISO 639-1 code of the language most of the text is in

    @property
    def sections(self) -> tuple[str, ...]:
        """The distinct sections found, in reading order."""
        seen: dict[str, None] = {}
        for line in self.lines:
            seen.setdefault(line.section, None)
        return tuple(seen)

    def line_at(self, offset: int) -> ResumeLine:
        """The line containing character ``offset`` of :attr:`text`."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo]


# --------------------------------------------------------------------------- taxonomy


@dataclass(frozen=True, slots=True, kw_only=True)
class Alias:
    """One way a skill is written, with optional context guards.

    ``near``: the alias only counts when one of these words/phrases (lower case) or a skill
    of one of ``near_categories`` occurs within ``window`` tokens; ``not_near``: it does not
    count when one of these words occurs within ``window`` tokens; ``case_sensitive``: match
    the exact spelling instead of lower case. All guards look only at the alias's own line.
    ``list_item``: the alias only counts as an item of a list (a separator such as ``,`` ``/``
    ``|`` or the line's edge on both sides); ``not_preceded_by``/``not_followed_by``: the
    token right before/after it is none of these; ``fuzzy``: a typo of this alias (a long
    single word) may match, marked as a fuzzy match.
    """

    text: str
    case_sensitive: bool = False
    near: tuple[str, ...] = ()
    near_categories: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    window: int = 6
    source: SourceRef | None = None
    list_item: bool = False
    not_preceded_by: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    fuzzy: bool = False

    @property
    def has_context_guard(self) -> bool:
        """Whether any guard (near, not_near, list_item, ...) limits where the alias counts."""
        return bool(
            self.near
            or self.near_categories
            or self.not_near
            or self.list_item
            or self.not_preceded_by
            or self.not_followed_by
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """A sentence from a skill's ``examples`` and where it is written."""

    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True, kw_only=True)
class Skill:
    """A skill of the taxonomy (``skills/*.yaml``)."""

    id: str
    name: str
    category: str
    aliases: tuple[Alias, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    implies: tuple[str, ...] = ()
    suggestion: str = ""
    examples_match: tuple[Example, ...] = ()
    examples_no_match: tuple[Example, ...] = ()
    source: SourceRef


@dataclass(frozen=True, slots=True, kw_only=True)
class Category:
    id: str
    name: str
    source: SourceRef


@dataclass(frozen=True, slots=True, kw_only=True)
class Requirement:
    """One thing a role asks for: a skill, or any one of several (``any_of``)."""

    skills: tuple[str, ...]
    weight: float
    required: bool = True
    suggestion: str = ""
    source: SourceRef

    @property
    def is_group(self) -> bool:
        return len(self.skills) > 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A role profile (``skills/roles/*.yaml``)."""

    id: str
    title: str
    description: str = ""
    extends: str | None = None
    requirements: tuple[Requirement, ...] = ()
    source: SourceRef


CueDirection = Literal["forward", "backward", "bidirectional", "pseudo", "terminate"]
DocumentKind = Literal["resume", "posting"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """A context cue in the ConText style: a phrase (or a spaCy token ``pattern``) that
    changes how mentions near it are read. ``direction`` says which mentions it reaches:
    ``forward`` (after it, "no experience with X"), ``backward`` (before it, "X: not yet"),
    ``bidirectional``; a ``pseudo`` cue is a look-alike that cancels a cue ("not only"), and
    a ``terminate`` cue ends a cue's scope ("but"). ``max_scope`` caps the reach in tokens
    (None: to the end of the clause). ``document`` says which kind of text the cue is
    for, so posting cues never leak into résumé reading and back."""

    literal: str
    category: str
    direction: CueDirection
    document: DocumentKind = "resume"
    language: str = "en"
    max_scope: int | None = None
    pattern: tuple[dict[str, Any], ...] = ()
    source: SourceRef
    examples_match: tuple[Example, ...] = ()  # sentences where the cue stops a mention counting
    examples_no_match: tuple[Example, ...] = ()  # sentences where every mention still counts


@dataclass(frozen=True, slots=True, kw_only=True)
class Taxonomy:
    """Skills, categories and roles loaded from one or more folders."""

    skills: dict[str, Skill]
    categories: dict[str, Category]
    roles: dict[str, Role]
    cues: tuple[Cue, ...] = ()
    paths: tuple[str, ...] = ()
    # Named word lists (``lists:`` in a taxonomy file), by name without the ``@``.
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def implied_by(self, skill_id: str) -> tuple[str, ...]:
        """Every skill implied by ``skill_id``, transitively, nearest first."""
        order: dict[str, None] = {}
        frontier = [skill_id]
        while frontier:
            nxt: list[str] = []
            for sid in frontier:
                skill = self.skills.get(sid)
                for target in skill.implies if skill else ():
                    if target != skill_id and target not in order:
                        order[target] = None
                        nxt.append(target)
            frontier = nxt
        return tuple(order)


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillMention:
    """A skill found in the résumé text.

    ``usage`` is ``applied`` when the line describes work (experience or project bullet) and
    ``listed`` when the skill is only named in a skills list. ``negated`` mentions ("no
    experience with X", "want to learn X") never count as having the skill.
    """

    skill_id: str
    text: str
    start: int
    end: int
    line: int
    section: str
    line_text: str
    kind: MatchKind = "exact"
    usage: Usage = "listed"
    negated: bool = False
