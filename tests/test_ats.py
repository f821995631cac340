"""What a tracking system sees: hidden text is never evidence and is reported with its words
and place, keyword-search misses name their cause, structure checks, the posting's wording,
and where it all shows (check in every format, --ats-only, batch and the cohort)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cvgap.api import analyze
from cvgap.ats import run_checks
from cvgap.ats.wording import posting_wording
from cvgap.cli import app
from cvgap.ingest import load_resume, resume_from_text
from cvgap.types import (
    AtsReport,
    JobPosting,
    JobRequirement,
    PostingLine,
    Report,
    Resume,
    Taxonomy,
)

from .ats_fixtures import PLANTED, STUFFED, clean_pdf, white_text_pdf
from .conftest import EXAMPLES

if TYPE_CHECKING:
    from spacy.language import Language

ENGINES = ("pdfplumber", "pdfium")
# PDFium expands a ligature glyph into its letters itself, so with that engine the plain
# reading never holds the ligature: the case cannot be seen (docs/ats.md says so).
# PDFium (5.x) reports a hyphen at a line end as U+0002, which the pdfium engine reads as a
# space: cvgap itself then reads "com puter", so there is no skill to miss.
NOT_SEEN = {("fl ligature", "pdfium"), ("hyphen at a line end", "pdfium")}


def _checked(
    path: Path, taxonomy: Taxonomy, nlp: Language, engine: str = "pdfplumber"
) -> tuple[Resume, Report, AtsReport]:
    resume = load_resume(path, pdf_engine=engine)
    report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
    return resume, report, run_checks(resume, report, taxonomy)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(PLANTED))
def test_every_planted_case_is_found_with_its_cause_and_skill(
    case: str, engine: str, tmp_path: Path, taxonomy: Taxonomy, nlp: Language
) -> None:
    build, check, cause, skill = PLANTED[case]
    _, _, ats = _checked(build(tmp_path / "planted.pdf"), taxonomy, nlp, engine)
    found = [
        f
        for f in ats.findings
        if f.check == check and (cause is None or f.cause == cause)
        if skill is None or skill in f.skills
    ]
    if (case, engine) in NOT_SEEN:
        assert not found
    else:
        assert found, [(f.check, f.cause, f.skills) for f in ats.findings]
        assert found[0].fix and found[0].where


@pytest.mark.parametrize("engine", ENGINES)
def test_the_clean_resume_and_the_example_get_no_warning(
    engine: str, tmp_path: Path, taxonomy: Taxonomy, nlp: Language
) -> None:
    for path in (clean_pdf(tmp_path / "clean.pdf"), EXAMPLES / "strong-candidate.pdf"):
        _, _, ats = _checked(path, taxonomy, nlp, engine)
        assert [f.message for f in ats.findings if f.severity != "info"] == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "case", ["white text on the page", "2 pt text", "invisible render mode", "text under an image"]
)
def test_hidden_skills_are_not_evidence_and_do_not_change_the_score(
    case: str, engine: str, tmp_path: Path, taxonomy: Taxonomy, nlp: Language
) -> None:
    _, clean, _ = _checked(clean_pdf(tmp_path / "clean.pdf"), taxonomy, nlp, engine)
    resume, stuffed, ats = _checked(PLANTED[case][0](tmp_path / "x.pdf"), taxonomy, nlp, engine)
    assert stuffed.score == clean.score
    assert "PyTorch" not in resume.text
    matched = {s.name for s in (*stuffed.skills, *stuffed.extra_skills) if s.status == "matched"}
    assert not matched & set(STUFFED.split())
    hidden = next(f for f in ats.findings if f.check == "invisible-text")
    assert hidden.severity == "error"
    assert STUFFED in hidden.message
    assert hidden.where[0].page == 1 and hidden.where[0].box is not None


def test_off_page_text_is_placed_below_the_page(
    tmp_path: Path, taxonomy: Taxonomy, nlp: Language
) -> None:
    resume, _, _ = _checked(
        PLANTED["text below the page edge"][0](tmp_path / "x.pdf"), taxonomy, nlp
    )
    (span,) = resume.hidden
    assert span.reason == "off-page" and span.text == STUFFED
    assert span.box is not None and span.box[1] > 792


def test_white_text_on_a_dark_panel_is_visible(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.set_fill_color(30, 40, 60)
    pdf.rect(10, 10, 80, 60, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "", 10)
    for i, line in enumerate(["SKILLS", "PyTorch, OpenCV, Docker", "Python and C++ daily"]):
        pdf.set_xy(14, 14 + 7 * i)
        pdf.cell(70, 5, line)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(14, 80)
    pdf.cell(150, 5, "Built a lane detector for a student racing team over two seasons")
    path = tmp_path / "panel.pdf"
    pdf.output(str(path))
    for engine in ENGINES:
        resume = load_resume(path, pdf_engine=engine)
        assert resume.hidden == ()
        assert "PyTorch, OpenCV, Docker" in resume.text


def _docx(path: Path) -> Path:
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_paragraph("Alex Example · alex@example.org · +1 555 010 0100")
    document.add_heading("Skills", level=2)
    paragraph = document.add_paragraph("Python, OpenCV, NumPy")
    paragraph.add_run(" PyTorch Docker").font.hidden = True
    paragraph = document.add_paragraph("Git and Linux every day")
    paragraph.add_run(" ROS CUDA").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    document.add_heading("Experience", level=2)
    document.add_paragraph("Vision Intern, Acme Robotics, Jun 2025 - Aug 2025: trained detectors")
    document.add_heading("Education", level=2)
    document.add_paragraph("B.Sc. Computer Science, Lakeside University, 2022 - 2026")
    document.save(str(path))
    return path


def test_docx_hidden_and_white_runs_are_reported_not_read(
    tmp_path: Path, taxonomy: Taxonomy, nlp: Language
) -> None:
    resume, report, ats = _checked(_docx(tmp_path / "r.docx"), taxonomy, nlp)
    assert "PyTorch" not in resume.text and "ROS" not in resume.text
    assert "Python, OpenCV, NumPy" in resume.text
    assert [h.text for h in resume.hidden] == ["PyTorch Docker", "ROS CUDA"]
    (hidden,) = [f for f in ats.findings if f.check == "invisible-text"]
    assert set(hidden.skills) >= {"PyTorch", "Docker", "ROS", "CUDA"}
    assert not {s.name for s in report.skills if s.status == "matched"} & {"PyTorch", "ROS"}


def test_structure_checks_on_text(taxonomy: Taxonomy, nlp: Language) -> None:
    text = (
        "Alex Example\nlinkedin and github on request\n"
        "What I Know\nPython, OpenCV\n"
        "Experience\nVision Intern, Acme\n- trained detectors\n- wrote tests\n"
        "Summer Intern, Beta ’23\n"
    )
    resume = resume_from_text(text)
    report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
    ats = run_checks(resume, report, taxonomy)
    by_check = {(f.check, f.severity): f for f in ats.findings}
    assert "Education" in by_check["section-headings", "warning"].message
    assert "No email address" in by_check["contact-details", "warning"].message
    assert "addresses are not written out" in by_check["contact-details", "info"].message
    assert "two-digit years" in by_check["dates", "warning"].message
    assert ats.extractor == ""  # no plain reading of a text file


def test_posting_wording_suggests_the_postings_term_only_for_skills_shown(
    taxonomy: Taxonomy, nlp: Language
) -> None:
    resume = resume_from_text(
        "Skills\nTorch, OpenCV, Python\nExperience\n- Trained detectors in Torch at Acme\n"
    )
    report = analyze(resume, taxonomy=taxonomy, nlp=nlp)

    def req(sid: str, name: str, line: str) -> JobRequirement:
        return JobRequirement(
            id=sid, name=name, tier="required", evidence=(PostingLine(number=1, text=line),)
        )

    posting = JobPosting(
        source="posting.txt",
        title="CV Intern",
        format="text",
        requirements=(
            req("pytorch", "PyTorch", "Experience with PyTorch or TensorFlow"),
            req("opencv", "OpenCV", "OpenCV"),
            req("docker", "Docker", "Docker a plus"),
        ),
    )
    findings = posting_wording(posting, _evidence(report), taxonomy)
    assert [f.message for f in findings] == ["The posting says PyTorch; your résumé says Torch."]
    assert findings[0].check == "posting-wording" and findings[0].skills == ("PyTorch",)
    ats = run_checks(resume, report, taxonomy, job=posting)
    assert "posting-wording" in ats.checks()


def _wording_advice(
    taxonomy: Taxonomy, nlp: Language, resume_text: str, posting_text: str
) -> list[str]:
    from cvgap.ats import resume_evidence
    from cvgap.job import read_job

    posting = read_job(posting_text, taxonomy=taxonomy)
    report = analyze(resume_from_text(resume_text), taxonomy=taxonomy, nlp=nlp)
    return [f.message for f in posting_wording(posting, resume_evidence(report), taxonomy)]


def test_posting_wording_never_suggests_naming_another_degree_or_a_narrower_thing(
    taxonomy: Taxonomy, nlp: Language
) -> None:
    # One skill id, different things: the degree skill covers both subjects, the
    # segmentation skill covers lane segmentation, SQL covers MySQL, Docker covers Kubernetes.
    resume = (
        "Education\nB.S. in Computer Engineering, State University, 2027\n"
        "Skills\nMySQL, Kubernetes\nProjects\n- Lane segmentation with U-Net\n"
    )
    posting = (
        "Requirements:\n- Pursuing a degree in Electrical Engineering\n"
        "- Experience with image segmentation\n- SQL and Docker\n"
    )
    assert _wording_advice(taxonomy, nlp, resume, posting) == []


def test_posting_wording_still_suggests_the_name_of_the_same_thing(
    taxonomy: Taxonomy, nlp: Language
) -> None:
    resume = "Skills\nTorch, sklearn, OpenCV\n"
    posting = "Requirements:\n- Experience with PyTorch\n- scikit-learn\n"
    assert _wording_advice(taxonomy, nlp, resume, posting) == [
        "The posting says PyTorch; your résumé says Torch.",
        "The posting says scikit-learn; your résumé says sklearn.",
    ]


def _evidence(report: Report) -> dict[str, tuple[str, ...]]:
    from cvgap.ats import resume_evidence

    return resume_evidence(report)


# --------------------------------------------------------------------------- the CLI


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def test_check_json_has_the_ats_object_in_the_contract(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _run(runner, "check", str(white_text_pdf(tmp_path / "w.pdf")), "-f", "json")
    assert code == 0
    ats = json.loads(out)["ats"]
    assert ats["extractor"]
    finding = ats["findings"][0]
    assert {"check", "severity", "message", "skills", "where"} <= finding.keys()
    assert finding["check"] == "invisible-text" and "PyTorch" in finding["skills"]
    assert finding["where"][0]["page"] == 1


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("table", "What a tracking system sees"),
        ("markdown", "## What a tracking system sees"),
        ("html", "<h2>What a tracking system sees"),
    ],
)
def test_every_format_shows_the_section(
    runner: CliRunner, tmp_path: Path, fmt: str, marker: str
) -> None:
    code, out = _run(runner, "check", str(white_text_pdf(tmp_path / "w.pdf")), "-f", fmt)
    assert code == 0 and marker in out and "invisible-text" in out


def test_ats_only_exits_1_on_hidden_text_and_0_on_a_clean_resume(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out = _run(runner, "check", str(white_text_pdf(tmp_path / "w.pdf")), "--ats-only")
    assert code == 1 and "invisible-text" in out and "Coverage by category" not in out
    code, out = _run(
        runner, "check", str(clean_pdf(tmp_path / "c.pdf")), "--ats-only", "-f", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"schema_version", "file", "ats"}


def test_batch_flags_hidden_text_and_the_cohort_counts_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    white_text_pdf(folder / "a.pdf")
    clean_pdf(folder / "b.pdf")
    code, out = _run(runner, "batch", "--workers", "1", "--format", "csv", str(folder))
    assert code == 0
    rows = {Path(r["file"]).name: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["a.pdf"]["ats"] == "invisible-text" and rows["b.pdf"]["ats"] == ""
    report = tmp_path / "cohort.md"
    code, _ = _run(
        runner, "batch", "--workers", "1", "-f", "markdown", "-o", str(report), str(folder)
    )
    assert code == 0
    assert "1 résumé carries hidden text" in report.read_text(encoding="utf-8")
    page = tmp_path / "cohort.html"
    code, _ = _run(runner, "batch", "--workers", "1", "-f", "html", "-o", str(page), str(folder))
    assert code == 0 and "1 résumé carries hidden text</b>: " in page.read_text(encoding="utf-8")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_run_checks_on_any_text_gives_findings_not_a_traceback(
    text: str, taxonomy: Taxonomy, nlp: Language
) -> None:
    resume = resume_from_text(text)
    ats = run_checks(resume, analyze(resume, taxonomy=taxonomy, nlp=nlp), taxonomy)
    assert all(f.check and f.message and f.fix for f in ats.findings)


@pytest.mark.parametrize("maker", [clean_pdf])
def test_plain_reading_keeps_the_text(maker: Callable[[Path], Path], tmp_path: Path) -> None:
    resume = load_resume(maker(tmp_path / "c.pdf"))
    assert resume.plain is not None
    assert "alex@example.org" in resume.plain.text


def test_a_photo_shaped_image_is_information_a_wide_one_a_warning() -> None:
    import dataclasses

    from cvgap.ats.structure import layout
    from cvgap.types import PageImage, PlainReading

    def image(width: float, height: float) -> PageImage:
        share = width * height / (612 * 792)
        return PageImage(page=1, box=(40, 40, 40 + width, 40 + height), page_share=share)

    resume = dataclasses.replace(
        resume_from_text("Skills\nPython"),
        plain=PlainReading(text="", images=(image(100, 120), image(300, 100))),
    )
    severities = [(f.check, f.severity) for f in layout(resume)]
    assert severities == [("text-in-image", "info"), ("text-in-image", "warning")]


_coord = st.floats(min_value=-2000, max_value=2000, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    chars=st.lists(
        st.tuples(
            st.text(max_size=3), _coord, _coord, _coord, _coord, st.booleans(), st.booleans()
        ),
        max_size=60,
    )
)
def test_any_characters_split_into_visible_and_hidden_and_read_plainly(
    chars: list[tuple[str, float, float, float, float, bool, bool]],
) -> None:
    from cvgap.ingest.hidden import split_hidden
    from cvgap.ingest.layout import hidden_lines
    from cvgap.ingest.model import Char, PageChars, Paint
    from cvgap.ingest.plain import plain_page_text

    page = PageChars(
        width=612,
        height=792,
        chars=[
            Char(
                text=t,
                x0=x0,
                x1=x1,
                top=top,
                bottom=bottom,
                size=10,
                color=(1.0, 1.0, 1.0) if white else None,
                invisible=invisible,
                order=i,
            )
            for i, (t, x0, x1, top, bottom, white, invisible) in enumerate(chars)
        ],
        paints=[Paint(x0=0, top=0, x1=300, bottom=300, order=30, color=None)],
    )
    text, _ = plain_page_text(page.chars)
    visible, hidden = split_hidden(page)
    assert len(visible) + len(hidden) == len(page.chars)
    assert all(span.page == 1 for span in hidden_lines(hidden, 1))
    assert isinstance(text, str)


def test_a_redacted_batch_keeps_the_flags_but_not_the_hidden_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    white_text_pdf(folder / "a.pdf")
    code, out = _run(runner, "batch", "--workers", "1", "--redact", str(folder))
    assert code == 0
    (finding,) = [f for f in json.loads(out)["ats"]["findings"] if f["check"] == "invisible-text"]
    assert finding["message"] == "Hidden text." and finding["where"] == []
    assert "Docker" not in finding["message"] and "PyTorch" in finding["skills"]


def test_posting_wording_with_a_posting_read_by_read_job(taxonomy: Taxonomy, nlp: Language) -> None:
    from cvgap.ats import resume_evidence
    from cvgap.job import read_job

    posting = read_job(
        "Requirements:\n- Experience with PyTorch and OpenCV\n- Docker is a plus\n",
        taxonomy=taxonomy,
    )
    resume = resume_from_text("Skills\nTorch, OpenCV, Python\n")
    report = analyze(resume, taxonomy=taxonomy, nlp=nlp)
    findings = posting_wording(posting, resume_evidence(report), taxonomy)
    assert [f.message for f in findings] == ["The posting says PyTorch; your résumé says Torch."]
