"""Hidden text: characters a text extractor reads but a person looking at the page cannot see.

Engine-agnostic, like :mod:`cvgap.ingest.layout`: every engine records each character's fill
colour, text render mode and paint order, and the page's filled shapes and images
(:class:`~cvgap.ingest.model.Paint`). A character is hidden when it is

- drawn in render mode 3 (no fill, no stroke: the mode OCR layers use) -- ``invisible``;
- entirely outside the page -- ``off-page``;
- too close in colour to what it is drawn on (white on white; the background is the topmost
  filled shape under it, else the white page) -- ``background``;
- under an image drawn after it -- ``covered``;
- in a glyph box less than :data:`TINY_PT` high -- ``tiny``.

Hidden characters are never read as evidence; they are reported (``invisible-text``).
Not detected: clipping paths other than the page's edges, and text drawn in the colour of a
vector background that a form XObject paints (rare in résumés).
"""

from __future__ import annotations

from cvgap.ingest.model import RGB, Char, PageChars, Paint
from cvgap.types.ats import HiddenReason

TINY_PT = 4.0  # text smaller than this is not meant to be read
MIN_CONTRAST = 1.25  # WCAG contrast ratio below which text vanishes into its background
_WHITE: RGB = (1.0, 1.0, 1.0)
BLACK: RGB = (0.0, 0.0, 0.0)


def split_hidden(page: PageChars) -> tuple[list[Char], list[tuple[Char, HiddenReason]]]:
    """The page's visible characters, and its hidden ones with the reason."""
    width, height = page.width, page.height
    first_text = min((ch.order for ch in page.chars if ch.order >= 0), default=-1)
    # Only an image drawn after some text can cover it.
    images = [
        p for p in page.paints if p.color is None and first_text >= 0 and p.order > first_text
    ]
    fills = [p for p in page.paints if p.color is not None]
    faint_on_white: dict[RGB, bool] = {}
    visible: list[Char] = []
    hidden: list[tuple[Char, HiddenReason]] = []
    for ch in page.chars:
        color = ch.color
        if (  # the common case: black, in the page, big enough, nothing drawn over it
            color is None
            and not images
            and not ch.invisible
            and ch.bottom - ch.top >= TINY_PT
            and ch.x1 > 0
            and ch.x0 < width
            and ch.bottom > 0
            and ch.top < height
        ) or not ch.text.strip():  # spaces separate words whatever their colour or place
            visible.append(ch)
            continue
        reason: HiddenReason | None = None
        if ch.invisible:
            reason = "invisible"
        elif ch.x1 <= 0 or ch.x0 >= width or ch.bottom <= 0 or ch.top >= height:
            reason = "off-page"
        elif color is not None:
            faint = faint_on_white.get(color)
            if faint is None:
                faint = faint_on_white[color] = contrast(color, _WHITE) < MIN_CONTRAST
            if faint and contrast(color, _background(ch, fills)) < MIN_CONTRAST:
                reason = "background"
        if reason is None and images and ch.order >= 0:
            x, y = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
            for p in images:
                if p.order > ch.order and p.x0 <= x <= p.x1 and p.top <= y <= p.bottom:
                    reason = "covered"
                    break
        if reason is None and ch.bottom - ch.top < TINY_PT:  # the glyph box, not the font
            # size: some generators set a 1 pt font and scale it with the text matrix
            reason = "tiny"
        if reason is None:
            visible.append(ch)
        else:
            hidden.append((ch, reason))
    return visible, hidden


def _inside(ch: Char, paint: Paint) -> bool:
    x, y = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    return paint.x0 <= x <= paint.x1 and paint.top <= y <= paint.bottom


def _background(ch: Char, fills: list[Paint]) -> RGB:
    """The colour under ``ch``: the last filled shape drawn before it that contains it."""
    best: Paint | None = None
    for paint in fills:
        below = ch.order < 0 or paint.order < ch.order
        if below and _inside(ch, paint) and (best is None or paint.order > best.order):
            best = paint
    return best.color if best is not None and best.color is not None else _WHITE


def luminance(color: RGB) -> float:
    """WCAG relative luminance of an sRGB colour with 0-1 components."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(min(1.0, max(0.0, c))) for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def to_rgb(components: object) -> RGB | None:
    """A PDF colour (gray, RGB or CMYK components, 0-1) as RGB; ``None`` for a pattern or
    anything unreadable."""
    if isinstance(components, (int, float)):
        values: tuple[float, ...] = (float(components),)
    elif isinstance(components, (tuple, list)) and all(
        isinstance(c, (int, float)) for c in components
    ):
        values = tuple(float(c) for c in components)
    else:
        return None
    if len(values) == 1:
        rgb: RGB = (values[0], values[0], values[0])
    elif len(values) == 3:
        rgb = (values[0], values[1], values[2])
    elif len(values) == 4:
        c, m, y, k = values
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return rgb
