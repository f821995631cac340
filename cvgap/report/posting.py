"""What cvgap understood of a posting (``cvgap job show``): JSON, Markdown and a terminal
table, each requirement with its tier, any-of group and the posting line behind it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cvgap.types import SCHEMA_VERSION, JobPosting, PostingLine

if TYPE_CHECKING:
    from rich.console import RenderableType


def render_job_json(job: JobPosting) -> str:
    """The ``job show`` JSON: :meth:`JobPosting.to_dict` plus the schema version and the
    unmapped terms (also in ``requirements`` with ``id: null``)."""
    data = {"schema_version": SCHEMA_VERSION, **job.to_dict()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _quote(lines: Sequence[PostingLine]) -> str:
    return "; ".join(f"{line.number}: {line.text}" for line in lines)


def _requirement_rows(job: JobPosting) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    for r in job.requirements:
        name = r.name if r.id is not None else f"{r.name} (unmapped)"
        years = f"{r.years:g}+ y" if r.years is not None else ""
        rows.append((name, r.tier, r.group or "", years, _quote(r.evidence)))
    return rows


def facts(job: JobPosting) -> list[str]:
    """The degree and years checks as sentences ("Degree: master (required; line 4)")."""
    found = []
    if job.degree is not None:
        d = job.degree
        bits = [d.level or "a degree", *(["currently pursuing"] if d.pursuing else [])]
        if d.or_equivalent:
            bits.append("or equivalent experience")
        found.append(f"Degree: {', '.join(bits)} ({d.tier}; line {_numbers(d.evidence)})")
    if job.years is not None:
        y = job.years
        scope = f" with {y.skill}" if y.skill else ""
        found.append(f"Years: {y.years:g}+{scope} ({y.tier}; line {_numbers(y.evidence)})")
    return found


def _numbers(lines: Sequence[PostingLine]) -> str:
    return ", ".join(str(line.number) for line in lines)


def render_job_markdown(job: JobPosting) -> str:
    out = [f"# {job.title or 'Job posting'}", "", f"Source: `{job.source}` ({job.format})", ""]
    out.extend(f"> **Warning:** {warning}" for warning in job.warnings)
    if job.warnings:
        out.append("")
    out += ["## Requirements", ""]
    if job.requirements:
        out += ["| Skill | Tier | Any of | Years | Posting line |", "|---|---|---|---|---|"]
        for row in _requirement_rows(job):
            out.append("| " + " | ".join(_cell(c) for c in row) + " |")
    else:
        out.append("None recognised.")
    out += ["", "## Duties (what the intern will do; not requirements)", ""]
    if job.duties:
        out += [f"- **{d.name}**: {_cell(_quote(d.evidence))}" for d in job.duties]
    else:
        out.append("None named.")
    checks = facts(job)
    if checks:
        out += ["", "## Degree and experience", "", *(f"- {f}" for f in checks)]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_job_table(job: JobPosting) -> RenderableType:
    """A rich renderable for the terminal."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(job.title or "Job posting", style="bold")]
    parts.append(Text(f"{job.source} ({job.format})", style="dim"))
    parts.extend(Text(f"warning: {warning}", style="yellow") for warning in job.warnings)
    table = Table(title="Requirements", title_justify="left", expand=False)
    for column in ("Skill", "Tier", "Any of", "Years", "Posting line"):
        table.add_column(column, overflow="fold")
    for row in _requirement_rows(job):
        table.add_row(*(escape(c) for c in row))
    parts.append(table)
    if job.duties:
        duties = Table(title="Duties (not requirements)", title_justify="left")
        duties.add_column("Skill")
        duties.add_column("Posting line", overflow="fold")
        for d in job.duties:
            duties.add_row(escape(d.name), escape(_quote(d.evidence)))
        parts.append(duties)
    parts.extend(Text(f) for f in facts(job))
    return Group(*parts)
