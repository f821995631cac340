"""The public Python API: analyze() end to end and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cvgap
from cvgap.types import Taxonomy

DATA = Path(__file__).parent / "data"

SEED_SKILL_IDS = [
    "python",
    "cpp",
    "matlab",
    "cuda",
    "pytorch",
    "tensorflow",
    "keras",
    "opencv",
    "pillow",
    "numpy",
    "scikit-learn",
    "docker",
    "git",
    "linux",
    "computer-vision",
    "image-processing",
    "machine-learning",
    "deep-learning",
    "neural-networks",
    "cnn",
    "vision-transformer",
    "object-detection",
    "image-classification",
    "image-segmentation",
    "anomaly-detection",
    "data-collection",
    "data-annotation",
    "data-preprocessing",
    "model-evaluation",
    "linear-algebra",
    "agile",
    "communication",
    "problem-solving",
    "teamwork",
    "cs-degree",
]


def test_public_api_names() -> None:
    for name in (
        "analyze",
        "load_resume",
        "load_taxonomy",
        "build_nlp",
        "extract_skills",
        "score",
        "get_role",
        "CvgapError",
        "Report",
        "__version__",
    ):
        assert name in cvgap.__all__
        assert hasattr(cvgap, name)


def test_taxonomy_defines_every_skill_id_outside_tools_rely_on(taxonomy: Taxonomy) -> None:
    missing = [sid for sid in SEED_SKILL_IDS if sid not in taxonomy.skills]
    assert missing == []


def test_cv_intern_role_asks_for_every_seed_skill(taxonomy: Taxonomy) -> None:
    role = taxonomy.roles["cv-intern"]
    asked = {sid for req in role.requirements for sid in req.skills}
    assert set(SEED_SKILL_IDS) <= asked


def test_resume_naming_every_seed_skill_matches_every_listed_id(
    taxonomy: Taxonomy, nlp: Any
) -> None:
    report = cvgap.analyze(DATA / "every-seed-skill.txt", taxonomy=taxonomy, nlp=nlp)
    status = {s.id: s.status for s in report.skills}
    not_matched = {sid: status.get(sid) for sid in SEED_SKILL_IDS if status.get(sid) != "matched"}
    assert not_matched == {}
    assert report.score >= 85
    assert {g.id for g in report.gaps} <= {"research-experience"}  # not named by the seed


def test_analyze_accepts_text_and_reports_evidence_line(taxonomy: Taxonomy, nlp: Any) -> None:
    text = "EXPERIENCE\n- Trained a detector in PyTorch on drone images\n"
    report = cvgap.analyze(text, taxonomy=taxonomy, nlp=nlp)
    pytorch = next(s for s in report.skills if s.id == "pytorch")
    assert pytorch.status == "matched"
    assert pytorch.evidence[0].line == 2
    assert pytorch.evidence[0].section == "experience"
    assert pytorch.evidence[0].text == "- Trained a detector in PyTorch on drone images"


def test_implied_skill_cites_the_line_it_came_from(taxonomy: Taxonomy, nlp: Any) -> None:
    text = "PROJECTS\nFine-tuned YOLOv8 on traffic cameras\nSKILLS\nPyTorch\n"
    report = cvgap.analyze(text, taxonomy=taxonomy, nlp=nlp)
    by_id = {s.id: s for s in report.skills}
    assert by_id["object-detection"].status == "implied"
    assert by_id["object-detection"].evidence[0].via == "yolo"
    assert by_id["object-detection"].evidence[0].line == 2
    assert by_id["python"].status == "implied"
    assert by_id["python"].evidence[0].via == "pytorch"


def test_missing_skills_are_heaviest_first_with_a_suggestion(taxonomy: Taxonomy, nlp: Any) -> None:
    report = cvgap.analyze("SKILLS\nPython, Git\n", taxonomy=taxonomy, nlp=nlp)
    weights = [g.weight for g in report.gaps]
    assert weights == sorted(weights, reverse=True)
    assert all(g.suggestion for g in report.gaps)
    assert report.score < 40


def test_json_contract(taxonomy: Taxonomy, nlp: Any) -> None:
    from cvgap.report import render_json

    report = cvgap.analyze(DATA / "every-seed-skill.txt", taxonomy=taxonomy, nlp=nlp)
    doc = json.loads(render_json(report))
    assert doc["schema_version"] == 1
    assert doc["role"] == "cv-intern"
    assert isinstance(doc["score"], int) and 0 <= doc["score"] <= 100
    assert {"file", "categories", "skills", "extra_skills", "warnings"} <= set(doc)
    assert {"id", "name", "score"} <= set(doc["categories"][0])
    skill = doc["skills"][0]
    assert {
        "id",
        "name",
        "category",
        "status",
        "required",
        "weight",
        "evidence",
        "suggestion",
    } <= set(skill)
    assert skill["status"] in {"matched", "implied", "missing"}
    assert {"text", "section", "line"} <= set(skill["evidence"][0])


def test_unknown_role_names_the_known_roles(taxonomy: Taxonomy) -> None:
    with pytest.raises(cvgap.UnknownRoleError, match=r"unknown role 'chef'.*cv-intern"):
        cvgap.analyze("SKILLS\nPython\n", role="chef", taxonomy=taxonomy)


def test_group_alternative_is_covered_not_a_gap(taxonomy: Taxonomy, nlp: Any) -> None:
    report = cvgap.analyze("SKILLS\nPyTorch\n", taxonomy=taxonomy, nlp=nlp)
    tf = next(s for s in report.skills if s.id == "tensorflow")
    assert tf.status == "missing"
    assert tf.covered_by == "pytorch"
    assert "tensorflow" not in {g.id for g in report.gaps}
