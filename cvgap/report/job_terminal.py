"""The rich terminal view of reports against job postings: one posting
(:class:`JobReportView`, used by :func:`cvgap.report.terminal.render_report` for a report
with a ``job``) and a ranking of several (:func:`render_ranking`).

Posting and résumé text only ever goes into :class:`~rich.text.Text`, never markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from cvgap.report.common import DEFAULT_TOP, fold_gaps
from cvgap.report.job_common import (
    CHECK_LABEL,
    CHECK_MARK,
    UNMAPPED_NOTE,
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
from cvgap.report.terminal import (
    NARROW,
    bar,
    folded_line,
    heading,
    score_panel,
    score_style,
)
from cvgap.types import Report
from cvgap.types.job_match import JobGap, JobMatch, JobRanking

ROW_STYLE = {
    "matched": "green",
    "listed-only": "yellow",
    "implied": "cyan",
    "missing": "red",
    "covered": "dim",
}
CHECK_STYLE = {"met": "green", "not-met": "red", "unknown": "yellow"}
SIDE_BY_SIDE = 110  # from this many columns, the posting and résumé lines sit side by side


class JobReportView:
    """A report against one posting; lays itself out for the width it is given."""

    def __init__(self, report: Report, *, top: int = DEFAULT_TOP) -> None:
        self.report = report
        self.top = top

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        report, width = self.report, options.max_width
        job = job_of(report)
        yield score_panel(report, width)
        yield coverage_bars(job, width)
        for warning in report.warnings:
            yield Text.assemble(("⚠ warning: ", "bold yellow"), warning)
        for warning in job.posting.warnings:
            yield Text.assemble(("⚠ posting: ", "bold yellow"), warning)
        if job.gaps:
            yield Text()
            yield heading("What to change before applying")
            in_full, folded = fold_gaps(job.gaps, self.top)
            if in_full:
                yield gap_table(in_full, width)
            if folded:
                yield folded_line(folded_job_gaps(folded), len(job.gaps))
        elif job.requirements:
            yield Text()
            yield Text.assemble(
                ("✔ ", "green"), ("No gaps: the résumé shows every requirement.", "bold")
            )
        if job.requirements:
            yield Text()
            yield heading(f"Requirements ({len(job.requirements)})")
            yield requirement_table(job, width)
            if has_unmapped(job):
                yield Text(UNMAPPED_NOTE, style="dim")
        if job.checks:
            yield Text()
            yield heading("Degree and experience")
            yield check_table(job, width)
        shown = job.shown_duties
        if shown:
            yield Text()
            yield heading(f"Duties of the job you already show ({len(shown)})")
            grid = Table.grid(padding=(0, 1))
            name_w = min(28, max(len(d.duty.name) for d in shown) + 2)
            grid.add_column(no_wrap=True, min_width=name_w, max_width=name_w)
            grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
            for d in shown:
                grid.add_row(
                    Text.assemble(("✔ ", "green"), d.duty.name),
                    Text(resume_quote(d.evidence), style="dim italic"),
                )
            yield grid
        if report.intents:
            yield Text()
            yield Text.assemble(
                ("Mentioned as an intention, not counted: ", "bold"),
                ", ".join(s.name for s in report.intents),
            )
        if report.ats is not None:
            from cvgap.report.ats import ats_renderables

            yield from ats_renderables(report.ats)
        yield Text()
        yield Text(weights_note(job), style="dim")


def coverage_bars(job: JobMatch, width: int) -> RenderableType:
    bar_w = max(8, min(40, width - 24))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=10, no_wrap=True)
    grid.add_column(width=bar_w, no_wrap=True)
    grid.add_column(justify="right", width=5, no_wrap=True)
    for label, value in (
        ("Required", job.coverage.required),
        ("Preferred", job.coverage.preferred),
    ):
        if value is not None:
            grid.add_row(Text(label, style="bold"), bar(value, bar_w), Text(f"{value}%"))
    return grid


def gap_table(gaps: list[JobGap], width: int) -> RenderableType:
    table = _table()
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column("Requirement", ratio=2)
    table.add_column("Gain", justify="right", no_wrap=True)
    if width >= NARROW:
        table.add_column("What to do", ratio=5)
    for n, g in enumerate(gaps, start=1):
        name = Text(g.label, style="bold")
        name.append(f" ({g.tier}{', listed only' if g.kind == 'listed-only' else ''})", style="dim")
        cells: list[RenderableType] = [str(n), name, Text(gap_points(g), style="bold")]
        if width >= NARROW:
            cells.append(Text(g.suggestion))
        table.add_row(*cells)
    return table


def requirement_table(job: JobMatch, width: int) -> RenderableType:
    rows = requirement_rows(job)
    table = _table()
    if width < SIDE_BY_SIDE:
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for r in rows:
            head = Text.assemble((f"{r.mark} ", ROW_STYLE[r.css]), (r.name, "bold"))
            head.append(f"  {r.tier} · {r.status}", style=ROW_STYLE[r.css])
            grid.add_row(head)
            grid.add_row(Text(f"  posting ({r.posting_place}): {r.posting}", style="dim"))
            shows = f"  résumé ({r.resume_place}): {r.resume}" if r.resume else "  résumé: —"
            grid.add_row(Text(shows, style="dim italic"))
        return grid
    table.add_column("Tier", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Requirement", ratio=2)
    table.add_column("Posting says", ratio=3)
    table.add_column("Résumé shows", ratio=4)
    for r in rows:
        resume = Text(r.resume or "—", style="italic" if r.resume else "dim")
        if r.resume_place:
            resume.append(f"  ({r.resume_place})", style="dim")
        table.add_row(
            Text(r.tier, style="bold" if r.tier == "required" else "dim"),
            Text(f"{r.mark} {r.status}", style=ROW_STYLE[r.css]),
            Text(r.name),
            Text(r.posting, style="dim"),
            resume,
        )
    return table


def check_table(job: JobMatch, width: int) -> RenderableType:
    table = _table()
    table.add_column("Check", ratio=3)
    table.add_column("Status", no_wrap=True)
    table.add_column("Résumé shows", ratio=4)
    for c in job.checks:
        shown = Text(c.detail)
        if c.evidence:
            shown.append(f"\n{resume_quote(c.evidence)}", style="dim italic")
            shown.append(f"  ({resume_place(c.evidence)})", style="dim")
        label = Text(c.label)
        if c.posting and width >= NARROW:
            label.append(f"\n{c.posting[0].text.strip()}", style="dim")
        table.add_row(
            label,
            Text(f"{CHECK_MARK[c.status]} {CHECK_LABEL[c.status]}", style=CHECK_STYLE[c.status]),
            shown,
        )
    return table


def render_ranking(ranking: JobRanking, *, top: int = DEFAULT_TOP) -> RenderableType:
    """Several postings for one résumé, the best fit first, with what each is missing (the
    ``top`` gaps named, the rest counted)."""
    table = _table()
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column("Posting", ratio=3)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Req.", justify="right", no_wrap=True)
    table.add_column("Pref.", justify="right", no_wrap=True)
    table.add_column("What is missing", ratio=4)
    for rank, report in enumerate(ranking.reports, start=1):
        job = job_of(report)
        req, pref = job.coverage.required, job.coverage.preferred
        title = Text(report.role_title, style="bold")
        title.append(f"\n{job.posting.source}", style="dim")
        table.add_row(
            str(rank),
            title,
            Text(str(report.score), style=f"bold {score_style(report.score)}"),
            "—" if req is None else f"{req}%",
            "—" if pref is None else f"{pref}%",
            Text(ranking_summary(job, top)),
        )
    parts: list[RenderableType] = [
        heading(f"Postings for {ranking.file}, best fit first ({len(ranking.reports)})"),
        table,
        Text("Ranked by required coverage, then by score.", style="dim"),
    ]
    parts += [
        Text.assemble(("⚠ not ranked: ", "bold yellow"), f"{file}: {problem}")
        for file, problem in ranking.errors
    ]
    return Group(*parts)


def _table() -> Table:
    return Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
        padding=(0, 1),
    )
