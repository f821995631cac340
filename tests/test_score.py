"""Credit rules: applied > listed > implied > missing, and the report says which."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cvgap.extract import extract_skills
from cvgap.ingest import resume_from_text
from cvgap.score import CREDIT_APPLIED, CREDIT_IMPLIED, CREDIT_LISTED, score
from cvgap.taxonomy import get_role
from cvgap.types import Report, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


def report_for(text: str, nlp: Language, taxonomy: Taxonomy) -> Report:
    resume = resume_from_text(text)
    return score(
        resume, extract_skills(resume, nlp, taxonomy), get_role(taxonomy, "cv-intern"), taxonomy
    )


def test_credit_order() -> None:
    assert CREDIT_APPLIED > CREDIT_LISTED > CREDIT_IMPLIED > 0


def test_applied_scores_higher_than_listed(nlp: Language, taxonomy: Taxonomy) -> None:
    applied = report_for("Projects\n- Built an image pipeline in OpenCV with NumPy", nlp, taxonomy)
    listed = report_for("Skills\nOpenCV, NumPy", nlp, taxonomy)
    assert applied.score > listed.score
    opencv = {s.id: s for s in applied.skills}["opencv"]
    assert [e.usage for e in opencv.evidence] == ["applied"]
    assert {s.id: s for s in listed.skills}["opencv"].evidence[0].usage == "listed"


def test_applied_evidence_comes_first(nlp: Language, taxonomy: Taxonomy) -> None:
    report = report_for(
        "Skills\nPyTorch\nExperience\n- Trained a detector in PyTorch", nlp, taxonomy
    )
    pytorch = {s.id: s for s in report.skills}["pytorch"]
    assert [(e.line, e.usage) for e in pytorch.evidence] == [(4, "applied"), (2, "listed")]


def test_fuzzy_evidence_is_marked(nlp: Language, taxonomy: Taxonomy) -> None:
    report = report_for("Skills\nPytroch", nlp, taxonomy)
    evidence = {s.id: s for s in report.skills}["pytorch"].evidence[0]
    assert evidence.to_dict()["match"] == "fuzzy"


def test_intents_never_count(nlp: Language, taxonomy: Taxonomy) -> None:
    report = report_for("Summary\nNo experience with PyTorch; want to learn OpenCV", nlp, taxonomy)
    by_id = {s.id: s for s in report.skills}
    assert by_id["pytorch"].status == "missing"
    assert by_id["opencv"].status == "missing"
    assert {s.id for s in report.intents} == {"pytorch", "opencv"}
    assert report.score == 0
