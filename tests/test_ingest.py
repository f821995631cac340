"""Ingestion: layout-aware PDF with both engines, text repair, sections, other formats,
and every hostile input giving one ``error: <file>: <problem>`` line and exit code 2."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.errors import InputError
from cvgap.ingest import load_resume, resume_from_text
from cvgap.ingest.text import decode_text, repair_line

from . import ingest_fixtures as fx

ENGINES = ["pdfplumber", "pdfium"]
HOSTILE_SECONDS = 30


@pytest.fixture(autouse=True)
def _reuse_taxonomy_and_pipeline(
    monkeypatch: pytest.MonkeyPatch, taxonomy: object, nlp: object
) -> None:
    """CLI runs here are about ingestion: reuse the session's taxonomy and pipeline instead
    of loading them again for every invocation (about a second each)."""
    import cvgap.api
    import cvgap.taxonomy

    real = cvgap.taxonomy.load_taxonomy
    monkeypatch.setattr(
        cvgap.taxonomy,
        "load_taxonomy",
        lambda *a, **k: taxonomy if not a and not k else real(*a, **k),
    )
    monkeypatch.setattr(cvgap.api, "build_nlp", lambda *a, **k: nlp)


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def texts(path: Path, engine: str) -> list[str]:
    return [line.text for line in load_resume(path, pdf_engine=engine).lines]


# --------------------------------------------------------------------------- PDF layout


@pytest.mark.parametrize("sidebar", [False, True], ids=["left-column", "right-sidebar"])
def test_columns_are_read_one_after_the_other(tmp_path: Path, engine: str, sidebar: bool) -> None:
    resume = load_resume(
        fx.two_column_pdf(tmp_path / "cols.pdf", sidebar=sidebar), pdf_engine=engine
    )
    lines = [line.text for line in resume.lines]
    narrow = [text for kind, text in fx.LEFT_COLUMN]
    wide = [text for kind, text in fx.RIGHT_COLUMN]
    assert lines[:2] == [
        "Alex Example",
        "alex@example.org | +1 555 010 0100 | github.com/alex-example",
    ]
    first, second = (wide, narrow) if sidebar else (narrow, wide)
    assert lines[2:] == first + second  # each column whole, in order, nothing interleaved
    sections = {line.text: line.section for line in resume.lines}
    assert sections["PyTorch"] == "skills"
    assert sections["- Trained YOLOv8 object detection models on 4,000 field images"] == (
        "experience"
    )
    assert resume.warnings[0].startswith("two-column layout detected (page 1)")


def test_a_column_of_dates_and_labels_is_read_beside_its_entries(
    tmp_path: Path, engine: str
) -> None:
    resume = load_resume(fx.label_column_pdf(tmp_path / "labels.pdf"), pdf_engine=engine)
    sections = {line.text: line.section for line in resume.lines}
    assert sections["2025 Computer Vision Intern, Acme Robotics"] == "experience"
    assert sections["2022 - 2026 B.Sc. Computer Science, Lakeside University"] == "education"
    # the "Languages" label names what follows; it does not start a languages section
    assert sections["Languages Python, C++, MATLAB"] == "skills"
    assert sections["Tools Git, Docker, Linux"] == "skills"
    assert "- Trained YOLOv8 detectors on 4,000 warehouse images." in sections
    assert not any("two-column" in w for w in resume.warnings)


def test_one_column_has_no_column_warning(tmp_path: Path, engine: str) -> None:
    resume = load_resume(fx.running_header_pdf(tmp_path / "r.pdf"), pdf_engine=engine)
    assert not any("two-column" in w for w in resume.warnings)


def test_running_headers_page_numbers_hyphens_and_wrapped_lines(
    tmp_path: Path, engine: str
) -> None:
    lines = texts(fx.running_header_pdf(tmp_path / "r.pdf", pages=3), engine)
    assert not any(line.startswith("Page ") for line in lines)
    assert lines.count("Jordan Sample - Curriculum Vitae") == 1  # kept once, on page 1
    assert (
        lines.count(
            "- Trained a convolutional neural network for object detection on "
            "drone images and reported the results"
        )
        == 3
    )
    assert (
        "- Built the data preprocessing pipeline with OpenCV and NumPy for twelve thousand images"
    ) in lines


def test_icon_glyphs_ligatures_accents_and_letter_spacing(tmp_path: Path, engine: str) -> None:
    content = fx.text_ops(
        [
            b"/F2 10 Tf (A) Tj /F1 10 Tf ( Pro) Tj /F2 10 Tf (B) Tj /F1 10 Tf (cient in OpenCV) Tj",
            b"(M\xa8arz 2024, Fran\xb8caise) Tj",
            b"3 Tc (SKILLS) Tj",
            b"/F2 10 Tf (C) Tj /F1 10 Tf ( Python, PyTorch, Docker) Tj",
            b"(Work) Tj /F2 10 Tf (D) Tj /F1 10 Tf (ow automation) Tj",
        ],
        leading=24,
    )
    resume = load_resume(fx.glyph_pdf(tmp_path / "g.pdf", content), pdf_engine=engine)
    assert [(line.text, line.section) for line in resume.lines] == [
        ("- Proficient in OpenCV", "other"),
        ("März 2024, Française", "other"),
        ("SKILLS", "skills"),
        ("- Python, PyTorch, Docker", "skills"),
        ("Workflow automation", "skills"),
    ]


HEADINGS = {
    "es": ["Formación académica", "Experiencia laboral", "Proyectos", "Habilidades"],
    "pt": ["Formação", "Experiência profissional", "Projetos", "Competências"],
    "de": ["Ausbildung", "Berufserfahrung", "Projekte", "Kenntnisse"],
    "fr": ["Formation", "Expérience professionnelle", "Projets", "Compétences techniques"],
    "en": [
        "Education & Training",
        "Work Experience and Internships",
        "Selected Projects",
        "Technical Skills",
    ],
}


@pytest.mark.parametrize("lang", HEADINGS)
def test_section_headings_in_five_languages(tmp_path: Path, engine: str, lang: str) -> None:
    path = fx.multilingual_pdf(
        tmp_path / f"{lang}.pdf",
        HEADINGS[lang],
        "Python, PyTorch and OpenCV for image classification",
    )
    resume = load_resume(path, pdf_engine=engine)
    assert [s for s in resume.sections if s != "other"] == [
        "education",
        "experience",
        "projects",
        "skills",
    ]


def test_chinese_headings_and_non_latin_warning() -> None:
    resume = resume_from_text(
        "教育背景\n计算机科学学士\n专业技能\nPython, PyTorch, OpenCV\n项目经历\n目标检测"
    )
    assert [line.section for line in resume.lines] == [
        "education",
        "education",
        "skills",
        "skills",
        "projects",
        "projects",
    ]
    assert any("not in the Latin alphabet" in w for w in resume.warnings)


def test_spanish_resume_warns_that_it_is_not_english(tmp_path: Path) -> None:
    body = (
        "Desarrollé un sistema de visión por computador con la cámara del laboratorio y "
        "los datos de las pruebas en el campo, como parte del equipo"
    )
    path = fx.multilingual_pdf(tmp_path / "es.pdf", HEADINGS["es"], body)
    warnings = load_resume(path).warnings
    assert any("it looks Spanish" in w for w in warnings)


def test_very_little_text_is_a_warning_not_a_failure(tmp_path: Path, engine: str) -> None:
    path = fx.text_pdf(
        tmp_path / "short.pdf", ["Skills", "Python, PyTorch, OpenCV, Docker, Linux, Git"]
    )
    resume = load_resume(path, pdf_engine=engine)
    assert resume.warnings[0].startswith("very little text (7 words)")


def test_engines_read_the_example_alike() -> None:
    example = fx.EXAMPLE_MD.with_suffix(".pdf")
    plumber, pdfium = (load_resume(example, pdf_engine=e) for e in ENGINES)
    assert plumber.text == pdfium.text
    assert plumber.sections == pdfium.sections


def test_plumber_engine_reads_the_characters_pdfplumber_reports(tmp_path: Path) -> None:
    """The pdfplumber engine walks pdfminer's layout objects instead of building
    ``page.chars`` dicts (twice as fast): it must see the same upright characters at the
    same places, including text inside a form XObject on a page whose MediaBox is offset."""
    import pdfplumber

    from cvgap.ingest.limits import Deadline, Limits
    from cvgap.ingest.pdf_plumber import plumber_pages

    path = tmp_path / "offset.pdf"
    path.write_bytes(fx.offset_form_pdf())
    (page,) = plumber_pages(
        path, name=str(path), password=None, limits=Limits(), deadline=Deadline(30)
    )
    with pdfplumber.open(path) as pdf:
        ref = pdf.pages[0]
        expected = [
            (c["text"], c["x0"] - ref.bbox[0], c["top"] - ref.bbox[1], c["size"])
            for c in ref.chars
            if c["upright"]
        ]
        rotated = [c for c in ref.chars if not c["upright"]]
    assert [(c.text, c.x0, c.top, c.size) for c in page.chars] == expected
    assert "YOLOv8" in "".join(c.text for c in page.chars)  # drawn by the form XObject
    assert "".join(c["text"] for c in rotated) == "rotated sidebar text"
    assert "rotated" not in "".join(c.text for c in page.chars)
    assert all(c.bold for c in page.chars)  # Helvetica-Bold
    assert (page.width, page.height) == (612, 792)
    assert page.images == 0  # counted only on a page without text


def test_plumber_engine_counts_images_on_a_page_without_text(tmp_path: Path) -> None:
    path = fx.image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="no text layer"):
        load_resume(path, pdf_engine="pdfplumber")


# --------------------------------------------------------------------------- text repair


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("\ufb01ne-tuned a \ufb02ow model", "fine-tuned a flow model"),
        ("soft\u00adware engi\u00adneer", "software engineer"),
        ("M\u00a8arz, Fran\u00b8caise, Jos\u00b4e", "März, Française, José"),
        ("Cafe\u0301 (decomposed)", "Café (decomposed)"),
        ("(cid:123) (cid:7)Python", "- Python"),
        ("\uf0b7 PyTorch \uf0e0 OpenCV", "- PyTorch OpenCV"),
        ("P y t h o n  and  O p e n C V", "Python and OpenCV"),
        ("E X P E R I E N C E", "EXPERIENCE"),
        ("\u2022\tTrained   a\u00a0model", "- Trained a model"),
        ("\u25aaDocker", "- Docker"),
        ("-5 degrees stays", "-5 degrees stays"),
    ],
)
def test_repair_line(raw: str, fixed: str) -> None:
    assert repair_line(raw) == fixed


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Überblick: C++".encode(), "Überblick: C++"),
        ("\ufeffSkills".encode(), "Skills"),
        ("Compétences".encode("utf-16"), "Compétences"),
        ("Compétences – Python".encode("cp1252"), "Compétences – Python"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_utf16_text_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes("Compétences\nPython, PyTorch and OpenCV for computer vision".encode("utf-16"))
    resume = load_resume(path)
    assert [(line.text, line.section) for line in resume.lines] == [
        ("Compétences", "skills"),
        ("Python, PyTorch and OpenCV for computer vision", "skills"),
    ]


def test_markdown_headings_and_bullets() -> None:
    resume = resume_from_text("# Name\n## Skills\n* Python\n## Experience\n• Built a model")
    assert [(line.text, line.section) for line in resume.lines] == [
        ("# Name", "other"),
        ("## Skills", "skills"),
        ("- Python", "skills"),
        ("## Experience", "experience"),
        ("- Built a model", "experience"),
    ]


# --------------------------------------------------------------------------- other formats


def _report(path: Path, taxonomy: object, nlp: object) -> tuple[int, set[str], set[str]]:
    from cvgap.api import analyze

    report = analyze(path, taxonomy=taxonomy, nlp=nlp)  # type: ignore[arg-type]
    matched = {s.id for s in report.skills if s.status == "matched"}
    implied = {s.id for s in report.skills if s.status == "implied"}
    return report.score, matched, implied


def test_docx_and_json_resume_give_the_same_report_as_the_pdf(
    tmp_path: Path, taxonomy: object, nlp: object
) -> None:
    md = fx.EXAMPLE_MD.read_text(encoding="utf-8")
    pdf = fx.markdown_pdf(tmp_path / "cv.pdf", md)
    docx = fx.markdown_docx(tmp_path / "cv.docx", md, as_table="Skills")
    resume_json = tmp_path / "cv.json"
    resume_json.write_bytes(fx.json_bytes(fx.markdown_json_resume(md)))
    expected = _report(pdf, taxonomy, nlp)
    assert expected[0] >= 80
    assert _report(docx, taxonomy, nlp) == expected
    assert _report(resume_json, taxonomy, nlp) == expected


def test_docx_text_box_sidebar_is_read_once(tmp_path: Path) -> None:
    path = fx.text_box_docx(
        tmp_path / "boxed.docx",
        body=["Experience", "Vision intern at Acme: trained detection models"],
        sidebar=["Skills", "PyTorch, OpenCV, Docker"],
    )
    resume = load_resume(path)
    texts = [line.text for line in resume.lines]
    assert texts.count("PyTorch, OpenCV, Docker") == 1  # not again from the VML fallback
    assert texts.index("Skills") < texts.index("PyTorch, OpenCV, Docker")
    skills_line = resume.lines[texts.index("PyTorch, OpenCV, Docker")]
    assert skills_line.section == "skills"


def test_docx_reads_header_tables_and_list_bullets(tmp_path: Path) -> None:
    md = fx.EXAMPLE_MD.read_text(encoding="utf-8")
    resume = load_resume(fx.markdown_docx(tmp_path / "cv.docx", md, as_table="Skills"))
    lines = {line.text: line.section for line in resume.lines}
    assert resume.lines[0].text == "Maya Lindqvist"  # from the page header
    # a label | items table row reads as one line
    row = "Libraries: PyTorch, TensorFlow, Keras, OpenCV, Pillow, NumPy, scikit-learn"
    assert lines[row] == "skills"
    assert lines["- Helped 60 students debug Python assignments in weekly lab sessions"] == (
        "experience"
    )
    assert resume.format == "docx"


def test_json_resume_sections(tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    path.write_bytes(
        fx.json_bytes(
            {
                "basics": {"name": "Sam", "summary": "Vision student."},
                "work": [
                    {
                        "position": "Intern",
                        "name": "Acme",
                        "startDate": "2025-06",
                        "highlights": ["Trained a CNN in PyTorch"],
                    }
                ],
                "education": [
                    {
                        "institution": "Uni",
                        "studyType": "BSc",
                        "area": "CS",
                        "courses": ["Linear Algebra"],
                    }
                ],
                "skills": [{"name": "Vision", "keywords": ["OpenCV", "Pillow"]}],
            }
        )
    )
    resume = load_resume(path)
    assert [(line.text, line.section) for line in resume.lines] == [
        ("Sam", "other"),
        ("Summary", "summary"),
        ("Vision student.", "summary"),
        ("Experience", "experience"),
        ("Intern, Acme (2025-06)", "experience"),
        ("- Trained a CNN in PyTorch", "experience"),
        ("Education", "education"),
        ("BSc CS, Uni", "education"),
        ("Relevant coursework: Linear Algebra", "education"),
        ("Skills", "skills"),
        ("Vision: OpenCV, Pillow", "skills"),
    ]


def test_content_wins_over_the_extension(tmp_path: Path) -> None:
    md = fx.EXAMPLE_MD.read_text(encoding="utf-8")
    disguised_pdf = tmp_path / "cv.txt"
    fx.markdown_pdf(disguised_pdf, md)
    assert load_resume(disguised_pdf).format == "pdf"
    disguised_docx = tmp_path / "cv.pdf.bin"
    fx.markdown_docx(disguised_docx, md)
    assert load_resume(disguised_docx).format == "docx"
    json_no_ext = tmp_path / "resume"
    json_no_ext.write_bytes(fx.json_bytes(fx.markdown_json_resume(md)))
    assert load_resume(json_no_ext).format == "json"


def test_encrypted_pdf_opens_with_the_password(tmp_path: Path, engine: str) -> None:
    path = fx.text_pdf(
        tmp_path / "locked.pdf", ["Python and OpenCV developer"] * 3, password="s3cret"
    )
    assert "OpenCV" in load_resume(path, pdf_engine=engine, password="s3cret").text


# --------------------------------------------------------------------------- hostile input


def _hostile(tmp_path: Path, case: str) -> Path:
    """Make the hostile input ``case`` in tmp_path and return its path."""
    pdf = fx.text_pdf(tmp_path / "good.pdf", ["Python and OpenCV developer"] * 3)
    makers: dict[str, tuple[str, object]] = {
        "empty.pdf": ("empty.pdf", b""),
        "blank.txt": ("blank.txt", b"  \n\t\n"),
        "random.bin": ("random.bin", os.urandom(4096)),
        "random.pdf": ("random.pdf", b"\x00\x01" + os.urandom(4096)),
        "truncated.pdf": ("truncated.pdf", pdf.read_bytes()[:600]),
        "text-named.pdf": ("text-named.pdf", b"Python developer\nSkills: OpenCV\n"),
        "binary-named.txt": ("binary-named.txt", b"\x00\xff\x10" * 2000),
        "legacy.doc": ("legacy.doc", fx.ole_doc_bytes()),
        "nested.pdf": ("nested.pdf", fx.nested_pdf(30_000)),
        "cyclic.pdf": ("cyclic.pdf", fx.cyclic_pages_pdf()),
        "flate-bomb.pdf": ("flate-bomb.pdf", fx.flate_bomb_pdf(110)),
        "photo.png": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        "not-resume.json": ("not-resume.json", b'{"hello": "world"}'),
        "bad.json": ("bad.json", b'{"basics": '),
    }
    if case in makers:
        name, data = makers[case]
        path = tmp_path / name
        assert isinstance(data, bytes)
        path.write_bytes(data)
        return path
    if case == "folder":
        (tmp_path / "folder").mkdir()
        return tmp_path / "folder"
    if case == "missing.pdf":
        return tmp_path / "missing.pdf"
    if case == "scan.pdf":
        return fx.image_only_pdf(tmp_path / "scan.pdf")
    if case == "locked.pdf":
        return fx.text_pdf(tmp_path / "locked.pdf", ["Python"], password="s3cret")
    if case == "bomb.docx":
        return fx.zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=110)
    if case == "huge.txt":
        path = tmp_path / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(21_000_000)  # sparse: costs no disk
        return path
    if case == "broken.docx":
        path = tmp_path / "broken.docx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document><<<")
        return path
    if case == "pages.pdf":
        return fx.text_pdf(tmp_path / "pages.pdf", ["Python and OpenCV"], pages=51)
    raise AssertionError(case)


HOSTILE = {
    "missing.pdf": "no such file",
    "folder": "is a folder, not a file",
    "empty.pdf": "file is empty",
    "blank.txt": "file is empty (only whitespace)",
    "random.bin": "binary data, not text (is it really a .bin file?)",
    "random.pdf": "not a PDF (no %PDF header; the file is binary data)",
    "truncated.pdf": None,  # engine-specific detail in parentheses
    "text-named.pdf": "not a PDF (no %PDF header; the file is plain text)",
    "binary-named.txt": "binary data, not text (is it really a .txt file?)",
    "legacy.doc": "legacy Word .doc (or a password-protected Office file) is not supported; "
    "save it as .docx or PDF",
    "scan.pdf": "PDF has no text layer (scanned or image-only); it needs OCR before cvgap "
    "can read it",
    "locked.pdf": "PDF is encrypted; give its password with --password",
    "bomb.docx": "DOCX unpacks to 115 MB; the limit is 100 MB (a zip bomb?)",
    "huge.txt": "file is 21.0 MB; the limit is 20.0 MB",
    "broken.docx": "the Word file is damaged (its content cannot be read); open it in Word or "
    "LibreOffice and save it again",
    "pages.pdf": "PDF has 51 pages; the limit is 50 (see --max-pages)",
    "nested.pdf": None,  # read (the bomb is in an unused key) or refused, but bounded
    "cyclic.pdf": None,
    "flate-bomb.pdf": "PDF streams unpack to more than 100 MB (a decompression bomb?)",
    "photo.png": "a PNG image has no text layer; it needs OCR first (or export the résumé "
    "as a PDF with text)",
    "not-resume.json": 'JSON file is not a JSON Resume (expected keys such as "basics", '
    '"work", "education", "skills")',
    "bad.json": "not valid JSON (line 1, column 12: Expecting value)",
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_is_one_error_line_and_exit_2(
    tmp_path: Path, runner: CliRunner, case: str
) -> None:
    path = _hostile(tmp_path, case)
    start = time.monotonic()
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    assert time.monotonic() - start < HOSTILE_SECONDS
    if case == "nested.pdf" and result.exit_code == 0:
        return  # the engine may skip the unused nested key: a report, no traceback
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    prefix = f"error: {path}: "
    assert result.stderr.startswith(prefix) and result.stderr.count("\n") == 1
    expected = HOSTILE[case]
    if expected is not None:
        assert result.stderr == prefix + expected + "\n"
    else:
        assert "PDF" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", [c for c in HOSTILE if c.endswith(".pdf")])
def test_both_engines_refuse_hostile_pdfs_alike(tmp_path: Path, case: str) -> None:
    path = _hostile(tmp_path, case)
    messages: list[str | None] = []
    for engine in ENGINES:
        start = time.monotonic()
        try:
            load_resume(path, pdf_engine=engine)
            messages.append(None)
        except InputError as exc:
            messages.append(exc.message)
        assert time.monotonic() - start < HOSTILE_SECONDS
    expected = HOSTILE[case]
    if expected is not None:
        assert messages == [expected, expected]
    else:
        assert all(m is None or "PDF" in m for m in messages), messages


def test_big_image_streams_do_not_count_as_a_bomb(tmp_path: Path) -> None:
    from cvgap.ingest.pdf_streams import unpacked_size

    image = fx.flate_bomb_pdf(110, as_image=True)
    assert unpacked_size(image, 100_000_000) < 1000  # the image is never decoded for text
    path = tmp_path / "big-image.pdf"
    path.write_bytes(image)
    assert "OpenCV" in load_resume(path).text
    content = fx.flate_bomb_pdf(3)
    assert 3 << 20 < unpacked_size(content, 100_000_000) < (3 << 20) + 1000


def test_huge_file_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = _hostile(tmp_path, "huge.txt")
    with pytest.raises(InputError, match=r"file is 21\.0 MB; the limit is 1\.0 MB"):
        load_resume(path, max_bytes=1_000_000)


def test_max_pages_option_raises_the_limit(tmp_path: Path, runner: CliRunner) -> None:
    path = _hostile(tmp_path, "pages.pdf")
    result = runner.invoke(
        app, ["check", str(path), "--max-pages", "60", "-f", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["score"] >= 0


def test_wrong_password(tmp_path: Path, runner: CliRunner, engine: str) -> None:
    path = _hostile(tmp_path, "locked.pdf")
    result = runner.invoke(app, ["check", str(path), "--pdf-engine", engine, "--password", "nope"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}: PDF is encrypted and the password given with --password is wrong\n"
    )


def test_unknown_engine_is_a_usage_error(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", "x.pdf", "--pdf-engine", "magic"])
    assert result.exit_code == 2
    assert "--pdf-engine" in result.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: fx.many_pages_pdf(3000), "PDF has 3000 pages; the limit is 50 (see --max-pages)"),
        (lambda: fx.char_flood_pdf(150_000), "a page has 150,000 characters; the limit is 100,000"),
    ],
    ids=["3000-pages", "char-flood"],
)
def test_limits_are_checked_before_the_slow_engine_parses(
    tmp_path: Path, engine: str, make: object, message: str
) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(make())  # type: ignore[operator]
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        load_resume(path, pdf_engine=engine)
    assert time.monotonic() - start < 5
    assert info.value.message.replace("151,998", "150,000") == message


def test_a_parser_stuck_on_one_file_is_stopped_at_the_deadline(tmp_path: Path) -> None:
    path = tmp_path / "nested.pdf"
    path.write_bytes(fx.nested_pdf(400_000))
    start = time.monotonic()
    with pytest.raises(InputError, match=r"reading took longer than 0\.3 s; gave up"):
        load_resume(path, max_seconds=0.3)
    assert time.monotonic() - start < 3


def test_self_drawing_form_xobject_does_not_recurse_forever(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(fx.xobject_loop_pdf())
    start = time.monotonic()
    try:
        load_resume(path, pdf_engine=engine)
    except InputError as exc:
        assert "PDF" in exc.message
    assert time.monotonic() - start < 5
