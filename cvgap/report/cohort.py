"""Cohort reports for ``cvgap batch``: ranking, score distribution, skill coverage, failures.

Built from the same pieces as the one-résumé reports (:mod:`cvgap.report.html`,
:mod:`cvgap.report.svg`, :mod:`cvgap.report.markdown`).
"""

from __future__ import annotations

from statistics import median

from cvgap.report import svg
from cvgap.report.ats import cohort_html, cohort_markdown
from cvgap.report.common import BAND_WORD, band, bands_legend, group_label, relative_to, unique_gaps
from cvgap.report.html import e, page, section
from cvgap.report.markdown import md_bar, md_escape, md_inline_code
from cvgap.types import BatchResult, Cohort, Report

TOP_GAPS = 2  # gaps named per résumé in the ranking
COVERAGE_LEGEND = (
    "Show it: résumés where the skill is matched or implied. Covered by an alternative: "
    "résumés without it that get its points from another skill of its any-of group."
)


def shown_file(cohort: Cohort, file: str) -> str:
    """``file`` relative to the folder the batch was given (as given, when outside it)."""
    return relative_to(file, cohort.root)


def _md_file(cohort: Cohort, file: str) -> str:
    name = md_inline_code(shown_file(cohort, file))
    href = dict(cohort.links).get(file)
    return f"[{name}]({_md_href(href)})" if href else name


def _md_href(href: str) -> str:
    return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"


def _html_file(cohort: Cohort, file: str) -> str:
    name = e(shown_file(cohort, file))
    href = dict(cohort.links).get(file)
    return f'<a href="{e(href)}">{name}</a>' if href else name


PREFERRED = ' <span class="muted">(preferred)</span>'


def _coverage(cohort: Cohort) -> str:
    rows = "".join(
        f"<tr><td>{e(s.name)}{'' if s.required else PREFERRED}"
        f'</td><td class="num">{s.have}/{s.total}</td>'
        f'<td class="minibar">{svg.bar(100 * s.share, s.name, ticks=())}</td>'
        f'<td class="num">{s.covered or ""}</td></tr>'
        for s in cohort.common_gaps
    )
    return (
        '<div class="card table-card"><table><thead><tr><th>Skill</th>'
        '<th class="num">Show it</th><th class="minibar"><span class="sr">Share</span></th>'
        '<th class="num">Covered by an alternative</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        f'<p class="legend">{e(COVERAGE_LEGEND)} Most common gaps first.</p>'
    )


def _summary(cohort: Cohort) -> str:
    scored, failed = len(cohort.scored), len(cohort.failed)
    dupes = len(cohort.results) - scored - failed
    return (
        f"{scored} scored · {failed} failed · {dupes} {'duplicate' if dupes == 1 else 'duplicates'}"
    )


def _reports(cohort: Cohort) -> list[tuple[int, BatchResult, Report]]:
    return [
        (rank, r, r.report)
        for rank, r in enumerate(cohort.ranking, start=1)
        if r.report is not None
    ]


def _top_gaps(report: Report) -> list[str]:
    return [group_label(g, report) for g in unique_gaps(report)[:TOP_GAPS]]


def _duplicates(cohort: Cohort) -> list[BatchResult]:
    return [r for r in cohort.results if r.status == "duplicate"]


def render_cohort_markdown(cohort: Cohort) -> str:
    """The cohort report as GitHub-flavoured Markdown."""
    ranked = _reports(cohort)
    out = [f"# Cohort report: {md_escape(cohort.role_title)}", "", _summary(cohort)]
    if ranked:
        scores = [report.score for _, _, report in ranked]
        out[-1] += f" · median score {median(scores):g}"
        out += ["", "## Score distribution", "", "| Scores | Résumés | |", "|---|---:|---|"]
        counts = cohort.histogram()
        top = max(counts) or 1
        out += [
            f"| {10 * i}–{10 * i + 10 if i < 9 else 100} | {n} | {'█' * round(10 * n / top)} |"
            for i, n in enumerate(counts)
        ]
        out += [
            "",
            "## Ranking",
            "",
            "| # | File | Score | Verdict | Top gaps |",
            "|---:|---|---:|---|---|",
        ]
        out += [
            f"| {rank} | {_md_file(cohort, result.file)} | {report.score} | "
            f"{md_escape(report.verdict)} | "
            f"{', '.join(md_escape(g) for g in _top_gaps(report)) or '—'} |"
            for rank, result, report in ranked
        ]
    if cohort.skills:
        out += [
            "",
            "## Skill coverage, most common gaps first",
            "",
            f"{COVERAGE_LEGEND}",
            "",
            "| Skill | Show it | Share | | Covered by an alternative |",
            "|---|---:|---:|---|---:|",
        ]
        out += [
            f"| {md_escape(s.name)}{'' if s.required else ' *(preferred)*'} | "
            f"{s.have}/{s.total} | {s.share:.0%} | {md_bar(100 * s.share)} | "
            f"{s.covered or ''} |"
            for s in cohort.common_gaps
        ]
    out += cohort_markdown([report for _, _, report in ranked])
    if cohort.failed:
        out += ["", "## Failed files", "", "| File | Error |", "|---|---|"]
        out += [
            f"| {md_inline_code(shown_file(cohort, r.file))} | "
            f"{md_escape(r.error or 'unknown error')} |"
            for r in cohort.failed
        ]
    if dupes := _duplicates(cohort):
        out += ["", "## Duplicates (not scored again)", ""]
        out += [
            f"- {md_inline_code(shown_file(cohort, r.file))}: same file as "
            f"{md_inline_code(shown_file(cohort, r.duplicate_of or ''))}"
            for r in dupes
        ]
    return "\n".join(out) + "\n"


def render_cohort_html(cohort: Cohort) -> str:
    """The cohort report as one self-contained HTML page (same style as the gap report)."""
    ranked = _reports(cohort)
    parts = [
        '<header>\n<p class="eyebrow">cvgap · cohort report</p>\n'
        f'<h1>{e(cohort.role_title)}</h1>\n<p class="muted">{e(_summary(cohort))}</p>\n'
        "</header>"
    ]
    if ranked:
        parts.append(_distribution(cohort, [report.score for _, _, report in ranked]))
        parts.append(section("Ranking", _ranking(cohort, ranked), count=len(ranked)))
    if cohort.skills:
        parts.append(section("Skill coverage", _coverage(cohort)))
    if flags := cohort_html([report for _, _, report in ranked]):
        parts.append(flags)
    if cohort.failed:
        rows_html = "".join(
            f'<tr><td class="file">{e(shown_file(cohort, r.file))}</td>'
            f"<td>{e(r.error or 'unknown error')}</td></tr>"
            for r in cohort.failed
        )
        parts.append(
            section(
                "Failed files",
                '<div class="card table-card"><table><thead><tr><th>File</th><th>Error</th></tr>'
                f"</thead><tbody>{rows_html}</tbody></table></div>",
                count=len(cohort.failed),
            )
        )
    if dupes := _duplicates(cohort):
        items = "".join(
            f'<li><span class="file">{e(shown_file(cohort, r.file))}</span>: same file as '
            f'<span class="file">{e(shown_file(cohort, r.duplicate_of or ""))}</span></li>'
            for r in dupes
        )
        parts.append(section("Duplicates, not scored again", f"<ul>{items}</ul>", count=len(dupes)))
    parts.append(f"<footer>Made offline by cvgap. Scores: {bands_legend()}.</footer>")
    return page(f"cvgap cohort: {cohort.role_title}", "\n".join(parts))


def _distribution(cohort: Cohort, scores: list[int]) -> str:
    bands = dict.fromkeys(BAND_WORD, 0)
    for score in scores:
        bands[band(score)] += 1
    stats = "".join(f"<li><b>{n}</b> {BAND_WORD[b].lower()}</li>" for b, n in bands.items())
    return (
        '<section class="hero card" aria-label="Score distribution">\n'
        f'<div class="hero-text">\n<p class="eyebrow">Median score {median(scores):g} · '
        f"best {max(scores)} · lowest {min(scores)}</p>\n"
        '<p class="verdict">Score distribution</p>\n'
        f'<ul class="stats">{stats}</ul>\n</div>\n'
        f"{svg.histogram(cohort.histogram(), 'Résumés per score band')}\n</section>"
    )


def _ranking(cohort: Cohort, ranked: list[tuple[int, BatchResult, Report]]) -> str:
    rows = []
    for rank, result, report in ranked:
        gaps = ", ".join(_top_gaps(report)) or "—"
        name = shown_file(cohort, result.file)
        rows.append(
            f'<tr><td class="num">{rank}</td>'
            f'<td class="file">{_html_file(cohort, result.file)}</td>'
            f'<td class="num"><b>{report.score}</b></td>'
            f'<td class="minibar">{svg.bar(report.score, name, ticks=())}</td>'
            f'<td><span class="tag {band(report.score)}">{BAND_WORD[band(report.score)]}'
            f"</span></td><td>{e(gaps)}</td></tr>"
        )
    return (
        '<div class="card table-card"><table><thead><tr><th class="num">#</th>'
        '<th>File</th><th class="num">Score</th><th class="minibar"><span class="sr">'
        "Score bar</span></th><th>Verdict</th><th>Top gaps</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
