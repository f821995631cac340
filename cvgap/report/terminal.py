"""The rich terminal view of a gap report. Résumé text never goes through markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cvgap.report.markdown import group_label, unique_gaps
from cvgap.types import Report, SkillResult

_STATUS_STYLE = {"matched": ("✔ matched", "green"), "implied": ("≈ implied", "cyan"),
                 "missing": ("✘ missing", "red")}


def _score_style(score: int) -> str:
    return "green" if score >= 80 else "yellow" if score >= 60 else "dark_orange" \
        if score >= 40 else "red"


def _bar(score: int, width: int = 20) -> Text:
    filled = round(score / 100 * width)
    return Text("█" * filled, style=_score_style(score)) + Text("░" * (width - filled),
                                                                style="dim")


def render_report(report: Report) -> RenderableType:
    """A rich renderable: score panel, category bars, skills, gaps, extras, warnings."""
    head = Text.assemble(
        (f"{report.score}", f"bold {_score_style(report.score)}"), ("/100  ", "bold"),
        (report.verdict, "bold"), "\n", ("Role: ", "dim"), report.role_title,
        ("   File: ", "dim"), report.file,
    )
    parts: list[RenderableType] = [Panel(head, title="cvgap", title_align="left",
                                         border_style=_score_style(report.score))]
    cats = Table(title="Coverage by category", title_justify="left", show_header=False,
                 box=None, padding=(0, 1))
    for c in report.categories:
        cats.add_row(Text(c.name), _bar(c.score), Text(f"{c.score:>3}%"))
    parts.append(cats)
    parts.append(_skills_table(report))
    gaps = unique_gaps(report)
    if gaps:
        table = Table(title="What to add (heaviest first)", title_justify="left",
                      show_lines=False, expand=True)
        table.add_column("Skill", ratio=1, no_wrap=False)
        table.add_column("Weight", justify="right")
        table.add_column("Suggestion", ratio=3)
        for g in gaps:
            name = Text(group_label(g, report))
            if not g.required:
                name.append(" (preferred)", style="dim")
            table.add_row(name, f"{g.weight:g}", Text(g.suggestion))
        parts.append(table)
    if report.extra_skills:
        parts.append(Text.assemble(("Other skills found: ", "bold"),
                                   ", ".join(s.name for s in report.extra_skills)))
    if report.intents:
        parts.append(Text.assemble(("Mentioned as intent, not counted: ", "bold"),
                                   ", ".join(s.name for s in report.intents)))
    for warning in report.warnings:
        parts.append(Text.assemble(("warning: ", "bold yellow"), warning))
    return Group(*parts)


def _skills_table(report: Report) -> Table:
    table = Table(title="Skills the role asks for", title_justify="left", expand=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Skill", ratio=1)
    table.add_column("W", justify="right")
    table.add_column("Evidence (line, section)", ratio=3)
    for s in report.skills:
        if s.covered_by is not None:
            continue
        label, style = _STATUS_STYLE[s.status]
        table.add_row(Text(label, style=style), _name(s), f"{s.weight:g}", _evidence(s))
    return table


def _name(s: SkillResult) -> Text:
    name = Text(s.name)
    if not s.required:
        name.append(" (preferred)", style="dim")
    return name


def _evidence(s: SkillResult) -> Text:
    if not s.evidence:
        return Text("")
    ev = s.evidence[0]
    text = Text(f"L{ev.line} {ev.section}: ", style="dim")
    if ev.via:
        text.append(f"via {ev.via}: ", style="cyan")
    text.append(ev.text, style="dim" if s.status == "implied" else "")
    return text
