"""Ingest: read a résumé file (PDF, text, Markdown) into a :class:`~cvgap.types.Resume`."""

from __future__ import annotations

from pathlib import Path

from cvgap.errors import InputError
from cvgap.ingest.sections import heading_section
from cvgap.ingest.text import decode_text, repair_text
from cvgap.types import Resume, ResumeLine

MAX_FILE_BYTES = 20 * 1024 * 1024
MIN_TEXT_CHARS = 40
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}

__all__ = ["load_resume", "resume_from_text"]


PDF_ENGINES = ("pdfplumber",)


def load_resume(
    path: str | Path,
    *,
    password: str | None = None,
    pdf_engine: str = "pdfplumber",
    max_pages: int = 50,
) -> Resume:
    """Read the résumé at ``path``; raises :class:`~cvgap.errors.InputError` naming the file
    and the problem when it cannot.

    >>> resume = load_resume("examples/strong-candidate.txt")
    >>> resume.sections[:2]
    ('summary', 'education')
    """
    file = Path(path)
    name = str(path)
    data = _read_bytes(file, name)
    if data.startswith(b"%PDF-") or (file.suffix.lower() == ".pdf" and b"%PDF-" in data[:1024]):
        from cvgap.ingest.pdf import pdf_pages

        if pdf_engine not in PDF_ENGINES:
            raise InputError(f"unknown PDF engine {pdf_engine!r} (known: "
                             f"{', '.join(PDF_ENGINES)})", path=name)
        pages = pdf_pages(file, password=password, max_pages=max_pages)
        text = "\n".join(pages)
        if len(text.strip()) < MIN_TEXT_CHARS:
            raise InputError("PDF has no text layer (scanned or image-only?); run OCR on it "
                             "first", path=name)
        return resume_from_pages(pages, source=name, format="pdf")
    if file.suffix.lower() == ".pdf":
        raise InputError("not a PDF file (no %PDF header)", path=name)
    if file.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(f"unsupported file type {file.suffix!r} (supported: .pdf, .txt, .md)",
                         path=name)
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        raise InputError("binary data, not text", path=name) from None
    resume = resume_from_text(text, source=name, format="markdown" if
                              file.suffix.lower() in {".md", ".markdown"} else "text")
    if len(resume.text.strip()) < MIN_TEXT_CHARS:
        raise InputError("file has almost no text", path=name)
    return resume


def _read_bytes(file: Path, name: str) -> bytes:
    if not file.exists():
        raise InputError("no such file", path=name)
    if file.is_dir():
        raise InputError("is a folder, not a file", path=name)
    try:
        size = file.stat().st_size
        if size == 0:
            raise InputError("file is empty", path=name)
        if size > MAX_FILE_BYTES:
            raise InputError(f"file is {size / 1e6:.0f} MB; the limit is "
                             f"{MAX_FILE_BYTES / 1e6:.0f} MB", path=name)
        return file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None


def resume_from_text(text: str, *, source: str = "<text>", format: str = "text") -> Resume:
    """Build a :class:`Resume` from plain text (sections detected from headings)."""
    return resume_from_pages([text], source=source, format=format)


def resume_from_pages(pages: list[str], *, source: str, format: str) -> Resume:
    """Build a :class:`Resume` from the text of each page."""
    lines: list[ResumeLine] = []
    offset = 0
    section = "other"
    for page_no, page in enumerate(pages, start=1):
        for raw in repair_text(page).split("\n"):
            if not raw:
                continue
            heading = heading_section(raw.lstrip("#").strip())
            if heading is not None:
                section = heading
            lines.append(ResumeLine(number=len(lines) + 1, text=raw, start=offset,
                                    section=section, page=page_no))
            offset += len(raw) + 1
    text = "\n".join(line.text for line in lines)
    return Resume(source=source, format=format, text=text, lines=tuple(lines), pages=len(pages))
