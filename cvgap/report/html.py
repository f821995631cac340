"""The HTML gap report: one self-contained page (inline CSS and SVG, no script, no font or
image from anywhere), light and dark, one column on phones, clean when printed to PDF.

Every piece of text that comes from a résumé, a file name or the taxonomy goes through
:func:`e` (``html.escape``); the markup around it is ours. A Content-Security-Policy
``<meta>`` forbids any request, so even a mistake here cannot reach the network.
"""

from __future__ import annotations

from html import escape

from cvgap.report import svg
from cvgap.report.common import (
    BAND_TICKS,
    BAND_WORD,
    DEFAULT_TOP,
    NO_GAPS,
    STATUS_LABEL,
    STATUS_MARK,
    band,
    bands_legend,
    credits_legend,
    fold_gaps,
    folded_summary,
    group_label,
    impact,
    points,
    shown_skills,
    unique_gaps,
)
from cvgap.report.css import CSS
from cvgap.report.snippet import snippet_markup
from cvgap.types import Evidence, Report, SkillResult

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
MAX_QUOTES = 2  # evidence lines shown per skill
WINDOW = 160  # characters of evidence shown around the match


def e(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return escape(str(text), quote=True)


def page(title: str, body: str) -> str:
    """A complete HTML document around ``body`` (already-escaped markup)."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="cvgap">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def section(title: str, inner: str, *, count: int | None = None, cls: str = "") -> str:
    badge = f' <span class="count">{count}</span>' if count is not None else ""
    attr = f' class="{cls}"' if cls else ""
    return f"<section{attr}>\n<h2>{e(title)}{badge}</h2>\n{inner}\n</section>"


def coverage_bars(rows: list[tuple[str, float, str]]) -> str:
    """Labelled 0-100 bars: ``(label, value, value text)`` per row."""
    out = ['<div class="bars card">']
    out += [
        f'<div class="row"><span class="label">{e(label)}</span>'
        f"{svg.bar(value, label)}"
        f'<span class="pct">{e(text)}</span></div>'
        for label, value, text in rows
    ]
    out.append("</div>")
    return "\n".join(out)


def table_card(headers: list[str], rows: list[list[str]], *, numeric: int = 1) -> str:
    """A table in a card: ``headers`` as text, ``rows`` of cells already escaped; the
    columns from index ``numeric`` on are right-aligned numbers."""
    num = ' class="num"'

    def cells(tag: str, values: list[str]) -> str:
        return "".join(
            f"<{tag}{num if i >= numeric else ''}>{v}</{tag}>" for i, v in enumerate(values)
        )

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return (
        f'<div class="card table-card"><table><thead><tr>{cells("th", [e(h) for h in headers])}'
        f"</tr></thead><tbody>{body}</tbody></table></div>"
    )


def chips(items: list[str]) -> str:
    return '<ul class="chips">' + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"


def folded_details(summary: str, gaps: str) -> str:
    """The folded gaps (``gaps``: their list's markup) in a ``<details>`` that ``summary``
    names; the numbering goes on from the gaps shown above it."""
    return f'<details class="more-gaps"><summary>{e(summary)}</summary>\n{gaps}\n</details>'


def render_html(report: Report, *, top: int = DEFAULT_TOP) -> str:
    """The report as one self-contained HTML page; gaps after the ``top`` ones are folded
    in a ``<details>``."""
    if report.job is not None:  # against a job posting: its own layout
        from cvgap.report.job_html import render_job_html

        return render_job_html(report, top=top)
    gaps = unique_gaps(report)
    matched, implied = shown_skills(report, "matched"), shown_skills(report, "implied")
    parts = [
        '<header>\n<p class="eyebrow">cvgap · skill-gap report</p>\n'
        f'<h1>{e(report.role_title)}</h1>\n<p class="file">{e(report.file)}</p>\n</header>',
        hero(report, _stats(len(matched), len(implied), len(gaps))),
    ]
    if report.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in report.warnings)
        parts.append(
            '<section class="warnings card" role="note">\n'
            f"<h2>⚠ Read with care</h2>\n<ul>{items}</ul>\n</section>"
        )
    rows = [(c.name, float(c.score), f"{c.score}%") for c in report.categories]
    legend = (
        '<p class="legend">Share of each category’s weighted requirements the résumé '
        f"covers. Ticks mark {', '.join(map(str, BAND_TICKS[:-1]))} and {BAND_TICKS[-1]}.</p>"
    )
    if rows:
        parts.append(section("Coverage by category", coverage_bars(rows) + legend))
    if gaps:
        shown, folded = fold_gaps(gaps, top)
        inner = _gaps(report, shown) if shown else ""
        if folded:
            inner += "\n" + folded_details(folded_summary(folded, report), _gaps(report, folded))
        parts.append(section("What to add, by impact", inner, count=len(gaps)))
    elif report.skills:
        parts.append(f'<p class="card no-gaps">✔ {e(NO_GAPS)}</p>')
    for title, skills in (("Matched skills", matched), ("Implied skills", implied)):
        if skills:
            items = "\n".join(_skill(s) for s in skills)
            parts.append(
                section(title, f'<ul class="skills card">\n{items}\n</ul>', count=len(skills))
            )
    if report.extra_skills:
        parts.append(
            section(
                "Other skills found",
                chips([s.name for s in report.extra_skills])
                + '<p class="legend">Not asked for by this role.</p>',
            )
        )
    if report.intents:
        parts.append(
            section(
                "Mentioned as an intention, not counted",
                chips([s.name for s in report.intents])
                + '<p class="legend">“Want to learn…” or “no experience with…”: '
                "show it in a project to count it.</p>",
            )
        )
    if report.ats is not None:
        from cvgap.report.ats import ats_html

        parts.append(ats_html(report.ats))
    parts.append(
        f"<footer>Made offline by cvgap. Scores: {bands_legend()}. {credits_legend()}</footer>"
    )
    return page(f"cvgap: {report.file} · {report.role_title}", "\n".join(parts))


def _stats(matched: int, implied: int, gaps: int) -> str:
    return (
        '<ul class="stats">'
        f'<li class="matched"><b>{matched}</b> matched</li>'
        f'<li class="implied"><b>{implied}</b> implied</li>'
        f'<li class="{"missing" if gaps else "none"}"><b>{gaps}</b> '
        f"{'gap' if gaps == 1 else 'gaps'}</li></ul>"
    )


def hero(report: Report, detail: str) -> str:
    """The score card: the gauge, the band and score, the verdict, then ``detail`` (HTML:
    the counts of a role report, the tier coverage of a posting report)."""
    return (
        f'<section class="hero card {band(report.score)}" aria-label="Score">\n'
        f"{svg.gauge(report.score)}\n"
        f'<div class="hero-text">\n<p class="eyebrow">{BAND_WORD[band(report.score)]} '
        f"match · {report.score}/100</p>\n"
        f'<p class="verdict">{e(report.verdict)}</p>\n'
        f"{detail}\n</div>\n</section>"
    )


def _gaps(report: Report, gaps: list[SkillResult]) -> str:
    out = ['<ol class="gaps">']
    for g in gaps:
        kind = "required" if g.required else "preferred"
        out.append(
            f'<li class="gap card {kind}">\n<div class="gap-head">'
            f"<h3>{e(group_label(g, report))}</h3>"
            f'<span class="tag {kind}">{kind}</span>'
            f'<span class="gain" title="score points an applied mention would add">'
            f"{e(points(impact(g, report)))}</span></div>\n"
            f"<p>{e(g.suggestion)}</p>\n</li>"
        )
    out.append("</ol>")
    return "\n".join(out)


def html_snippet(ev: Evidence, width: int = WINDOW) -> str:
    """The evidence window, escaped, with the matched words in ``<mark>``."""
    return snippet_markup(ev, width, e, lambda match: f"<mark>{e(match)}</mark>")


def _quote(ev: Evidence) -> str:
    place = f"{e(ev.section)}, line {ev.line}"
    where = f"implied by {e(ev.implied_by)} · {place}" if ev.implied_by else f"{place} · {ev.usage}"
    return f'<div><blockquote>{html_snippet(ev)}</blockquote><p class="where">{where}</p></div>'


def _skill(s: SkillResult) -> str:
    quotes = "".join(_quote(ev) for ev in s.evidence[:MAX_QUOTES])
    tags = [] if s.required else ['<span class="tag">preferred</span>']
    if s.status == "matched" and s.evidence and all(ev.usage == "listed" for ev in s.evidence):
        tags.append(
            '<span class="tag" title="show it in a project or job bullet for full '
            'credit">listed only</span>'
        )
    return (
        f'<li class="skill {s.status}">\n<div class="skill-head">'
        f'<h3><span class="mark" role="img" aria-label="{STATUS_LABEL[s.status]}">'
        f"{STATUS_MARK[s.status]}</span>{e(s.name)}</h3>{''.join(tags)}"
        f'<span class="weight">weight {s.weight:g}</span></div>\n'
        f'<div class="evidence">{quotes}</div>\n</li>'
    )
