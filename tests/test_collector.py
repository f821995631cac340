"""The collector policy of the one-shot ``cvgap`` process changes timing only: the command
run as its own process (which freezes what it builds) prints exactly what the same command
run in-process (which does not) prints, and a program that imports cvgap is left alone."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap import collector
from cvgap.cli import app

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
PDF = EXAMPLES / "strong-candidate.pdf"
POSTING = EXAMPLES / "posting-cv-intern.txt"


@pytest.fixture
def one_shot(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(collector, "_one_shot", True)
    yield
    gc.unfreeze()


def test_a_program_that_imports_cvgap_keeps_its_collector() -> None:
    frozen = gc.get_freeze_count()
    with collector.building_long_lived():
        assert gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_one_shot_process_builds_without_collections_then_freezes(one_shot: None) -> None:
    with collector.building_long_lived():
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(built)


def test_a_disabled_collector_stays_disabled(one_shot: None) -> None:
    gc.disable()
    try:
        with collector.building_long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("extra", [(), ("--job", str(POSTING))], ids=["role", "job"])
def test_the_cvgap_process_prints_what_the_in_process_command_prints(
    extra: tuple[str, ...],
) -> None:
    args = ["check", str(PDF), *extra, "-f", "json"]
    own = subprocess.run(
        [sys.executable, "-m", "cvgap", *args], cwd=ROOT, capture_output=True, check=False
    )
    in_process = CliRunner().invoke(app, args)
    assert own.returncode == in_process.exit_code
    assert own.stdout.decode("utf-8") == in_process.stdout
