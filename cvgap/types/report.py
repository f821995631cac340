"""Dataclasses of the last stages: the gap report and batch/cohort results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cvgap.types.ats import AtsReport
from cvgap.types.core import SCHEMA_VERSION, MatchKind, Status, Usage

if TYPE_CHECKING:
    from cvgap.types.job_match import JobMatch

# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """The résumé line that proves (or, for implied skills, implies) a skill.

    ``start``/``end``: where the matched words sit in ``text`` (character offsets; for an
    implied skill, the words of the skill that implies it); ``None`` when unknown (rows
    written before schema 1 carried them).
    """

    text: str
    section: str
    line: int
    via: str | None = None  # the id of the skill that implies this one
    usage: Usage = "listed"
    kind: MatchKind = "exact"
    start: int | None = None
    end: int | None = None
    via_name: str | None = None  # that skill's name, for people (``via`` when unknown)

    @property
    def implied_by(self) -> str | None:
        """The implying skill as a report shows it: its name, else its id."""
        return self.via_name or self.via

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "section": self.section, "line": self.line}
        data["usage"] = self.usage
        if self.kind != "exact":
            data["match"] = self.kind
        if self.via is not None:
            data["via"] = self.via
        if self.via_name is not None:
            data["via_name"] = self.via_name
        if self.start is not None and self.end is not None:
            data["start"], data["end"] = self.start, self.end
            data["matched"] = self.text[self.start : self.end]
        return data


@dataclass(frozen=True, slots=True)
class AnyOf:
    """The members of an any-of requirement ("PyTorch or TensorFlow or Keras"), in the
    role's order. :attr:`key` is how the JSON contract writes it: ``"pytorch/tensorflow"``."""

    skills: tuple[str, ...]

    @property
    def key(self) -> str:
        return "/".join(self.skills)

    @classmethod
    def from_key(cls, key: str) -> AnyOf:
        return cls(tuple(key.split("/")))


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
    group: AnyOf | None = None
    covered_by: str | None = None

    @property
    def requirement_key(self) -> str:
        """The requirement this skill answers: its any-of group's key, else its own id."""
        return self.group.key if self.group else self.id

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
            "group": self.group.key if self.group else None,
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
    ats: AtsReport | None = None  # the ATS checks (cvgap.ats), when they were run
    job: JobMatch | None = None  # set when scored against a job posting (``--job``)

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
            **({"ats": self.ats.to_dict()} if self.ats is not None else {}),
            # added in schema 1, only in a report against a job posting
            **({"job": self.job.to_dict()} if self.job is not None else {}),
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
    have: int  # résumés that show the skill (matched or implied)
    total: int  # scored résumés
    covered: int = 0  # résumés without it where another member of its any-of group counts

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
    root: str | None = None  # the folder given: file names are shown relative to it
    links: tuple[tuple[str, str], ...] = ()  # (file, href of its own report)

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
