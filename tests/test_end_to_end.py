"""End to end on PDFs the tests generate: ingest -> extract -> score -> report."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import PdfMaker

RESUME = [
    "# Priya Raman",
    "priya@example.com",
    "# Education",
    "B.Tech. Electrical Engineering, Lakeside University, 2027",
    "# Experience",
    "Vision Intern, Lakeside Drones",
    "- Fine-tuned a Mask R-CNN in PyTorch for instance segmentation of solar panels",
    "- Wrote the OpenCV preprocessing and evaluated with IoU",
    "# Skills",
    "Python, C++, Git, Linux",
]


def test_generated_pdf_report_cites_lines_and_sections(make_pdf: PdfMaker) -> None:
    pdf = make_pdf(RESUME)
    result = CliRunner().invoke(app, ["check", str(pdf), "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    skills = {s["id"]: s for s in doc["skills"]}

    pytorch = skills["pytorch"]
    assert pytorch["status"] == "matched"
    assert pytorch["evidence"][0]["section"] == "experience"
    assert "Mask R-CNN in PyTorch" in pytorch["evidence"][0]["text"]
    assert pytorch["evidence"][0]["usage"] == "applied"

    assert skills["python"]["status"] == "matched"
    assert skills["python"]["evidence"][0]["section"] == "skills"
    assert skills["image-segmentation"]["status"] == "matched"
    assert skills["object-detection"]["status"] == "implied"  # Mask R-CNN is a detector
    assert skills["cs-degree"]["status"] == "matched"
    assert skills["cs-degree"]["evidence"][0]["section"] == "education"
    assert skills["anomaly-detection"]["status"] == "missing"
    assert {"education", "experience", "skills"} <= set(doc["sections"])


def test_generated_pdf_table_report(make_pdf: PdfMaker) -> None:
    pdf = make_pdf(RESUME)
    result = CliRunner().invoke(app, ["check", str(pdf), "--top", "99"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "PyTorch" in result.stdout
    assert "Anomaly" in result.stdout  # a gap is listed (--top: none folded)
