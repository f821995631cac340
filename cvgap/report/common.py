"""What every report format shares: which skills to show, how gaps are grouped and ranked,
and the score bands (the same thresholds as the verdicts in :mod:`cvgap.score`)."""

from __future__ import annotations

import re
from typing import Literal

from cvgap.types import Report, SkillResult, Status

Band = Literal["strong", "good", "partial", "weak"]

STATUS_LABEL: dict[Status, str] = {"matched": "Matched", "implied": "Implied", "missing": "Missing"}
STATUS_MARK: dict[Status, str] = {"matched": "✔", "implied": "≈", "missing": "✘"}


NO_GAPS = "No gaps: every skill the role asks for is on the résumé."


def band(score: int) -> Band:
    """The verdict band of a 0-100 score: ≥ 80 strong, ≥ 60 good, ≥ 40 partial, else weak."""
    return (
        "strong" if score >= 80 else "good" if score >= 60 else "partial" if score >= 40 else "weak"
    )


def group_label(result: SkillResult, report: Report) -> str:
    """A gap's display name: "PyTorch or TensorFlow or Keras" for an any-of group."""
    if result.group is None:
        return result.name
    names = {s.id: s.name for s in report.skills}
    return " or ".join(names.get(sid, sid) for sid in result.group.split("/"))


def unique_gaps(report: Report) -> list[SkillResult]:
    """Gaps heaviest first (most score to gain), each any-of group once."""
    seen: set[str] = set()
    gaps = []
    for gap in sorted(report.gaps, key=lambda g: (-g.weight, not g.required)):
        key = gap.group or gap.id
        if key not in seen:
            seen.add(key)
            gaps.append(gap)
    return gaps


def shown_skills(report: Report, status: Status) -> list[SkillResult]:
    """The role's skills with ``status``, heaviest first; a missing member of an any-of
    group that another member covers is left out (it is not a gap)."""
    return sorted(
        (s for s in report.skills if s.status == status and s.covered_by is None),
        key=lambda s: -s.weight,
    )


def total_weight(report: Report) -> float:
    """The summed weight of the role's requirements (an any-of group counts once)."""
    weights: dict[str, float] = {}
    for s in report.skills:
        weights[s.group or s.id] = s.weight
    return sum(weights.values())


def impact(gap: SkillResult, report: Report) -> int:
    """Score points an applied mention of ``gap`` would add (its share of the role's weight)."""
    total = total_weight(report)
    return round(100 * gap.weight / total) if total else 0


def points(n: int) -> str:
    """``up to +3 points`` / ``under 1 point`` for a gap's impact."""
    return "under 1 point" if n < 1 else f"up to +{n} point{'s' if n != 1 else ''}"


def evidence_place(result: SkillResult) -> str:
    """Where the first evidence sits: "experience, line 12" ("" without evidence)."""
    if not result.evidence:
        return ""
    ev = result.evidence[0]
    return f"{ev.section}, line {ev.line}"


def one_line(text: str) -> str:
    """Collapse runs of whitespace (and newlines) to single spaces."""
    return " ".join(text.split())


_BULLET = re.compile(r"^[-–—•*▪◦‣·○●■□➢>]+\s+")


def quote(text: str) -> str:
    """A résumé line as a quote: on one line, without its leading bullet marker."""
    text = one_line(text)
    return _BULLET.sub("", text) or text
