"""What an applicant tracking system (ATS) would see: hidden text, a plain extractor's reading
and the findings of :mod:`cvgap.ats`.

ingest -> :class:`HiddenText` and :class:`PlainReading` on the :class:`~cvgap.types.Resume`
-> :func:`cvgap.ats.run_checks` -> :class:`AtsReport` (the report's ``ats`` object). The JSON
names (``findings``, ``check``, ``severity``, ``message``, ``skills``, ``where``) and the
check ids are part of the contract: add fields, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

HiddenReason = Literal["background", "off-page", "tiny", "invisible", "covered", "hidden-run"]
Severity = Literal["error", "warning", "info"]

# What each reason means to a reader: "words a reader cannot see (<reason>)".
HIDDEN_REASONS: dict[HiddenReason, str] = {
    "background": "in the colour of their background: white on white",
    "off-page": "placed outside the page",
    "tiny": "under 4 pt high",
    "invisible": "drawn in the invisible text mode",
    "covered": "covered by an image",
    "hidden-run": "marked hidden in Word, or white",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class HiddenText:
    """A line of text a reader cannot see but a text extractor reads. ``box`` is
    ``(x0, top, x1, bottom)`` in points from the page's top-left corner (``None`` where the
    format has no geometry, as in DOCX)."""

    text: str
    reason: HiddenReason
    page: int | None = 1
    box: tuple[float, float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "reason": self.reason,
            "page": self.page,
            "box": [round(v, 1) for v in self.box] if self.box else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PageImage:
    """An image drawn on a page, and the share of the page it covers."""

    page: int
    box: tuple[float, float, float, float]
    page_share: float
    has_text: bool = False  # visible text drawn over it (a background, not a picture of words)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlainReading:
    """The file as a plain extractor reads it (see :mod:`cvgap.ingest.plain`), and the layout
    facts the ATS checks need: icon-font glyph texts in it, images, header/footer text,
    tables and pages with columns."""

    text: str
    icon_glyphs: tuple[str, ...] = ()
    images: tuple[PageImage, ...] = ()
    header_lines: tuple[str, ...] = ()
    tables: int = 0
    column_pages: tuple[int, ...] = ()
    file_bytes: int = 0  # the size of the file as read (standard input too), for file-size


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """Where a finding is: a page, a line of cvgap's reading, the words there."""

    text: str = ""
    page: int | None = None
    line: int | None = None
    box: tuple[float, float, float, float] | None = None
    reason: str | None = None

    def describe(self) -> str:
        """ "page 1, 12 pt below the page" style: for people."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.reason:
            parts.append(self.reason)
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "line": self.line,
            "box": [round(v, 1) for v in self.box] if self.box else None,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AtsFinding:
    """One thing an ATS would get wrong or hold against the résumé: a check id (part of the
    JSON contract), a severity, one sentence, the fix, the skills concerned and where."""

    check: str
    severity: Severity
    message: str
    fix: str
    skills: tuple[str, ...] = ()
    where: tuple[Place, ...] = ()
    cause: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
            "skills": list(self.skills),
            "where": [p.to_dict() for p in self.where],
            "cause": self.cause,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AtsReport:
    """The findings of the ATS checks on one résumé; ``extractor`` names the plain reading
    that keyword searches were compared against."""

    findings: tuple[AtsFinding, ...] = ()
    extractor: str = ""

    @property
    def hidden_text(self) -> bool:
        return any(f.check == "invisible-text" for f in self.findings)

    def checks(self, severity: Severity | None = None) -> tuple[str, ...]:
        """Distinct check ids found (of one severity), in order."""
        seen = dict.fromkeys(
            f.check for f in self.findings if severity is None or f.severity == severity
        )
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor,
            "findings": [f.to_dict() for f in self.findings],
        }
