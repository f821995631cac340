"""``invisible-text``: text a reader cannot see but a tracking system reads (and may count as
keyword stuffing). cvgap never reads it as evidence; this says what it is and where."""

from __future__ import annotations

from cvgap.ats.terms import skills_in
from cvgap.types import AtsFinding, HiddenText, Place, Resume, Taxonomy
from cvgap.types.ats import HIDDEN_REASONS, HiddenReason

CHECK = "invisible-text"
_PREVIEW_WORDS = 12


def invisible_text(resume: Resume, taxonomy: Taxonomy) -> list[AtsFinding]:
    """One finding per kind of hiding (white on white, off the page, tiny…)."""
    by_reason: dict[HiddenReason, list[HiddenText]] = {}
    for hidden in resume.hidden:
        by_reason.setdefault(hidden.reason, []).append(hidden)
    findings = []
    for reason, spans in by_reason.items():
        text = " ".join(span.text for span in spans)
        words = text.split()
        skills = [skill.name for skill in skills_in(text, taxonomy)]
        preview = " ".join(words[:_PREVIEW_WORDS]) + (" …" if len(words) > _PREVIEW_WORDS else "")
        found = f"; a keyword search finds {_names(skills)} in it" if skills else ""
        pages = sorted({span.page for span in spans if span.page is not None})
        on = f" on page {', '.join(map(str, pages))}" if pages else ""
        findings.append(
            AtsFinding(
                check=CHECK,
                severity="error" if skills else "warning" if reason != "tiny" else "info",
                message=(
                    f"{len(words)} word{'s' if len(words) != 1 else ''}{on} that a reader "
                    f"cannot see but a tracking system reads ({HIDDEN_REASONS[reason]}): "
                    f"“{preview}”{found}."
                ),
                fix=(
                    "Delete the hidden text and name the skills you have where a reader sees "
                    "them: recruiters treat hidden keywords as stuffing, and cvgap does not "
                    "count them."
                ),
                skills=tuple(skills),
                where=tuple(
                    Place(text=span.text, page=span.page, box=span.box, reason=reason)
                    for span in spans
                ),
                cause=reason,
            )
        )
    return findings


def _names(names: list[str], most: int = 8) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
