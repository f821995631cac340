"""The frozen dataclasses passed between pipeline stages.

ingest -> :class:`Resume` -> extract -> :class:`SkillMention` -> score -> :class:`Report`.
The taxonomy is :class:`Taxonomy` (skills, categories, roles). No logic lives here beyond
``to_dict`` helpers for JSON output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

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


@dataclass(frozen=True, slots=True, kw_only=True)
class Resume:
    """A résumé as read by :func:`cvgap.load_resume`: its text split into lines."""

    source: str
    format: str
    text: str
    lines: tuple[ResumeLine, ...]
    pages: int = 1
    warnings: tuple[str, ...] = ()

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
    def guarded(self) -> bool:
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Taxonomy:
    """Skills, categories and roles loaded from one or more folders."""

    skills: dict[str, Skill]
    categories: dict[str, Category]
    roles: dict[str, Role]
    paths: tuple[str, ...] = ()

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


# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """The résumé line that proves (or, for implied skills, implies) a skill."""

    text: str
    section: str
    line: int
    via: str | None = None
    usage: Usage = "listed"
    kind: MatchKind = "exact"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "section": self.section, "line": self.line}
        data["usage"] = self.usage
        if self.kind != "exact":
            data["match"] = self.kind
        if self.via is not None:
            data["via"] = self.via
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillResult:
    """A skill's line in the report."""

    id: str
    name: str
    category: str
    status: Status
    required: bool
    weight: float
    evidence: tuple[Evidence, ...] = ()
    suggestion: str = ""
    group: str | None = None
    covered_by: str | None = None

    @property
    def is_gap(self) -> bool:
        """Missing, and no alternative of its any-of group covers it."""
        return self.status == "missing" and self.covered_by is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "status": self.status,
            "required": self.required,
            "weight": self.weight,
            "evidence": [e.to_dict() for e in self.evidence],
            "suggestion": self.suggestion,
            "group": self.group,
            "covered_by": self.covered_by,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryScore:
    id: str
    name: str
    score: int
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "score": self.score}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The gap report for one résumé against one role."""

    file: str
    role: str
    role_title: str
    score: int
    verdict: str
    categories: tuple[CategoryScore, ...]
    skills: tuple[SkillResult, ...]
    extra_skills: tuple[SkillResult, ...] = ()
    intents: tuple[SkillResult, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: int = SCHEMA_VERSION
    sections: tuple[str, ...] = field(default=())

    @property
    def gaps(self) -> tuple[SkillResult, ...]:
        """Missing skills, heaviest first."""
        return tuple(s for s in self.skills if s.is_gap)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "file": self.file,
            "role": self.role,
            "role_title": self.role_title,
            "score": self.score,
            "verdict": self.verdict,
            "categories": [c.to_dict() for c in self.categories],
            "skills": [s.to_dict() for s in self.skills],
            "extra_skills": [s.to_dict() for s in self.extra_skills],
            "intents": [s.to_dict() for s in self.intents],
            "sections": list(self.sections),
            "warnings": list(self.warnings),
        }


# --------------------------------------------------------------------------- batch


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """One input of a batch: its report, or the error that stopped it."""

    file: str
    digest: str = ""
    report: Report | None = None
    error: str | None = None
    duplicate_of: str | None = None

    @property
    def status(self) -> Literal["scored", "failed", "duplicate"]:
        if self.duplicate_of is not None:
            return "duplicate"
        return "scored" if self.report is not None else "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillShare:
    """How much of a cohort has one of the role's skills."""

    id: str
    name: str
    required: bool
    weight: float
    have: int  # résumés where the skill is matched or implied (or covered by its group)
    total: int  # scored résumés

    @property
    def share(self) -> float:
        return self.have / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Cohort:
    """A batch's results and what the cohort shares (built by :mod:`cvgap.batch`)."""

    role: str
    role_title: str
    results: tuple[BatchResult, ...]
    skills: tuple[SkillShare, ...] = ()

    @property
    def scored(self) -> tuple[BatchResult, ...]:
        return tuple(r for r in self.results if r.status == "scored")

    @property
    def failed(self) -> tuple[BatchResult, ...]:
        return tuple(r for r in self.results if r.status == "failed")

    @property
    def ranking(self) -> tuple[BatchResult, ...]:
        """Scored results, best first (ties by file name)."""
        return tuple(
            sorted(self.scored, key=lambda r: (-(r.report.score if r.report else 0), r.file))
        )

    @property
    def common_gaps(self) -> tuple[SkillShare, ...]:
        """The role's skills, the most commonly missing first."""
        return tuple(sorted(self.skills, key=lambda s: (s.share, -s.weight, s.id)))

    def histogram(self, bins: int = 10) -> tuple[int, ...]:
        """Counts of scores in ``bins`` equal bins over 0-100 (100 falls in the last)."""
        counts = [0] * bins
        for r in self.scored:
            if r.report is not None:
                counts[min(bins - 1, r.report.score * bins // 100)] += 1
        return tuple(counts)
