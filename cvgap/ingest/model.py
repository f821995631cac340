"""The positioned text every reader produces: characters, words and lines with the style
hints (font size, bold, icon font) that layout and section detection use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from cvgap.types.ats import HiddenText


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    color: RGB | None = None  # fill colour (0-1 RGB); None: black or unknown
    invisible: bool = False  # text render mode 3 (or 7): drawn without ink
    order: int = -1  # paint order on the page (-1 unknown): what is drawn later covers it
    raw: str = ""  # what a plain extractor reads when it differs from ``text`` (icon glyphs)


RGB = tuple[float, float, float]


@dataclass(slots=True)
class Paint:
    """A filled shape or an image on a page: what text sits on (its background) or under."""

    x0: float
    top: float
    x1: float
    bottom: float
    order: int
    color: RGB | None = None  # None: an image (opaque, colour unknown)


@dataclass(slots=True)
class PageChars:
    """One page as an engine sees it: its size, characters and how many images it shows,
    and the filled shapes and images drawn on it (for telling hidden text from visible)."""

    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    images: int = 0
    paints: list[Paint] = field(default_factory=list)


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
    hidden: list[HiddenText] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # per page: a plain extractor's text
    icon_glyphs: set[str] = field(default_factory=set)  # what icon glyphs read as, plainly


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
