"""Markdown for reports against job postings: one posting (:func:`render_job_markdown`,
called by :func:`cvgap.report.markdown.render_markdown` for a report with a ``job``) and a
ranking of several (:func:`render_ranking_markdown`)."""

from __future__ import annotations

from cvgap.report.common import DEFAULT_TOP, fold_gaps
from cvgap.report.job_common import (
    CHECK_LABEL,
    CHECK_MARK,
    GAP_KIND,
    UNMAPPED_NOTE,
    coverage_text,
    folded_job_gaps,
    gap_points,
    has_unmapped,
    job_of,
    ranking_summary,
    requirement_rows,
    resume_place,
    resume_quote,
    weights_note,
)
from cvgap.report.markdown import md_escape, md_folded, md_inline_code
from cvgap.types import Report
from cvgap.types.job_match import JobGap, JobMatch, JobRanking


def render_job_markdown(report: Report, *, top: int = DEFAULT_TOP) -> str:
    """A report against a job posting as GitHub-flavoured Markdown; gaps after the ``top``
    ones are folded."""
    job = job_of(report)
    out = [
        f"# cvgap report: {md_escape(report.role_title)}",
        "",
        f"**{report.score}/100 · {md_escape(report.verdict)}**  ",
        f"Coverage: {coverage_text(job)}  ",
        f"Résumé: {md_inline_code(report.file)} · posting: {md_inline_code(job.posting.source)}",
    ]
    warnings = [*report.warnings, *(f"posting: {w}" for w in job.posting.warnings)]
    if warnings:
        out += ["", "> [!WARNING]"]
        out += [f"> {md_escape(w)}  " for w in warnings]
        out[-1] = out[-1].rstrip()
    out += _gaps(job, top)
    out += _requirements(job)
    out += _checks(job)
    shown = job.shown_duties
    if shown:
        out += ["", f"## Duties of the job you already show ({len(shown)})", ""]
        out += [
            f"- **{md_escape(d.duty.name)}**: “{md_escape(resume_quote(d.evidence))}” — "
            f"{resume_place(d.evidence)}"
            for d in shown
        ]
    if report.intents:
        names = ", ".join(md_escape(s.name) for s in report.intents)
        out += ["", "## Mentioned as an intention, not counted", "", names]
    if report.ats is not None:
        from cvgap.report.ats import ats_markdown

        out += ats_markdown(report.ats)
    out += ["", f"<sub>{md_escape(weights_note(job))}</sub>"]
    return "\n".join(out) + "\n"


def _gaps(job: JobMatch, top: int) -> list[str]:
    if not job.gaps:
        if not job.requirements:
            return []
        return ["", "**No gaps: the résumé shows every requirement of the posting.**"]
    in_full, folded = fold_gaps(job.gaps, top)
    out = ["", "## What to change before applying", ""]
    out += [_gap_item(n, g) for n, g in enumerate(in_full, start=1)]
    if folded:
        items = [_gap_item(n, g) for n, g in enumerate(folded, start=len(in_full) + 1)]
        out += md_folded(folded_job_gaps(folded), items)
    return out


def _gap_item(n: int, gap: JobGap) -> str:
    return (
        f"{n}. **{md_escape(gap.label)}** ({gap.tier}, {GAP_KIND[gap.kind]}, "
        f"{gap_points(gap)}): {md_escape(gap.suggestion)}"
    )


def _requirements(job: JobMatch) -> list[str]:
    rows = requirement_rows(job)
    if not rows:
        return []
    out = [
        "",
        f"## Requirements ({len(rows)})",
        "",
        "| Tier | Status | Requirement | Posting says | Résumé shows |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        posting = f"“{md_escape(r.posting)}” ({r.posting_place})" if r.posting else ""
        resume = f"“{md_escape(r.resume)}” ({r.resume_place})" if r.resume else "—"
        out.append(
            f"| {r.tier} | {r.mark} {r.status} | {md_escape(r.name)} | {posting} | {resume} |"
        )
    if has_unmapped(job):
        out += ["", md_escape(UNMAPPED_NOTE)]
    return out


def _checks(job: JobMatch) -> list[str]:
    if not job.checks:
        return []
    out = [
        "",
        "## Degree and experience",
        "",
        "| Check | Status | Posting says | Résumé shows |",
        "|---|---|---|---|",
    ]
    for c in job.checks:
        posting = f"“{md_escape(c.posting[0].text)}”" if c.posting else ""
        resume = md_escape(c.detail)
        if c.evidence:
            resume += f": “{md_escape(resume_quote(c.evidence))}” ({resume_place(c.evidence)})"
        out.append(
            f"| {md_escape(c.label)} ({c.tier}) | {CHECK_MARK[c.status]} "
            f"{CHECK_LABEL[c.status]} | {posting} | {resume} |"
        )
    return out


def render_ranking_markdown(ranking: JobRanking, *, top: int = DEFAULT_TOP) -> str:
    """Several postings for one résumé, the best fit first, with what each is missing (the
    ``top`` gaps named, the rest counted)."""
    out = [
        "# cvgap: which posting fits best",
        "",
        f"Résumé: {md_inline_code(ranking.file)} · {len(ranking.reports)} postings",
        "",
        "| # | Posting | Score | Required | Preferred | What is missing |",
        "|---:|---|---:|---:|---:|---|",
    ]
    for rank, report in enumerate(ranking.reports, start=1):
        job = job_of(report)
        req, pref = job.coverage.required, job.coverage.preferred
        out.append(
            f"| {rank} | {md_escape(report.role_title)} ({md_inline_code(job.posting.source)}) "
            f"| {report.score} | {'—' if req is None else f'{req}%'} "
            f"| {'—' if pref is None else f'{pref}%'} | {md_escape(ranking_summary(job, top))} |"
        )
    if ranking.errors:
        out += ["", "> [!WARNING]", "> Not ranked (could not be read):  "]
        out += [f"> {md_inline_code(f)}: {md_escape(e)}  " for f, e in ranking.errors]
        out[-1] = out[-1].rstrip()
    out += ["", "Ranked by required coverage, then by score."]
    return "\n".join(out) + "\n"
