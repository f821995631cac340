"""Decoding bytes and repairing extracted text (ligatures, soft hyphens, icon glyphs)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from cvgap.types import BULLET_MARKS

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# "M¨arz", "Fran¸caise": a spacing diacritic printed before the letter it belongs to.
_SPACING_MARKS = {
    "\u00a8": "\u0308",
    "\u00b8": "\u0327",
    "\u00b4": "\u0301",
    "`": "\u0300",
    "\u02c6": "\u0302",
    "\u02dc": "\u0303",
    "\u02c7": "\u030c",
}
_SPACING_RE = re.compile("([\u00a8\u00b8\u00b4\u02c6\u02dc\u02c7])\\s?([A-Za-z])")
CID_RE = re.compile(r"\(cid:\d+\)")  # a glyph with no text mapping, as pdfminer writes it
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")
# A bullet marker at the start of a line: typographic bullets, dashes, arrows, "*", ">", and
# (already replaced by "\u2022") private-use icon glyphs.
_BULLETS_RE = re.compile(f"^(?:[{re.escape(BULLET_MARKS)}]+)\\s*")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_LEADING_ICON_RE = re.compile("^\\s*(?:\\(cid:\\d+\\)|[\ue000-\uf8ff\U000f0000-\U000ffffd])+\\s*")
# "P y t h o n", "E X P E R I E N C E": 3+ single letters with single spaces; words are
# separated by 2+ spaces (or the end of the run).
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:\w ){2,}\w(?!\S)")


def decode_text(data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-8, then Windows-1252 (a superset of Latin-1
    for printable text). Raises ``UnicodeDecodeError`` when the bytes are not text at all."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if looks_binary(data):
        raise UnicodeDecodeError("utf-8", data, 0, 1, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise UnicodeDecodeError("cp1252", data, 0, 1, "binary data, not text")
    return text


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (BOM-less UTF-16 included)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(sample) * 0.02


def repair_line(line: str) -> str:
    """Repair one extracted line: spacing accents recomposed ("M\u00a8arz" -> "M\u00e4rz"), NFKC
    (ligatures), no soft hyphens or zero-width characters, ``(cid:N)`` and private-use icon
    glyphs dropped (a leading one becomes a bullet), letter-spaced words rejoined, spaces
    collapsed, bullets normalised to ``"- "``.

    >>> repair_line("\uf0b7  E X P E R I E N C E  \ufb01ne-tuned")
    '- EXPERIENCE fine-tuned'
    """
    line = _LEADING_ICON_RE.sub("\u2022 ", line)
    line = _SPACING_RE.sub(lambda m: m.group(2) + _SPACING_MARKS[m.group(1)], line)
    line = unicodedata.normalize("NFKC", line)
    line = _ZERO_WIDTH_RE.sub("", line)
    line = CID_RE.sub(" ", line)
    line = _PRIVATE_USE_RE.sub(" ", line)
    line = _LETTER_SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), line)
    line = _SPACES_RE.sub(" ", line).strip()
    bullet = _BULLETS_RE.match(line)
    if bullet and bullet.end() < len(line) and line[bullet.end() - 1 : bullet.end()].isspace():
        line = "- " + line[bullet.end() :]
    elif bullet and bullet.group(0) in ("\u2022", "\u25cf", "\u25aa") and len(line) > 1:
        line = "- " + line[1:].lstrip()
    return line
