"""The rich terminal view of a gap report.

:class:`ReportView` lays itself out for the width it is given (80 columns and up get tables
side by side with evidence; narrow terminals get stacked lists). Résumé text is only ever
put in :class:`~rich.text.Text` objects, never parsed as markup, so ``[bold]`` prints as
written. Colour is a bonus: every status also has a mark (✔ ≈ ✘) so ``NO_COLOR`` loses
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from cvgap.report.common import (
    DEFAULT_TOP,
    NO_GAPS,
    STATUS_MARK,
    band,
    evidence_place,
    fold_gaps,
    folded_summary,
    group_label,
    impact,
    shown_skills,
    unique_gaps,
)
from cvgap.report.terminal_evidence import EvidenceLine
from cvgap.types import Report, SkillResult

BAND_STYLE = {"strong": "green", "good": "yellow", "partial": "dark_orange", "weak": "red"}
STATUS_STYLE = {"matched": "green", "implied": "cyan", "missing": "red"}
NARROW = 60  # below this many columns, tables become stacked lists


def score_style(score: int) -> str:
    """The colour of a 0-100 score's verdict band."""
    return BAND_STYLE[band(score)]


def bar(score: float, width: int) -> Text:
    """A 0-100 value as ``width`` cells of █ (coloured by band) and ░ (dim)."""
    filled = round(score / 100 * width)
    return Text.assemble(("█" * filled, score_style(round(score))), ("░" * (width - filled), "dim"))


def heading(title: str) -> Rule:
    """A section heading: a dim rule with the title at the left."""
    return Rule(Text(title, style="bold"), align="left", style="dim", characters="─")


def folded_line(summary: str, total: int) -> Text:
    """The line that counts the folded gaps (``summary``) and says how to see all ``total``."""
    return Text.assemble(
        ("+ ", "dim"), (summary, "bold"), (f" (--top {total} lists them; JSON has all)", "dim")
    )


def render_report(report: Report, *, top: int = DEFAULT_TOP) -> RenderableType:
    """A rich renderable: score panel, warnings, category bars, the ``top`` gaps (the rest
    counted), skills with evidence."""
    if report.job is not None:  # against a job posting: its own layout
        from cvgap.report.job_terminal import JobReportView

        return JobReportView(report, top=top)
    return ReportView(report, top=top)


class ReportView:
    """The whole report; renders for the width of the console (or container) it is given."""

    def __init__(self, report: Report, *, top: int = DEFAULT_TOP) -> None:
        self.report = report
        self.top = top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        report, width = self.report, options.max_width
        yield score_panel(report, width)
        for warning in report.warnings:
            yield Text.assemble(("⚠ warning: ", "bold yellow"), warning)
        if report.categories:
            yield Text()
            yield heading("Coverage by category")
            yield category_bars(report, width)
        gaps, folded = fold_gaps(unique_gaps(report), self.top)
        if gaps or folded:
            yield Text()
            yield heading("What to add, by impact")
        if gaps:
            yield gap_table(report, gaps, width)
        if folded:
            yield folded_line(folded_summary(folded, report), len(gaps) + len(folded))
        if not gaps and not folded and report.skills:
            yield Text()
            yield Text.assemble(("✔ ", "green"), (NO_GAPS, "bold"))
        matched, implied = shown_skills(report, "matched"), shown_skills(report, "implied")
        both = matched + implied  # one set of column widths, so the two lists line up
        name_w = min(max((len(_skill_name(s)) for s in both), default=10), 24, width // 3)
        place_w = max((len(_place(s)) for s in both), default=5)
        for title, skills in (("Matched skills", matched), ("Implied skills", implied)):
            if skills:
                yield Text()
                yield heading(f"{title} ({len(skills)})")
                yield skill_list(skills, width, name_width=name_w, place_width=place_w)
        for label, items in (
            ("Other skills found", report.extra_skills),
            ("Mentioned as an intention, not counted", report.intents),
        ):
            if items:
                yield Text()
                yield Text.assemble((f"{label}: ", "bold"), ", ".join(s.name for s in items))
        if report.ats is not None:
            from cvgap.report.ats import ats_renderables

            yield from ats_renderables(report.ats)


def score_panel(report: Report, width: int) -> Panel:
    style = score_style(report.score)
    gaps = len(unique_gaps(report))
    head = Text.assemble(
        (f"{report.score}", f"bold {style}"), ("/100  ", "dim"), (report.verdict, "bold")
    )
    counts = Text.assemble(
        f"{len(shown_skills(report, 'matched'))} matched",
        ("  ·  ", "dim"),
        f"{len(shown_skills(report, 'implied'))} implied",
        ("  ·  ", "dim"),
        (f"{gaps} {'gap' if gaps == 1 else 'gaps'}", "bold red" if gaps else "green"),
    )
    inner = max(10, width - 4)
    if len(report.file) + 5 + len(counts) <= inner:
        meta = Text.assemble(report.file, ("  ·  ", "dim"), counts)
    else:
        meta = Text.assemble(report.file, "\n", counts)
    return Panel(
        Group(head, bar(report.score, inner), meta),
        title=Text.assemble(("cvgap", "bold"), " · ", report.role_title),
        title_align="left",
        border_style=style,
        box=box.ROUNDED,
    )


def category_bars(report: Report, width: int) -> RenderableType:
    names = [c.name for c in report.categories]
    name_w = min(max((len(n) for n in names), default=10), 32, max(10, width // 2 - 4))
    bar_w = max(8, min(50, width - name_w - 8))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=name_w, no_wrap=True, overflow="ellipsis")
    grid.add_column(width=bar_w, no_wrap=True)
    grid.add_column(justify="right", width=4, no_wrap=True)
    for c in report.categories:
        grid.add_row(Text(c.name), bar(c.score, bar_w), Text(f"{c.score}%", style="bold"))
    return grid


def _gap_name(gap: SkillResult, report: Report) -> Text:
    name = Text(group_label(gap, report), style="bold")
    if not gap.required:
        name.append(" (preferred)", style="dim")
    return name


def gap_table(report: Report, gaps: list[SkillResult], width: int) -> RenderableType:
    if width < NARROW:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True)
        grid.add_column(ratio=1)
        for n, gap in enumerate(gaps, start=1):
            name = _gap_name(gap, report)
            name.append(f"  +{impact(gap, report)}", style="bold")
            grid.add_row(f"{n}.", Group(name, Text(gap.suggestion)))
        return grid
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
        padding=(0, 1),
    )
    table.add_column("Skill", ratio=2)
    table.add_column("Gain", justify="right", no_wrap=True)
    table.add_column("Suggestion", ratio=5)
    for gap in gaps:
        table.add_row(
            _gap_name(gap, report),
            Text(f"+{impact(gap, report)}", style="bold"),
            Text(gap.suggestion),
        )
    table.caption = "Gain: score points an applied mention would add (at most)."
    table.caption_justify = "left"
    table.caption_style = "dim"
    return table


def _place(s: SkillResult) -> Text:
    return Text(evidence_place(s).replace(", line ", ":"), style="dim")


def _evidence(s: SkillResult, prefix: Text | None = None) -> EvidenceLine:
    return EvidenceLine(s.evidence[0] if s.evidence else None, prefix or Text())


def _skill_name(s: SkillResult) -> Text:
    return Text.assemble((STATUS_MARK[s.status] + " ", STATUS_STYLE[s.status]), s.name)


def skill_list(
    skills: Iterable[SkillResult],
    width: int,
    *,
    name_width: int | None = None,
    place_width: int | None = None,
) -> RenderableType:
    """One row per skill: mark, name, weight, where, then its evidence (dim, cut to fit)."""
    skills = list(skills)
    table = Table(box=None, expand=True, header_style="dim", padding=(0, 1), pad_edge=False)
    if width < NARROW:
        table.add_column("Skill and evidence", ratio=1)
        table.add_column("Weight", justify="right", no_wrap=True)
        for s in skills:
            evidence = _evidence(s, _place(s) + Text("  "))
            table.add_row(Group(_skill_name(s), Padding(evidence, (0, 0, 0, 2))), f"{s.weight:g}")
        return table
    if name_width is None:
        name_width = min(max((len(_skill_name(s)) for s in skills), default=10), 24, width // 3)
    table.add_column("Skill", width=name_width)
    table.add_column("Weight", justify="right", no_wrap=True)
    table.add_column("Where", no_wrap=True, min_width=place_width)
    table.add_column("Evidence", ratio=1, no_wrap=True, overflow="ellipsis")
    for s in skills:
        table.add_row(_skill_name(s), f"{s.weight:g}", _place(s), _evidence(s))
    return table
