"""Build a :class:`~cvgap.types.Cohort` from a batch's results."""

from __future__ import annotations

from collections.abc import Iterable

from cvgap.types import BatchResult, Cohort, Role, SkillShare, Taxonomy


def build_cohort(results: Iterable[BatchResult], role: Role, taxonomy: Taxonomy) -> Cohort:
    """The cohort of ``results`` for ``role``: what share of the scored résumés has each of
    the role's skills (matched, implied, or covered by another member of its group).

    >>> cohort = build_cohort(batch.results(), get_role(taxonomy, "cv-intern"), taxonomy)
    >>> gap = cohort.common_gaps[0]
    >>> print(f"{gap.name}: {gap.have}/{gap.total} have it")
    Docker: 1/40 have it
    """
    results = tuple(results)
    scored = [r.report for r in results if r.status == "scored" and r.report is not None]
    have: dict[str, int] = {}
    shares: list[SkillShare] = []
    for req in role.requirements:
        for sid in req.skills:
            if sid in have:
                continue
            have[sid] = sum(
                1
                for report in scored
                if any(
                    s.id == sid and (s.status != "missing" or s.covered_by) for s in report.skills
                )
            )
            skill = taxonomy.skills.get(sid)
            shares.append(
                SkillShare(
                    id=sid,
                    name=skill.name if skill else sid,
                    required=req.required,
                    weight=req.weight,
                    have=have[sid],
                    total=len(scored),
                )
            )
    return Cohort(role=role.id, role_title=role.title, results=results, skills=tuple(shares))
