"""The one-call API: :func:`analyze` composes ingest -> extract -> score."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.errors import CvgapError
from cvgap.extract import build_nlp, extract_skills
from cvgap.ingest import load_resume, resume_from_text
from cvgap.ingest.limits import MAX_PAGES
from cvgap.score import score
from cvgap.taxonomy import DEFAULT_ROLE, get_role, load_taxonomy
from cvgap.types import JobPosting, Report, Resume, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


def analyze(
    source: str | Path | Resume,
    role: str | None = None,
    *,
    job: str | Path | JobPosting | None = None,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
    password: str | None = None,
    pdf_engine: str = "pdfplumber",
    max_pages: int = MAX_PAGES,
) -> Report:
    """Analyse a résumé against a role (default ``cv-intern``) or a job posting, and return
    its gap report.

    ``source`` is a file path (``Path``, or a one-line ``str``), résumé text (a ``str``
    with line breaks) or a loaded :class:`Resume`. Pass ``taxonomy`` and ``nlp`` to reuse
    them across calls (building the pipeline takes ~0.1 s). ``job`` is a posting file, the
    posting's text (a ``str`` with line breaks) or a :class:`JobPosting` from
    :func:`cvgap.read_job`; the report then scores the posting's own requirements and
    carries a ``job`` object (see :func:`cvgap.job.match.match_job`). ``role`` and ``job``
    are exclusive.

    >>> report = analyze("examples/strong-candidate.pdf")
    >>> report.score, report.verdict
    (94, 'Strong match: ready to apply')
    """
    if role is not None and job is not None:
        raise CvgapError("give a role or a job posting, not both")
    taxonomy = taxonomy or load_taxonomy()
    role_profile = get_role(taxonomy, role or DEFAULT_ROLE) if job is None else None
    resume = _as_resume(source, password=password, pdf_engine=pdf_engine, max_pages=max_pages)
    nlp = nlp or build_nlp(taxonomy)
    mentions = extract_skills(resume, nlp, taxonomy)
    if role_profile is not None or job is None:
        return score(resume, mentions, role_profile or get_role(taxonomy, DEFAULT_ROLE), taxonomy)
    from cvgap.job.match import match_job

    posting = as_posting(job, taxonomy=taxonomy, nlp=nlp)
    return match_job(resume, mentions, posting, taxonomy, nlp)


def as_posting(
    job: str | Path | JobPosting, *, taxonomy: Taxonomy, nlp: Language | None = None
) -> JobPosting:
    """``job`` as a :class:`JobPosting`: read from a file or text, or returned as given."""
    if isinstance(job, JobPosting):
        return job
    from cvgap.job import read_job

    return read_job(job, taxonomy=taxonomy, nlp=nlp)


def _as_resume(
    source: str | Path | Resume, *, password: str | None, pdf_engine: str, max_pages: int
) -> Resume:
    if isinstance(source, Resume):
        return source
    if isinstance(source, str) and "\n" in source:
        return resume_from_text(source)
    return load_resume(source, password=password, pdf_engine=pdf_engine, max_pages=max_pages)
