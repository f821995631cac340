"""Golden JSON reports for the shipped samples: any change to what a user is told about
them shows up as a diff to review (``pytest --update-golden`` rewrites them)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES, check_golden

SAMPLES = {
    "sample-strong-candidate.json": "strong-candidate.pdf",
    "sample-weaker-candidate.json": "weaker-candidate.txt",
}


@pytest.mark.parametrize(("golden", "sample"), SAMPLES.items())
def test_sample_report_matches_its_golden_json(
    runner: CliRunner, update_golden: bool, golden: str, sample: str
) -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLES / sample), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    doc["file"] = f"examples/{sample}"  # the path as a user in the checkout would type it
    check_golden(golden, json.dumps(doc, indent=2, ensure_ascii=False) + "\n", update_golden)


def test_samples_tell_strong_from_weak(runner: CliRunner) -> None:
    scores = {}
    for sample in SAMPLES.values():
        result = runner.invoke(app, ["check", str(EXAMPLES / sample), "-f", "json"])
        scores[sample] = json.loads(result.stdout)["score"]
    assert scores["strong-candidate.pdf"] >= 80
    assert scores["weaker-candidate.txt"] < 40
