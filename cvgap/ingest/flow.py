"""Across pages: running headers/footers and page numbers out, hyphenated line ends joined,
lines that wrap merged back into one logical line."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from cvgap.ingest.model import Line, PageChars
from cvgap.types import BULLET_MARKS

_MARGIN_ZONE = 0.075  # top/bottom share of the page where headers and footers live
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page|seite|página|pagina|p\.)?\s*[-–—(]?\s*\d{1,3}\s*(?:(?:/|of|de|von|sur)\s*\d{1,3})?"
    r"\s*[-–—)]?$",
    re.IGNORECASE,
)
_BULLET_START_RE = re.compile(f"^[{re.escape(BULLET_MARKS)}]\\s")
_LABEL_RE = re.compile(r"^[\w/&+ -]{2,30}:")


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def drop_running_lines(per_page: list[list[Line]], pages: list[PageChars]) -> None:
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


def merge_wrapped(lines: list[Line]) -> list[Line]:
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
