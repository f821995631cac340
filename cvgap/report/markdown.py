"""Markdown rendering of a gap report (GitHub-flavoured: tables, alerts).

Résumé text is escaped with :func:`md_escape`, which backslash-escapes only the characters
that would change how GitHub renders the line, so the raw Markdown stays readable.
"""

from __future__ import annotations

import re

from cvgap.report.common import (
    DEFAULT_TOP,
    NO_GAPS,
    evidence_place,
    fold_gaps,
    folded_summary,
    group_label,
    impact,
    one_line,
    points,
    shown_skills,
    unique_gaps,
)
from cvgap.report.snippet import snippet_markup
from cvgap.types import Evidence, Report, SkillResult

__all__ = ["group_label", "md_escape", "md_inline_code", "render_markdown", "unique_gaps"]

# Always special inline: code spans, emphasis/strike, links/images, raw HTML and autolinks,
# table cells, math. "_" only at a word edge (snake_case stays as written); "\" only where
# it would escape the next character; "&" only where it would start an entity.
_INLINE = re.compile(
    r"[`*~\[\]<|$]"
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"
    r"|\\(?=[!-/:-@\[-`{-~])"
    r"|&(?=#?[A-Za-z0-9]+;)"
)
# At the start of a line's content: headings, quotes, list items, thematic breaks.
_BLOCK_START = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")
BAR_CELLS = 10
WINDOW = 120  # characters of evidence shown around the match


def md_escape(text: str) -> str:
    """Escape text so GitHub shows it as written: no links, HTML, emphasis or tables.

    >>> md_escape("C++ (OpenCV) and <script>, [bold] | *x* snake_case")
    'C++ (OpenCV) and \\\\<script>, \\\\[bold\\\\] \\\\| \\\\*x\\\\* snake_case'
    """
    text = _INLINE.sub(lambda m: "\\" + m.group(0), one_line(text))
    return _BLOCK_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    sign, number, dot = match.groups()
    return "\\" + sign if sign else f"{number}\\{dot}"


def md_inline_code(text: str) -> str:
    """``text`` as a code span, with a fence longer than any backtick run inside it."""
    text = one_line(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_bar(score: float, cells: int = BAR_CELLS) -> str:
    """A 0-100 value as a bar of block characters."""
    filled = round(score / 100 * cells)
    return "█" * filled + "░" * (cells - filled)


def _md_piece(text: str) -> str:
    """``md_escape`` that keeps the spaces at the edges (they separate the pieces)."""
    core = md_escape(text) if text.strip() else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and core else ""
    return f"{lead}{core}{trail}" if core else (" " if text else "")


def md_snippet(ev: Evidence, width: int = WINDOW) -> str:
    """The evidence window with the matched words in bold."""
    return snippet_markup(ev, width, _md_piece, lambda match: f"**{md_escape(match)}**").strip()


def _evidence(s: SkillResult) -> str:
    if not s.evidence:
        return ""
    return f"“{md_snippet(s.evidence[0])}” — {evidence_place(s)}"


def _gap_item(n: int, g: SkillResult, report: Report) -> str:
    kind = "required" if g.required else "preferred"
    return (
        f"{n}. **{md_escape(group_label(g, report))}** ({kind}, "
        f"{points(impact(g, report))}): {md_escape(g.suggestion)}"
    )


def md_folded(summary: str, items: list[str]) -> list[str]:
    """The lines of the folded gaps' ``items`` in a ``<details>`` that ``summary`` names."""
    return ["", f"<details><summary>{summary}</summary>", "", *items, "", "</details>"]


def render_markdown(report: Report, *, top: int = DEFAULT_TOP) -> str:
    """The report as GitHub-flavoured Markdown; gaps after the ``top`` ones are folded."""
    if report.job is not None:  # against a job posting: its own layout
        from cvgap.report.job_markdown import render_job_markdown

        return render_job_markdown(report, top=top)
    matched, implied = shown_skills(report, "matched"), shown_skills(report, "implied")
    gaps = unique_gaps(report)
    out = [
        f"# cvgap report: {md_escape(report.role_title)}",
        "",
        f"**{report.score}/100 · {md_escape(report.verdict)}**  ",
        f"File: {md_inline_code(report.file)} · {len(matched)} matched · "
        f"{len(implied)} implied · {len(gaps)} {'gap' if len(gaps) == 1 else 'gaps'}",
    ]
    if report.warnings:
        out += ["", "> [!WARNING]"]
        out += [f"> {md_escape(w)}  " for w in report.warnings]
        out[-1] = out[-1].rstrip()
    if report.categories:
        out += ["", "## Coverage by category", "", "| Category | Coverage | |", "|---|---:|---|"]
        out += [
            f"| {md_escape(c.name)} | {c.score}% | {md_bar(c.score)} |" for c in report.categories
        ]
    if report.skills and not gaps:
        out += ["", f"**{NO_GAPS}**"]
    if gaps:
        shown, folded = fold_gaps(gaps, top)
        out += ["", "## What to add, by impact", ""]
        out += [_gap_item(n, g, report) for n, g in enumerate(shown, start=1)]
        if folded:
            out += md_folded(
                folded_summary(folded, report),
                [_gap_item(n, g, report) for n, g in enumerate(folded, start=len(shown) + 1)],
            )
    for title, skills in (("Matched skills", matched), ("Implied skills", implied)):
        if not skills:
            continue
        out += [
            "",
            f"## {title} ({len(skills)})",
            "",
            "| Skill | Weight | Evidence |",
            "|---|---:|---|",
        ]
        for s in skills:
            name = md_escape(s.name) + ("" if s.required else " *(preferred)*")
            if s.evidence and s.evidence[0].implied_by:
                name += f" — via {md_escape(s.evidence[0].implied_by)}"
            out.append(f"| {name} | {s.weight:g} | {_evidence(s)} |")
    if report.extra_skills:
        out += [
            "",
            "## Other skills found",
            "",
            ", ".join(md_escape(s.name) for s in report.extra_skills),
        ]
    if report.intents:
        out += [
            "",
            "## Mentioned as an intention, not counted",
            "",
            ", ".join(md_escape(s.name) for s in report.intents),
        ]
    if report.ats is not None:
        from cvgap.report.ats import ats_markdown

        out += ats_markdown(report.ats)
    return "\n".join(out) + "\n"
