"""The "What a tracking system sees" section of a report, in every format, and the cohort's
flag counts. The JSON form is :meth:`~cvgap.types.AtsReport.to_dict` (the report's ``ats``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cvgap.ats.flags import cohort_flags, flag_sentence
from cvgap.report.html import e, page, section
from cvgap.report.markdown import md_escape, md_inline_code
from cvgap.types import SCHEMA_VERSION, AtsFinding, AtsReport, Report

if TYPE_CHECKING:
    from rich.console import RenderableType

TITLE = "What a tracking system sees"
NO_FINDINGS = "Nothing to fix: a tracking system reads this résumé as cvgap does."
MARK = {"error": "✘", "warning": "⚠", "info": "ℹ"}
MAX_PLACES = 3  # places shown per finding


def _places(finding: AtsFinding) -> list[str]:
    out = []
    for place in finding.where[:MAX_PLACES]:
        where = place.describe()
        text = " ".join(place.text.split())
        out.append(f"{where}: “{text}”" if where and text else where or f"“{text}”")
    if len(finding.where) > MAX_PLACES:
        out.append(f"and {len(finding.where) - MAX_PLACES} more")
    return out


def ats_markdown(ats: AtsReport) -> list[str]:
    out = ["", f"## {TITLE}", ""]
    if not ats.findings:
        return [*out, NO_FINDINGS]
    for f in ats.findings:
        out.append(
            f"- {MARK[f.severity]} **{f.severity}** {md_inline_code(f.check)}: "
            f"{md_escape(f.message)} *Fix:* {md_escape(f.fix)}"
        )
        out += [f"  - {md_escape(p)}" for p in _places(f)]
    return out


def ats_html(ats: AtsReport) -> str:
    if not ats.findings:
        return section(TITLE, f'<p class="card no-gaps">✔ {e(NO_FINDINGS)}</p>')
    items = []
    for f in ats.findings:
        places = "".join(f"<li>{e(p)}</li>" for p in _places(f))
        items.append(
            f'<li><span class="tag {"weak" if f.severity == "error" else "partial"}">'
            f"{e(f.severity)}</span> <code>{e(f.check)}</code> {e(f.message)} "
            f"<b>Fix:</b> {e(f.fix)}" + (f"<ul>{places}</ul>" if places else "") + "</li>"
        )
    return section(
        TITLE, '<ul class="skills card">\n' + "\n".join(items) + "\n</ul>", count=len(items)
    )


def ats_renderables(ats: AtsReport) -> list[RenderableType]:
    """The section for the rich terminal view."""
    from rich.text import Text

    from cvgap.report.terminal import heading

    out: list[RenderableType] = [Text(), heading(TITLE)]
    if not ats.findings:
        return [*out, Text.assemble(("✔ ", "green"), NO_FINDINGS)]
    style = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
    for f in ats.findings:
        out.append(
            Text.assemble(
                (f"{MARK[f.severity]} {f.severity} ", style[f.severity]),
                (f"{f.check}: ", "bold"),
                f.message,
                (" Fix: ", "bold"),
                f.fix,
            )
        )
        out += [Text("    " + p, style="dim") for p in _places(f)]
    return out


def render_ats_only(report: Report, fmt: str) -> str:
    """Only the ATS section (``cvgap check --ats-only``) as ``json``, ``markdown`` or
    ``html``."""
    ats = report.ats or AtsReport()
    if fmt == "json":
        data = {"schema_version": SCHEMA_VERSION, "file": report.file, "ats": ats.to_dict()}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        lines = [f"# cvgap: {md_escape(TITLE.lower())}", "", f"File: {md_inline_code(report.file)}"]
        return "\n".join([*lines, *ats_markdown(ats)]) + "\n"
    return page(f"cvgap: {report.file} · {TITLE}", ats_html(ats))


NAMED_CHECKS = ("invisible-text",)  # checks whose résumés the cohort report names
LEGEND = "Per résumé: the ats column of cvgap batch --format csv."


def cohort_markdown(reports: list[Report]) -> list[str]:
    flags = cohort_flags(reports)
    if not flags:
        return []
    out = ["", f"## {TITLE}", ""]
    for check, title, files in flags:
        names = ", ".join(md_inline_code(f) for f in files) if check in NAMED_CHECKS else ""
        out.append(
            f"- **{md_escape(flag_sentence(title, len(files)))}**" + (f": {names}" if names else "")
        )
    return [*out, "", md_escape(LEGEND)]


def cohort_html(reports: list[Report]) -> str:
    flags = cohort_flags(reports)
    if not flags:
        return ""
    items = "".join(
        f"<li><b>{e(flag_sentence(title, len(files)))}</b>"
        + (f": {e(', '.join(files))}" if check in NAMED_CHECKS else "")
        + "</li>"
        for check, title, files in flags
    )
    return section(TITLE, f'<ul class="skills card">{items}</ul><p class="legend">{e(LEGEND)}</p>')
