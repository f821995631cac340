"""What every format of a report against a job posting shares: labels, marks and the rows
(one per requirement: tier, status, the posting's line and the résumé's line)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from cvgap.report.common import DEFAULT_TOP, credits_legend, fold_gaps, folded_text, quote
from cvgap.types import Evidence, PostingLine, Report
from cvgap.types.job_match import (
    CheckStatus,
    JobGap,
    JobMatch,
    JobRanking,
    JobStatus,
)

JOB_STATUS_LABEL: dict[JobStatus, str] = {
    "matched": "matched",
    "listed-only": "listed only",
    "implied": "implied",
    "missing": "missing",
}
JOB_STATUS_MARK: dict[JobStatus, str] = {
    "matched": "✔",
    "listed-only": "◐",
    "implied": "≈",
    "missing": "✘",
}
COVERED_MARK = "○"
CHECK_LABEL: dict[CheckStatus, str] = {"met": "met", "not-met": "not met", "unknown": "unknown"}
CHECK_MARK: dict[CheckStatus, str] = {"met": "✔", "not-met": "✘", "unknown": "?"}
GAP_KIND = {"missing": "missing", "listed-only": "listed only"}


def weights_note(job: JobMatch) -> str:
    """How the score was weighted, in words (from the report's own numbers)."""
    c = job.coverage
    return (
        f"Score: required items weigh {c.required_weight:g}, preferred "
        f"{c.preferred_weight:g} (all preferred together at most {c.preferred_cap:.0%} of "
        f"the required); an any-of group counts once, by its best member. {credits_legend()}"
    )


@dataclass(frozen=True, slots=True)
class RequirementRow:
    """One requirement as every format shows it."""

    tier: str
    mark: str
    status: str  # "matched", "listed only", "covered by PyTorch", ...
    name: str  # with its group: "PyTorch (or TensorFlow)"
    posting: str  # the posting's line, quoted
    posting_place: str  # "line 4"
    resume: str  # the résumé's line, quoted ("" when missing)
    resume_place: str  # "experience, line 11"
    points: int
    css: str  # status class for HTML


def job_of(report: Report) -> JobMatch:
    """The report's job object (callers render job reports only)."""
    if report.job is None:
        raise ValueError("not a report against a job posting")
    return report.job


def requirement_rows(job: JobMatch) -> list[RequirementRow]:
    """The requirements in posting order, each group's members together."""
    names: dict[str, list[str]] = {}
    for m in job.requirements:
        if m.requirement.group is not None:
            names.setdefault(m.requirement.group, []).append(m.requirement.name)
    rows = []
    for m in job.requirements:
        req = m.requirement
        others = [n for n in names.get(req.group or "", []) if n != req.name]
        name = req.name + (f" (or {' or '.join(others)})" if others else "")
        if req.id is None:
            name += " *"
        if m.covered_by:
            mark, status, css = COVERED_MARK, f"covered by {m.covered_by}", "covered"
        else:
            mark, status = JOB_STATUS_MARK[m.status], JOB_STATUS_LABEL[m.status]
            css = m.status
        rows.append(
            RequirementRow(
                tier=req.tier,
                mark=mark,
                status=status,
                name=name,
                posting=posting_quote(req.evidence),
                posting_place=f"line {req.evidence[0].number}" if req.evidence else "",
                resume=resume_quote(m.evidence),
                resume_place=resume_place(m.evidence),
                points=m.points,
                css=css,
            )
        )
    return rows


UNMAPPED_NOTE = "* outside cvgap's skill list: searched for as written (whole words)."


def has_unmapped(job: JobMatch) -> bool:
    return any(m.requirement.id is None for m in job.requirements)


def posting_quote(lines: tuple[PostingLine, ...]) -> str:
    return quote(lines[0].text) if lines else ""


def resume_quote(evidence: tuple[Evidence, ...]) -> str:
    if not evidence:
        return ""
    ev = evidence[0]
    return (f"via {ev.implied_by}: " if ev.implied_by else "") + quote(ev.text)


def resume_place(evidence: tuple[Evidence, ...]) -> str:
    return f"{evidence[0].section}, line {evidence[0].line}" if evidence else ""


def coverage_text(job: JobMatch) -> str:
    """``required 80% · preferred 40%`` (a tier the posting lacks is left out)."""
    parts = []
    if job.coverage.required is not None:
        parts.append(f"required {job.coverage.required}%")
    if job.coverage.preferred is not None:
        parts.append(f"preferred {job.coverage.preferred}%")
    return " · ".join(parts) or "no requirements read"


def gap_points(gap: JobGap) -> str:
    return "under 1 point" if gap.points < 1 else f"+{gap.points}"


def folded_job_gaps(folded: list[JobGap]) -> str:
    """``7 more gaps, +9 points in all`` for a posting's folded gaps."""
    return folded_text(len(folded), sum(g.points for g in folded))


def render_ranking_json(ranking: JobRanking) -> str:
    """The ranking as JSON (``schema_version`` 1), indented, with a final newline."""
    return json.dumps(ranking.to_dict(), indent=2, ensure_ascii=False) + "\n"


def ranking_summary(job: JobMatch, top: int = DEFAULT_TOP) -> str:
    """What is missing, in a line: "missing required: Docker; missing preferred: ROS 2",
    naming the ``top`` gaps that matter most and counting the rest."""
    shown, folded = fold_gaps(job.gaps, top)
    parts = []
    for title, kind, tiers in (
        ("missing required", "missing", ("required",)),
        ("missing preferred", "missing", ("preferred",)),
        ("listed only", "listed-only", ("required", "preferred")),
    ):
        names = [g.label for g in shown if g.kind == kind and g.tier in tiers]
        if names:
            parts.append(f"{title}: {', '.join(names)}")
    if folded:
        parts.append(folded_job_gaps(folded))
    if not job.gaps:
        parts.append("no requirements read" if not job.requirements else "nothing missing")
    parts += [f"⚠ posting: {w}" for w in job.posting.warnings]
    return "; ".join(parts)
