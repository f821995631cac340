"""The positioned text every reader produces: characters, words and lines with the style
hints (font size, bold, icon font) that layout and section detection use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field


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
    label: bool = False  # in a label column: a date or label beside the text it describes


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
