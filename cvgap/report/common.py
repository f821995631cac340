"""What every report format shares: which skills to show, how gaps are grouped and ranked,
and how the score bands and credits of :mod:`cvgap.score` are put into words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from cvgap.score import BANDS, CREDIT_APPLIED, CREDIT_IMPLIED, CREDIT_LISTED, BandName, band_for
from cvgap.types import BULLET_MARKS, Report, SkillResult, Status

BAND_TICKS = tuple(sorted(b.floor for b in BANDS if b.floor > 0))  # 40, 60, 80
BAND_WORD: dict[BandName, str] = {b.name: b.name.capitalize() for b in BANDS}

STATUS_LABEL: dict[Status, str] = {"matched": "Matched", "implied": "Implied", "missing": "Missing"}
STATUS_MARK: dict[Status, str] = {"matched": "✔", "implied": "≈", "missing": "✘"}


G = TypeVar("G")  # a gap of any report: SkillResult, JobGap

NO_GAPS = "No gaps: every skill the role asks for is on the résumé."


def band(score: int) -> BandName:
    """The verdict band of a 0-100 score (:data:`cvgap.score.BANDS`)."""
    return band_for(score).name


def bands_legend() -> str:
    """ "80+ strong, 60+ good, 40+ partial, below 40 weak"."""
    ranked = [f"{b.floor}+ {b.name}" for b in BANDS if b.floor > 0]
    return ", ".join([*ranked, f"below {BANDS[-2].floor} {BANDS[-1].name}"])


def credits_legend() -> str:
    """How much of a requirement's weight each kind of evidence earns, in words."""
    applied = "fully" if CREDIT_APPLIED == 1.0 else f"{CREDIT_APPLIED:.0%}"
    return (
        f"Applied in experience or projects counts {applied}, only listed "
        f"{CREDIT_LISTED:.0%}, implied {CREDIT_IMPLIED:.0%}."
    )


def group_label(result: SkillResult, report: Report) -> str:
    """A gap's display name: "PyTorch or TensorFlow or Keras" for an any-of group."""
    if result.group is None:
        return result.name
    names = {s.id: s.name for s in report.skills}
    return " or ".join(names.get(sid, sid) for sid in result.group.skills)


def unique_gaps(report: Report) -> list[SkillResult]:
    """Gaps heaviest first (most score to gain), each any-of group once."""
    seen: set[str] = set()
    gaps = []
    for gap in sorted(report.gaps, key=lambda g: (-g.weight, not g.required)):
        key = gap.requirement_key
        if key not in seen:
            seen.add(key)
            gaps.append(gap)
    return gaps


DEFAULT_TOP = 5  # gaps shown in full; the rest are folded (all of them are in JSON)


def fold_gaps(gaps: Sequence[G], top: int = DEFAULT_TOP) -> tuple[list[G], list[G]]:
    """``gaps`` (most important first: role gaps or a posting's) split into those shown
    and those folded."""
    top = max(0, top)
    return list(gaps[:top]), list(gaps[top:])


def folded_text(count: int, gain: int) -> str:
    """``7 more gaps, up to +9 points in all`` for ``count`` folded gaps worth ``gain``."""
    return (
        f"{count} more {'gap' if count == 1 else 'gaps'}, "
        f"{points(gain).removeprefix('up to ')} in all"
    )


def folded_summary(folded: list[SkillResult], report: Report) -> str:
    """:func:`folded_text` for the folded gaps of a role report."""
    return folded_text(len(folded), sum(impact(g, report) for g in folded))


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
        weights[s.requirement_key] = s.weight
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


_BULLET = re.compile(f"^[{re.escape(BULLET_MARKS)}]+\\s+")


def quote(text: str) -> str:
    """A résumé line as a quote: on one line, without its leading bullet marker."""
    text = one_line(text)
    return _BULLET.sub("", text) or text


def relative_to(file: str, root: str | None) -> str:
    """``file`` relative to the folder ``root`` when it lies inside it, else as given."""
    if not root:
        return file
    import os.path

    try:
        rel = os.path.relpath(file, root)
    except ValueError:  # another drive (Windows)
        return file
    return file if rel.startswith(os.pardir) else rel
