"""The fast PDF engine: pypdfium2 (Chrome's PDFium), imported lazily (``--pdf-engine pdfium``).

Like :mod:`cvgap.ingest.pdf_plumber` it only collects positioned characters (y flipped to grow
downwards) and leaves reading order to :mod:`cvgap.ingest.layout`.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

from cvgap.errors import InputError
from cvgap.ingest.damaged import damaged_pdf
from cvgap.ingest.limits import Deadline, Limits
from cvgap.ingest.model import ICON, RGB, Char, PageChars, Paint, font_style
from cvgap.ingest.pdf_plumber import encrypted_message

_TEXT_OBJECT, _PATH_OBJECT, _IMAGE_OBJECT = 1, 2, 3  # FPDF_PAGEOBJ_*


def pdfium_pages(
    path: Path, *, name: str, password: str | None, limits: Limits, deadline: Deadline
) -> list[PageChars]:
    """Positioned characters of every page of the PDF at ``path``."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(encrypted_message(password), path=name) from None
        raise damaged_pdf(path, name, exc) from None
    try:
        count = len(doc)
        limits.check_pages(count, name)
        pages: list[PageChars] = []
        for index in range(count):
            deadline.check(name)
            page = doc[index]
            try:
                pages.append(_page_chars(page, limits, name))
            finally:
                page.close()
        return pages
    except InputError:
        raise
    except RecursionError:
        raise InputError("PDF structure is nested too deeply to read", path=name) from None
    except Exception as exc:
        raise damaged_pdf(path, name, exc) from None
    finally:
        doc.close()


def preflight(path: Path, *, name: str, password: str | None, limits: Limits) -> None:
    """Check the page count and characters per page with PDFium (a few ms a page) before a
    slower engine parses the file; a file PDFium cannot open is left to that engine."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError:
        return
    try:
        limits.check_pages(len(doc), name)
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                limits.check_chars(textpage.count_chars(), name)
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError:
        return
    finally:
        doc.close()


def _page_chars(page: Any, limits: Limits, name: str) -> PageChars:
    import pypdfium2.raw as pdfium_c

    width, height = (float(v) for v in page.get_size())
    orders, paints = _paints(pdfium_c, page.raw, height)
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        limits.check_chars(count, name)
        rect = pdfium_c.FS_RECTF()  # the loose box: advance width x ascent/descent
        rect_ref = ctypes.byref(rect)
        get_unicode = pdfium_c.FPDFText_GetUnicode
        get_box = pdfium_c.FPDFText_GetLooseCharBox
        # The text object of a char, as an int (ctypes' own wrapper returns a pointer
        # object, three times slower to compare): one font, size and style per object.
        get_object = _by_address(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)
        styles: dict[int | None, tuple[float, bool, bool, RGB | None, bool]] = {}
        blank = Char(text=" ", x0=0, x1=0, top=0, bottom=0, size=0)
        chars: list[Char] = []
        for i in range(count):
            code = get_unicode(raw, i)
            if code == 0xFFFE:  # a hyphen PDFium found at a line end
                code = 0x2D
            if code <= 0x20:  # spaces, and the line breaks PDFium generates
                chars.append(blank)
                continue
            if not get_box(raw, i, rect_ref):
                continue
            key = get_object(raw, i)
            style = styles.get(key)
            if style is None:
                style = styles[key] = _style(pdfium_c, raw, i)
            size, bold, icon, color, invisible = style
            chars.append(
                Char(
                    text=ICON if icon else chr(code),
                    x0=rect.left,
                    x1=rect.right,
                    top=height - rect.top,
                    bottom=height - rect.bottom,
                    size=size,
                    bold=bold,
                    color=color,
                    invisible=invisible,
                    order=orders.get(key, -1),
                    raw=chr(code) if icon else "",
                )
            )
    finally:
        textpage.close()
    images = 0
    if not any(c.text.strip() for c in chars):
        images = sum(1 for _ in page.get_objects(filter=[_IMAGE_OBJECT], max_depth=2))
    return PageChars(width=width, height=height, chars=chars, images=images, paints=paints)


def _style(pdfium_c: Any, raw: Any, index: int) -> tuple[float, bool, bool, RGB | None, bool]:
    """(font size, bold, icon font, fill colour unless black, invisible) of the char at
    ``index``: all the same for every char of one text object."""
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    heavy = pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    color: RGB | None = None
    if pdfium_c.FPDFText_GetFillColor(
        raw, index, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
    ) and (r.value, g.value, b.value) != (0, 0, 0):
        color = (r.value / 255, g.value / 255, b.value / 255)
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    invisible = bool(obj) and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in (3, 7)
    buffer = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, 256, None)
    if length <= 0 or length > 256:
        return size, heavy, False, color, invisible
    bold, icon = font_style(buffer.value.decode("latin-1", errors="replace"))
    return size, bold or heavy, icon, color, invisible


def _paints(
    pdfium_c: Any, raw_page: Any, height: float
) -> tuple[dict[int | None, int], list[Paint]]:
    """The paint order of the page's top-level text objects (by address), and its filled
    shapes and images as :class:`Paint` (what text sits on, or under)."""
    orders: dict[int | None, int] = {}
    paints: list[Paint] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    # Objects as plain ints (ctypes' own wrappers build a pointer object per call).
    get_object = _by_address(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p, ctypes.c_int)
    get_type = _by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
    page_address = ctypes.cast(raw_page, ctypes.c_void_p).value
    for index in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        address = get_object(page_address, index)
        kind = get_type(address)
        if kind == _TEXT_OBJECT:
            orders[address] = index
            continue
        if kind not in (_PATH_OBJECT, _IMAGE_OBJECT):
            continue
        obj = pdfium_c.FPDFPage_GetObject(raw_page, index)
        color: RGB | None = None
        if kind == _PATH_OBJECT:
            if not pdfium_c.FPDFPath_GetDrawMode(
                obj, ctypes.byref(fill_mode), ctypes.byref(stroke)
            ):
                continue
            if fill_mode.value == 0 or not pdfium_c.FPDFPageObj_GetFillColor(
                obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
            ):
                continue
            if a.value == 0:
                continue
            color = (r.value / 255, g.value / 255, b.value / 255)
        refs = (ctypes.byref(v) for v in (left, bottom, right, top))
        if pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            paints.append(
                Paint(
                    x0=left.value,
                    x1=right.value,
                    top=height - top.value,
                    bottom=height - bottom.value,
                    order=index,
                    color=color,
                )
            )
    return orders, paints


def _by_address(function: Any, restype: Any, *more: Any) -> Any:
    """A PDFium function that takes a handle (and ``more`` arguments) as a plain int address
    and returns ``restype``: no pointer object built per call."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, ctypes.c_void_p, *more)(address)
