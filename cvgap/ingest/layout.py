"""Layout: positioned characters of a PDF page -> lines in reading order.

Every PDF engine (:mod:`~cvgap.ingest.pdf_plumber`, :mod:`~cvgap.ingest.pdf_pdfium`) hands
this stage the same thing: a :class:`PageChars` per page (characters in content-stream order
with their boxes, font size and weight, y growing downwards). From there on everything is
engine-agnostic:

1. characters -> words, splitting on gaps wider than a fraction of the font size (so LaTeX
   output with tight kerning neither runs words together nor splits them);
2. a column gutter is looked for (an x band that text rows on both sides never cross), and
   when found each column is read top to bottom instead of interleaving rows across it;
3. words -> lines; letter-spaced words ("P y t h o n") are rejoined from their geometry;
4. across pages: running headers/footers and page numbers are dropped; hyphenated line ends
   are joined; a line that wraps onto the next is merged back into one logical line.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from cvgap.ingest.text import repair_line


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(slots=True)
class PageChars:
    """One page as an engine sees it: its size, characters and how many images it shows."""

    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    images: int = 0


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class Line:
    """A line of text in reading order, with the style hints section detection uses."""

    text: str
    page: int = 1
    size: float = 0.0
    bold: bool = False
    heading: bool = False  # an explicit heading (DOCX heading style, JSON Resume key)
    column: int = 0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0


@dataclass(slots=True)
class Layout:
    lines: list[Line]
    two_column_pages: list[int]


COLUMN_SHARE = 0.15  # the smaller column has this share of the words: warn about columns
WORD_GAP = 0.14  # a gap wider than this share of the font size separates two words
_GUTTER_PAD = 2.5  # points of clearance a gutter needs on each side
_MARGIN_ZONE = 0.075  # top/bottom share of the page where headers and footers live
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page|seite|página|pagina|p\.)?\s*[-–—(]?\s*\d{1,3}\s*(?:(?:/|of|de|von|sur)\s*\d{1,3})?"
    r"\s*[-–—)]?$",
    re.IGNORECASE,
)
_BULLET_START_RE = re.compile("^[\u2022\u25cf\u25aa\u25a0\u2023\u2043\u2219\u00b7\u25e6*>-]\\s")
_LABEL_RE = re.compile(r"^[\w/&+ -]{2,30}:")


def words_of(chars: list[Char]) -> list[Word]:
    """Group characters (in stream order) into words by their gaps."""
    words: list[Word] = []
    cur: list[Char] = []
    for ch in chars:
        if ch.text == "\u00ad":  # a drawn soft hyphen is a visible hyphen on the page
            ch.text = "-"
        if not ch.text.strip():
            if cur:
                words.append(_word(cur))
                cur = []
            continue
        if cur:
            last = cur[-1]
            height = max(last.bottom - last.top, 1.0)
            same_line = abs(ch.bottom - last.bottom) < 0.5 * height or (
                ch.top < last.bottom and ch.bottom > last.top
            )
            gap = ch.x0 - last.x1
            if not same_line or gap > WORD_GAP * max(last.size, 1.0) or gap < -2 * height:
                words.append(_word(cur))
                cur = []
        cur.append(ch)
    if cur:
        words.append(_word(cur))
    return words


def _word(chars: list[Char]) -> Word:
    sizes = Counter(round(c.size, 1) for c in chars)
    return Word(
        text="".join(c.text for c in chars),
        x0=min(c.x0 for c in chars),
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=sizes.most_common(1)[0][0],
        bold=sum(c.bold for c in chars) * 2 > len(chars),
    )


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows by vertical overlap (across the whole width)."""
    rows: list[list[Word]] = []
    bottoms: list[float] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (w.top + w.bottom) / 2
        if rows and mid < bottoms[-1] and mid > rows[-1][0].top:
            rows[-1].append(w)
            bottoms[-1] = max(bottoms[-1], w.bottom)
        else:
            rows.append([w])
            bottoms.append(w.bottom)
    return rows


def find_gutter(words: list[Word], width: float) -> float | None:
    """The x of a vertical gutter between two columns, or ``None`` for one column.

    A gutter is an x that rows with text on both sides of it (at least five, and a fifth of
    all rows) almost never cross; the header above the columns may cross it. Candidate x's
    are sampled every 2 pt between 12 % and 88 % of the width; per row, the x's between two
    of its words ("split") and the x's inside a word of a row that runs well past them
    ("cross") are counted with difference arrays, so a page costs O(words + samples).
    """
    rows = _rows(words)
    if len(rows) < 6:
        return None
    step, lo = 2.0, width * 0.12
    count = int((width * 0.88 - lo) / step) + 1
    split_d = [0] * (count + 1)
    cross_d = [0] * (count + 1)

    def mark(diff: list[int], x0: float, x1: float, sign: int = 1) -> None:
        k0 = max(0, math.ceil((x0 - lo) / step))
        k1 = min(count - 1, math.floor((x1 - lo) / step))
        if k0 <= k1:
            diff[k0] += sign
            diff[k1 + 1] -= sign

    for row in rows:
        merged: list[list[float]] = []
        for x0, x1 in sorted((w.x0 - _GUTTER_PAD, w.x1 + _GUTTER_PAD) for w in row):
            if merged and x0 < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        for (_, gap0), (gap1, _) in itertools.pairwise(merged):
            mark(split_d, gap0, gap1)
        near0, near1 = merged[-1][1] - 20, merged[0][0] + 20  # x's the row barely passes
        for x0, x1 in merged:
            mark(cross_d, x0 + 1e-6, x1 - 1e-6)
            if near0 <= near1:
                mark(cross_d, max(x0 + 1e-6, near0), min(x1 - 1e-6, near1), -1)
    need = max(5, len(rows) // 5)
    best: tuple[int, int, float] | None = None  # (split rows, run length, x)
    run: list[int] = []  # sample indices of the current run of gutter candidates
    split = cross = 0
    for k in range(count + 1):
        split += split_d[k]
        cross += cross_d[k]
        ok = k < count and split >= need and cross <= max(2, (split + cross) // 8)
        if ok:
            run.append(split)
            continue
        if run:
            mid = lo + step * (k - 1 - (len(run) - 1) / 2)
            if best is None or (max(run), len(run)) > (best[0], best[1]):
                best = (max(run), len(run), mid)
            run = []
    return best[2] if best else None


def _column_lines(words: list[Word], page: int, column: int) -> list[Line]:
    lines: list[Line] = []
    for row in _rows(words):
        row.sort(key=lambda w: w.x0)
        lines.append(_join_row(row, page, column))
    return lines


def _join_row(row: list[Word], page: int, column: int) -> Line:
    parts: list[str] = []
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(row)]
    singles = sum(1 for w in row if len(w.text) == 1 and w.text.isalnum())
    letter_spaced = len(row) >= 4 and singles * 3 >= len(row) * 2
    small = min((g for g in gaps if g > 0), default=0.0)
    for i, w in enumerate(row):
        if i:
            gap = gaps[i - 1]
            joined = (
                letter_spaced
                and len(w.text) == 1
                and len(row[i - 1].text) == 1
                and (gap <= small * 1.6 + 0.3)
            )
            if not joined and gap > 0.08 * w.size:
                parts.append(" ")
        parts.append(w.text)
    sizes = Counter(round(w.size, 1) for w in row for _ in w.text)
    chars = sum(len(w.text) for w in row)
    return Line(
        text=repair_line("".join(parts)),
        page=page,
        size=sizes.most_common(1)[0][0],
        bold=sum(len(w.text) for w in row if w.bold) * 2 > chars,
        column=column,
        x0=row[0].x0,
        x1=row[-1].x1,
        top=min(w.top for w in row),
        bottom=max(w.bottom for w in row),
    )


def _in_column(row: list[Word], gutter: float, edges: tuple[float, float], width: float) -> bool:
    """Whether a row above or below the columns belongs to one of them: it lies on one side
    of the gutter and is not a line centred on the page (a name or contact line above both
    columns), unless it starts at that column's left edge."""
    x0, x1 = min(w.x0 for w in row), max(w.x1 for w in row)
    if x1 <= gutter:
        edge = edges[0]
    elif x0 >= gutter:
        edge = edges[1]
    else:
        return False
    centred = abs((x0 + x1) / 2 - width / 2) < 0.03 * width
    return not centred or abs(x0 - edge) < 6


def _splits(row: list[Word], gutter: float) -> bool:
    """Whether a row has text on both sides of the gutter with a real gap between them
    (not one line of text that happens to run across it, like a centred contact line)."""
    left = [w.x1 for w in row if w.x1 <= gutter]
    right = [w.x0 for w in row if w.x0 >= gutter]
    if not left or not right or any(w.x0 < gutter < w.x1 for w in row):
        return False
    size = max(w.size for w in row)
    return min(right) - max(left) > 0.8 * size


def page_lines(page: PageChars, number: int) -> tuple[list[Line], bool]:
    """The lines of one page in reading order, and whether it has columns."""
    words = [
        w
        for w in words_of(page.chars)
        if w.x1 > 0 and w.x0 < page.width and w.bottom > 0 and w.top < page.height
    ]
    splits: list[tuple[int, int]] = []
    blocks = _blocks(words, page.width, 0, splits)
    lines = [
        ln for column, block in enumerate(blocks) for ln in _column_lines(block, number, column)
    ]
    # Columns worth a warning hold text on both sides (not a narrow column of dates).
    return lines, any(min(a, b) >= COLUMN_SHARE * len(words) for a, b in splits)


def _blocks(
    words: list[Word], width: float, depth: int, splits: list[tuple[int, int]]
) -> list[list[Word]]:
    """Words in reading order as blocks: the part above the columns, each column (columns
    inside a column too, two levels deep: sidebar | dates | text), the part below. The word
    counts of both sides of every split are appended to ``splits``."""
    gutter = find_gutter(words, width) if depth < 2 else None
    if gutter is None:
        return [words] if words else []
    rows = _rows(words)
    split = [_splits(row, gutter) for row in rows]
    if not any(split):
        return [words]
    first_split = split.index(True)
    last_split = len(rows) - 1 - split[::-1].index(True)
    body = [w for row in rows[first_split : last_split + 1] for w in row]
    edges = (
        min((w.x0 for w in body if w.x1 <= gutter), default=0.0),
        min((w.x0 for w in body if w.x0 >= gutter), default=gutter),
    )
    head: list[Word] = []
    tail: list[Word] = []
    for index, row in enumerate(rows):
        if first_split <= index <= last_split:
            continue
        if _in_column(row, gutter, edges, width):  # a column that starts higher or ends lower
            body += row
        else:
            (head if index < first_split else tail).extend(row)
    left = [w for w in body if (w.x0 + w.x1) / 2 < gutter]
    right = [w for w in body if (w.x0 + w.x1) / 2 >= gutter]
    splits.append((len(left), len(right)))
    blocks = [head] if head else []
    blocks += _blocks(left, width, depth + 1, splits) + _blocks(right, width, depth + 1, splits)
    return blocks + ([tail] if tail else [])


def layout(pages: list[PageChars]) -> Layout:
    """All pages -> logical lines: columns apart, no running headers/footers/page numbers,
    hyphenated and wrapped lines joined."""
    per_page: list[list[Line]] = []
    two_col: list[int] = []
    for number, page in enumerate(pages, start=1):
        lines, split = page_lines(page, number)
        per_page.append(lines)
        if split:
            two_col.append(number)
    _drop_running_lines(per_page, pages)
    return Layout(
        lines=_merge_wrapped([ln for lines in per_page for ln in lines]), two_column_pages=two_col
    )


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _drop_running_lines(per_page: list[list[Line]], pages: list[PageChars]) -> None:
    """Remove page numbers and lines repeated in the top/bottom margin of several pages."""

    def in_margin(line: Line, page: PageChars) -> str | None:
        if line.bottom < page.height * _MARGIN_ZONE:
            return "top"
        if line.top > page.height * (1 - _MARGIN_ZONE):
            return "bottom"
        return None

    repeats: Counter[str] = Counter()
    for lines, page in zip(per_page, pages, strict=True):
        repeats.update({_norm(ln.text) for ln in lines if in_margin(ln, page)})
    min_repeat = max(2, (len(pages) + 1) // 2)
    for index, (lines, page) in enumerate(zip(per_page, pages, strict=True)):
        kept: list[Line] = []
        for ln in lines:
            zone = in_margin(ln, page)
            if zone and _PAGE_NUMBER_RE.match(ln.text.strip()):
                continue
            repeated = len(pages) > 1 and repeats[_norm(ln.text)] >= min_repeat
            if zone and repeated and not (index == 0 and zone == "top"):
                continue
            kept.append(ln)
        lines[:] = kept


def _merge_wrapped(lines: list[Line]) -> list[Line]:
    """Join a hyphenated line end with its continuation, and a wrapped line with the next."""
    if not lines:
        return lines
    body = statistics.median(ln.size for ln in lines if ln.text)
    col_right: dict[tuple[int, int], float] = {}
    col_left: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.page, ln.column)
        col_right[key] = max(col_right.get(key, 0.0), ln.x1)
        col_left[key] = min(col_left.get(key, ln.x0), ln.x0)
    out: list[Line] = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        if _continues(prev, ln, body, col_left, col_right):
            if prev.text.endswith("-") and ln.text[:1].islower() and prev.text[-2:-1].isalpha():
                text = prev.text[:-1] + ln.text
            else:
                text = prev.text + " " + ln.text
            out[-1] = Line(
                text=text,
                page=prev.page,
                size=prev.size,
                bold=prev.bold and ln.bold,
                column=prev.column,
                x0=prev.x0,
                x1=ln.x1,
                top=prev.top,
                bottom=ln.bottom,
            )
        else:
            out.append(ln)
    return out


def _continues(
    prev: Line,
    ln: Line,
    body: float,
    col_left: dict[tuple[int, int], float],
    col_right: dict[tuple[int, int], float],
) -> bool:
    if (prev.page, prev.column) != (ln.page, ln.column) or not prev.text or not ln.text:
        return False
    if abs(prev.size - ln.size) > 0.6 or prev.size > body + 0.9 or prev.bold != ln.bold:
        return False
    if ln.top - prev.bottom > 0.6 * max(ln.size, 1.0) or ln.top < prev.top:
        return False
    if _BULLET_START_RE.match(ln.text) or _LABEL_RE.match(ln.text):
        return False
    if prev.text.isupper() or ln.x0 < col_left[(ln.page, ln.column)] - 1:
        return False
    if ln.x0 > prev.x0 + 2 * max(ln.size, 1.0) and not _BULLET_START_RE.match(prev.text):
        return False  # indented differently: a new entry, not the rest of this one
    first = ln.text[:1]
    if first.islower() or prev.text.endswith(("-", ",", "&", " and", "/", "(")):
        return True
    # A line that filled the column's width goes on in the next (unmarked) line.
    key = (prev.page, prev.column)
    width = col_right[key] - col_left[key]
    full = prev.x1 >= col_right[key] - 0.1 * width and not prev.text.endswith((".", ":"))
    return full and len(prev.text.split()) >= 6


_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd\b|\.b\b|-b$", re.IGNORECASE)
_ICON_RE = re.compile(
    r"awesome|(?<![a-z])icons?\b|icon-?font|glyphicon|academicons|wingding|dingbat|materialicons|"
    r"symbolmt|^symbol$|marvosym|fontello|ionicons|octicons",
    re.IGNORECASE,
)
ICON = "\ue000"  # what an icon-font glyph becomes (dropped, or a bullet at a line start)


@functools.lru_cache(maxsize=256)
def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, icon font) for a PDF font name: "ABCDEF+Roboto-Bold" is bold, "CMBX10" is
    bold, "FontAwesome5Free-Solid" and "Wingdings" are icon fonts (their glyphs are not
    text, whatever their names or ToUnicode say: "HOUSE-CHIMNEY", "(cid:12)")."""
    base = fontname.split("+", 1)[-1]
    bold = bool(_BOLD_RE.search(base)) or base.upper().startswith(("CMBX", "SFBX"))
    return bold, bool(_ICON_RE.search(base.replace(" ", "")))


def is_bold(fontname: str) -> bool:
    """Whether a PDF font name is a bold face (see :func:`font_style`)."""
    return font_style(fontname)[0]
