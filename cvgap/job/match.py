"""Score a résumé against one job posting (the ``--job`` mode).

The posting becomes a role (:mod:`cvgap.job.match_scope`, which also explains the weights)
and the usual :func:`cvgap.score.score` reads the résumé against it: the same evidence,
implications and credits (applied 1.0, listed 0.85, implied 0.75). :func:`match_job` then
adds what only a posting has: tiers, duties, terms outside the taxonomy, and the degree and
years checks, into the report's ``job`` object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from cvgap.job.match_scope import (
    PREFERRED_CAP,
    PREFERRED_WEIGHT,
    REQUIRED_WEIGHT,
    PreparedPosting,
    Unit,
    literal_mentions,
    mapped,
    prepare_posting,
    skill_id,
    term_id,
)
from cvgap.score import CREDIT_APPLIED, CREDIT_IMPLIED, CREDIT_LISTED, score, verdict_for
from cvgap.types import (
    Evidence,
    JobDuty,
    JobPosting,
    JobRequirement,
    Report,
    Resume,
    SkillMention,
    SkillResult,
    Taxonomy,
    YearsRequirement,
)
from cvgap.types.job_match import (
    Check,
    Coverage,
    DutyMatch,
    JobGap,
    JobMatch,
    JobStatus,
    RequirementMatch,
)

if TYPE_CHECKING:
    from spacy.language import Language

# Categories whose skills are shown by being stated: a degree sits in the education section
# and is never "applied" in a bullet, so stating it earns full credit.
STATED_CATEGORIES = frozenset({"education"})
NOTHING_TO_SCORE = "Nothing to score: no requirements were read from the posting"

_CREDIT: dict[JobStatus, float] = {
    "matched": CREDIT_APPLIED,
    "listed-only": CREDIT_LISTED,
    "implied": CREDIT_IMPLIED,
    "missing": 0.0,
}


def match_job(
    resume: Resume,
    mentions: Sequence[SkillMention],
    posting: JobPosting | PreparedPosting,
    taxonomy: Taxonomy,
    nlp: Language,
) -> Report:
    """The gap report of ``resume`` against ``posting``: the usual report (its score is the
    posting's weighted coverage) with a ``job`` object. ``mentions`` are the résumé's
    (:func:`cvgap.extract_skills` with ``nlp``); the posting's terms outside the taxonomy
    are read with the same pipeline. Pass a :func:`prepare_posting` result to score many
    résumés against one posting."""
    from cvgap.job.resume_checks import degree_check, years_check, years_with_skill

    if isinstance(posting, JobPosting):
        posting = prepare_posting(posting, taxonomy)
    prepared, posting = posting, posting.posting
    literal = literal_mentions(resume, prepared.terms, nlp, taxonomy)
    base = score(resume, [*mentions, *literal], prepared.role, prepared.scope)
    finder = _Finder(base, taxonomy)
    units = prepared.units
    total = sum(u.weight for u in units)
    matches: list[RequirementMatch] = []
    credits: list[tuple[Unit, float]] = []
    gaps: list[JobGap] = []
    for unit in units:
        found = [(m, *finder.status(m)) for m in unit.members]
        best = max(found, key=lambda f: _CREDIT[f[1]])
        credit = _CREDIT[best[1]]
        credits.append((unit, credit))
        gain = _points(unit.weight, 1.0 - credit, total)
        for member, status, evidence in found:
            covered = best[0].name if status == "missing" and credit > 0 else None
            matches.append(
                RequirementMatch(
                    requirement=member,
                    status=status,
                    evidence=evidence,
                    covered_by=covered,
                    points=0 if covered or status == "matched" else gain,
                    weight=unit.weight,
                    years_check=(
                        years_with_skill(member, status, evidence) if member.years else None
                    ),
                )
            )
        if best[1] in ("missing", "listed-only"):
            gaps.append(_gap(unit, best[1], gain, taxonomy))
    kind_order = {("missing", "required"): 0, ("missing", "preferred"): 1}
    gaps.sort(key=lambda g: (kind_order.get((g.kind, g.tier), 2), -g.points))
    coverage = _coverage(credits)
    job = JobMatch(
        posting=posting,
        requirements=tuple(matches),
        duties=tuple(DutyMatch(duty=d, evidence=finder.shown(d)) for d in posting.duties),
        coverage=coverage,
        gaps=tuple(gaps),
        degree=(
            degree_check(posting.degree, resume, finder.field_found, finder.field_name)
            if posting.degree
            else None
        ),
        years=(
            years_check(posting.years, resume, finder.shown_name)
            if posting.years and not _checked_per_skill(posting.years, posting)
            else None
        ),
    )
    verdict = verdict_for(coverage.overall) if units else NOTHING_TO_SCORE
    return replace(base, score=coverage.overall, verdict=verdict, job=job)


def _checked_per_skill(years: YearsRequirement, posting: JobPosting) -> bool:
    """Whether the posting's years ("1+ years of Git") are already checked with the
    requirement they name, so the report does not show the same check twice."""
    wanted = (years.skill or "").casefold()
    return bool(wanted) and any(
        req.years and wanted in {req.name.casefold(), (req.id or "").casefold()}
        for req in posting.requirements
    )


def map_evidence(
    job: JobMatch, change: Callable[[tuple[Evidence, ...]], tuple[Evidence, ...]]
) -> JobMatch:
    """``job`` with every résumé evidence tuple passed through ``change`` (redaction)."""

    def check(c: Check | None) -> Check | None:
        return replace(c, evidence=change(c.evidence)) if c is not None else None

    return replace(
        job,
        requirements=tuple(
            replace(m, evidence=change(m.evidence), years_check=check(m.years_check))
            for m in job.requirements
        ),
        duties=tuple(replace(d, evidence=change(d.evidence)) for d in job.duties),
        degree=check(job.degree),
        years=check(job.years),
    )


# --------------------------------------------------------------------------- finding


class _Finder:
    """What the résumé shows for a requirement or duty, read from the scored report."""

    def __init__(self, base: Report, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.results: dict[str, SkillResult] = {}
        for result in (*base.skills, *base.extra_skills):
            known = self.results.get(result.id)
            if known is None or (known.status == "missing" and result.status != "missing"):
                self.results[result.id] = result

    def status(self, req: JobRequirement) -> tuple[JobStatus, tuple[Evidence, ...]]:
        result = self.results.get(skill_id(req, self.taxonomy))
        if result is None or result.status == "missing":
            return "missing", ()
        if result.status == "implied":
            return "implied", result.evidence
        if result.category in STATED_CATEGORIES:
            return "matched", result.evidence
        return _applied_or_listed(result.evidence), result.evidence

    def shown(self, item: JobRequirement | JobDuty) -> tuple[Evidence, ...]:
        """Résumé lines that show the skill (matched, not implied)."""
        result = self.results.get(skill_id(item, self.taxonomy))
        return result.evidence if result and result.status == "matched" else ()

    def field_found(self, field: str) -> bool | None:
        """Whether the résumé shows the degree field ``field`` when it is a taxonomy skill
        (``cs-degree``); None for a field in the posting's own words."""
        if not mapped(field, self.taxonomy):
            return None
        result = self.results.get(field)
        return result is not None and result.status != "missing"

    def field_name(self, field: str) -> str:
        skill = self.taxonomy.skills.get(field)
        return skill.name if skill else field

    def shown_name(self, name: str) -> tuple[Evidence, ...]:
        """Like :meth:`shown`, for a skill named by id or by the posting's words."""
        sid = name if mapped(name, self.taxonomy) else term_id(name)
        result = self.results.get(sid)
        return result.evidence if result and result.status == "matched" else ()


def _applied_or_listed(evidence: Sequence[Evidence]) -> JobStatus:
    return "matched" if any(e.usage == "applied" for e in evidence) else "listed-only"


# --------------------------------------------------------------------------- numbers


def _points(weight: float, missing_credit: float, total: float) -> int:
    """Score points that raising a unit to full credit would add."""
    return round(100 * weight * missing_credit / total) if total else 0


def _weighted(pairs: Sequence[tuple[Unit, float]]) -> int | None:
    total = sum(u.weight for u, _ in pairs)
    return round(100 * sum(u.weight * c for u, c in pairs) / total) if total else None


def _coverage(credits: Sequence[tuple[Unit, float]]) -> Coverage:
    required = [(u, c) for u, c in credits if u.tier == "required"]
    preferred = [(u, c) for u, c in credits if u.tier == "preferred"]
    return Coverage(
        required=_weighted(required),
        preferred=_weighted(preferred),
        overall=_weighted(credits) or 0,
        required_weight=REQUIRED_WEIGHT,
        preferred_weight=preferred[0][0].weight if preferred else PREFERRED_WEIGHT,
        preferred_cap=PREFERRED_CAP,
    )


def _gap(unit: Unit, kind: JobStatus, gain: int, taxonomy: Taxonomy) -> JobGap:
    names = tuple(_display_name(m, taxonomy) for m in unit.members)
    first = unit.members[0]
    skill = taxonomy.skills.get(first.id) if first.id else None
    if kind == "listed-only":
        suggestion = (
            f"Show {' or '.join(names)} at work: add a project or experience bullet "
            "that says what you built with it."
        )
    else:
        suggestion = (
            skill.suggestion
            if skill and skill.suggestion
            else f"Build a small project that uses {' or '.join(names)} and describe it in a "
            "Projects bullet."
        )
    return JobGap(
        kind="listed-only" if kind == "listed-only" else "missing",
        tier=unit.tier,
        names=names,
        ids=tuple(m.id for m in unit.members),
        points=gain,
        suggestion=suggestion,
    )


def _display_name(req: JobRequirement, taxonomy: Taxonomy) -> str:
    skill = taxonomy.skills.get(req.id) if req.id else None
    return skill.name if skill else req.name
