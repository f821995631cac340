"""``cvgap check --job``: one résumé against one posting (the usual report, with its
``job`` object), or against several postings ranked by fit.

:mod:`cvgap.cli.check` calls :func:`refuse_role_with_job` before reading anything and
:func:`score_jobs` once the résumé and taxonomy are loaded; :mod:`cvgap.cli.diff` (``--job``)
calls :func:`refuse_role_with_job` and :func:`posting_scorer`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from cvgap.cli.support import EXIT_FAILED, EXIT_OK, EXIT_VERDICT, OutputFormat, error_line

STDIN_NAME = "<stdin>"
MAX_STDIN_CHARS = 2_000_000  # characters a pasted posting may have

if TYPE_CHECKING:
    from spacy.language import Language

    from cvgap.types import JobPosting, Report, Resume, Role, Taxonomy
    from cvgap.types.job_match import JobRanking, PostingText


def _job_option(help: str) -> Any:
    """The ``--job``/``-j`` option of a command, with its help."""
    return typer.Option("--job", "-j", help=help, show_default=False, metavar="<posting>")


JobOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional on Python 3.10
    _job_option(
        "A job posting to compare with instead of a role (.txt, .md, .pdf, .docx, .html; - "
        "reads it from standard input). Several --job, or a folder, rank the postings by fit."
    ),
]
BatchJobOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
    _job_option(
        "Rank the résumés against this job posting instead of a role (- reads it from "
        "standard input)."
    ),
]
DiffJobOption = Annotated[
    Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
    _job_option(
        "Score both versions against this job posting instead of a role (- reads it from "
        "standard input)."
    ),
]


def refuse_role_with_job(ctx: typer.Context, resume: object, jobs: list[str]) -> None:
    """Exit 2 with one ``error:`` line when ``--role`` is given explicitly next to
    ``--job``, or when the résumé and the posting both come from standard input."""
    source = ctx.get_parameter_source("role")
    if source is not None and source.name == "COMMANDLINE":
        error_line("--job and --role are exclusive: compare with a posting or a role")
        raise typer.Exit(EXIT_FAILED)
    if str(resume) == "-" and "-" in jobs:
        error_line("the résumé and the posting cannot both come from standard input")
        raise typer.Exit(EXIT_FAILED)


def read_stdin_posting() -> str:
    """The posting text from standard input; at a terminal, say how to end the paste. The
    text ends with a line break, so that it is never taken for a file name, and raises
    :class:`~cvgap.errors.InputError` when it is empty or over the size limit."""
    from cvgap.errors import InputError

    if sys.stdin.isatty():
        typer.echo("Paste the job posting, then press Ctrl-D on a new line:", err=True)
    text = sys.stdin.read(MAX_STDIN_CHARS + 1)
    if len(text) > MAX_STDIN_CHARS:
        raise InputError("standard input is over the posting size limit", path=STDIN_NAME)
    if not text.strip():
        raise InputError(
            "nothing on standard input (paste the posting, then Ctrl-D)", path=STDIN_NAME
        )
    return text if text.endswith("\n") else text + "\n"


def score_jobs(resume: Resume, jobs: list[str], taxonomy: Taxonomy) -> Report | JobRanking:
    """The report against one posting, or the ranking of several (raises
    :class:`~cvgap.errors.CvgapError` when the one posting cannot be read, or none can)."""
    from cvgap.errors import InputError
    from cvgap.extract import build_nlp, extract_skills
    from cvgap.job.match import match_job
    from cvgap.job.rank import (
        STDIN,
        posting_sources,
        rank_postings,
        read_postings,
        wants_ranking,
    )

    sources = posting_sources(jobs)
    stdin_text = read_stdin_posting() if STDIN in sources else None
    nlp = build_nlp(taxonomy)
    mentions = extract_skills(resume, nlp, taxonomy)
    if not wants_ranking(jobs):
        posting = _one_posting(sources[0], taxonomy, nlp, stdin_text=stdin_text)
        return match_job(resume, mentions, posting, taxonomy, nlp)
    postings, errors = read_postings(sources, taxonomy=taxonomy, nlp=nlp, read_text=stdin_text)
    if not postings:
        file, problem = errors[0]
        raise InputError(f"no posting could be read ({len(errors)} tried): {problem}", path=file)
    for file, problem in errors:
        error_line(f"{file}: {problem}")
    return rank_postings(resume, mentions, postings, taxonomy, nlp, errors=errors)


def posting_scorer(spec: str, taxonomy: Taxonomy) -> Callable[[Resume], Report]:
    """Read the one posting ``spec`` names (a file, or ``-``: standard input) once, and
    return what scores a résumé against it (``cvgap diff --job``: both versions against
    the same posting, each report as ``check --job`` makes it)."""
    from cvgap.extract import build_nlp, extract_skills
    from cvgap.job.match import match_job

    nlp = build_nlp(taxonomy)
    posting = _one_posting(spec, taxonomy, nlp)

    def score(resume: Resume) -> Report:
        return match_job(resume, extract_skills(resume, nlp, taxonomy), posting, taxonomy, nlp)

    return score


def _one_posting(
    spec: str, taxonomy: Taxonomy, nlp: Language, *, stdin_text: str | None = None
) -> JobPosting:
    """The posting at ``spec``; for ``-`` the text on standard input (``stdin_text`` when
    it was read already)."""
    from cvgap.api import as_posting
    from cvgap.job.rank import STDIN

    if spec != STDIN:
        return as_posting(spec, taxonomy=taxonomy, nlp=nlp)
    from cvgap.job.posting import read_posting_text

    text = read_stdin_posting() if stdin_text is None else stdin_text
    return read_posting_text(text, source=STDIN_NAME, format="text", taxonomy=taxonomy, nlp=nlp)


def read_batch_posting(
    spec: str, taxonomy: Taxonomy, *, full: bool
) -> tuple[JobPosting | PostingText, Role, Taxonomy]:
    """The posting of ``cvgap batch --job``, the role it becomes and the taxonomy its rows
    are named with (see :func:`cvgap.job.match_scope.posting_scope`). Unless ``full`` (CSV
    columns and cohort reports need the requirements), only the text is read here, and
    the role is its id: each worker reads the posting with its own pipeline, which spares
    this process importing spaCy (about a second of CPU)."""
    from cvgap.job.match_scope import JOB_ROLE_PREFIX, posting_scope
    from cvgap.job.posting import read_posting_text
    from cvgap.job.rank import STDIN
    from cvgap.job.read import TEXT_SOURCE, posting_text
    from cvgap.types import Role, SourceRef
    from cvgap.types.job_match import PostingText

    if spec == STDIN:
        text, source, fmt = read_stdin_posting(), TEXT_SOURCE, "text"
    else:
        text, source, fmt = posting_text(Path(spec))
    if not full:
        role = Role(id=JOB_ROLE_PREFIX + source, title=source, source=SourceRef(path=source))
        return PostingText(text=text, source=source, format=fmt), role, taxonomy
    posting = read_posting_text(text, source=source, format=fmt, taxonomy=taxonomy)
    role, scope = posting_scope(posting, taxonomy)
    return posting, role, scope


def write_ranking(
    ranking: JobRanking, output_format: OutputFormat, output: Path | None, *, top: int | None
) -> None:
    """The ranking in the chosen format, to ``output`` or stdout; each posting's ``top``
    gaps are named, the rest counted (JSON has all)."""
    from cvgap.cli.outputs import gaps_shown, print_view
    from cvgap.cli.support import write_output
    from cvgap.report.job_common import render_ranking_json

    top = gaps_shown(top)

    if output_format is OutputFormat.json:
        write_output(render_ranking_json(ranking), output)
    elif output_format is OutputFormat.markdown:
        from cvgap.report.job_markdown import render_ranking_markdown

        write_output(render_ranking_markdown(ranking, top=top), output)
    elif output_format is OutputFormat.html:
        from cvgap.report.job_html import render_ranking_html

        write_output(render_ranking_html(ranking, top=top), output)
    else:
        from cvgap.report.job_terminal import render_ranking

        print_view(render_ranking(ranking, top=top), output)


def ranking_exit(ranking: JobRanking, min_score: int | None) -> int:
    """2 when some posting could not be read; 1 when ``--min-score`` is given and no
    posting reaches it; else 0."""
    if ranking.errors:
        return EXIT_FAILED
    best = max((r.score for r in ranking.reports), default=0)
    if min_score is not None and best < min_score:
        typer.echo(f"no posting reaches --min-score {min_score} (best {best})", err=True)
        return EXIT_VERDICT
    return EXIT_OK
