"""Many postings, one résumé: which to apply to first, and what is missing for each.

The résumé is read and its skills extracted once; each posting is read with the same
pipeline and scored with :func:`cvgap.job.match.match_job` (pure Python, a millisecond or
two), so ranking 100 postings costs little more than reading them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.errors import CvgapError, InputError
from cvgap.job.match import match_job
from cvgap.types import JobPosting, Report, Resume, SkillMention, Taxonomy
from cvgap.types.job_match import JobRanking

if TYPE_CHECKING:
    from spacy.language import Language

POSTING_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"})
STDIN = "-"


def posting_sources(specs: Sequence[str]) -> list[str]:
    """The posting files named by ``specs``: files as given, folders expanded to the posting
    files they hold (sorted, not recursive, hidden files skipped), ``-`` (standard input)
    kept. Raises :class:`InputError` for a folder without postings."""
    sources: list[str] = []
    for spec in specs:
        path = Path(spec)
        if spec != STDIN and path.is_dir():
            found = sorted(
                str(p)
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in POSTING_SUFFIXES
                and not p.name.startswith(".")
            )
            if not found:
                raise InputError(
                    "no posting files in this folder "
                    f"(looked for {', '.join(sorted(POSTING_SUFFIXES))})",
                    path=spec,
                )
            sources.extend(found)
        else:
            sources.append(spec)
    return list(dict.fromkeys(sources))


def wants_ranking(specs: Sequence[str]) -> bool:
    """Several postings, or a folder of them (even of one): rank instead of one report."""
    return len(specs) > 1 or any(s != STDIN and Path(s).is_dir() for s in specs)


def rank_postings(
    resume: Resume,
    mentions: Sequence[SkillMention],
    postings: Sequence[JobPosting],
    taxonomy: Taxonomy,
    nlp: Language,
    *,
    errors: Sequence[tuple[str, str]] = (),
) -> JobRanking:
    """Score ``resume`` (its ``mentions`` extracted once) against each posting, best first:
    highest required coverage (missing required items are what screens a candidate out),
    then highest overall score, then posting file name."""
    reports = [match_job(resume, mentions, posting, taxonomy, nlp) for posting in postings]
    reports.sort(key=_rank_key)
    return JobRanking(file=resume.source, reports=tuple(reports), errors=tuple(errors))


def _rank_key(report: Report) -> tuple[int, int, str]:
    job = report.job
    required = job.coverage.required if job and job.coverage.required is not None else None
    return (-(report.score if required is None else required), -report.score, report.role)


def read_postings(
    sources: Sequence[str],
    *,
    taxonomy: Taxonomy,
    nlp: Language,
    read_text: str | None = None,
) -> tuple[list[JobPosting], list[tuple[str, str]]]:
    """Read each posting with one pipeline; a posting that cannot be read becomes an
    ``(file, problem)`` error and the others go on. ``read_text`` is standard input's text,
    for the source ``-``."""
    from cvgap.job import read_job

    postings: list[JobPosting] = []
    errors: list[tuple[str, str]] = []

    def read(source: str) -> None:
        try:
            text = (read_text or "") if source == STDIN else source
            postings.append(read_job(text, taxonomy=taxonomy, nlp=nlp))
        except CvgapError as exc:
            errors.append((source, exc.message))

    for source in sources:
        read(source)
    return postings, errors
