"""Scoring a résumé against a job posting (``cvgap.analyze(..., job=JobPosting)``): tiers,
any-of groups, duties, terms outside the taxonomy, degree and years checks, gaps and the
report's ``job`` object. The postings are built directly, so these tests hold whatever the
posting reader reads; tests/test_job_cli.py goes through the reader and the CLI."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cvgap
from cvgap.errors import CvgapError
from cvgap.job.match_scope import PREFERRED_CAP, REQUIRED_WEIGHT, posting_scope
from cvgap.report import render_html, render_json, render_markdown
from cvgap.types import (
    DegreeRequirement,
    JobDuty,
    JobPosting,
    JobRequirement,
    PostingLine,
    Report,
    Taxonomy,
    YearsRequirement,
)

if TYPE_CHECKING:
    from spacy.language import Language

RESUME = """Ada Park

EDUCATION
B.Sc. Computer Science, Lakeside University, expected 2099

EXPERIENCE
Vision Intern, Acme Labs (Jun 2024 - Aug 2024)
- Trained an image classifier in TensorFlow and deployed it with ROS 2 on a robot
- Wrote Python tools to clean 10,000 labelled images

SKILLS
Python, Docker, Google Cloud, OpenCV
I want to learn Rust next year.
"""


def line(n: int, text: str, section: str = "requirements") -> tuple[PostingLine, ...]:
    return (PostingLine(number=n, text=text, section=section),)


def req(
    sid: str | None, name: str, tier: str = "required", group: str | None = None, **kw: object
) -> JobRequirement:
    return JobRequirement(
        id=sid,
        name=name,
        tier=tier,  # type: ignore[arg-type]
        group=group,
        evidence=line(len(name), f"Experience with {name}"),
        **kw,  # type: ignore[arg-type]
    )


def posting(*requirements: JobRequirement, **kw: object) -> JobPosting:
    return JobPosting(
        source="posting.txt",
        title="Vision Intern",
        format="text",
        requirements=requirements,
        **kw,  # type: ignore[arg-type]
    )


def analyze(job: JobPosting, taxonomy: Taxonomy, nlp: object, text: str = RESUME) -> Report:
    return cvgap.analyze(text, job=job, taxonomy=taxonomy, nlp=nlp)  # type: ignore[arg-type]


def statuses(report: Report) -> dict[str, str]:
    assert report.job is not None
    return {m.requirement.name: m.status for m in report.job.requirements}


def test_required_weighs_more_than_preferred(taxonomy: Taxonomy, nlp: object) -> None:
    # The résumé has Python and lacks C++: missing C++ costs more when it is required.
    cpp_required = analyze(
        posting(req("python", "Python", "preferred"), req("cpp", "C++")), taxonomy, nlp
    )
    cpp_preferred = analyze(
        posting(req("python", "Python"), req("cpp", "C++", "preferred")), taxonomy, nlp
    )
    assert cpp_required.score < cpp_preferred.score
    job = cpp_preferred.job
    assert job is not None
    assert (job.coverage.required, job.coverage.preferred) == (100, 0)
    assert [g.tier for g in job.gaps] == ["preferred"]


def test_many_preferred_items_cannot_outweigh_the_required_ones(taxonomy: Taxonomy) -> None:
    preferred = [req(sid, sid, "preferred") for sid in ("cpp", "docker", "git", "linux", "cuda")]
    role, _ = posting_scope(posting(req("python", "Python"), *preferred), taxonomy)
    required_weight = sum(r.weight for r in role.requirements if r.required)
    preferred_weight = sum(r.weight for r in role.requirements if not r.required)
    assert required_weight == REQUIRED_WEIGHT
    assert preferred_weight == pytest.approx(PREFERRED_CAP * required_weight)


def test_an_any_of_group_is_met_by_its_best_member(taxonomy: Taxonomy, nlp: object) -> None:
    report = analyze(
        posting(req("pytorch", "PyTorch", group="fw"), req("tensorflow", "TensorFlow", group="fw")),
        taxonomy,
        nlp,
    )
    job = report.job
    assert job is not None
    assert statuses(report) == {"PyTorch": "missing", "TensorFlow": "matched"}
    assert job.requirements[0].covered_by == "TensorFlow"
    assert job.gaps == ()
    assert report.score == 100


def test_a_missing_group_is_one_gap_naming_every_member(taxonomy: Taxonomy, nlp: object) -> None:
    report = analyze(
        posting(
            req("python", "Python"), req("jax", "JAX", group="g"), req("cuda", "CUDA", group="g")
        ),
        taxonomy,
        nlp,
    )
    assert report.job is not None
    assert [(g.label, g.kind, g.points) for g in report.job.gaps] == [
        ("JAX or CUDA", "missing", 50)
    ]


def test_duties_are_never_missing_requirements(taxonomy: Taxonomy, nlp: object) -> None:
    duties = (
        JobDuty(id="kubernetes", name="Kubernetes", evidence=line(3, "Deploy on Kubernetes")),
        JobDuty(id="opencv", name="OpenCV", evidence=line(4, "Prototype with OpenCV")),
    )
    report = analyze(posting(req("python", "Python"), duties=duties), taxonomy, nlp)
    job = report.job
    assert job is not None
    assert report.score == 100 and job.gaps == ()
    assert [d.duty.name for d in job.shown_duties] == ["OpenCV"]
    doc = report.to_dict()["job"]
    assert [(d["name"], d["shown"]) for d in doc["duties"]] == [
        ("Kubernetes", False),
        ("OpenCV", True),
    ]
    assert all("tier" not in d for d in doc["duties"])


def test_terms_outside_the_taxonomy_are_searched_as_whole_words(
    taxonomy: Taxonomy, nlp: object
) -> None:
    report = analyze(
        posting(
            req(None, "ROS 2"),
            req(None, "Go", "preferred"),  # "Google Cloud" is not Go
            req(None, "Rust", "preferred"),  # only an intention on the résumé
            req(None, "Perforce", "preferred"),
        ),
        taxonomy,
        nlp,
    )
    assert statuses(report) == {
        "ROS 2": "matched",
        "Go": "missing",
        "Rust": "missing",
        "Perforce": "missing",
    }
    assert report.job is not None
    ros = report.job.requirements[0]
    assert ros.evidence[0].line == 6 and ros.requirement.id is None
    assert [s.name for s in report.intents] == ["Rust"]
    assert "ROS 2 \\*" in render_markdown(report)


def test_listed_only_and_implied_statuses(taxonomy: Taxonomy, nlp: object) -> None:
    report = analyze(
        posting(req("docker", "Docker"), req("machine-learning", "machine learning")),
        taxonomy,
        nlp,
    )
    assert statuses(report)["Docker"] == "listed-only"
    assert report.job is not None
    kinds = [(g.label, g.kind) for g in report.job.gaps]
    assert ("Docker", "listed-only") in kinds


def test_gaps_are_ordered_missing_required_then_preferred_then_listed_only(
    taxonomy: Taxonomy, nlp: object
) -> None:
    report = analyze(
        posting(
            req("docker", "Docker"),
            req("cuda", "CUDA", "preferred"),
            req("cpp", "C++"),
            req("python", "Python"),
        ),
        taxonomy,
        nlp,
    )
    assert report.job is not None
    gaps = [(g.label, g.kind, g.tier) for g in report.job.gaps]
    assert gaps == [
        ("C++", "missing", "required"),
        ("CUDA", "missing", "preferred"),
        ("Docker", "listed-only", "required"),
    ]
    points = [g.points for g in report.job.gaps]
    assert points[0] > points[1] > 0 and points[2] > 0


@pytest.mark.parametrize(
    ("degree", "status"),
    [
        (DegreeRequirement(level="bachelor", fields=("Computer Science",), pursuing=True), "met"),
        (DegreeRequirement(level="bachelor"), "unknown"),  # in progress; enough?
        (DegreeRequirement(level="master", pursuing=True), "not-met"),
        (DegreeRequirement(level="master", pursuing=True, or_equivalent=True), "unknown"),
        (DegreeRequirement(level="bachelor", fields=("Physics",), pursuing=True), "unknown"),
    ],
)
def test_degree_is_a_check_not_a_score_change(
    taxonomy: Taxonomy, nlp: object, degree: DegreeRequirement, status: str
) -> None:
    report = analyze(posting(req("python", "Python"), degree=degree), taxonomy, nlp)
    assert report.job is not None and report.job.degree is not None
    assert report.job.degree.status == status
    assert report.job.degree.evidence[0].text.startswith("B.Sc.")
    assert report.score == 100


def test_years_of_experience_are_counted_from_experience_dates(
    taxonomy: Taxonomy, nlp: object
) -> None:
    report = analyze(
        posting(
            req("python", "Python", years=2.0),
            req(None, "Haskell", years=1.0),
            years=YearsRequirement(years=1),
        ),
        taxonomy,
        nlp,
    )
    job = report.job
    assert job is not None and job.years is not None
    assert (job.years.status, job.years.evidence[0].line) == ("not-met", 5)
    assert "0.2 years" in job.years.detail
    assert [c.status for c in job.checks] == ["not-met", "unknown", "not-met"]


def test_json_job_object_extends_the_posting(taxonomy: Taxonomy, nlp: object) -> None:
    job_posting = posting(req("python", "Python"), req(None, "ROS 2", "preferred"))
    report = analyze(job_posting, taxonomy, nlp)
    doc = json.loads(render_json(report))
    job = doc["job"]
    expected = job_posting.to_dict()
    for key in ("source", "title", "format", "degree", "years", "warnings"):
        assert job[key] == expected[key]
    for item, original in zip(job["requirements"], expected["requirements"], strict=True):
        assert {k: item[k] for k in original} == original
        assert item["status"] in ("matched", "implied", "listed-only", "missing")
    assert job["requirements"][0]["resume_evidence"][0]["section"] == "experience"
    assert job["coverage"] == {
        "required": 100,
        "preferred": 100,
        "overall": 100,
        "weights": {"required": 3.0, "preferred": 1.0, "preferred_cap": 0.5},
    }
    assert doc["schema_version"] == 1 and doc["score"] == 100
    role_doc = cvgap.analyze(RESUME, taxonomy=taxonomy, nlp=nlp).to_dict()  # type: ignore[arg-type]
    assert "job" not in role_doc


def test_every_format_shows_tiers_statuses_and_both_lines(taxonomy: Taxonomy, nlp: object) -> None:
    report = analyze(
        posting(req("tensorflow", "TensorFlow"), req("cpp", "C++", "preferred")), taxonomy, nlp
    )
    for text in (render_markdown(report), render_html(report)):
        assert "required" in text and "preferred" in text
        assert "Experience with TensorFlow" in text  # the posting's line
        assert "Trained an image classifier in TensorFlow" in text  # the résumé's line
        assert "missing" in text


def test_role_and_job_are_exclusive_in_the_api(taxonomy: Taxonomy) -> None:
    with pytest.raises(CvgapError, match="not both"):
        cvgap.analyze(RESUME, role="cv-intern", job=posting(), taxonomy=taxonomy)


def test_a_posting_without_requirements_scores_zero_with_no_gaps_claimed(
    taxonomy: Taxonomy, nlp: object
) -> None:
    report = analyze(posting(warnings=("no requirements found",)), taxonomy, nlp)
    assert report.score == 0
    assert report.verdict.startswith("Nothing to score")
    assert "No gaps" not in render_markdown(report)
    assert "no requirements found" in render_markdown(report)


@settings(max_examples=30, deadline=None)
@given(
    terms=st.lists(st.text(max_size=20), max_size=4),
    text=st.text(max_size=200),
)
def test_any_terms_against_any_resume_text_give_a_report(
    taxonomy: Taxonomy, nlp: Language, terms: list[str], text: str
) -> None:
    from cvgap.extract import extract_skills
    from cvgap.ingest import resume_from_text
    from cvgap.job.match import match_job

    resume = resume_from_text("SKILLS\n" + text + "\n")
    job = posting(*(req(None, term or "x", "preferred") for term in terms))
    report = match_job(resume, extract_skills(resume, nlp, taxonomy), job, taxonomy, nlp)
    assert 0 <= report.score <= 100
    assert report.job is not None
    assert len(report.job.requirements) <= len(terms)
    json.loads(render_json(report))


@settings(max_examples=25, deadline=None)
@given(text=st.text(max_size=400))
def test_any_posting_text_gives_a_report_or_a_clear_error(
    taxonomy: Taxonomy, nlp: Language, text: str
) -> None:
    try:
        report = cvgap.analyze(RESUME, job=text + "\n", taxonomy=taxonomy, nlp=nlp)
    except CvgapError as exc:
        assert str(exc)
        return
    assert report.job is not None and 0 <= report.score <= 100
    render_markdown(report), render_html(report), json.loads(render_json(report))


def test_posting_text_is_escaped_in_every_format(taxonomy: Taxonomy, nlp: Language) -> None:
    hostile = "<script>alert(1)</script> | [x](http://e.test) **b**"
    job = posting(
        JobRequirement(
            id=None,
            name="<img src=x>",
            tier="required",
            evidence=line(2, hostile),
        )
    )
    report = analyze(job, taxonomy, nlp)
    html = render_html(report)
    assert "<script>alert" not in html and "<img src=x>" not in html
    markdown = render_markdown(report)  # shown as written: markup characters escaped
    assert "\\<script>" in markdown and "\\[x\\](http://e.test)" in markdown
    assert "\\<img src=x>" in markdown
