"""--redact: names, e-mails, phone numbers and URLs go; skills, dates and numbers stay."""

from __future__ import annotations

import pytest

from cvgap.batch.redact import candidate_names, redact_report, redact_text
from cvgap.ingest import resume_from_text
from cvgap.types import Report, Taxonomy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane.doe+cv@mail.example.co.uk", "[email]"),
        ("Call +1 (415) 555-0100 or 415.555.0199", "Call [phone] or [phone]"),
        ("+49 30 901820", "[phone]"),
        ("https://jane.dev/demo?x=1, www.janedoe.io.", "[url], [url]."),
        ("github.com/janedoe and linkedin.com/in/jane-doe", "[url] and [url]"),
        ("portfolio: janedoe.dev", "portfolio: [url]"),
        ("Worked with Prof. Ada Lovelace and Dr. Smith", "Worked with [name] and [name]"),
    ],
)
def test_personal_details_are_replaced(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2019 - 2023, mAP 0.78, 96.2% top-1, 10,000 images, 4,000 drone images",
        "Built with Node.js, ASP.NET and train.py; YOLOv8 on a ResNet-50",
        "PyTorch 2.1, CUDA 12.1, Python 3.11",
        "Computer Vision Intern, Acme Robotics (June 2025 - Sept 2025)",
    ],
)
def test_skills_dates_and_numbers_stay(text: str) -> None:
    assert redact_text(text) == text


def test_the_candidates_name_goes_wherever_it_appears() -> None:
    resume = resume_from_text(
        "Jane Q. Doe\njane@doe.dev\n\nEXPERIENCE\n- Doe et al. (2024): PyTorch detector\n"
        "- Jane's OpenCV demo, with Janet (a colleague)\n"
    )
    names = candidate_names(resume)
    assert names == ("Jane", "Q.", "Doe")
    assert redact_text("- Doe et al. (2024): PyTorch detector", names) == (
        "- [name] et al. (2024): PyTorch detector"
    )
    assert redact_text("Jane's OpenCV demo, with Janet", names) == (
        "[name]'s OpenCV demo, with Janet"
    )


@pytest.mark.parametrize(
    ("header", "names"),
    [
        ("Name: Li Wei\nEXPERIENCE\n", ("Li", "Wei")),
        ("Curriculum Vitae\nMaria José García-López\n", ("Maria", "José", "García-López")),
        ("Computer Vision Engineer\nSKILLS\n", ()),
        ("EXPERIENCE\nJohn Smith Labs\n", ()),
    ],
)
def test_candidate_names(header: str, names: tuple[str, ...]) -> None:
    assert candidate_names(resume_from_text(header + "Python and PyTorch every day\n")) == names


def test_redact_report_touches_evidence_only(taxonomy: Taxonomy, nlp: object) -> None:
    from cvgap.api import analyze

    resume = resume_from_text(
        "Ada Lovelace\nada@example.org\n\nPROJECTS\n"
        "- Ada's PyTorch demo at https://ada.example.org, built with Prof. Charles Babbage\n"
    )
    report: Report = analyze(resume, taxonomy=taxonomy, nlp=nlp)  # type: ignore[arg-type]
    redacted = redact_report(report, resume)
    texts = [e.text for s in redacted.skills for e in s.evidence]
    assert "- [name]'s PyTorch demo at [url], built with [name]" in texts
    assert redacted.score == report.score
    assert [s.id for s in redacted.skills] == [s.id for s in report.skills]
