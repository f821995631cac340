"""Render a :class:`~cvgap.compare.ReportDiff` or :class:`~cvgap.compare.cohort.CohortDiff`
as JSON, Markdown, HTML or a rich terminal view (the same sections in each)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cvgap.compare import ReportDiff, SkillChange
from cvgap.compare.cohort import CohortDiff
from cvgap.report.common import points
from cvgap.report.html import e, html_snippet, page, section, table_card
from cvgap.report.markdown import md_escape, md_inline_code, md_snippet

if TYPE_CHECKING:
    from rich.console import RenderableType

# (title, attribute, what the evidence column shows, mark, rich style)
REPORT_SECTIONS = (
    ("Gaps closed", "gaps_closed", "now", "✔", "green"),
    ("Gaps opened", "gaps_opened", "was", "✘", "red"),
    ("Evidence gained", "evidence_gained", "now", "↑", "green"),
    ("Evidence lost", "evidence_lost", "was", "↓", "bold red"),
)
LOST_HINT = (
    "The new version no longer shows these skills, or shows them weaker: put the line "
    "back, or say it another way."
)
DIFF_WINDOW = 80  # characters of evidence around the match: a diff table has four columns


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _step(c: SkillChange) -> str:
    return f"{c.before} → {c.after}"


def _gain(c: SkillChange) -> str:
    return points(c.points) if c.points else "not asked for by the role"


def diff_json(diff: ReportDiff | CohortDiff) -> str:
    return json.dumps(diff.to_dict(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- one résumé


def diff_markdown(diff: ReportDiff) -> str:
    old, new = diff.old, diff.new
    out = [
        f"# cvgap diff: {md_escape(new.role_title)}",
        "",
        f"**{old.score} → {new.score}/100 ({_signed(diff.score_change)})** · "
        f"{md_escape(new.verdict)}  ",
        f"Old: {md_inline_code(old.file)} · New: {md_inline_code(new.file)}",
    ]
    if diff.unchanged:
        out += ["", "No change: the same score, gaps and evidence."]
    for title, attr, label, _, _ in REPORT_SECTIONS:
        changes: tuple[SkillChange, ...] = getattr(diff, attr)
        if not changes:
            continue
        out += ["", f"## {title} ({len(changes)})", ""]
        if attr == "evidence_lost":
            out += ["> [!WARNING]", f"> {LOST_HINT}", ""]
        out += ["| Skill | Change | Worth | Evidence |", "|---|---|---|---|"]
        for c in changes:
            ev = (
                f"{label}: “{md_snippet(c.evidence, DIFF_WINDOW)}” — {c.evidence.section}, line "
                f"{c.evidence.line}"
                if c.evidence
                else ""
            )
            out.append(f"| {md_escape(c.name)} | {_step(c)} | {_gain(c)} | {ev} |")
    return "\n".join(out) + "\n"


def diff_html(diff: ReportDiff) -> str:
    old, new = diff.old, diff.new
    parts = [
        '<header>\n<p class="eyebrow">cvgap · what changed</p>\n'
        f"<h1>{e(new.role_title)}</h1>\n"
        f'<p class="file">{e(old.file)} → {e(new.file)}</p>\n</header>',
        '<section class="hero card" aria-label="Score change"><div class="hero-text">'
        f'<p class="eyebrow">{old.score} → {new.score}/100</p>'
        f'<p class="verdict">{e(_signed(diff.score_change))} points · {e(new.verdict)}</p>'
        "</div></section>",
    ]
    if diff.unchanged:
        parts.append('<p class="card no-gaps">No change: the same score, gaps and evidence.</p>')
    for title, attr, label, mark, _ in REPORT_SECTIONS:
        changes: tuple[SkillChange, ...] = getattr(diff, attr)
        if not changes:
            continue
        items = []
        for c in changes:
            quote = (
                f"<div><blockquote>{html_snippet(c.evidence, DIFF_WINDOW)}</blockquote>"
                f'<p class="where">{label}: {e(c.evidence.section)}, line {c.evidence.line}'
                "</p></div>"
                if c.evidence
                else ""
            )
            items.append(
                f'<li class="skill {"missing" if mark in "↓✘" else "matched"}">'
                f'<div class="skill-head"><h3><span class="mark">{mark}</span>{e(c.name)}</h3>'
                f'<span class="tag">{e(_step(c))}</span>'
                f'<span class="weight">{e(_gain(c))}</span></div>'
                f'<div class="evidence">{quote}</div></li>'
            )
        hint = f'<p class="legend">{e(LOST_HINT)}</p>' if attr == "evidence_lost" else ""
        parts.append(
            section(
                title,
                f'{hint}<ul class="skills card">\n' + "\n".join(items) + "\n</ul>",
                count=len(changes),
            )
        )
    return page(f"cvgap diff: {old.file} → {new.file}", "\n".join(parts))


def diff_view(diff: ReportDiff) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from cvgap.report.terminal import heading, score_style
    from cvgap.report.terminal_evidence import EvidenceLine

    old, new = diff.old, diff.new
    change_style = "green" if diff.score_change > 0 else "red" if diff.score_change < 0 else "dim"
    parts: list[RenderableType] = [
        Text.assemble(("cvgap diff", "bold"), " · ", new.role_title),
        Text.assemble(
            (f"{old.score}", score_style(old.score)),
            " → ",
            (f"{new.score}", f"bold {score_style(new.score)}"),
            ("/100  ", "dim"),
            (_signed(diff.score_change), f"bold {change_style}"),
            "  ",
            new.verdict,
        ),
        Text.assemble((old.file, "dim"), " → ", new.file),
    ]
    if diff.unchanged:
        parts += [Text(), Text("No change: the same score, gaps and evidence.")]
    for title, attr, label, mark, style in REPORT_SECTIONS:
        changes: tuple[SkillChange, ...] = getattr(diff, attr)
        if not changes:
            continue
        parts += [Text(), heading(f"{title} ({len(changes)})")]
        if attr == "evidence_lost":
            parts.append(Text(LOST_HINT, style="yellow"))
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, style="dim")
        table.add_column(justify="right", no_wrap=True)
        table.add_column(ratio=1, no_wrap=True)
        for c in changes:
            place = Text(f"{label} {evidence_place_of(c)}  ", style="dim") if c.evidence else Text()
            table.add_row(
                Text.assemble((f"{mark} ", style), c.name),
                _step(c),
                f"+{c.points}" if c.points else "",
                EvidenceLine(c.evidence, place),
            )
        parts.append(table)
    return Group(*parts)


def evidence_place_of(c: SkillChange) -> str:
    if c.evidence is None:
        return ""
    return f"{c.evidence.section}:{c.evidence.line}"


# --------------------------------------------------------------------------- cohorts


def cohort_markdown(diff: CohortDiff) -> str:
    out = [
        f"# cvgap cohort diff: {md_escape(diff.role_title)}",
        "",
        f"Old: {md_inline_code(diff.old_path)} ({diff.old_scored} scored) · "
        f"New: {md_inline_code(diff.new_path)} ({diff.new_scored} scored) · "
        f"{diff.unchanged} unchanged",
    ]
    rows = [*diff.moves, *diff.added, *diff.removed]
    if rows:
        out += ["", "## Who moved", "", "| Résumé | Before | After | Change |", "|---|--:|--:|--:|"]
        out += [
            f"| {md_escape(m.file)} | {'' if m.before is None else m.before} | "
            f"{'' if m.after is None else m.after} | "
            f"{_cohort_change(m.before, m.after, m.change)} |"
            for m in rows
        ]
    if diff.skills:
        out += [
            "",
            "## Cohort gaps",
            "",
            "| Skill | Show it before | Show it after | Closed | Opened |",
            "|---|--:|--:|--:|--:|",
        ]
        out += [
            f"| {md_escape(s.name)} | {s.before}/{diff.old_scored} | {s.after}/{diff.new_scored} "
            f"| {s.closed} | {s.opened} |"
            for s in diff.skills
        ]
    return "\n".join(out) + "\n"


def cohort_html(diff: CohortDiff) -> str:
    parts = [
        '<header>\n<p class="eyebrow">cvgap · cohort, what changed</p>\n'
        f"<h1>{e(diff.role_title)}</h1>\n"
        f'<p class="file">{e(diff.old_path)} → {e(diff.new_path)}</p>\n</header>'
    ]
    rows = [*diff.moves, *diff.added, *diff.removed]
    if rows:
        cells = [
            [
                e(m.file),
                "" if m.before is None else str(m.before),
                "" if m.after is None else str(m.after),
                _cohort_change(m.before, m.after, m.change),
            ]
            for m in rows
        ]
        table = table_card(["Résumé", "Before", "After", "Change"], cells)
        parts.append(section("Who moved", table, count=len(rows)))
    if diff.skills:
        cells = [
            [
                e(s.name),
                f"{s.before}/{diff.old_scored}",
                f"{s.after}/{diff.new_scored}",
                str(s.closed),
                str(s.opened),
            ]
            for s in diff.skills
        ]
        headers = ["Skill", "Show it before", "Show it after", "Closed", "Opened"]
        parts.append(section("Cohort gaps", table_card(headers, cells)))
    return page(f"cvgap cohort diff: {diff.old_path} → {diff.new_path}", "\n".join(parts))


def _cohort_change(before: int | None, after: int | None, change: int) -> str:
    if before is None:
        return "new"
    if after is None:
        return "gone"
    return _signed(change)


def cohort_view(diff: CohortDiff) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from cvgap.report.terminal import heading

    parts: list[RenderableType] = [
        Text.assemble(("cvgap cohort diff", "bold"), " · ", diff.role_title),
        Text(
            f"{diff.old_path} ({diff.old_scored} scored) → {diff.new_path} "
            f"({diff.new_scored} scored) · {diff.unchanged} unchanged",
            style="dim",
        ),
    ]
    rows = [*diff.moves, *diff.added, *diff.removed]
    if rows:
        table = Table(box=None, header_style="bold", pad_edge=False)
        for column in ("Résumé", "Before", "After", "Change"):
            table.add_column(column, justify="left" if column == "Résumé" else "right")
        for m in rows:
            change = _cohort_change(m.before, m.after, m.change)
            style = "green" if m.change > 0 else "red" if m.change < 0 else ""
            table.add_row(
                Text(m.file),
                "" if m.before is None else str(m.before),
                "" if m.after is None else str(m.after),
                Text(change, style=style),
            )
        parts += [Text(), heading(f"Who moved ({len(rows)})"), table]
    if diff.skills:
        table = Table(box=None, header_style="bold", pad_edge=False)
        for column in ("Skill", "Show it before", "Show it after", "Closed", "Opened"):
            table.add_column(column, justify="left" if column == "Skill" else "right")
        for s in diff.skills:
            table.add_row(
                s.name,
                f"{s.before}/{diff.old_scored}",
                f"{s.after}/{diff.new_scored}",
                str(s.closed),
                str(s.opened),
            )
        parts += [Text(), heading("Cohort gaps"), table]
    return Group(*parts)


__all__ = [
    "cohort_html",
    "cohort_markdown",
    "cohort_view",
    "diff_html",
    "diff_json",
    "diff_markdown",
    "diff_view",
]
