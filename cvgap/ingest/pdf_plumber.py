"""The default PDF engine: pdfplumber (pdfminer.six underneath), imported lazily.

It only collects positioned characters; :mod:`cvgap.ingest.layout` turns them into lines,
the same way for every engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cvgap.errors import InputError
from cvgap.ingest.damaged import damaged_pdf
from cvgap.ingest.hidden import BLACK, to_rgb
from cvgap.ingest.limits import Deadline, Limits
from cvgap.ingest.model import ICON, RGB, Char, PageChars, Paint, font_style


def plumber_pages(
    path: Path, *, name: str, password: str | None, limits: Limits, deadline: Deadline
) -> list[PageChars]:
    """Positioned characters of every page of the PDF at ``path``."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    _record_render_mode()
    pdf = None
    try:
        pdf = pdfplumber.open(path, password=password or "")
        count = len(pdf.pages)
        limits.check_pages(count, name)
        pages: list[PageChars] = []
        for page in pdf.pages:
            deadline.check(name)
            chars, paints = _page_chars(page)
            limits.check_chars(len(chars), name)
            images = sum(1 for p in paints if p.color is None)
            pages.append(
                PageChars(
                    width=float(page.width),
                    height=float(page.height),
                    chars=chars,
                    images=images if not chars else 0,
                    paints=paints,
                )
            )
            page.close()
        return pages
    except InputError:
        raise
    except RecursionError:
        raise InputError("PDF structure is nested too deeply to read", path=name) from None
    except MemoryError:
        raise InputError("PDF needs too much memory to read", path=name) from None
    except (PdfminerException, PSException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, RecursionError):
            raise InputError("PDF structure is nested too deeply to read", path=name) from None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or (
            "password" in str(cause).lower()
        ):
            raise InputError(encrypted_message(password), path=name) from None
        raise damaged_pdf(path, name, cause) from None
    except Exception as exc:  # pdfminer raises a zoo of types on corrupt files
        raise damaged_pdf(path, name, exc) from None
    finally:
        # Not pdf.close(): it walks the whole page tree again (minutes on a hostile file).
        if pdf is not None:
            pdf.stream.close()


def _page_chars(page: Any) -> tuple[list[Char], list[Paint]]:
    """The upright characters of a pdfplumber page, and the filled shapes and images drawn
    on it (in paint order).

    Reads pdfminer's layout objects (``page.layout``) directly instead of ``page.chars``:
    pdfplumber turns every object into a dict of ~20 resolved attributes (colours, matrix,
    marked content), which costs more than parsing the page, and we need a few of them. The
    coordinates are pdfplumber's own: y grows downwards from the top of the page's box.
    """
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
    from pdfplumber.page import fix_fontname_bytes

    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    chars: list[Char] = []
    paints: list[Paint] = []
    colors: dict[Any, RGB | None] = {}
    order = 0
    stack = [iter(page.layout)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        order += 1
        if isinstance(obj, LTChar):
            if not obj.upright:
                continue
            fontname = obj.fontname
            if isinstance(fontname, bytes):
                fontname = fix_fontname_bytes(fontname)
            bold, icon = font_style(str(fontname))
            x0, x1 = (obj.x0 + mb_x0, obj.x1 + mb_x0) if mb_x0 != 0 else (obj.x0, obj.x1)
            ncolor = obj.graphicstate.ncolor
            try:
                color = colors[ncolor]
            except KeyError:
                color = colors[ncolor] = _ink(to_rgb(ncolor))
            except TypeError:  # an unhashable colour value
                color = _ink(to_rgb(ncolor))
            text = obj.get_text()
            chars.append(
                Char(
                    text=ICON if icon else text,
                    x0=float(x0) - x_off,
                    x1=float(x1) - x_off,
                    top=float(height - obj.y1 + mb_top) - y_off,
                    bottom=float(height - obj.y0 + mb_top) - y_off,
                    size=float(obj.size),
                    bold=bold,
                    color=color,
                    invisible=getattr(obj, "invisible", False),
                    order=order,
                    raw=text if icon else "",
                )
            )
        elif isinstance(obj, LTContainer):
            stack.append(iter(obj))
        elif isinstance(obj, LTImage) or (isinstance(obj, LTCurve) and obj.fill):
            fill = None if isinstance(obj, LTImage) else to_rgb(obj.non_stroking_color)
            if fill is None and not isinstance(obj, LTImage):
                continue  # a pattern or unreadable colour: not a background we can judge
            paints.append(
                Paint(
                    x0=float(obj.x0 + mb_x0) - x_off,
                    x1=float(obj.x1 + mb_x0) - x_off,
                    top=float(height - obj.y1 + mb_top) - y_off,
                    bottom=float(height - obj.y0 + mb_top) - y_off,
                    order=order,
                    color=fill,
                )
            )
    return chars, paints


def _ink(rgb: RGB | None) -> RGB | None:
    """A text colour worth keeping: ``None`` for black (most text) or unreadable."""
    return None if rgb is None or rgb == BLACK else rgb


def _record_render_mode() -> None:
    """Make pdfplumber's layout device mark characters drawn in an invisible text render mode
    (3, 7) with ``invisible = True``: pdfminer reads the mode but does not keep it."""
    import pdfplumber.page

    base = pdfplumber.page.PDFPageAggregatorWithMarkedContent
    if getattr(base, "records_render_mode", False):
        return

    class RenderModeAggregator(base):  # type: ignore[misc,valid-type]
        records_render_mode = True

        def render_string(self, textstate: Any, *args: Any, **kwargs: Any) -> None:
            start = len(self.cur_item._objs)
            super().render_string(textstate, *args, **kwargs)
            if textstate.render in (3, 7):
                for obj in self.cur_item._objs[start:]:
                    obj.invisible = True

    pdfplumber.page.PDFPageAggregatorWithMarkedContent = RenderModeAggregator  # type: ignore[misc]


def encrypted_message(password: str | None) -> str:
    if password:
        return "PDF is encrypted and the password given with --password is wrong"
    return "PDF is encrypted; give its password with --password"
