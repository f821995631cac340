"""The ATS section's names for people, its redacted form and reading it back from JSON."""

from __future__ import annotations

import dataclasses
from typing import Any

from cvgap.types import AtsFinding, AtsReport, Place

# check id -> what it flags, for people (a batch's flag column, a redacted report)
CHECK_TITLES = {
    "invisible-text": "hidden text",
    "keyword-search-misses": "skills a keyword search misses",
    "section-headings": "non-standard or missing headings",
    "contact-details": "contact details",
    "dates": "dates a system cannot parse",
    "header-footer": "text in page header/footer",
    "tables": "tables",
    "columns": "columns",
    "text-in-image": "text in an image",
    "page-count": "page count",
    "file-size": "file size",
    "posting-wording": "wording differs from the posting",
}


def redacted(ats: AtsReport) -> AtsReport:
    """The findings without résumé text (for ``batch --redact``): ids, severities and skills
    only, the message reduced to what the check flags."""
    return dataclasses.replace(
        ats,
        findings=tuple(
            dataclasses.replace(
                f, message=CHECK_TITLES.get(f.check, f.check).capitalize() + ".", where=()
            )
            for f in ats.findings
        ),
    )


def ats_from_dict(data: dict[str, Any]) -> AtsReport:
    """The :class:`AtsReport` of a report's ``ats`` object (inverse of ``to_dict``)."""
    return AtsReport(
        extractor=str(data.get("extractor", "")),
        findings=tuple(
            AtsFinding(
                check=str(f["check"]),
                severity=f["severity"],
                message=str(f["message"]),
                fix=str(f.get("fix", "")),
                skills=tuple(str(s) for s in f.get("skills", [])),
                where=tuple(_place(p) for p in f.get("where", [])),
                cause=f.get("cause"),
            )
            for f in data.get("findings", [])
        ),
    )


def _place(data: dict[str, Any]) -> Place:
    box = data.get("box")
    return Place(
        text=str(data.get("text", "")),
        page=data.get("page"),
        line=data.get("line"),
        box=(box[0], box[1], box[2], box[3]) if box else None,
        reason=data.get("reason"),
    )
