"""Build a :class:`~cvgap.types.Cohort` from a batch's results."""

from __future__ import annotations

from collections.abc import Iterable

from cvgap.types import BatchResult, Cohort, Role, SkillShare, Taxonomy


def build_cohort(results: Iterable[BatchResult], role: Role, taxonomy: Taxonomy) -> Cohort:
    """The cohort of ``results`` for ``role``: how many scored résumés show each of the
    role's skills (matched or implied), and how many lack it but have another member of its
    any-of group (``covered``: they lose no points, yet do not show the skill).

    >>> cohort = build_cohort(batch.results(), get_role(taxonomy, "cv-intern"), taxonomy)
    >>> gap = cohort.common_gaps[0]
    >>> print(f"{gap.name}: {gap.have}/{gap.total} have it")
    Docker: 1/40 have it
    """
    results = tuple(results)
    scored = [r.report for r in results if r.status == "scored" and r.report is not None]
    have: dict[str, int] = {}
    shares: list[SkillShare] = []
    statuses = [{s.id: s for s in report.skills} for report in scored]
    for req in role.requirements:
        for sid in req.skills:
            if sid in have:
                continue
            found = [by_id[sid] for by_id in statuses if sid in by_id]
            have[sid] = sum(1 for s in found if s.status != "missing")
            skill = taxonomy.skills.get(sid)
            shares.append(
                SkillShare(
                    id=sid,
                    name=skill.name if skill else sid,
                    required=req.required,
                    weight=req.weight,
                    have=have[sid],
                    total=len(scored),
                    covered=sum(1 for s in found if s.status == "missing" and s.covered_by),
                )
            )
    return Cohort(role=role.id, role_title=role.title, results=results, skills=tuple(shares))
