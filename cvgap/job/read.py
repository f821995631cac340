"""Reading a posting: from a path or pasted text to a :class:`~cvgap.types.JobPosting`.

Formats: ``.txt``/``.md`` (text), ``.pdf`` and ``.docx`` (through the résumé readers, with
their limits), ``.html`` (schema.org ``JobPosting`` JSON-LD when the page has it, else its
visible text). Whatever cannot be read as a posting is an :class:`~cvgap.errors.InputError`
naming the file: missing, empty, binary, too big, a page with no text, a posting in another
language, a résumé given by mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.errors import InputError
from cvgap.ingest.text import decode_text
from cvgap.types import JobPosting, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

MAX_POSTING_BYTES = 5_000_000  # a long posting page saved with its markup is ~0.5 MB
MAX_POSTING_CHARS = 100_000  # ~15 pages of text; postings are 2-10k characters
MIN_POSTING_CHARS = 12
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SOURCE = "<text>"


def read_job(
    source: str | Path,
    *,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
) -> JobPosting:
    """Read the job posting at ``source`` (a path), or posting text (a ``str`` with a line
    break), into what it requires, prefers and describes as duties.

    >>> job = read_job("Requirements:\\n- Python and PyTorch or TensorFlow\\n- Docker is a plus")
    >>> [(r.id, r.tier, r.group is not None) for r in job.requirements]
    [('python', 'required', False), ('pytorch', 'required', True), \
('tensorflow', 'required', True), ('docker', 'preferred', False)]
    """
    from cvgap.job.posting import read_posting_text

    if isinstance(source, str) and "\n" in source:
        text, name, fmt = source, TEXT_SOURCE, "text"
    else:
        text, name, fmt = posting_text(Path(source))
    return read_posting_text(text, source=name, format=fmt, taxonomy=taxonomy, nlp=nlp)


def posting_text(path: Path) -> tuple[str, str, str]:
    """``(text, source name, format)`` of the posting file at ``path``."""
    from cvgap.ingest import _read_bytes
    from cvgap.ingest.limits import Limits
    from cvgap.ingest.sniff import sniff

    name = str(path)
    limits = Limits(max_bytes=MAX_POSTING_BYTES)
    data = _read_bytes(path, name, limits)
    suffix = path.suffix.lower()
    head = data[:2048].lstrip().lower()
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return _html(data, name), name, "html"
    if head.startswith(b"<") and b"<html" in head:
        return _html(data, name), name, "html"
    kind = sniff(data, suffix, name)
    if kind in ("pdf", "docx"):
        from cvgap.ingest import load_resume

        document = load_resume(path, max_bytes=MAX_POSTING_BYTES)
        return document.text, name, kind
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        raise InputError("binary data, not a text posting", path=name) from None
    return text, name, "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def _html(data: bytes, name: str) -> str:
    from cvgap.job.html import page_text

    try:
        markup = decode_text(data)
    except UnicodeDecodeError:
        raise InputError("binary data, not an HTML page", path=name) from None
    text, _ = page_text(markup)
    if len(text.strip()) < MIN_POSTING_CHARS:
        raise InputError(
            "the page has no posting text (only scripts or markup); save the posting "
            "itself, or copy its text into a .txt file",
            path=name,
        )
    return text
