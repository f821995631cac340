"""Compare: what changed between two gap reports of the same role (the candidate's edit loop),
and between two batch cohorts (an advisor's before and after).

:func:`diff_reports` is pure: two :class:`~cvgap.types.Report` objects in, a
:class:`ReportDiff` out. Evidence is compared by strength (applied > listed > implied >
covered by an alternative > missing), so the edit-loop trap shows: a skill that the new
version no longer shows, or shows only weaker, is *evidence lost* even when the score went
up. A skill whose change closed or opened a gap is listed with the gaps only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from cvgap.errors import CvgapError
from cvgap.report.common import group_label, impact, unique_gaps
from cvgap.types import Evidence, Report, SkillResult

Strength = Literal["applied", "listed", "implied", "covered", "missing"]
STRENGTH_ORDER: dict[Strength, int] = {
    "missing": 0,
    "covered": 1,
    "implied": 2,
    "listed": 3,
    "applied": 4,
}

__all__ = ["ReportDiff", "SkillChange", "Strength", "diff_reports", "strength"]


def strength(skill: SkillResult | None) -> Strength:
    """How strongly a report shows a skill: ``applied`` (in experience or a project),
    ``listed``, ``implied`` (by another skill), ``covered`` (another member of its group is
    there) or ``missing``."""
    if skill is None:
        return "missing"
    if skill.status == "matched":
        return "applied" if any(e.usage == "applied" for e in skill.evidence) else "listed"
    if skill.status == "implied":
        return "implied"
    return "covered" if skill.covered_by else "missing"


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillChange:
    """One skill whose evidence or gap changed: ``before`` → ``after``."""

    id: str
    name: str
    required: bool
    points: int  # score points the skill's requirement is worth (0: not asked for by the role)
    before: Strength
    after: Strength
    evidence: Evidence | None = None  # the line that shows it (gained) or showed it (lost)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "required": self.required,
            "points": self.points,
            "before": self.before,
            "after": self.after,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportDiff:
    """What changed from ``old`` to ``new`` (two reports for the same role)."""

    old: Report
    new: Report
    gaps_closed: tuple[SkillChange, ...] = ()
    gaps_opened: tuple[SkillChange, ...] = ()
    evidence_gained: tuple[SkillChange, ...] = ()
    evidence_lost: tuple[SkillChange, ...] = ()

    @property
    def score_change(self) -> int:
        return self.new.score - self.old.score

    @property
    def unchanged(self) -> bool:
        return not (
            self.score_change
            or self.gaps_closed
            or self.gaps_opened
            or self.evidence_gained
            or self.evidence_lost
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.new.schema_version,
            "kind": "report-diff",
            "role": self.new.role,
            "role_title": self.new.role_title,
            "old": {"file": self.old.file, "score": self.old.score, "verdict": self.old.verdict},
            "new": {"file": self.new.file, "score": self.new.score, "verdict": self.new.verdict},
            "score_change": self.score_change,
            "gaps_closed": [c.to_dict() for c in self.gaps_closed],
            "gaps_opened": [c.to_dict() for c in self.gaps_opened],
            "evidence_gained": [c.to_dict() for c in self.evidence_gained],
            "evidence_lost": [c.to_dict() for c in self.evidence_lost],
        }


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare two reports for the same role.

    Raises :class:`~cvgap.errors.CvgapError` when they are for different roles (their
    scores would not be comparable).

    >>> d = diff_reports(analyze("cv-v1.pdf"), analyze("cv-v2.pdf"))
    >>> d.score_change, [c.name for c in d.evidence_lost]
    (6, ['Docker'])
    """
    if old.role != new.role:
        raise CvgapError(
            f"the reports are for different roles ({old.role!r} and {new.role!r}); "
            "compare two reports of the same role",
            path=new.file,
        )
    old_gaps = {g.requirement_key: g for g in unique_gaps(old)}
    new_gaps = {g.requirement_key: g for g in unique_gaps(new)}
    old_skills, new_skills = _all_skills(old), _all_skills(new)
    gained, lost = [], []
    for sid in dict.fromkeys([*old_skills, *new_skills]):
        before, after = old_skills.get(sid), new_skills.get(sid)
        was, now = strength(before), strength(after)
        if STRENGTH_ORDER[now] > STRENGTH_ORDER[was] and now != "covered":
            gained.append(_change(after or before, was, now, after, new))
        elif STRENGTH_ORDER[now] < STRENGTH_ORDER[was] and was != "covered":
            lost.append(_change(before or after, was, now, before, old))
    closed = []
    for key, gap in old_gaps.items():
        if key not in new_gaps:
            shown = _shown(new_skills, gap)
            closed.append(_change(gap, "missing", strength(shown), shown, old))
    opened = []
    for key, gap in new_gaps.items():
        if key not in old_gaps:
            shown = _shown(old_skills, gap)
            opened.append(_change(gap, strength(shown), "missing", shown, new))
    # a skill that closed or opened a gap is listed there only
    closed_ids = _members(old_gaps, new_gaps)
    opened_ids = _members(new_gaps, old_gaps)
    return ReportDiff(
        old=old,
        new=new,
        gaps_closed=_ranked(closed),
        gaps_opened=_ranked(opened),
        evidence_gained=_ranked([c for c in gained if c.id not in closed_ids]),
        evidence_lost=_ranked([c for c in lost if c.id not in opened_ids]),
    )


def _members(gaps: dict[str, SkillResult], other: dict[str, SkillResult]) -> set[str]:
    """The skill ids of the requirements that are gaps in ``gaps`` and not in ``other``."""
    return {sid for key, gap in gaps.items() if key not in other for sid in _member_ids(gap)}


def _member_ids(gap: SkillResult) -> tuple[str, ...]:
    return gap.group.skills if gap.group else (gap.id,)


def _all_skills(report: Report) -> dict[str, SkillResult]:
    return {s.id: s for s in (*report.skills, *report.extra_skills)}


def _shown(skills: dict[str, SkillResult], gap: SkillResult) -> SkillResult | None:
    """The member of ``gap``'s group (or the skill itself) that ``skills`` shows best."""
    present = [skills[m] for m in _member_ids(gap) if m in skills]
    return max(present, key=lambda s: STRENGTH_ORDER[strength(s)], default=None)


def _change(
    skill: SkillResult | None,
    was: Strength,
    now: Strength,
    shown: SkillResult | None,
    report: Report,
) -> SkillChange:
    assert skill is not None
    asked = skill.weight > 0 and any(s.id == skill.id for s in report.skills)
    name = skill.name
    if skill.group and skill.is_gap:
        name = group_label(skill, report)
    return SkillChange(
        id=skill.id,
        name=name,
        required=skill.required and asked,
        points=impact(skill, report) if asked else 0,
        before=was,
        after=now,
        evidence=shown.evidence[0] if shown is not None and shown.evidence else None,
    )


def _ranked(changes: list[SkillChange]) -> tuple[SkillChange, ...]:
    return tuple(sorted(changes, key=lambda c: (-c.points, not c.required, c.name.lower())))
