"""Ingest: read a résumé file (PDF, DOCX, text, Markdown, JSON Resume) into a
:class:`~cvgap.types.Resume`.

file -> bytes (size-checked) -> :func:`~cvgap.ingest.sniff.sniff` -> a reader per format ->
:class:`~cvgap.ingest.model.Line` objects with style hints -> section detection -> Resume.
PDF engines (pdfplumber, pypdfium2) only produce positioned characters; the shared
:mod:`~cvgap.ingest.layout` stage turns them into lines, so every later stage is
engine-agnostic. Anything unreadable is an :class:`~cvgap.errors.InputError` naming the file.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from cvgap.errors import InputError
from cvgap.ingest.checks import Document, guess_language, layout_warnings, text_warnings
from cvgap.ingest.limits import MAX_FILE_BYTES, MAX_PAGES, MAX_SECONDS, Deadline, Limits
from cvgap.ingest.model import Line
from cvgap.ingest.sections import heading_section, styled_heading_section
from cvgap.ingest.sniff import sniff
from cvgap.ingest.text import decode_text, repair_line
from cvgap.types import Resume, ResumeLine

MIN_TEXT_CHARS = 40
PDF_ENGINES = ("pdfplumber", "pdfium")
MARKDOWN_SUFFIXES = {".md", ".markdown"}

__all__ = ["PDF_ENGINES", "load_resume", "resume_from_lines", "resume_from_text"]


def load_resume(
    path: str | Path,
    *,
    password: str | None = None,
    pdf_engine: str = "pdfplumber",
    max_pages: int = MAX_PAGES,
    max_bytes: int = MAX_FILE_BYTES,
    max_seconds: float = MAX_SECONDS,
) -> Resume:
    """Read the résumé at ``path``; raises :class:`~cvgap.errors.InputError` naming the file
    and the problem when it cannot.

    The format comes from the content (PDF, DOCX, JSON Resume, text); ``pdf_engine`` is
    ``"pdfplumber"`` (default) or ``"pdfium"`` (faster). ``max_pages``, ``max_bytes`` and
    ``max_seconds`` bound the work done on one file.

    >>> resume = load_resume("examples/strong-candidate.md")
    >>> resume.sections[:3]
    ('other', 'summary', 'education')
    """
    name = str(path)
    if pdf_engine not in PDF_ENGINES:
        raise InputError(
            f"unknown PDF engine {pdf_engine!r} (known: {', '.join(PDF_ENGINES)})", path=name
        )
    limits = Limits(max_bytes=max_bytes, max_pages=max_pages, max_seconds=max_seconds)
    file = Path(path)
    data = _read_bytes(file, name, limits)
    suffix = file.suffix.lower()
    kind = sniff(data, suffix, name)
    if kind == "pdf":
        from cvgap.ingest.pdf_streams import check_unpacked_size
        from cvgap.ingest.reading import with_file_bytes

        check_unpacked_size(data, name, limits)
        return with_file_bytes(_load_pdf(file, name, password, pdf_engine, limits), len(data))
    if kind == "docx":
        from cvgap.ingest.docx_file import DocxExtras, docx_lines
        from cvgap.ingest.reading import docx_reading, with_file_bytes

        extras = DocxExtras()
        lines = docx_lines(data, name, limits, extras)
        resume = _checked(resume_from_lines(lines, source=name, format="docx"), name)
        resume = docx_reading(resume, extras.hidden, extras.header_lines, extras.tables)
        return with_file_bytes(resume, len(data))
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        raise InputError(
            f"binary data, not text (is it really a {suffix or 'text'} file?)", path=name
        ) from None
    if kind == "json" or text.lstrip().startswith("{"):
        from cvgap.ingest.jsonresume import is_json_resume, json_resume_lines, parse_json

        try:
            doc = parse_json(text, name)
        except InputError:
            if kind == "json":
                raise
            doc = None  # text that happens to start with "{"
        if kind == "json" or is_json_resume(doc):
            lines = json_resume_lines(doc if isinstance(doc, dict) else {}, name)
            return _checked(resume_from_lines(lines, source=name, format="json"), name)
    fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    return _checked(resume_from_text(text, source=name, format=fmt), name)


def _load_pdf(file: Path, name: str, password: str | None, engine: str, limits: Limits) -> Resume:
    from cvgap.ingest.layout import layout

    deadline = Deadline(limits.max_seconds)
    if engine == "pdfium":
        from cvgap.ingest.pdf_pdfium import pdfium_pages as read_pages
    else:
        from cvgap.ingest.pdf_pdfium import preflight
        from cvgap.ingest.pdf_plumber import plumber_pages as read_pages

        preflight(file, name=name, password=password, limits=limits)
    with deadline.guard(name):
        pages = read_pages(file, name=name, password=password, limits=limits, deadline=deadline)
    if not pages:
        raise InputError("PDF has no pages (its page tree is empty or damaged)", path=name)
    result = layout(pages)
    chars = sum(len(line.text) for line in result.lines)
    if chars < MIN_TEXT_CHARS:
        if any(page.images for page in pages):
            raise InputError(
                "PDF has no text layer (scanned or image-only); it needs OCR "
                "before cvgap can read it",
                path=name,
            )
        if chars == 0:
            raise InputError("PDF has no text (its pages are empty)", path=name)
        raise InputError(f"PDF has almost no text ({chars} characters)", path=name)
    deadline.check(name)
    from cvgap.ingest.reading import pdf_reading

    resume = resume_from_lines(
        result.lines,
        source=name,
        format="pdf",
        pages=len(pages),
        warnings=layout_warnings(result.two_column_pages),
    )
    return pdf_reading(resume, result, pages)


def _checked(resume: Resume, name: str) -> Resume:
    if len(resume.text.strip()) < MIN_TEXT_CHARS:
        raise InputError("file has almost no text", path=name)
    return resume


def _read_bytes(file: Path, name: str, limits: Limits) -> bytes:
    try:
        if not file.exists():
            raise InputError("no such file", path=name)
        if file.is_dir():
            raise InputError("is a folder, not a file", path=name)
        if not file.is_file():
            raise InputError("not a regular file", path=name)
        size = file.stat().st_size
        if size == 0:
            raise InputError("file is empty", path=name)
        if size > limits.max_bytes:
            raise InputError(
                f"file is {size / 1e6:,.1f} MB; the limit is {limits.max_bytes / 1e6:,.1f} MB",
                path=name,
            )
        with file.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    if len(data) > limits.max_bytes:  # grew while we read it
        raise InputError(f"file is over the {limits.max_bytes / 1e6:,.1f} MB limit", path=name)
    if not data.strip():
        raise InputError("file is empty (only whitespace)", path=name)
    return data


def resume_from_text(
    text: str, *, source: str = "<text>", format: str = "text", document: Document = "résumé"
) -> Resume:
    """Build a :class:`Resume` from plain text or Markdown (sections detected from
    headings). ``document="posting"`` when the text is a job posting (its warnings say so).

    >>> resume_from_text("Skills\\nPython, OpenCV").lines[1].section
    'skills'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(text=t) for t in text.split("\n")]
    return resume_from_lines(lines, source=source, format=format, document=document)


def resume_from_lines(
    lines: list[Line],
    *,
    source: str,
    format: str,
    pages: int = 1,
    warnings: list[str] | tuple[str, ...] = (),
    document: Document = "résumé",
) -> Resume:
    """Build a :class:`Resume` from lines with style hints: a line starts a section when it
    is a known heading, or when it looks like one (bigger, bold, capitals, a heading style)
    and contains a known heading word. ``document``: see :func:`resume_from_text`."""
    sizes = [ln.size for ln in lines if ln.size > 0 and ln.text.strip()]
    body = statistics.median(sizes) if sizes else 0.0
    out: list[ResumeLine] = []
    offset = 0
    section = "other"
    for ln in lines:
        text = repair_line(ln.text)
        if not text:
            continue
        bare = text.lstrip("#").strip().rstrip(":").strip()
        letters = [ch for ch in bare if ch.isalpha()]
        styled = (
            ln.heading
            or text.startswith("#")
            or ln.bold
            or (body > 0 and ln.size >= body + 1.0)
            or (len(letters) >= 3 and bare.isupper())
        )
        heading = heading_section(bare) or (styled_heading_section(bare) if styled else None)
        if heading is not None:
            section = heading
        out.append(
            ResumeLine(
                number=len(out) + 1,
                text=text,
                start=offset,
                section=section,
                page=ln.page,
                heading=heading is not None,
            )
        )
        offset += len(text) + 1
    full = "\n".join(line.text for line in out)
    return Resume(
        source=source,
        format=format,
        text=full,
        lines=tuple(out),
        pages=pages,
        warnings=(*warnings, *text_warnings(full, document)) if out else tuple(warnings),
        language=guess_language(full),
    )
