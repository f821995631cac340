"""``cvgap job show``: formats, -o with the format from its suffix, stdin, --save-role that
``taxonomy lint`` accepts, HTML pages (JSON-LD or visible text), one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

POSTING = """Perception Intern
Minimum qualifications:
- Pursuing a Master's degree in Computer Science or Electrical Engineering
- Python and C++
- Experience with PyTorch or TensorFlow
Preferred qualifications:
- Experience with ROS 2 and Isaac Sim
What you'll do:
- Label images and train object detectors
Equal opportunity
We are an equal opportunity employer.
"""


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_json_contract(runner: CliRunner, posting: Path) -> None:
    result = runner.invoke(app, ["job", "show", str(posting), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Perception Intern"
    by_id = {r["id"] or r["name"]: r for r in data["requirements"]}
    assert {k: r["tier"] for k, r in by_id.items()} == {
        "cs-degree": "required",
        "python": "required",
        "cpp": "required",
        "pytorch": "required",
        "tensorflow": "required",
        "ros": "preferred",
        "Isaac Sim": "preferred",
    }
    assert by_id["Isaac Sim"]["id"] is None
    assert by_id["pytorch"]["group"] == by_id["tensorflow"]["group"] is not None
    assert by_id["python"]["group"] is None
    assert by_id["python"]["evidence"][0] == {
        "line": 4,
        "text": "- Python and C++",
        "section": "required",
    }
    assert [d["id"] for d in data["duties"]] == ["data-annotation", "object-detection"]
    assert all("tier" not in d for d in data["duties"])
    assert data["degree"]["level"] == "master"
    assert data["years"] is None
    assert isinstance(data["warnings"], list)


def test_table_is_the_default_and_quotes_lines(runner: CliRunner, posting: Path) -> None:
    result = runner.invoke(app, ["job", "show", str(posting)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Perception Intern" in result.stdout
    assert "- Experience with PyTorch or TensorFlow" in result.stdout
    assert "Duties" in result.stdout


def test_output_format_follows_the_suffix(runner: CliRunner, posting: Path, tmp_path: Path) -> None:
    out_md, out_json = tmp_path / "job.md", tmp_path / "job.json"
    assert runner.invoke(app, ["job", "show", str(posting), "-o", str(out_md)]).exit_code == 0
    assert out_md.read_text(encoding="utf-8").startswith("# Perception Intern")
    assert runner.invoke(app, ["job", "show", str(posting), "-o", str(out_json)]).exit_code == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["title"] == "Perception Intern"


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["job", "show", "-", "-f", "json"], input=POSTING)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    assert len(data["requirements"]) == 7
    empty = runner.invoke(app, ["job", "show", "-"], input="")
    assert empty.exit_code == 2
    assert empty.stderr.startswith("error: <stdin>: nothing on standard input")


def test_save_role_writes_a_role_that_lint_accepts(
    runner: CliRunner, posting: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    role = folder / "perception-intern.yaml"
    result = runner.invoke(app, ["job", "show", str(posting), "--save-role", str(role)])
    assert result.exit_code == 0, result.output
    text = role.read_text(encoding="utf-8")
    assert "id: perception-intern" in text
    assert "Isaac Sim" in text  # unmapped: a comment for the maintainer
    lint = runner.invoke(app, ["taxonomy", "lint", "--strict", str(folder)])
    assert lint.exit_code == 0, lint.output
    import yaml

    data = yaml.safe_load(text)
    weights = {str(r.get("skill") or r.get("any_of")): r for r in data["requirements"]}
    assert weights["python"]["weight"] > weights["ros"]["weight"]
    assert weights["ros"]["required"] is False
    assert weights["['pytorch', 'tensorflow']"]["weight"] == weights["python"]["weight"]


def test_html_page_with_json_ld(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    ld = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Vision Intern",
        "description": "<p>Join our <b>vision</b> team.</p><ul><li>You will label images</li></ul>",
        "qualifications": "<ul><li>Python</li><li>OpenCV is a plus</li></ul>",
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "bachelor degree",
        },
    }
    page.write_text(
        "<html><head><script>var x = 'PyTorch';</script>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        "<body><nav>Docker jobs</nav><p>Apply now</p></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["job", "show", str(page), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Vision Intern"
    assert data["format"] == "html"
    assert {r["id"]: r["tier"] for r in data["requirements"]} == {
        "python": "required",
        "opencv": "preferred",
    }
    assert [d["id"] for d in data["duties"]] == ["data-annotation"]


def test_html_page_without_json_ld_reads_visible_text(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>CV Intern</title><style>p {color: red}</style>"
        "<script>const stack = ['Java'];</script></head><body><h1>CV Intern</h1>"
        "<h2>Requirements</h2><ul><li>Python</li><li>OpenCV</li></ul></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["job", "show", str(page), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["id"] for r in data["requirements"]] == ["python", "opencv"]
    scripts = tmp_path / "scripts.html"
    scripts.write_text("<html><script>var python = 1;</script></html>", encoding="utf-8")
    bad = runner.invoke(app, ["job", "show", str(scripts)])
    assert bad.exit_code == 2
    assert "no posting text" in bad.stderr
    assert "Traceback" not in bad.output


def test_bad_input_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["job", "show", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: ")


def test_pdf_and_docx_postings(runner: CliRunner, tmp_path: Path) -> None:
    from . import ingest_fixtures as fx

    lines = [line for line in POSTING.splitlines() if line]
    pdf = fx.text_pdf(tmp_path / "posting.pdf", lines)
    md = (
        "# Perception Intern\n\n## Minimum qualifications\n\n- Python and C++\n\n"
        "## Nice to have\n\n- Docker\n"
    )
    docx = fx.markdown_docx(tmp_path / "posting.docx", md)
    for path, fmt in ((pdf, "pdf"), (docx, "docx")):
        result = runner.invoke(app, ["job", "show", str(path), "-f", "json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["format"] == fmt
        tiers = {r["id"]: r["tier"] for r in data["requirements"] if r["id"]}
        assert tiers["python"] == "required"
        assert tiers["cpp"] == "required"
    assert {r["id"]: r["tier"] for r in data["requirements"]}["docker"] == "preferred"


def test_a_resume_given_as_the_posting_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(
        "Jane Doe\nEducation\nBSc Computer Science, 2021 - 2024\nExperience\n"
        "Intern, Acme, 2023 - 2024\n- Trained detectors in PyTorch\nSkills\nPython, OpenCV\n"
        "Projects\n- Lane detection, 2022 - 2023\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["job", "show", str(resume)])
    assert result.exit_code == 2
    assert "looks like a résumé" in result.stderr


def test_a_short_posting_is_warned_about_as_a_posting(runner: CliRunner, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Vision Intern\nRequirements:\n- Python and OpenCV\n", encoding="utf-8")
    result = runner.invoke(app, ["job", "show", str(short), "--format", "json"])
    assert result.exit_code == 0, result.output
    (little,) = [w for w in json.loads(result.stdout)["warnings"] if "very little text" in w]
    assert "posting" in little and "résumé" not in little
