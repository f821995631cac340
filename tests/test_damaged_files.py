"""Messages in the user's words (issue 13): damaged copies of generated PDFs and DOCX files
(cut short, or with bytes flipped) fed to every reader end in a report or in one plain
``error:`` line naming what is wrong with the file, and never in the libraries' log lines
("Could not get FontBBox…", "Data-loss while decompressing…") or their vocabulary."""

from __future__ import annotations

import logging
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cvgap.cli import app

from .conftest import EXAMPLES
from .ingest_fixtures import json_bytes, markdown_docx, markdown_json_resume, markdown_pdf

# What a library, not a person, would say
LIBRARY_WORDS = re.compile(
    r"NoneType|object|Error\b|Exception|[Ii]nvalid dictionary|/'|pdfminer|PDFium|lxml|"
    r"zipfile|xref|Unexpected EOF|codec|\bstruct\b|\(\)|\bint\b|\bstr\b|FontBBox|Data-loss"
)
READERS = [
    ("pdf", "pdfplumber"),
    ("pdf", "pdfium"),
    ("docx", "pdfplumber"),
    ("json", "pdfplumber"),
    ("md", "pdfplumber"),
]


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("originals")
    md = (EXAMPLES / "strong-candidate.md").read_text(encoding="utf-8")
    return {
        "pdf": markdown_pdf(folder / "cv.pdf", md).read_bytes(),
        "docx": markdown_docx(folder / "cv.docx", md).read_bytes(),
        "json": json_bytes(markdown_json_resume(md)),
        "md": md.encode("utf-8"),
    }


def damage(data: bytes, cut: float, flips: list[tuple[float, int]]) -> bytes:
    """``data`` cut to ``cut`` of its length, then with bytes XORed at the given places."""
    damaged = bytearray(data[: max(1, int(len(data) * cut))])
    for where, mask in flips:
        damaged[int(where * (len(damaged) - 1))] ^= mask
    return bytes(damaged)


class RootRecords(logging.Handler):
    """What reaches the root logger: where Python prints from when no handler is set (under
    pytest, its log capture sits there instead, so stderr alone would not show it)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name}: {record.getMessage()}")

    def __enter__(self) -> RootRecords:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self)


def assert_plain(result_exit: int, stderr: str, name: str) -> None:
    assert result_exit in (0, 2), stderr
    lines = stderr.splitlines()
    if result_exit == 0:
        assert lines == [], lines  # no log noise around a report
        return
    assert len(lines) == 1, lines  # one error line, nothing else
    assert lines[0].startswith(f"error: {name}: "), lines[0]
    assert not LIBRARY_WORDS.search(lines[0].removeprefix(f"error: {name}: ")), lines[0]


@pytest.mark.parametrize(("kind", "engine"), READERS)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# found by a seeded search: each makes pdfminer log (a FontBBox, Data-loss or MediaBox
# warning) when nothing captures it
@example(cut=1.0, flips=[(0.6697, 79), (0.2516, 55)])
@example(cut=1.0, flips=[(0.956, 243), (0.8491, 24)])
@example(cut=1.0, flips=[(0.6385, 206), (0.723, 255)])
@given(
    cut=st.one_of(st.just(1.0), st.floats(0.05, 0.999)),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), min_size=0, max_size=6),
)
def test_damaged_file_gives_a_report_or_one_plain_error_line(
    originals: dict[str, bytes],
    tmp_path: Path,
    kind: str,
    engine: str,
    cut: float,
    flips: list[tuple[float, int]],
) -> None:
    if cut == 1.0 and not flips:
        flips = [(0.5, 0x5A)]
    path = tmp_path / f"damaged.{kind}"
    path.write_bytes(damage(originals[kind], cut, flips))
    with RootRecords() as records:
        result = CliRunner().invoke(app, ["check", str(path), "--pdf-engine", engine, "-f", "json"])
    assert records.lines == []  # nothing left for Python to print
    assert_plain(result.exit_code, result.stderr, str(path))


def test_truncated_pdf_says_so_and_debug_shows_the_library(
    originals: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(originals["pdf"][: len(originals["pdf"]) // 3])
    for engine in ("pdfplumber", "pdfium"):
        result = CliRunner().invoke(app, ["check", str(path), "--pdf-engine", engine])
        assert result.exit_code == 2
        assert "is cut short (truncated" in result.stderr, result.stderr
    debug = CliRunner().invoke(app, ["check", str(path), "--debug"], env={"CVGAP_DEBUG": ""})
    assert debug.exception is not None
    assert "debug: the library said:" in debug.stderr


def test_batch_of_damaged_files_prints_no_library_log_lines(
    originals: dict[str, bytes], tmp_path: Path
) -> None:
    """Workers are separate processes: run the real command and read its whole stderr."""
    folder = tmp_path / "damaged"
    folder.mkdir()
    places = random.Random(2)
    for n in range(12):
        for kind in ("pdf", "docx"):
            cut = 1.0 if n % 3 else 0.5 + n / 30
            flips = [(places.random(), places.randint(1, 255)) for _ in range(3)]
            (folder / f"cv-{n}.{kind}").write_bytes(damage(originals[kind], cut, flips))
    proc = subprocess.run(
        [sys.executable, "-m", "cvgap", "batch", str(folder), "-o", str(tmp_path / "x.jsonl")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode in (0, 2), proc.stderr
    *errors, summary = proc.stderr.splitlines()
    assert re.fullmatch(r"\d+ scored, \d+ failed, .*", summary), summary
    for line in errors:
        assert line.startswith(f"error: {folder}/cv-"), line
        assert not LIBRARY_WORDS.search(line.split(": ", 2)[2]), line
