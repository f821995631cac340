"""Facts that several parts of cvgap use are defined once, and every user of one agrees."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.ingest.limits import BATCH_MEMORY_MIB, BATCH_TIMEOUT_SECONDS, MAX_PAGES, MAX_SECONDS
from cvgap.ingest.text import repair_line
from cvgap.report.common import DEFAULT_TOP, quote
from cvgap.taxonomy import DEFAULT_ROLE
from cvgap.types import BULLET_MARKS


@pytest.mark.parametrize("mark", list(BULLET_MARKS))
def test_every_bullet_mark_is_read_and_quoted_alike(mark: str) -> None:
    assert repair_line(f"{mark} Trained a detector") == "- Trained a detector"
    assert quote(f"{mark} Trained a detector") == "Trained a detector"


def test_the_commands_show_the_library_defaults() -> None:
    def help_of(*command: str) -> str:
        return " ".join(CliRunner().invoke(app, [*command, "--help"]).stdout.split())

    for command in (["check"], ["batch"], ["eval"]):
        assert f"[default: {DEFAULT_ROLE}]" in help_of(*command)
    assert (
        f"--max-pages <int range> Refuse PDFs with more pages than this. [default: {MAX_PAGES}"
        in (help_of("check"))
    )
    assert f"[default: {DEFAULT_TOP};" in help_of("check")
    batch = help_of("batch")
    assert f"[default: {BATCH_TIMEOUT_SECONDS:g}" in batch
    assert f"[default: {BATCH_MEMORY_MIB}" in batch
    assert BATCH_TIMEOUT_SECONDS > MAX_SECONDS  # a slow parser stops with its own error first
