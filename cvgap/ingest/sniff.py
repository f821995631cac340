"""What a file really is, from its first bytes: the extension is only a tie-breaker.

Formats with a signature (PDF, DOCX, legacy Office, images, RTF, archives) are recognised by
it whatever the file is called. Text has no signature, so a file that decodes as text is read
by its extension: JSON Resume for ``.json`` (or text that parses as one), text otherwise; a
``.pdf`` or ``.docx`` without its signature is an error that says what the file looks like.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from cvgap.errors import InputError
from cvgap.ingest.damaged import damaged_docx

Kind = Literal["pdf", "docx", "text", "json"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"Rar!", "RAR"))
SAVE_AS = "save it as .docx or PDF"


def sniff(data: bytes, suffix: str, name: str) -> Kind:
    """The kind of reader for ``data``; raises :class:`InputError` for what cvgap cannot
    read, saying what the file is."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if data.startswith(_OLE):
        raise InputError(
            f"legacy Word .doc (or a password-protected Office file) is not supported; {SAVE_AS}",
            path=name,
        )
    if data.startswith(b"{\\rtf"):
        raise InputError(f"RTF is not supported; {SAVE_AS}", path=name)
    if data.lstrip().startswith(b"<") and b"<html" in head.lower():
        raise InputError(f"HTML is not supported; {SAVE_AS}, or as .txt", path=name)
    for magic, label in _IMAGES:
        if data.startswith(magic) and (label != "BMP" or suffix == ".bmp"):
            raise InputError(
                f"a {label} image has no text layer; it needs OCR first (or "
                "export the résumé as a PDF with text)",
                path=name,
            )
    for magic, label in _ARCHIVES:
        if data.startswith(magic):
            raise InputError(f"a {label} archive, not a résumé; unpack it first", path=name)
    if suffix == ".pdf":
        from cvgap.ingest.text import looks_binary

        what = "binary data" if looks_binary(data) else "plain text"
        raise InputError(f"not a PDF (no %PDF header; the file is {what})", path=name)
    if suffix == ".docx":
        raise InputError("not a DOCX (not a zip archive)", path=name)
    if suffix == ".doc":
        raise InputError(f"not a Word .doc file; {SAVE_AS}", path=name)
    if suffix == ".json":
        return "json"
    return "text"


def _zip_kind(data: bytes, name: str) -> Kind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise damaged_docx(name, "its zip archive is broken, perhaps cut short", exc) from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        raise InputError(f"OpenDocument (.odt) is not supported; {SAVE_AS}", path=name)
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise InputError(f"an Excel or PowerPoint file, not a résumé; {SAVE_AS}", path=name)
    raise InputError("a zip archive, not a résumé; unpack it first", path=name)
