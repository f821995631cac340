"""Arbitrary input into every reader ends in a result or a clear error, never a traceback:
résumé files of any bytes under any name (the format comes from the content), résumé text,
and taxonomy YAML of any shape (problems with their ``file:line:col``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvgap.errors import CvgapError
from cvgap.ingest import load_resume, resume_from_text
from cvgap.taxonomy import check_taxonomy

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Starts that steer the sniffer into each reader, so every reader sees junk after them
MAGIC = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"{", b'{"basics": ', b"\xef\xbb\xbf", b"\xff\xfe"]
SUFFIXES = [".pdf", ".docx", ".json", ".txt", ".md", ".bin", ""]


@SETTINGS
@given(
    magic=st.sampled_from(MAGIC),
    body=st.binary(max_size=2_000),
    suffix=st.sampled_from(SUFFIXES),
    engine=st.sampled_from(["pdfplumber", "pdfium"]),
)
def test_any_bytes_under_any_name_read_or_fail_with_a_plain_error(
    tmp_path: Path, magic: bytes, body: bytes, suffix: str, engine: str
) -> None:
    path = tmp_path / f"resume{suffix}"
    path.write_bytes(magic + body)
    try:
        resume = load_resume(path, pdf_engine=engine, max_seconds=10)
    except CvgapError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message.strip()
        assert "Traceback" not in message
    else:
        assert resume.source == str(path)
        assert all(line.text in resume.text for line in resume.lines)


@SETTINGS
@given(st.text(max_size=3_000))
def test_any_text_becomes_a_resume_whose_lines_are_its_lines(text: str) -> None:
    resume = resume_from_text(text)
    assert all("\n" not in line.text and line.text in resume.text for line in resume.lines)
    assert [line.number for line in resume.lines] == sorted({line.number for line in resume.lines})


YAML_PIECES = st.sampled_from(
    [
        "skills:\n",
        "  - id: x\n",
        "    name: X\n",
        "    aliases: [a, {alias: b, near: [c]}]\n",
        "category: {id: c, name: C}\n",
        "requirements:\n",
        "  - {skill: x, weight: 3}\n",
        "id: r\n",
        "title: R\n",
        "cues:\n",
        "document: resume\n",
        "language: en\n",
        "lists:\n",
        "  w: [a, b]\n",
        "- [\n",
        ": :\n",
        "&a *a\n",
        "!!python/object:os.system\n",
        "\t",
        "'",
        '"',
        "{",
        "}",
        "null\n",
        "yes\n",
        "- 1e999\n",
    ]
)


@SETTINGS
@given(st.lists(YAML_PIECES | st.text(max_size=20), max_size=30))
def test_any_taxonomy_file_loads_or_reports_problems_at_their_place(
    tmp_path: Path, pieces: list[str]
) -> None:
    folder = tmp_path / "tax"
    folder.mkdir(exist_ok=True)
    file = folder / "skills.yaml"
    file.write_text("".join(pieces), encoding="utf-8")
    _, problems = check_taxonomy([folder])
    for problem in problems:
        assert problem.path == str(file)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message.strip()


@pytest.mark.parametrize("data", [b"\x00" * 10, "é".encode("latin-1") * 50, b"\xff\xfe\x00"])
def test_bad_encoding_and_binary_text_files_get_one_plain_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "resume.txt"
    path.write_bytes(data)
    try:
        load_resume(path)
    except CvgapError as exc:
        assert str(exc).count("\n") == 0
