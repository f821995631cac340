"""Decoding bytes and repairing extracted text (ligatures, soft hyphens, icon glyphs)."""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# "M¨arz", "Fran¸caise": a spacing diacritic printed before the letter it belongs to.
_SPACING_MARKS = {"\u00a8": "\u0308", "\u00b8": "\u0327", "\u00b4": "\u0301", "`": "\u0300",
                  "\u02c6": "\u0302", "\u02dc": "\u0303", "\u02c7": "\u030c"}
_SPACING_RE = re.compile("([\u00a8\u00b8\u00b4\u02c6\u02dc\u02c7])\\s?([A-Za-z])")
_CID_RE = re.compile(r"\(cid:\d+\)")
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")
_BULLETS_RE = re.compile("^[\\s\u2022\u25cf\u25aa\u25a0\u2023\u2043\u2219\u00b7\u25e6\u2013\u2014*>-]+\\s+")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def decode_text(data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-8, then Windows-1252 (a superset of Latin-1
    for printable text). Raises ``UnicodeDecodeError`` when the bytes are not text at all."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UnicodeDecodeError("utf-8", data, 0, 1, "binary data, not text")
    return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def repair_text(text: str) -> str:
    """Normalise extracted text: NFKC (ligatures), recomposed accents, no soft hyphens,
    no ``(cid:N)`` or private-use icon glyphs, collapsed spaces, trimmed lines."""
    text = _SPACING_RE.sub(lambda m: m.group(2) + _SPACING_MARKS[m.group(1)], text)
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _CID_RE.sub(" ", text)
    text = _PRIVATE_USE_RE.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def strip_bullet(line: str) -> str:
    """A line without its leading bullet marker."""
    return _BULLETS_RE.sub("", line)
