"""Compare two batch cohorts (``cvgap batch -o x.jsonl`` files): who moved, which of the
cohort's gaps closed.

Résumés are paired by their file name (as the batch wrote it), so the same folder scored
before and after the students' edits pairs up even though every file's content changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cvgap.errors import CvgapError
from cvgap.types import BatchResult, Report

__all__ = ["CohortDiff", "Move", "SkillMove", "diff_cohorts", "read_cohort"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Move:
    """One résumé's score before and after (``None``: not in that cohort or not scored)."""

    file: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int:
        return (self.after or 0) - (self.before or 0)

    def to_dict(self) -> dict[str, Any]:
        change = self.change if self.before is not None and self.after is not None else None
        return {"file": self.file, "before": self.before, "after": self.after, "change": change}


@dataclass(frozen=True, slots=True, kw_only=True)
class SkillMove:
    """How many résumés show one of the role's skills, before and after."""

    id: str
    name: str
    required: bool
    before: int
    after: int
    closed: int  # résumés in both cohorts that lacked it before and show it now
    opened: int  # résumés in both cohorts that showed it before and lack it now

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "required": self.required,
            "before": self.before,
            "after": self.after,
            "closed": self.closed,
            "opened": self.opened,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class CohortDiff:
    old_path: str
    new_path: str
    role: str
    role_title: str
    old_scored: int
    new_scored: int
    moves: tuple[Move, ...]  # paired résumés whose score changed, biggest change first
    added: tuple[Move, ...]  # only in the new cohort
    removed: tuple[Move, ...]  # only in the old cohort
    unchanged: int  # paired résumés with the same score
    skills: tuple[SkillMove, ...]  # every role skill whose count changed

    @property
    def gaps_closed(self) -> tuple[SkillMove, ...]:
        return tuple(s for s in self.skills if s.closed)

    def to_dict(self) -> dict[str, Any]:
        from cvgap.types import SCHEMA_VERSION

        return {
            "schema_version": SCHEMA_VERSION,
            "kind": "cohort-diff",
            "role": self.role,
            "role_title": self.role_title,
            "old": {"file": self.old_path, "scored": self.old_scored},
            "new": {"file": self.new_path, "scored": self.new_scored},
            "moved": [m.to_dict() for m in self.moves],
            "added": [m.to_dict() for m in self.added],
            "removed": [m.to_dict() for m in self.removed],
            "unchanged": self.unchanged,
            "skills": [s.to_dict() for s in self.skills],
        }


def read_cohort(path: Path) -> list[BatchResult]:
    """The rows of a ``cvgap batch`` JSON Lines file; raises :class:`CvgapError` with the
    line number of a row that is not one."""
    from cvgap.batch.writers import result_from_dict

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CvgapError(f"cannot read cohort file: {exc}", path=str(path)) from None
    results = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            results.append(result_from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise CvgapError(
                f"line {number} is not a cvgap batch row (write one with cvgap batch -o x.jsonl)",
                path=str(path),
            ) from None
    if not results:
        raise CvgapError("no rows: not a cvgap batch file", path=str(path))
    return results


def _scored(results: list[BatchResult]) -> dict[str, Report]:
    return {
        r.file: r.report
        for r in results
        if r.report is not None and r.duplicate_of is None and r.error is None
    }


def _shows(report: Report) -> set[str]:
    """The role skills a report shows (matched or implied; not those only covered)."""
    return {s.id for s in report.skills if s.status != "missing"}


def diff_cohorts(
    old: list[BatchResult], new: list[BatchResult], *, old_path: str, new_path: str
) -> CohortDiff:
    """Compare two cohorts scored for the same role."""
    before, after = _scored(old), _scored(new)
    roles = {r.role for r in (*before.values(), *after.values())}
    if len(roles) > 1:
        raise CvgapError(
            f"the cohorts were scored for different roles ({', '.join(sorted(roles))})",
            path=new_path,
        )
    sample = next(iter((*after.values(), *before.values())), None)
    paired = [f for f in before if f in after]
    moves = [Move(file=f, before=before[f].score, after=after[f].score) for f in paired]
    moved = sorted((m for m in moves if m.change), key=lambda m: (-abs(m.change), m.file))
    names = {s.id: s for r in (*before.values(), *after.values()) for s in r.skills}
    skills = []
    for sid, skill in sorted(names.items(), key=lambda kv: (-kv[1].weight, kv[0])):
        had = {f for f, r in before.items() if sid in _shows(r)}
        has = {f for f, r in after.items() if sid in _shows(r)}
        closed = sum(1 for f in paired if f not in had and f in has)
        opened = sum(1 for f in paired if f in had and f not in has)
        if len(had) != len(has) or closed or opened:
            skills.append(
                SkillMove(
                    id=sid,
                    name=skill.name,
                    required=skill.required,
                    before=len(had),
                    after=len(has),
                    closed=closed,
                    opened=opened,
                )
            )
    return CohortDiff(
        old_path=old_path,
        new_path=new_path,
        role=sample.role if sample else "",
        role_title=sample.role_title if sample else "",
        old_scored=len(before),
        new_scored=len(after),
        moves=tuple(moved),
        added=tuple(
            Move(file=f, before=None, after=after[f].score) for f in after if f not in before
        ),
        removed=tuple(
            Move(file=f, before=before[f].score, after=None) for f in before if f not in after
        ),
        unchanged=sum(1 for m in moves if not m.change),
        skills=tuple(skills),
    )
