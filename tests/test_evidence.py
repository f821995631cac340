"""Evidence a recruiter would sign (issue 12): context cues read from the cue files, what is
never evidence on its own (headings, contact lines, organisations), list items glued by
punctuation, and the headings that used to fall through."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cvgap.extract import build_nlp, extract_skills
from cvgap.ingest import resume_from_text
from cvgap.ingest.sections import heading_section
from cvgap.score import score
from cvgap.taxonomy import check_taxonomy, get_role, load_taxonomy
from cvgap.types import SkillMention, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


def read(
    text: str, nlp: Language, taxonomy: Taxonomy, language: str | None = None
) -> list[SkillMention]:
    return extract_skills(resume_from_text(text), nlp, taxonomy, language=language)


def counted(text: str, nlp: Language, taxonomy: Taxonomy, language: str | None = None) -> set[str]:
    return {m.skill_id for m in read(text, nlp, taxonomy, language) if not m.negated}


@pytest.mark.parametrize(
    ("text", "skill", "language"),
    [
        ("Calculus II not taken", "calculus", None),
        ("Nil exposure to Kubernetes", "docker", None),
        ("Keen to get hands-on with JAX", "jax", None),
        ("I lack hands-on OpenCV work", "opencv", None),
        ("CUDA — not yet", "cuda", None),
        ("CUDA: not yet", "cuda", None),
        ("Kubernetes (none)", "docker", None),
        ("Docker: no real experience", "docker", None),
        ("TensorFlow / PyTorch — not yet, planning to start this summer", "tensorflow", None),
        ("Machine Learning (CS 171) — not taken.", "machine-learning", None),
        ("Linux: keine Erfahrung, bisher nur Windows", "linux", "de"),
        ("OpenCV : non", "opencv", "fr"),
        ("Linux: nunca lo he usado", "linux", "es"),
        ("Git: ainda não uso no trabalho", "git", "pt"),
    ],
)
def test_negated_and_postfix_cues_stop_a_mention_counting(
    text: str, skill: str, language: str | None, nlp: Language, taxonomy: Taxonomy
) -> None:
    hits = [m for m in read(text, nlp, taxonomy, language) if m.skill_id == skill]
    assert hits
    assert all(m.negated for m in hits)


@pytest.mark.parametrize(
    ("text", "language", "skills"),
    [
        ("Automatizei tarefas no Jira e scripts Python no Linux", "pt", {"python", "linux"}),
        ("Not only PyTorch but also TensorFlow", None, {"pytorch", "tensorflow"}),
        ("No doubt PyTorch helped", None, {"pytorch"}),
        ("Trained a CNN — no pretrained weights were used", None, {"cnn"}),
        ("Python: 3 years; no experience with Rust", None, {"python"}),
    ],
)
def test_pseudo_cues_and_own_scopes_keep_real_skills(
    text: str, language: str | None, skills: set[str], nlp: Language, taxonomy: Taxonomy
) -> None:
    assert skills <= counted(text, nlp, taxonomy, language)


def test_a_wrapped_sentence_keeps_its_cue(nlp: Language, taxonomy: Taxonomy) -> None:
    text = (
        "Summary\nFirst-year student. I am keen to get hands-on with OpenCV and\n"
        "PyTorch, but so far I only know Python from an introductory course."
    )
    found = {m.skill_id: m.negated for m in read(text, nlp, taxonomy)}
    assert found["opencv"] and found["pytorch"]
    assert not found["python"]


def test_english_no_is_a_negation_in_an_english_resume(nlp: Language, taxonomy: Taxonomy) -> None:
    assert "keras" not in counted("Baseline in TF2 with a custom loop (no Keras)", nlp, taxonomy)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Experience\nSoftware Engineer — Docker Inc., 2021 – 2023", "docker"),
        ("Experience\nMechanical Engineer, Acme Robotics, Berlin, 2022 – 2024", "robotics"),
        ("Experience\nBookkeeper — Python Creek Outfitters, Squamish 2019 – 2022", "python"),
        ("Experience\nCoursera, Mountain View\n- Answered support tickets", "relevant-coursework"),
        ("GitHub | LinkedIn | Website", "git"),
        ('I have no background; the "GitHub" link above goes to a press page', "git"),
        ("PUBLICATIONS\n(to be added)\nEXPERIENCE\nBarista, 2024", "research-experience"),
    ],
)
def test_organisations_contact_lines_and_empty_headings_are_not_evidence(
    text: str, absent: str, nlp: Language, taxonomy: Taxonomy
) -> None:
    assert absent not in counted(text, nlp, taxonomy)


def test_an_ignored_employer_brings_no_implications(nlp: Language, taxonomy: Taxonomy) -> None:
    resume = resume_from_text("Experience\nSupport Representative — TensorFlow Academy, 2019")
    report = score(
        resume, extract_skills(resume, nlp, taxonomy), get_role(taxonomy, "cv-intern"), taxonomy
    )
    statuses = {s.id: s.status for s in report.skills}
    assert statuses["tensorflow"] == "missing"
    assert statuses["deep-learning"] == "missing"


def test_the_skill_still_counts_from_a_real_line(nlp: Language, taxonomy: Taxonomy) -> None:
    text = "Experience\nDevOps Intern — Docker Inc., 2023 – 2024\n- Built Docker images for CI"
    mentions = [m for m in read(text, nlp, taxonomy) if m.skill_id == "docker"]
    assert [m.line for m in mentions] == [3]


def test_job_titles_degrees_and_labs_are_not_organisations(
    nlp: Language, taxonomy: Taxonomy
) -> None:
    text = (
        "Experience\nComputer Vision Intern — Acme, 2024\n"
        "Research Assistant, Robotics Lab, 2023\n"
        "Education\nB.Sc. Computer Science, Rheinfeld University, 2022 – 2026"
    )
    assert {"computer-vision", "robotics", "cs-degree"} <= counted(text, nlp, taxonomy)


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("C++,MATLAB", {"cpp", "matlab"}),
        ("C#;Java", {"csharp", "java"}),
        ("Node.js/React", {"javascript"}),
        ("Python|C++/CUDA", {"python", "cpp", "cuda"}),
    ],
)
def test_list_items_glued_by_punctuation_split(
    text: str, skills: set[str], nlp: Language, taxonomy: Taxonomy
) -> None:
    assert skills <= counted(f"Skills\n{text}", nlp, taxonomy)


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("PROJECT", "projects"),
        ("CERTIFICATION", "certifications"),
        ("Patents", "publications"),
        ("Invited Talks", "publications"),
        ("Additional", "activities"),
        ("Berufserfahrung", "experience"),
        ("Compétences techniques", "skills"),
        ("Proyectos personales", "projects"),
        ("Formação Académica", "education"),
    ],
)
def test_headings_that_fell_through(heading: str, section: str) -> None:
    assert heading_section(heading) == section


def test_posting_cues_never_reach_resume_reading(tmp_path: Path) -> None:
    (tmp_path / "posting-en.yaml").write_text(
        "document: posting\nlanguage: en\ncues:\n"
        '  - {cue: "experience with", category: preferred, direction: forward}\n',
        encoding="utf-8",
    )
    taxonomy = load_taxonomy([tmp_path], include_default=True)
    assert any(c.document == "posting" for c in taxonomy.cues)
    nlp = build_nlp(taxonomy)
    assert "pytorch" in counted("Two years of experience with PyTorch", nlp, taxonomy)


def test_an_unknown_list_is_an_error_at_its_place(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        "category: {id: x, name: X}\nskills:\n  - id: y\n    name: Y\n"
        '    aliases: [{alias: why, near: ["@nope"]}]\n',
        encoding="utf-8",
    )
    _, problems = check_taxonomy([tmp_path])
    assert [(p.line, p.rule) for p in problems] == [(5, "unknown-list")]
    assert "unknown list" in problems[0].message


def test_cue_examples_run_in_taxonomy_test(runner: CliRunner, tmp_path: Path) -> None:
    from cvgap.cli import app

    (tmp_path / "resume-en.yaml").write_text(
        "document: resume\nlanguage: en\ncues:\n"
        "  - {cue: avoided, category: negated, direction: forward,"
        ' examples: {match: ["Avoided Docker"], no_match: ["Used Docker daily"]}}\n'
        "  - {cue: loved, category: negated, direction: forward,"
        ' examples: {match: ["Used Docker daily"]}}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["taxonomy", "test", str(tmp_path)])
    assert result.exit_code == 1
    assert "resume-en.yaml:5:" in result.output
    assert "no mention is read as negated" in result.output


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_lists_or_cue_file_reads_to_a_result_or_problems(text: str) -> None:
    import tempfile

    for head in ("lists:\n  ", "document: resume\nlanguage: en\ncues:\n  - "):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "f.yaml").write_text(head + text, encoding="utf-8")
            taxonomy, problems = check_taxonomy([Path(folder)])
            assert isinstance(problems, list)
            assert isinstance(taxonomy.lists, dict)


def test_builtin_cue_files_cover_five_languages() -> None:
    languages = {c.language for c in load_taxonomy().cues if c.document == "resume"}
    assert languages == {"en", "de", "fr", "es", "pt"}
