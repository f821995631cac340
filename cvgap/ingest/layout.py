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

import itertools
import math
from collections import Counter

from cvgap.ingest.flow import drop_running_lines, merge_wrapped
from cvgap.ingest.hidden import split_hidden
from cvgap.ingest.model import Char, Layout, Line, PageChars, Word
from cvgap.ingest.plain import plain_page_text
from cvgap.ingest.text import repair_line
from cvgap.types.ats import HiddenReason, HiddenText

__all__ = ["Char", "Layout", "Line", "PageChars", "find_gutter", "layout", "words_of"]

COLUMN_SHARE = 0.15  # the smaller column has this share of the words: warn about columns
WORD_GAP = 0.14  # a gap wider than this share of the font size separates two words
_GUTTER_PAD = 2.5  # points of clearance a gutter needs on each side
LABEL_ROWS = 4  # a label column has at least this many rows,
LABEL_SHARE = 0.75  # at most this share of the rows of the text it labels,
LABEL_ALIGNED = 0.85  # and this share of its rows on a baseline of the other side


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
    # style and extent from the text itself, not from a date or label beside it
    text = [w for w in row if not w.label] or row
    sizes = Counter(round(w.size, 1) for w in text for _ in w.text)
    chars = sum(len(w.text) for w in text)
    return Line(
        text=repair_line("".join(parts)),
        page=page,
        size=sizes.most_common(1)[0][0],
        bold=sum(len(w.text) for w in text if w.bold) * 2 > chars,
        column=column,
        x0=text[0].x0,
        x1=text[-1].x1,
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


def _labels_right_side(left: list[Word], right: list[Word]) -> bool:
    """Whether the left side of a gutter labels the right side row by row
    (moderncv's and Europass's dates and labels: "2025 | Vision Intern, Acme"): it has
    fewer rows than the right side (entries run on over more lines than their labels) and
    nearly every one of them on a baseline of the right side. Such a page reads across;
    independent columns (a sidebar) share baselines only by chance, in under half of their
    rows on real résumés. A column of dates on the right is read after the text, as a
    column: beside the text it would land inside wrapped and hyphenated lines."""
    labels, text = _rows(left), _rows(right)
    if not LABEL_ROWS <= len(labels) <= LABEL_SHARE * len(text):
        return False
    baselines = [(max(w.bottom for w in row), max(w.size for w in row)) for row in text]
    aligned = 0
    for row in labels:
        bottom, size = max(w.bottom for w in row), max(w.size for w in row)
        aligned += any(abs(b - bottom) <= 0.25 * max(s, size) for b, s in baselines)
    return aligned >= LABEL_ALIGNED * len(labels)


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
    if _labels_right_side(left, right):
        for word in left:
            word.label = True
        return [words]
    splits.append((len(left), len(right)))
    blocks = [head] if head else []
    blocks += _blocks(left, width, depth + 1, splits) + _blocks(right, width, depth + 1, splits)
    return blocks + ([tail] if tail else [])


def layout(pages: list[PageChars]) -> Layout:
    """All pages -> logical lines: columns apart, no running headers/footers/page numbers,
    hyphenated and wrapped lines joined. Hidden characters (:mod:`~cvgap.ingest.hidden`)
    are kept out of the lines and returned as :class:`HiddenText`; each page is also read
    the way a plain extractor reads it (:mod:`~cvgap.ingest.plain`)."""
    per_page: list[list[Line]] = []
    two_col: list[int] = []
    hidden: list[HiddenText] = []
    plain: list[str] = []
    icons: set[str] = set()
    for number, page in enumerate(pages, start=1):
        text, page_icons = plain_page_text(page.chars)
        plain.append(text)
        icons |= page_icons
        page.chars, hidden_chars = split_hidden(page)
        hidden += hidden_lines(hidden_chars, number)
        lines, split = page_lines(page, number)
        per_page.append(lines)
        if split:
            two_col.append(number)
    drop_running_lines(per_page, pages)
    return Layout(
        lines=merge_wrapped([ln for lines in per_page for ln in lines]),
        two_column_pages=two_col,
        hidden=hidden,
        plain=plain,
        icon_glyphs=icons,
    )


def hidden_lines(hidden: list[tuple[Char, HiddenReason]], page: int) -> list[HiddenText]:
    """Hidden characters as lines of words, one group per reason."""
    by_reason: dict[HiddenReason, list[Char]] = {}
    for ch, reason in hidden:
        by_reason.setdefault(reason, []).append(ch)
    out: list[HiddenText] = []
    for reason, chars in by_reason.items():
        for row in _rows(words_of(chars)):
            row.sort(key=lambda w: w.x0)
            text = repair_line(" ".join(w.text for w in row))
            if any(c.isalnum() for c in text):  # not a lone bullet or rule
                box = (
                    min(w.x0 for w in row),
                    min(w.top for w in row),
                    max(w.x1 for w in row),
                    max(w.bottom for w in row),
                )
                out.append(HiddenText(text=text, reason=reason, page=page, box=box))
    return out
