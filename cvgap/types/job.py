"""A job posting as cvgap understood it: what it requires, prefers and describes as duties.

ingest (posting) -> :class:`JobPosting` -> score (against a résumé) -> the report's ``job``
object. The JSON names here (``requirements``, ``duties``, ``id``, ``name``, ``tier``,
``group``, ``evidence``, ``degree``, ``years``, ``warnings``) are part of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Tier = Literal["required", "preferred"]
DegreeLevel = Literal["bachelor", "master", "phd"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PostingLine:
    """One line of the posting that a requirement, duty or check was read from."""

    number: int
    text: str
    section: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.number, "text": self.text, "section": self.section}


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRequirement:
    """A skill the posting asks for. ``id`` is the taxonomy skill id, or ``None`` for a term
    outside the taxonomy (then ``name`` is the posting's own words, searched literally).
    ``group`` names the any-of group ("PyTorch or TensorFlow") it belongs to, if any."""

    id: str | None
    name: str
    tier: Tier
    group: str | None = None
    years: float | None = None
    evidence: tuple[PostingLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "tier": self.tier,
            "group": self.group,
            "years": self.years,
            "evidence": [line.to_dict() for line in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class JobDuty:
    """A skill the posting names as part of the work ("you will train detectors"), not as
    something the candidate must already have: a hint, never a missing requirement."""

    id: str | None
    name: str
    group: str | None = None
    evidence: tuple[PostingLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "evidence": [line.to_dict() for line in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DegreeRequirement:
    """The degree the posting asks for: the lowest level it accepts, the fields, whether
    being enrolled ("currently pursuing") is enough and whether experience may replace it."""

    level: DegreeLevel | None
    fields: tuple[str, ...] = ()
    pursuing: bool = False
    or_equivalent: bool = False
    tier: Tier = "required"
    evidence: tuple[PostingLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "fields": list(self.fields),
            "pursuing": self.pursuing,
            "or_equivalent": self.or_equivalent,
            "tier": self.tier,
            "evidence": [line.to_dict() for line in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class YearsRequirement:
    """Years of experience asked for overall (``skill`` None) or with one skill."""

    years: float
    skill: str | None = None
    tier: Tier = "required"
    evidence: tuple[PostingLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "years": self.years,
            "skill": self.skill,
            "tier": self.tier,
            "evidence": [line.to_dict() for line in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class JobPosting:
    """Everything cvgap read from one posting (see :func:`cvgap.read_job`)."""

    source: str
    title: str
    format: str
    requirements: tuple[JobRequirement, ...] = ()
    duties: tuple[JobDuty, ...] = ()
    degree: DegreeRequirement | None = None
    years: YearsRequirement | None = None
    warnings: tuple[str, ...] = ()
    lines: tuple[PostingLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "format": self.format,
            "requirements": [r.to_dict() for r in self.requirements],
            "duties": [d.to_dict() for d in self.duties],
            "degree": self.degree.to_dict() if self.degree else None,
            "years": self.years.to_dict() if self.years else None,
            "warnings": list(self.warnings),
        }
