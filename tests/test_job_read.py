"""Reading a posting: tiers from headings and inline cues, duties apart, any-of groups,
degree and years, unmapped terms, bad inputs as one clear error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cvgap.errors import InputError
from cvgap.job import read_job
from cvgap.types import JobPosting, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


Read = Callable[[str], JobPosting]


@pytest.fixture
def read(taxonomy: Taxonomy, nlp: Language) -> Read:
    def _read(text: str) -> JobPosting:
        return read_job(text if "\n" in text else text + "\n", taxonomy=taxonomy, nlp=nlp)

    return _read


def tiers(job: JobPosting) -> dict[str, str]:
    return {r.id or r.name: r.tier for r in job.requirements}


def groups(job: JobPosting) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for r in job.requirements:
        if r.group:
            found.setdefault(r.group, set()).add(r.id or r.name)
    return list(found.values())


POSTING = """Computer Vision Intern
About us
We are a computer vision startup; our stack is PyTorch and Kubernetes.
Requirements:
- Currently pursuing a BS/MS in Computer Science or a related field
- Strong Python and PyTorch or TensorFlow
- 2+ years of experience with OpenCV
- Docker is a plus
- Experience with Perforce is not required
What you will do
- Annotate images and train object detectors
Nice to have
- a framework such as JAX, Keras
Benefits
- Annual bonus scheme and a Linux laptop
"""


def test_sections_and_inline_cues_decide_the_tier(read: Read) -> None:
    job = read(POSTING)
    assert job.title == "Computer Vision Intern"
    assert tiers(job) == {
        "cs-degree": "required",
        "python": "required",
        "pytorch": "required",
        "tensorflow": "required",
        "opencv": "required",
        "docker": "preferred",
        "jax": "preferred",
        "keras": "preferred",
    }


def test_duties_are_kept_apart_and_boilerplate_is_no_requirement(read: Read) -> None:
    job = read(POSTING)
    assert {d.id for d in job.duties} == {"data-annotation", "object-detection"}
    ids = {r.id for r in job.requirements}
    assert "linux" not in ids  # benefits
    assert "object-detection" not in ids


def test_or_and_such_as_lists_become_any_of_groups(read: Read) -> None:
    assert groups(read(POSTING)) == [{"pytorch", "tensorflow"}, {"jax", "keras"}]
    assert groups(read("Requirements\n- Proficiency in C++/Python\n- Python and/or Go")) == [
        {"cpp", "python"},
        {"python", "go"},
    ] or groups(read("Requirements\n- Proficiency in C++/Python")) == [{"cpp", "python"}]


def test_degree_and_years(read: Read) -> None:
    job = read(POSTING)
    assert job.degree is not None
    assert (job.degree.level, job.degree.pursuing) == ("bachelor", True)
    assert job.degree.fields == ("cs-degree",)
    assert job.years is not None
    assert (job.years.years, job.years.skill) == (2.0, "opencv")
    opencv = next(r for r in job.requirements if r.id == "opencv")
    assert opencv.years == 2.0
    master = read("Qualifications\n- Master's or PhD student in EE, or equivalent experience")
    assert master.degree is not None
    assert (master.degree.level, master.degree.or_equivalent) == ("master", True)
    assert read("Requirements\n- Python and C++").years is None


def test_terms_outside_the_taxonomy_are_unmapped_requirements(read: Read) -> None:
    job = read("Requirements\n- Experience with Python and Perforce\n- Isaac Sim is a plus")
    unmapped = {r.name: r.tier for r in job.requirements if r.id is None}
    assert unmapped == {"Perforce": "required", "Isaac Sim": "preferred"}


def test_you_will_learn_is_a_duty_not_an_intent_or_a_requirement(read: Read) -> None:
    job = read("Requirements\n- Python\n- You will learn ROS and CUDA on the job")
    assert tiers(job) == {"python": "required"}
    assert {d.id for d in job.duties} == {"ros", "cuda"}


def test_no_implications_a_framework_does_not_ask_for_deep_learning(read: Read) -> None:
    assert tiers(read("Requirements\n- PyTorch")) == {"pytorch": "required"}


def test_headingless_posting_reads_inline_cues(read: Read) -> None:
    job = read(
        "We are looking for an intern with solid Python skills. Knowledge of OpenCV is a plus. "
        "You will train segmentation models. No prior experience with ROS needed."
    )
    assert tiers(job) == {"python": "required", "opencv": "preferred"}
    assert {d.id for d in job.duties} == {"image-segmentation"}


def test_evidence_quotes_the_posting_line(read: Read) -> None:
    job = read(POSTING)
    docker = next(r for r in job.requirements if r.id == "docker")
    assert [(e.number, e.text) for e in docker.evidence] == [(8, "- Docker is a plus")]
    data = json.loads(json.dumps(job.to_dict()))
    assert set(data) >= {"requirements", "duties", "degree", "years", "warnings"}
    assert set(data["requirements"][0]) >= {"id", "name", "tier", "group", "evidence"}


def test_warnings_when_nothing_is_recognisable(read: Read) -> None:
    job = read("About us\nWe are a friendly bakery in the old town with a long tradition.")
    assert job.requirements == ()
    assert any("no recognisable requirements" in w for w in job.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary" * 50, "binary"),
        (
            "Wir suchen eine Praktikantin oder einen Praktikanten für unser Team. Du hast "
            "Erfahrung mit Python und bist an der Universität eingeschrieben. Wir bieten "
            "eine gute Betreuung und die Möglichkeit, mit der Kamera zu arbeiten und die "
            "Daten zu analysieren.".encode(),
            "German",
        ),
        (
            b"Jane Doe\njane@example.com\nEducation\nBSc Computer Science, 2021 - 2024\n"
            b"Experience\nIntern, Acme, 2023 - 2024\n- Trained YOLO detectors in PyTorch\n"
            b"Skills\nPython, OpenCV, Docker\nProjects\n- Lane detection 2022 - 2023\n",
            "résumé",
        ),
    ],
)
def test_bad_postings_are_one_clear_error(
    tmp_path: Path, taxonomy: Taxonomy, nlp: Language, content: bytes, message: str
) -> None:
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_job(path, taxonomy=taxonomy, nlp=nlp)


def test_missing_and_oversized_files(tmp_path: Path, taxonomy: Taxonomy) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_job(tmp_path / "nope.txt", taxonomy=taxonomy)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Python is required.\n" * 300_000)
    with pytest.raises(InputError, match="limit"):
        read_job(big, taxonomy=taxonomy)


def test_a_skill_naming_the_role_is_not_asked(read: Read) -> None:
    job = read("We are looking for a Machine Learning Intern with strong Python skills.")
    assert tiers(job) == {"python": "required"}


def test_an_explicit_preferred_cue_beats_requirement_phrasing(read: Read) -> None:
    job = read(
        "What you bring\nYou have solid C++ skills and ideally you have used OpenCV. "
        "Experience with ROS is advantageous."
    )
    assert tiers(job) == {"cpp": "required", "opencv": "preferred", "ros": "preferred"}


def test_labels_inside_a_pasted_one_line_posting(read: Read) -> None:
    job = read(
        "Vision intern. Requirements: Python and OpenCV; Docker is a plus. "
        "[Duties: annotate images, train detectors]"
    )
    assert tiers(job) == {"python": "required", "opencv": "required", "docker": "preferred"}
    assert {d.id for d in job.duties} >= {"data-annotation"}


def test_boilerplate_and_company_prose_name_nothing_asked(read: Read) -> None:
    job = read(
        "About us\nWe build computer vision for farms with PyTorch.\n"
        "Requirements\n- Python\nWe offer a bonus scheme and a Linux laptop.\n"
        "Acme is an equal opportunity employer that values Docker users."
    )
    assert tiers(job) == {"python": "required"}


def test_spelling_variants_do_not_join_across_a_sentence_end(
    taxonomy: Taxonomy, nlp: Language
) -> None:
    from cvgap.extract import extract_skills
    from cvgap.ingest import resume_from_text

    mentions = extract_skills(resume_from_text("Used OpenCV. Python for scripts"), nlp, taxonomy)
    assert [(m.skill_id, m.text) for m in mentions] == [("opencv", "OpenCV"), ("python", "Python")]
    slashed = extract_skills(resume_from_text("Languages: C++/Python"), nlp, taxonomy)
    assert [m.skill_id for m in slashed] == ["cpp", "python"]


def test_line_numbers_are_those_of_the_file(read: Read) -> None:
    job = read("Vision Intern\n\n\nRequirements\n\n- Python\n\n- Docker is a plus\n")
    assert {r.id: r.evidence[0].number for r in job.requirements} == {"python": 6, "docker": 8}
    assert [line.number for line in job.lines] == [1, 4, 6, 8]


def test_a_slashed_alias_of_two_skills_is_a_group(read: Read) -> None:
    job = read("Requirements\n- Familiar with C/C++ and Python")
    assert tiers(job) == {"c": "required", "cpp": "required", "python": "required"}
    assert groups(job) == [{"c", "cpp"}]


def test_mostly_boilerplate_is_a_warning(read: Read) -> None:
    about = "We are a global leader in connected devices with values we live every day. " * 8
    job = read(f"About us\n{about}\nBenefits\nA pension and a gym.\nRequirements\n- Python\n")
    assert tiers(job) == {"python": "required"}
    assert any(w.startswith("mostly boilerplate") for w in job.warnings)


def test_weak_duty_phrasing_is_a_duty_only_outside_requirements(read: Read) -> None:
    job = read(
        "Vision Intern\nYou would work on our Docker-based tools.\n"
        "Requirements\n- Comfortable working on Linux\n"
        "- Familiarity with working on a cluster with Git would be an advantage\n"
    )
    assert tiers(job) == {"linux": "required", "git": "preferred"}
    assert {d.id for d in job.duties} == {"docker"}
