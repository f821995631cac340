"""ATS checks on the file itself (its size), wherever the résumé comes from."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cvgap.ats.structure import MAX_BYTES
from cvgap.cli import app

from .ats_fixtures import clean_pdf, oversized_pdf


def _checks(runner: CliRunner, args: list[str], stdin: bytes | None = None) -> list[str]:
    result = runner.invoke(app, [*args, "-f", "json"], input=stdin)
    assert result.exit_code == 0, result.stderr
    return [f["check"] for f in json.loads(result.stdout)["ats"]["findings"]]


def test_a_pdf_over_2_mb_is_flagged_read_from_a_file_or_from_stdin(
    runner: CliRunner, tmp_path: Path
) -> None:
    big = oversized_pdf(tmp_path / "big.pdf")
    assert big.stat().st_size > MAX_BYTES
    assert "file-size" in _checks(runner, ["check", str(big)])
    assert "file-size" in _checks(runner, ["check", "-"], stdin=big.read_bytes())


def test_a_small_pdf_on_stdin_gets_the_same_ats_section_as_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    small = clean_pdf(tmp_path / "small.pdf")
    from_file = _checks(runner, ["check", str(small)])
    assert _checks(runner, ["check", "-"], stdin=small.read_bytes()) == from_file
    assert "file-size" not in from_file
