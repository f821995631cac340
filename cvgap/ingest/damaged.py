"""What is wrong with a file, in the user's words.

The PDF and DOCX libraries fail with their own vocabulary ("'NoneType' object is not
iterable", "Invalid dictionary construct: [/'Count', 1, /'Kids…"). The user needs to know
what happened to the file and what to do; the library's words go in
:attr:`~cvgap.errors.CvgapError.detail`, shown only under ``--debug``.
"""

from __future__ import annotations

from pathlib import Path

from cvgap.errors import InputError

TAIL_BYTES = 2048  # a PDF ends with "%%EOF" within its last bytes
PDF_TRUNCATED = "the PDF is cut short (truncated: its end is missing); download or export it again"
PDF_DAMAGED = (
    "the PDF is damaged (its internal structure is broken); open it in a PDF viewer and "
    "save or export it as PDF again"
)
DOCX_DAMAGED = "the Word file is damaged ({what}); open it in Word or LibreOffice and save it again"


def describe(exc: BaseException) -> str:
    """The first line of a library exception (for ``--debug``)."""
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text.splitlines()[0][:200]}"


def damaged_pdf(path: Path, name: str, exc: BaseException) -> InputError:
    """The error for a PDF that a library could not read: truncated, or damaged."""
    return InputError(
        PDF_TRUNCATED if _truncated(path) else PDF_DAMAGED, path=name, detail=describe(exc)
    )


def damaged_docx(name: str, what: str, exc: BaseException | None = None) -> InputError:
    """The error for a DOCX whose package or content is broken (``what`` says which)."""
    return InputError(
        DOCX_DAMAGED.format(what=what), path=name, detail=describe(exc) if exc else None
    )


def _truncated(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - TAIL_BYTES))
            return b"%%EOF" not in fh.read()
    except OSError:
        return False
