"""What an applicant tracking system (ATS) will see: hidden text, skills a keyword search
would miss, and the structure it depends on.

resume + report (+ posting) -> :func:`run_checks` -> :class:`~cvgap.types.AtsReport`. The check
ids (``invisible-text``, ``keyword-search-misses``, ``section-headings``, ``contact-details``,
``dates``, ``header-footer``, ``tables``, ``columns``, ``text-in-image``, ``page-count``,
``file-size``, ``posting-wording``) are part of the JSON contract. See ``docs/ats.md``.
"""

from __future__ import annotations

import dataclasses

from cvgap.ats.hidden_text import invisible_text
from cvgap.ats.keywords import keyword_findings, keyword_misses
from cvgap.ats.serial import CHECK_TITLES, ats_from_dict, redacted
from cvgap.ats.structure import contact_details, dates, layout, section_headings
from cvgap.ats.wording import posting_wording, resume_evidence
from cvgap.types import AtsFinding, AtsReport, JobPosting, Report, Resume, Taxonomy

EXTRACTOR = (
    "plain text as pdfplumber's extract_text() reads it (pdfminer, default 3 pt tolerances): "
    "rows across the page, "
    "no ligature, letter-spacing, icon or column repair, hidden text included"
)
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

__all__ = [
    "CHECK_TITLES",
    "EXTRACTOR",
    "ats_from_dict",
    "attach_ats",
    "posting_wording",
    "redacted",
    "resume_evidence",
    "run_checks",
]


def attach_ats(
    report: Report,
    resume: Resume,
    taxonomy: Taxonomy,
    *,
    job: JobPosting | None = None,
    redact: bool = False,
) -> Report:
    """``report`` with its ``ats`` section (redacted: no résumé text in it)."""
    ats = run_checks(resume, report, taxonomy, job=job)
    return dataclasses.replace(report, ats=redacted(ats) if redact else ats)


def run_checks(
    resume: Resume, report: Report, taxonomy: Taxonomy, *, job: JobPosting | None = None
) -> AtsReport:
    """Every ATS check on one résumé and its report, errors first.

    >>> resume = load_resume("cv-with-white-keywords.pdf")  # doctest: +SKIP
    >>> ats = run_checks(resume, analyze(resume), load_taxonomy())  # doctest: +SKIP
    >>> [f.check for f in ats.findings]  # doctest: +SKIP
    ['invisible-text', 'contact-details']
    """
    findings: list[AtsFinding] = [*invisible_text(resume, taxonomy)]
    findings += keyword_findings(keyword_misses(resume, report, taxonomy))
    findings += section_headings(resume)
    findings += contact_details(resume)
    findings += dates(resume)
    findings += layout(resume)
    if job is not None:
        findings += posting_wording(job, resume_evidence(report), taxonomy)
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return AtsReport(findings=tuple(findings), extractor=EXTRACTOR if resume.plain else "")
