"""Markdown rendering of a gap report (renders on GitHub)."""

from __future__ import annotations

import re

from cvgap.types import Report, SkillResult

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape résumé text so Markdown shows it as written (no links, HTML or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def group_label(result: SkillResult, report: Report) -> str:
    """A gap's display name: "PyTorch or TensorFlow or Keras" for an any-of group."""
    if result.group is None:
        return result.name
    names = {s.id: s.name for s in report.skills}
    return " or ".join(names.get(sid, sid) for sid in result.group.split("/"))


def unique_gaps(report: Report) -> list[SkillResult]:
    """Gaps heaviest first, each any-of group once."""
    seen: set[str] = set()
    gaps = []
    for gap in sorted(report.gaps, key=lambda g: -g.weight):
        key = gap.group or gap.id
        if key not in seen:
            seen.add(key)
            gaps.append(gap)
    return gaps


def evidence_note(result: SkillResult) -> str:
    if not result.evidence:
        return ""
    ev = result.evidence[0]
    via = f" (via {ev.via})" if ev.via else ""
    return f"line {ev.line}, {ev.section}{via}: “{ev.text}”"


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    out = [
        f"# cvgap report: {md_escape(report.role_title)}",
        "",
        f"**File:** `{report.file.replace('`', '')}`  ",
        f"**Score:** {report.score}/100 — {report.verdict}",
        "",
        "## Coverage by category",
        "",
        "| Category | Score |",
        "|---|---:|",
    ]
    out += [f"| {md_escape(c.name)} | {c.score} |" for c in report.categories]
    out += ["", "## Skills the role asks for", "",
            "| Status | Skill | Weight | Evidence |", "|---|---|---:|---|"]
    for s in report.skills:
        if s.covered_by is not None:
            continue
        status = {"matched": "✅ matched", "implied": "☑️ implied", "missing": "❌ missing"}
        req = "" if s.required else " (preferred)"
        out.append(f"| {status[s.status]} | {md_escape(s.name)}{req} | {s.weight:g} | "
                   f"{md_escape(evidence_note(s))} |")
    gaps = unique_gaps(report)
    if gaps:
        out += ["", "## What to add", ""]
        out += [f"1. **{md_escape(group_label(g, report))}** (weight {g.weight:g}"
                f"{'' if g.required else ', preferred'}): {md_escape(g.suggestion)}"
                for g in gaps]
    if report.extra_skills:
        out += ["", "## Other skills found", "",
                ", ".join(md_escape(s.name) for s in report.extra_skills)]
    if report.intents:
        out += ["", "## Mentioned as intent, not counted", "",
                ", ".join(md_escape(s.name) for s in report.intents)]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {md_escape(w)}" for w in report.warnings]
    return "\n".join(out) + "\n"
