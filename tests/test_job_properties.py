"""Property tests: arbitrary text or bytes into the posting reader end in a JobPosting or
an InputError, never another exception; what it returns is self-consistent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgap.errors import InputError
from cvgap.job import read_job
from cvgap.types import JobPosting, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

# Words that steer the reader into its branches: headings, cues, skills, degrees, years.
VOCABULARY = [
    "Requirements:", "Nice to have", "What you'll do", "About us", "Benefits", "- ",
    "Python", "PyTorch", "or", "and/or", "TensorFlow", "C++/Python", "such as", "e.g.",
    "is a plus", "not required", "you will learn", "ideally", "2+ years", "three years of",
    "BS/MS", "PhD", "in Computer Science", "Docker", "ROS 2", "(", ")", ":", ";", ".", ",",
    "\n", "\n\n", "# ", "■", "experience with", "familiarity with", "Perforce", "bonus scheme",
]  # fmt: skip
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _consistent(job: JobPosting) -> None:
    data = job.to_dict()
    assert {"requirements", "duties", "degree", "years", "warnings"} <= set(data)
    ids = [r.id for r in job.requirements if r.id is not None]
    assert len(ids) == len(set(ids))
    for r in job.requirements:
        assert r.tier in ("required", "preferred")
        assert r.evidence
    groups: dict[str, int] = {}
    for r in job.requirements:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    assert all(n > 1 for n in groups.values())
    assert not {d.id for d in job.duties} & set(ids)


def _read_or_clear_error(source: str | Path, taxonomy: Taxonomy, nlp: Language) -> None:
    try:
        job = read_job(source, taxonomy=taxonomy, nlp=nlp)
    except InputError as exc:
        assert str(exc)
        return
    _consistent(job)


@SETTINGS
@given(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=12), max_size=60))
def test_any_posting_text_reads_or_fails_cleanly(
    taxonomy: Taxonomy, nlp: Language, words: list[str]
) -> None:
    _read_or_clear_error(" ".join(words) + "\n", taxonomy, nlp)


@SETTINGS
@given(
    data=st.binary(max_size=3000),
    suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx", ""]),
)
def test_any_bytes_read_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory,
    taxonomy: Taxonomy,
    nlp: Language,
    data: bytes,
    suffix: str,
) -> None:
    path: Path = tmp_path_factory.mktemp("posting") / f"posting{suffix}"
    path.write_bytes(data)
    _read_or_clear_error(path, taxonomy, nlp)


@SETTINGS
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_any_html_reads_or_fails_cleanly(
    tmp_path_factory: pytest.TempPathFactory, taxonomy: Taxonomy, nlp: Language, body: str
) -> None:
    path = tmp_path_factory.mktemp("page") / "job.html"
    page = (
        '<html><script type="application/ld+json">'
        + body
        + "</script><body><h2>Requirements</h2><p>"
        + body
        + "</p></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    _read_or_clear_error(path, taxonomy, nlp)
