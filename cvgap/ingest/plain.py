"""A plain extractor's reading of a PDF page: what an applicant tracking system gets.

Built from the same positioned characters cvgap reads, the way pdfplumber's
``extract_text()`` and ``pdftotext`` without ``-layout`` fidelity work: characters are
clustered into rows across the whole page width (3 pt vertical tolerance), each row is read
left to right, and a space goes where the PDF draws one or where two characters are more than
3 pt apart. Nothing is repaired: ligatures stay ligatures ("ﬂ"), letter-spaced words stay
spaced ("P y T o r c h"), icon-font glyphs keep whatever text their font maps them to, a
page with two columns is read row by row across both, and hidden text is read like any other.
See ``docs/ats.md`` for why this stands for what most tracking systems see.
"""

from __future__ import annotations

from operator import itemgetter

from cvgap.ingest.model import Char

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0


def plain_page_text(chars: list[Char]) -> tuple[str, set[str]]:
    """The page read plainly, and the texts its icon-font glyphs produced."""
    glyphs: list[tuple[float, float, Char, bool]] = []
    icons: set[str] = set()
    icon = ""  # the run of icon-glyph text being read (one glyph may be several chars)
    space = True
    for ch in chars:
        text = ch.raw or ch.text
        if ch.raw:
            icon += ch.raw
        elif icon:
            icons.add(icon)
            icon = ""
        if not text.strip():
            space = True
            continue
        glyphs.append((ch.top, ch.x0, ch, space))
        space = False
    if icon:
        icons.add(icon)
    glyphs.sort(key=itemgetter(0))
    rows: list[list[tuple[float, float, Char, bool]]] = []
    last = None
    for glyph in glyphs:
        if last is None or glyph[0] - last > Y_TOLERANCE:
            rows.append([])
        rows[-1].append(glyph)
        last = glyph[0]
    lines = []
    for row in rows:
        row.sort(key=itemgetter(1))
        parts: list[str] = []
        prev: Char | None = None
        for _, _, ch, spaced in row:
            if prev is not None and (spaced or ch.x0 - prev.x1 > X_TOLERANCE):
                parts.append(" ")
            parts.append(ch.raw or ch.text)
            prev = ch
        lines.append("".join(parts))
    return "\n".join(lines), icons
