"""HTML for reports against job postings: one posting (:func:`render_job_html`, called by
:func:`cvgap.report.html.render_html` for a report with a ``job``) and a ranking of several
(:func:`render_ranking_html`). Same page, stylesheet and escaping as the role report:
every piece of posting or résumé text goes through :func:`~cvgap.report.html.e`."""

from __future__ import annotations

from cvgap.report.common import DEFAULT_TOP, fold_gaps
from cvgap.report.html import coverage_bars, e, folded_details, hero, page, section
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
from cvgap.types import Report
from cvgap.types.job_match import JobGap, JobMatch, JobRanking

# Status colours for the requirement table, on top of the shared stylesheet.
JOB_CSS = (
    "<style>td.st{white-space:nowrap}"
    "tr.matched td.st{color:var(--matched)}tr.implied td.st{color:var(--implied)}"
    "tr.missing td.st{color:var(--missing)}tr.listed-only td.st{color:var(--good)}"
    "tr.covered td.st{color:var(--muted)}td q{font-style:italic}"
    "tr.met td.st{color:var(--matched)}tr.not-met td.st{color:var(--missing)}"
    "tr.unknown td.st{color:var(--good)}</style>"
)


def render_job_html(report: Report, *, top: int = DEFAULT_TOP) -> str:
    """A report against one job posting as one self-contained HTML page; gaps after the
    ``top`` ones are folded in a ``<details>``."""
    job = job_of(report)
    parts = [
        JOB_CSS,
        '<header>\n<p class="eyebrow">cvgap · job posting report</p>\n'
        f"<h1>{e(report.role_title)}</h1>\n"
        f'<p class="file">{e(report.file)} · posting {e(job.posting.source)}</p>\n</header>',
        hero(report, f'<p class="muted">{e(coverage_text(job))}</p>'),
    ]
    warnings = [*report.warnings, *(f"posting: {w}" for w in job.posting.warnings)]
    if warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in warnings)
        parts.append(
            '<section class="warnings card" role="note">\n'
            f"<h2>⚠ Read with care</h2>\n<ul>{items}</ul>\n</section>"
        )
    rows = [
        (label, float(value), f"{value}%")
        for label, value in (
            ("Required", job.coverage.required),
            ("Preferred", job.coverage.preferred),
        )
        if value is not None
    ]
    if rows:
        parts.append(section("Coverage by tier", coverage_bars(rows)))
    if job.gaps:
        in_full, folded = fold_gaps(job.gaps, top)
        inner = _gaps(in_full) if in_full else ""
        if folded:
            inner += "\n" + folded_details(folded_job_gaps(folded), _gaps(folded))
        parts.append(section("What to change before applying", inner, count=len(job.gaps)))
    elif job.requirements:
        parts.append('<p class="card no-gaps">✔ No gaps: the résumé shows every requirement.</p>')
    if job.requirements:
        note = f'<p class="legend">{e(UNMAPPED_NOTE)}</p>' if has_unmapped(job) else ""
        parts.append(
            section("Requirements", _requirements(job) + note, count=len(job.requirements))
        )
    if job.checks:
        parts.append(section("Degree and experience", _checks(job)))
    shown = job.shown_duties
    if shown:
        items = "\n".join(
            f"<li><b>{e(d.duty.name)}</b>: <q>{e(resume_quote(d.evidence))}</q> "
            f'<span class="where">{e(resume_place(d.evidence))}</span></li>'
            for d in shown
        )
        parts.append(
            section(
                "Duties of the job you already show",
                f'<ul class="card">{items}</ul>',
                count=len(shown),
            )
        )
    if report.ats is not None:
        from cvgap.report.ats import ats_html

        parts.append(ats_html(report.ats))
    parts.append(f"<footer>Made offline by cvgap. {e(weights_note(job))}</footer>")
    return page(f"cvgap: {report.file} · {report.role_title}", "\n".join(parts))


def _gaps(gaps: list[JobGap]) -> str:
    out = ['<ol class="gaps">']
    out += [
        (
            f'<li class="gap card {g.tier}">\n<div class="gap-head">'
            f"<h3>{e(g.label)}</h3>"
            f'<span class="tag {g.tier}">{g.tier}</span>'
            f'<span class="tag">{e(GAP_KIND[g.kind])}</span>'
            f'<span class="gain">{e(gap_points(g))}</span></div>\n'
            f"<p>{e(g.suggestion)}</p>\n</li>"
        )
        for g in gaps
    ]
    out.append("</ol>")
    return "\n".join(out)


def _table(head: str, rows: list[str]) -> str:
    """A table card: ``head`` is the header cells' markup, ``rows`` each row's ``<tr>``."""
    return (
        f'<div class="table-card card"><table>\n<thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></div>"
    )


def _quoted(text: str, place: str) -> str:
    return f'<q>{e(text)}</q> <span class="where">{e(place)}</span>' if text else "—"


def _requirements(job: JobMatch) -> str:
    rows = [
        f'<tr class="{r.css}"><td>{e(r.tier)}</td><td class="st">{e(r.mark)} '
        f"{e(r.status)}</td><td>{e(r.name)}</td>"
        f"<td>{_quoted(r.posting, r.posting_place)}</td>"
        f"<td>{_quoted(r.resume, r.resume_place)}</td></tr>"
        for r in requirement_rows(job)
    ]
    head = "<th>Tier</th><th>Status</th><th>Requirement</th><th>Posting says</th>"
    return _table(head + "<th>Résumé shows</th>", rows)


def _checks(job: JobMatch) -> str:
    rows = []
    for c in job.checks:
        posting = _quoted(c.posting[0].text.strip(), "") if c.posting else ""
        shown = e(c.detail)
        if c.evidence:
            shown += "<br>" + _quoted(resume_quote(c.evidence), resume_place(c.evidence))
        rows.append(
            f'<tr class="{c.status}"><td>{e(c.label)} ({c.tier})</td>'
            f'<td class="st">{CHECK_MARK[c.status]} {CHECK_LABEL[c.status]}</td>'
            f"<td>{posting}</td><td>{shown}</td></tr>"
        )
    return _table("<th>Check</th><th>Status</th><th>Posting says</th><th>Résumé shows</th>", rows)


def render_ranking_html(ranking: JobRanking, *, top: int = DEFAULT_TOP) -> str:
    """Several postings for one résumé, best fit first, as one self-contained page (each
    posting's ``top`` gaps named, the rest counted)."""
    rows = []
    for rank, report in enumerate(ranking.reports, start=1):
        job = job_of(report)
        req, pref = job.coverage.required, job.coverage.preferred
        rows.append(
            f'<tr><td class="num">{rank}</td><td><b>{e(report.role_title)}</b><br>'
            f'<span class="where">{e(job.posting.source)}</span></td>'
            f'<td class="num">{report.score}</td>'
            f'<td class="num">{"—" if req is None else f"{req}%"}</td>'
            f'<td class="num">{"—" if pref is None else f"{pref}%"}</td>'
            f"<td>{e(ranking_summary(job, top))}</td></tr>"
        )
    head = (
        '<th class="num">#</th><th>Posting</th><th class="num">Score</th>'
        '<th class="num">Required</th><th class="num">Preferred</th><th>What is missing</th>'
    )
    parts = [
        '<header>\n<p class="eyebrow">cvgap · job postings, best fit first</p>\n'
        f'<h1>Which posting fits best</h1>\n<p class="file">{e(ranking.file)}</p>\n</header>',
        section(
            "Postings",
            _table(head, rows)
            + '<p class="legend">Ranked by required coverage, then by score.</p>',
            count=len(ranking.reports),
        ),
    ]
    if ranking.errors:
        items = "".join(f"<li>{e(f)}: {e(p)}</li>" for f, p in ranking.errors)
        parts.append(
            '<section class="warnings card" role="note">\n'
            f"<h2>⚠ Not ranked (could not be read)</h2>\n<ul>{items}</ul>\n</section>"
        )
    parts.append("<footer>Made offline by cvgap.</footer>")
    return page(f"cvgap: postings for {ranking.file}", "\n".join(parts))
