"""A résumé read against one job posting: the report's ``job`` object.

score (against a :class:`~cvgap.types.JobPosting`) -> :class:`JobMatch` ->
``Report.job``. Its JSON is ``JobPosting.to_dict()`` with, per requirement and duty, what
the résumé shows (``status``, ``resume_evidence``), the degree/years checks, the coverage
per tier and the gaps (see ``docs/job-postings-report.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from cvgap.types.core import SCHEMA_VERSION
from cvgap.types.job import JobDuty, JobPosting, JobRequirement, PostingLine, Tier
from cvgap.types.report import Evidence, Report

JobStatus = Literal["matched", "implied", "listed-only", "missing"]
CheckStatus = Literal["met", "not-met", "unknown"]
GapKind = Literal["missing", "listed-only"]
CheckKind = Literal["degree", "years"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PostingText:
    """A posting's text, not read yet: what ``cvgap batch --job`` sends its workers, which
    read it with the pipeline they build anyway (so the parent never imports spaCy)."""

    text: str
    source: str
    format: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RequirementMatch:
    """One requirement of the posting and what the résumé shows for it.

    ``status``: ``matched`` (shown in experience/project work), ``listed-only`` (only named,
    e.g. in a skills line), ``implied`` (another skill implies it), ``missing``.
    ``covered_by`` names the member of its any-of group that covers a missing one.
    ``points``: score points an applied mention would add (0 when nothing to gain).
    """

    requirement: JobRequirement
    status: JobStatus
    evidence: tuple[Evidence, ...] = ()
    covered_by: str | None = None
    points: int = 0
    weight: float = 0.0
    years_check: Check | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            **self.requirement.to_dict(),
            "status": self.status,
            "covered_by": self.covered_by,
            "weight": self.weight,
            "points": self.points,
            "resume_evidence": [e.to_dict() for e in self.evidence],
        }
        if self.years_check is not None:
            data["years_check"] = self.years_check.to_dict()
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class DutyMatch:
    """A duty of the job and whether the résumé already shows the skill (a plus)."""

    duty: JobDuty
    evidence: tuple[Evidence, ...] = ()

    @property
    def shown(self) -> bool:
        return bool(self.evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.duty.to_dict(),
            "shown": self.shown,
            "resume_evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """The degree or years the posting asks for, checked against the résumé. Never part of
    the score: a check is reported next to it."""

    kind: CheckKind
    label: str  # what the posting asks, in words: "Bachelor's in computer science"
    status: CheckStatus
    detail: str  # what the résumé shows, in words
    tier: Tier = "required"
    posting: tuple[PostingLine, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "status": self.status,
            "detail": self.detail,
            "resume_evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class JobGap:
    """Something to change before applying: a missing requirement (or any-of group), or
    one the résumé only lists (add evidence in a bullet)."""

    kind: GapKind
    tier: Tier
    names: tuple[str, ...]  # the group's members, or the one requirement
    ids: tuple[str | None, ...]
    points: int
    suggestion: str = ""

    @property
    def label(self) -> str:
        return " or ".join(self.names)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "tier": self.tier,
            "names": list(self.names),
            "ids": list(self.ids),
            "points": self.points,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Coverage:
    """Weighted share (0-100) of each tier the résumé covers; None for a tier the posting
    does not have. ``overall`` is the report's score."""

    required: int | None
    preferred: int | None
    overall: int
    required_weight: float
    preferred_weight: float
    preferred_cap: float  # all preferred items weigh at most this share of the required ones

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "preferred": self.preferred,
            "overall": self.overall,
            "weights": {
                "required": self.required_weight,
                "preferred": self.preferred_weight,
                "preferred_cap": self.preferred_cap,
            },
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class JobMatch:
    """Everything the report says about one posting."""

    posting: JobPosting
    requirements: tuple[RequirementMatch, ...]
    duties: tuple[DutyMatch, ...]
    coverage: Coverage
    gaps: tuple[JobGap, ...] = ()
    degree: Check | None = None
    years: Check | None = None

    @property
    def checks(self) -> tuple[Check, ...]:
        """Degree, overall years and per-skill years checks, in that order."""
        head = tuple(c for c in (self.degree, self.years) if c is not None)
        return head + tuple(r.years_check for r in self.requirements if r.years_check)

    @property
    def shown_duties(self) -> tuple[DutyMatch, ...]:
        """Duties the résumé already shows, each skill once."""
        seen: dict[str, DutyMatch] = {}
        for d in self.duties:
            if d.shown:
                seen.setdefault(d.duty.id or d.duty.name.lower(), d)
        return tuple(seen.values())

    def to_dict(self) -> dict[str, Any]:
        data = self.posting.to_dict()
        data["requirements"] = [r.to_dict() for r in self.requirements]
        data["duties"] = [d.to_dict() for d in self.duties]
        if data["degree"] is not None and self.degree is not None:
            data["degree"]["check"] = self.degree.to_dict()
        if data["years"] is not None and self.years is not None:
            data["years"]["check"] = self.years.to_dict()
        data["coverage"] = self.coverage.to_dict()
        data["gaps"] = [g.to_dict() for g in self.gaps]
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class JobRanking:
    """One résumé against several postings, the best fit first: the postings whose required
    list it covers best, ties by overall score, then by file name. ``errors`` holds the
    postings that could not be read, as ``(file, problem)``."""

    file: str
    reports: tuple[Report, ...]
    errors: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        ranking = []
        for rank, report in enumerate(self.reports, start=1):
            job = report.job
            ranking.append(
                {
                    "rank": rank,
                    "posting": job.posting.source if job else report.role,
                    "title": report.role_title,
                    "score": report.score,
                    "required": job.coverage.required if job else None,
                    "preferred": job.coverage.preferred if job else None,
                    "verdict": report.verdict,
                    "gaps": [g.to_dict() for g in job.gaps] if job else [],
                    "report": report.to_dict(),
                }
            )
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "ranking": ranking,
            "errors": [{"file": f, "error": e} for f, e in self.errors],
        }
