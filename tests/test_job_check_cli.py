"""``cvgap check --job`` and ``cvgap batch --job`` through the CLI: one posting, standard
input, several postings ranked by fit, a cohort against one posting, and the errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.types import Taxonomy

from .conftest import EXAMPLES, check_golden

if TYPE_CHECKING:
    from spacy.language import Language

POSTING = EXAMPLES / "posting-cv-intern.txt"
STRONG = EXAMPLES / "strong-candidate.md"
WEAK = EXAMPLES / "weaker-candidate.txt"

VISION = """Vision Intern

Requirements
- Strong Python skills
- Experience with PyTorch or TensorFlow
- Experience with OpenCV
"""
PLATFORM = """Platform Engineering Intern

Requirements
- Experience with Java and SQL
- Experience with Ansible
"""


def invoke(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "platform.txt").write_text(PLATFORM, encoding="utf-8")
    (folder / "vision.md").write_text(VISION, encoding="utf-8")
    (folder / "notes.csv").write_text("not a posting", encoding="utf-8")
    return folder


def test_check_job_shows_each_requirement_with_tier_status_and_both_lines(
    runner: CliRunner,
) -> None:
    code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", "markdown")
    assert code == 0
    assert "| required | ✔ matched | Python |" in out
    assert "Experience with PyTorch or TensorFlow" in out  # the posting's line
    assert "in PyTorch to find weeds" in out  # the résumé's line
    assert "| preferred |" in out
    assert "Coverage: required " in out and "preferred " in out
    # a term outside the taxonomy is still a requirement, marked and searched for
    assert "| preferred | ✘ missing | Isaac Sim (or Unreal Engine) \\* |" in out
    assert "outside cvgap's skill list" in out


def test_check_job_json_matches_its_golden(runner: CliRunner, update_golden: bool) -> None:
    code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", "json")
    assert code == 0
    doc = json.loads(out)
    doc["file"] = "examples/strong-candidate.md"
    doc["role"] = "job:examples/posting-cv-intern.txt"
    doc["job"]["source"] = "examples/posting-cv-intern.txt"
    check_golden(
        "job-strong-candidate.json",
        json.dumps(doc, indent=2, ensure_ascii=False) + "\n",
        update_golden,
    )


def test_or_groups_duties_and_unmapped_terms_in_the_sample(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", "json")
    assert code == 0
    job = json.loads(out)["job"]
    by_id = {r["id"]: r for r in job["requirements"] if r["id"]}
    assert by_id["pytorch"]["group"] is not None
    assert by_id["pytorch"]["group"] == by_id["tensorflow"]["group"]
    gap_ids = {i for g in job["gaps"] for i in g["ids"]}
    duty_ids = {d["id"] for d in job["duties"]}
    assert "object-detection" in duty_ids
    assert not (duty_ids - set(by_id)) & gap_ids  # a duty never becomes a gap
    unmapped = [r for r in job["requirements"] if r["id"] is None]
    assert unmapped and all(r["status"] == "missing" for r in unmapped)
    assert job["degree"]["check"]["status"] == "met"


def test_every_format_of_check_job(runner: CliRunner) -> None:
    for fmt, marker in (("table", "Requirements"), ("html", "<table>"), ("markdown", "| Tier |")):
        code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", fmt)
        assert code == 0, fmt
        assert marker in out
        assert "Degree and experience" in out
        assert "Duties of the job you already show" in out


def test_posting_from_standard_input(runner: CliRunner) -> None:
    text = POSTING.read_text(encoding="utf-8")
    code, out, err = invoke(runner, "check", str(STRONG), "--job", "-", "-f", "json", stdin=text)
    assert code == 0, err
    _, from_file, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", "json")
    ids = [r["id"] for r in json.loads(out)["job"]["requirements"]]
    assert ids == [r["id"] for r in json.loads(from_file)["job"]["requirements"]]
    assert json.loads(out)["score"] == json.loads(from_file)["score"]


def test_role_and_job_are_exclusive(runner: CliRunner) -> None:
    code, out, err = invoke(
        runner, "check", str(STRONG), "--role", "cv-intern", "--job", str(POSTING)
    )
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    code, _, err = invoke(
        runner, "batch", str(STRONG), "--role", "ml-intern", "--job", str(POSTING)
    )
    assert code == 2 and err.startswith("error: ")


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff" * 50])
def test_a_bad_posting_is_one_error_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "posting.txt"
    bad.write_bytes(content)
    for command in (
        ["check", str(STRONG), "--job", str(bad)],
        ["batch", str(STRONG), "--job", str(bad)],
    ):
        code, _, err = invoke(runner, *command)
        assert code == 2, command
        assert err.startswith("error: ") and "Traceback" not in err


def test_a_missing_posting_file_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "check", str(STRONG), "--job", str(tmp_path / "nope.txt"))
    assert code == 2 and err.startswith("error: ")


def test_several_postings_are_ranked_by_fit_in_every_format(
    runner: CliRunner, postings: Path
) -> None:
    vision, platform = str(postings / "vision.md"), str(postings / "platform.txt")
    code, out, _ = invoke(
        runner, "check", str(STRONG), "--job", platform, "--job", vision, "-f", "json"
    )
    assert code == 0
    ranking = json.loads(out)["ranking"]
    assert [r["title"] for r in ranking] == ["Vision Intern", "Platform Engineering Intern"]
    assert ranking[0]["required"] > ranking[1]["required"]
    assert {g["names"][0] for g in ranking[1]["gaps"]} >= {"Java", "SQL"}
    assert ranking[0]["report"]["job"]["title"] == "Vision Intern"
    for fmt in ("table", "markdown", "html"):
        code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(postings), "-f", fmt)
        assert code == 0, fmt
        assert out.index("Vision Intern") < out.index("Platform Engineering"), fmt
        assert "SQL" in out  # what the second posting is missing


def test_a_folder_skips_other_files_and_reports_unreadable_postings(
    runner: CliRunner, postings: Path
) -> None:
    (postings / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = invoke(runner, "check", str(STRONG), "--job", str(postings), "-f", "json")
    assert code == 2  # one posting could not be read: the others are still ranked
    doc = json.loads(out)
    assert len(doc["ranking"]) == 2
    assert [e["file"] for e in doc["errors"]] == [str(postings / "empty.txt")]
    assert err.startswith("error: ")


def test_batch_ranks_a_cohort_against_one_posting(runner: CliRunner, tmp_path: Path) -> None:
    out_file = tmp_path / "rows.jsonl"
    command = ["batch", str(STRONG), str(WEAK), "--job", str(POSTING), "-o", str(out_file)]
    code, _, err = invoke(runner, *command, "-w", "1")
    assert code == 0, err
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert {r["job"]["title"] for r in rows} == {"Computer Vision Intern (Summer 2027)"}
    scores = {Path(r["file"]).name: r["score"] for r in rows}
    assert scores["strong-candidate.md"] > scores["weaker-candidate.txt"]
    # --resume continues the same posting's rows
    code, _, err = invoke(runner, *command, "--resume")
    assert code == 0, err
    assert "0 scored" in err and "2 skipped" in err


def test_batch_job_cohort_report(runner: CliRunner) -> None:
    code, out, err = invoke(
        runner, "batch", str(STRONG), str(WEAK), "--job", str(POSTING), "-f", "markdown", "-w", "1"
    )
    assert code == 0, err
    assert "Computer Vision Intern (Summer 2027)" in out
    assert out.index("strong-candidate.md") < out.index("weaker-candidate.txt")


def test_batch_job_from_standard_input_and_as_csv(runner: CliRunner, tmp_path: Path) -> None:
    text = POSTING.read_text(encoding="utf-8")
    code, out, err = invoke(runner, "batch", str(STRONG), "--job", "-", "-q", stdin=text)
    assert code == 0, err
    assert json.loads(out)["job"]["title"] == "Computer Vision Intern (Summer 2027)"
    code, out, err = invoke(runner, "batch", str(STRONG), "--job", str(POSTING), "-f", "csv")
    assert code == 0, err
    header = out.splitlines()[0].split(",")
    assert "Python" in header and "Docker" not in header  # the posting's required items


def test_the_job_report_page_is_up_to_date() -> None:
    from cogapp import Cog

    page = EXAMPLES.parent / "docs" / "job-postings-report.md"
    assert Cog().main(["cog", "--check", str(page)]) == 0, (
        "docs/job-postings-report.md is stale: run `cog -r docs/job-postings-report.md`"
    )


def test_min_score_with_a_ranking_looks_at_the_best_posting(
    runner: CliRunner, postings: Path
) -> None:
    code, _, _ = invoke(runner, "check", str(WEAK), "--job", str(postings), "--min-score", "90")
    assert code == 1
    code, _, _ = invoke(runner, "check", str(STRONG), "--job", str(postings), "--min-score", "90")
    assert code == 0


def test_resume_and_posting_cannot_both_come_from_standard_input(runner: CliRunner) -> None:
    code, out, err = invoke(runner, "check", "-", "--job", "-", stdin="Skills\nPython\n")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "standard input" in err


def test_the_api_takes_a_posting_file_its_text_or_a_read_posting(
    taxonomy: Taxonomy, nlp: Language
) -> None:
    import cvgap

    from_file = cvgap.analyze(STRONG, job=str(POSTING), taxonomy=taxonomy, nlp=nlp)
    from_text = cvgap.analyze(
        STRONG, job=POSTING.read_text(encoding="utf-8"), taxonomy=taxonomy, nlp=nlp
    )
    posting = cvgap.read_job(POSTING, taxonomy=taxonomy, nlp=nlp)
    from_posting = cvgap.analyze(STRONG, job=posting, taxonomy=taxonomy, nlp=nlp)
    assert from_file.score == from_text.score == from_posting.score
    assert from_file.job is not None and from_file.job.posting == posting


def test_check_job_runs_the_ats_checks_with_the_posting(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(POSTING), "-f", "markdown")
    assert code == 0
    assert "What a tracking system sees" in out and "posting-wording" in out


def test_years_asked_with_one_skill_are_checked_once(runner: CliRunner, tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Computer Vision Intern\n\nRequirements\n- Python\n- 2+ years of experience with Git\n",
        encoding="utf-8",
    )
    code, out, err = invoke(runner, "check", str(STRONG), "--job", str(posting), "-f", "json")
    assert code == 0, err
    job = json.loads(out)["job"]
    per_skill = [r["years_check"]["label"] for r in job["requirements"] if r.get("years_check")]
    assert per_skill == ["2+ years with Git"]
    assert "check" not in (job["years"] or {})  # not a second, overall copy of the same check
    code, out, _ = invoke(runner, "check", str(STRONG), "--job", str(posting), "-f", "markdown")
    assert out.count("years with Git") == 1


def test_one_pasted_line_without_a_line_break_is_text_not_a_file_name(runner: CliRunner) -> None:
    pasted = "Requirements: Python, OpenCV and Docker"  # printf, not echo: no final line break
    code, out, err = invoke(runner, "check", str(STRONG), "--job", "-", "-f", "json", stdin=pasted)
    assert code == 0, err
    assert "no such file" not in err
    assert json.loads(out)["job"]["source"] == "<stdin>"
