"""Score: compare skill mentions with a role's requirements and build the gap report.

Each requirement (a skill, or any one of an ``any_of`` group) earns its weight times a credit:

* 1.00: matched in an experience, project or publication line (the skill was *applied*);
* 0.85: matched only where it is *listed* (a skills line, summary, coursework);
* 0.75: *implied* by a matched skill (PyTorch => Python);
* 0: missing.

The score is the weighted share of credit, 0-100. Pure Python: no spaCy, no rich.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from cvgap.types import (
    AnyOf,
    CategoryScore,
    Evidence,
    Report,
    Requirement,
    Resume,
    Role,
    SkillMention,
    SkillResult,
    Status,
    Taxonomy,
)

CREDIT_APPLIED = 1.0
CREDIT_LISTED = 0.85
CREDIT_IMPLIED = 0.75
MAX_EVIDENCE = 3

BandName = Literal["strong", "good", "partial", "weak"]


@dataclass(frozen=True, slots=True)
class Band:
    """Scores from ``floor`` up to the next band's floor: their name and verdict."""

    floor: int
    name: BandName
    verdict: str


BANDS = (  # best first; every report format reads its thresholds and names from here
    Band(80, "strong", "Strong match: ready to apply"),
    Band(60, "good", "Good match: close the few gaps below before applying"),
    Band(40, "partial", "Partial match: several core skills are missing or not shown"),
    Band(0, "weak", "Weak match: build and show the core skills first"),
)


def band_for(score: int) -> Band:
    """The band of a score 0-100."""
    return next(band for band in BANDS if score >= band.floor)


def verdict_for(score: int) -> str:
    """The one-line verdict for a score 0-100."""
    return band_for(score).verdict


def score(
    resume: Resume, mentions: Sequence[SkillMention], role: Role, taxonomy: Taxonomy
) -> Report:
    """Build the :class:`Report` for ``resume`` against ``role``.

    >>> report = score(resume, extract_skills(resume, nlp, taxonomy), role, taxonomy)
    >>> 0 <= report.score <= 100
    True
    """
    found = _evidence_by_skill(mentions, resume)
    implied = _implied(found, taxonomy)
    results: list[SkillResult] = []
    req_credit: list[tuple[Requirement, float]] = []
    for req in role.requirements:
        statuses = {sid: _status(sid, found, implied) for sid in req.skills}
        credits = {sid: _credit(statuses[sid], found.get(sid, ())) for sid in req.skills}
        best = max(req.skills, key=lambda sid: credits[sid])
        req_credit.append((req, credits[best]))
        for sid in req.skills:
            skill = taxonomy.skills[sid]
            status = statuses[sid]
            evidence = found.get(sid) or implied.get(sid, ())
            results.append(
                SkillResult(
                    id=sid,
                    name=skill.name,
                    category=skill.category,
                    status=status,
                    required=req.required,
                    weight=req.weight,
                    evidence=evidence[:MAX_EVIDENCE],
                    suggestion=req.suggestion
                    or skill.suggestion
                    or _default_suggestion(skill.name),
                    group=AnyOf(req.skills) if req.is_group else None,
                    covered_by=best if status == "missing" and credits[best] > 0 else None,
                )
            )
    order = {"matched": 0, "implied": 1, "missing": 2}
    results.sort(key=lambda r: (order[r.status], -r.weight))
    total = _weighted(req_credit)
    role_skills = {sid for req in role.requirements for sid in req.skills}
    extra = [
        SkillResult(
            id=sid,
            name=taxonomy.skills[sid].name,
            category=taxonomy.skills[sid].category,
            status="matched",
            required=False,
            weight=0.0,
            evidence=ev[:MAX_EVIDENCE],
        )
        for sid, ev in found.items()
        if sid not in role_skills
    ]
    intents = _intents(mentions, found, taxonomy, resume)
    return Report(
        file=resume.source,
        role=role.id,
        role_title=role.title,
        score=total,
        verdict=verdict_for(total),
        categories=_categories(req_credit, taxonomy),
        skills=tuple(results),
        extra_skills=tuple(extra),
        intents=tuple(intents),
        warnings=resume.warnings,
        sections=tuple(s for s in resume.sections if s != "other"),
    )


def _evidence(m: SkillMention, resume: Resume) -> Evidence:
    """The mention's line as evidence, with the matched words' offsets in that line."""
    start: int | None = m.start - resume.line_at(m.start).start if resume.lines else None
    if start is None or m.line_text[start : start + len(m.text)] != m.text:
        found = m.line_text.find(m.text)  # a résumé built by hand: trust the words
        start = found if found >= 0 else None
    return Evidence(
        text=m.line_text,
        section=m.section,
        line=m.line,
        usage=m.usage,
        kind=m.kind,
        start=start,
        end=None if start is None else start + len(m.text),
    )


def _evidence_by_skill(
    mentions: Sequence[SkillMention], resume: Resume
) -> dict[str, tuple[Evidence, ...]]:
    """Evidence per skill: applied lines first, one per résumé line."""
    grouped: dict[str, list[SkillMention]] = defaultdict(list)
    for m in mentions:
        if not m.negated:
            grouped[m.skill_id].append(m)
    result: dict[str, tuple[Evidence, ...]] = {}
    for sid, items in grouped.items():
        items.sort(key=lambda m: (m.usage != "applied", m.kind != "exact", m.line))
        seen: set[int] = set()
        evidence = []
        for m in items:
            if m.line not in seen:
                seen.add(m.line)
                evidence.append(_evidence(m, resume))
        result[sid] = tuple(evidence)
    return result


def _implied(
    found: dict[str, tuple[Evidence, ...]], taxonomy: Taxonomy
) -> dict[str, tuple[Evidence, ...]]:
    implied: dict[str, list[Evidence]] = defaultdict(list)
    for sid, evidence in found.items():
        for target in taxonomy.implied_by(sid):
            if target not in found:
                implied[target].extend(
                    Evidence(
                        text=e.text,
                        section=e.section,
                        line=e.line,
                        via=sid,
                        via_name=taxonomy.skills[sid].name,
                        usage=e.usage,
                        start=e.start,
                        end=e.end,
                    )
                    for e in evidence[:1]
                )
    return {sid: tuple(ev) for sid, ev in implied.items()}


def _status(
    sid: str, found: dict[str, tuple[Evidence, ...]], implied: dict[str, tuple[Evidence, ...]]
) -> Status:
    if sid in found:
        return "matched"
    return "implied" if sid in implied else "missing"


def _credit(status: Status, evidence: Sequence[Evidence]) -> float:
    if status == "matched":
        applied = any(e.usage == "applied" for e in evidence)
        return CREDIT_APPLIED if applied else CREDIT_LISTED
    return CREDIT_IMPLIED if status == "implied" else 0.0


def _weighted(pairs: Sequence[tuple[Requirement, float]]) -> int:
    total = sum(req.weight for req, _ in pairs)
    if total <= 0:
        return 0
    return round(100 * sum(req.weight * credit for req, credit in pairs) / total)


def _categories(
    pairs: Sequence[tuple[Requirement, float]], taxonomy: Taxonomy
) -> tuple[CategoryScore, ...]:
    by_cat: dict[str, list[tuple[Requirement, float]]] = defaultdict(list)
    for req, credit in pairs:
        by_cat[taxonomy.skills[req.skills[0]].category].append((req, credit))
    ordered = [c for c in taxonomy.categories if c in by_cat]
    ordered += sorted(c for c in by_cat if c not in taxonomy.categories)
    return tuple(
        CategoryScore(
            id=cid,
            name=taxonomy.categories[cid].name if cid in taxonomy.categories else cid,
            score=_weighted(by_cat[cid]),
            weight=sum(r.weight for r, _ in by_cat[cid]),
        )
        for cid in ordered
    )


def _intents(
    mentions: Sequence[SkillMention],
    found: dict[str, tuple[Evidence, ...]],
    taxonomy: Taxonomy,
    resume: Resume,
) -> list[SkillResult]:
    seen: dict[str, SkillResult] = {}
    for m in mentions:
        if m.negated and m.skill_id not in found and m.skill_id not in seen:
            skill = taxonomy.skills[m.skill_id]
            seen[m.skill_id] = SkillResult(
                id=skill.id,
                name=skill.name,
                category=skill.category,
                status="missing",
                required=False,
                weight=0.0,
                evidence=(replace(_evidence(m, resume), usage="listed", kind="exact"),),
            )
    return list(seen.values())


def _default_suggestion(name: str) -> str:
    return f"Build a small project that uses {name} and describe it in a Projects bullet."
