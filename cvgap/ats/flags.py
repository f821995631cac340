"""The ATS findings as flags: a batch's CSV column and the cohort report's counts
("3 résumés carry hidden text")."""

from __future__ import annotations

from collections.abc import Iterable

from cvgap.ats.serial import CHECK_TITLES
from cvgap.types import AtsFinding, AtsReport, Report
from cvgap.types.ats import Severity

FLAG_SEVERITIES: tuple[Severity, ...] = ("error", "warning")
_SEPARATOR = ";"


def ats_flags(ats: AtsReport) -> str:
    """The ids of the checks with an error or warning, ``;``-separated (a CSV cell)."""
    return _SEPARATOR.join(c for s in FLAG_SEVERITIES for c in ats.checks(s) if c)


def ats_from_flags(cell: str) -> AtsReport | None:
    """The flags of a CSV cell back as an :class:`AtsReport` (ids only, for the cohort)."""
    checks = [c for c in cell.split(_SEPARATOR) if c]
    if not checks:
        return None
    return AtsReport(
        findings=tuple(
            AtsFinding(check=c, severity="warning", message=CHECK_TITLES.get(c, c), fix="")
            for c in checks
        )
    )


def cohort_flags(reports: Iterable[Report]) -> list[tuple[str, str, list[str]]]:
    """(check id, what it flags, files) for every check flagged in some report, the check
    with the most files first; hidden text always first."""
    files: dict[str, list[str]] = {}
    for report in reports:
        flagged = ats_flags(report.ats).split(_SEPARATOR) if report.ats is not None else []
        for check in flagged:
            if check:
                files.setdefault(check, []).append(report.file)
    ordered = sorted(files.items(), key=lambda kv: (kv[0] != "invisible-text", -len(kv[1])))
    return [(check, CHECK_TITLES.get(check, check), names) for check, names in ordered]


def flag_sentence(title: str, count: int) -> str:
    """ "3 résumés carry hidden text"."""
    noun = "résumé carries" if count == 1 else "résumés carry"
    return f"{count} {noun} {title}"
