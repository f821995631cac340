"""The one-call API: :func:`analyze` composes ingest -> extract -> score."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.extract import build_nlp, extract_skills
from cvgap.ingest import load_resume, resume_from_text
from cvgap.ingest.limits import MAX_PAGES
from cvgap.score import score
from cvgap.taxonomy import DEFAULT_ROLE, get_role, load_taxonomy
from cvgap.types import Report, Resume, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


def analyze(
    source: str | Path | Resume,
    role: str = DEFAULT_ROLE,
    *,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
    password: str | None = None,
    pdf_engine: str = "pdfplumber",
    max_pages: int = MAX_PAGES,
) -> Report:
    """Analyse a résumé against a role and return its gap report.

    ``source`` is a file path (``Path``, or a one-line ``str``), résumé text (a ``str``
    with line breaks) or a loaded :class:`Resume`. Pass ``taxonomy`` and ``nlp`` to reuse
    them across calls (building the pipeline takes ~0.1 s).

    >>> report = analyze("examples/strong-candidate.pdf")
    >>> report.score, report.verdict
    (94, 'Strong match: ready to apply')
    """
    taxonomy = taxonomy or load_taxonomy()
    role_profile = get_role(taxonomy, role)
    resume = _as_resume(source, password=password, pdf_engine=pdf_engine, max_pages=max_pages)
    nlp = nlp or build_nlp(taxonomy)
    return score(resume, extract_skills(resume, nlp, taxonomy), role_profile, taxonomy)


def _as_resume(
    source: str | Path | Resume, *, password: str | None, pdf_engine: str, max_pages: int
) -> Resume:
    if isinstance(source, Resume):
        return source
    if isinstance(source, str) and "\n" in source:
        return resume_from_text(source)
    return load_resume(source, password=password, pdf_engine=pdf_engine, max_pages=max_pages)
