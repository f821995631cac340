"""The default PDF engine: pdfplumber (pdfminer.six underneath), imported lazily.

It only collects positioned characters; :mod:`cvgap.ingest.layout` turns them into lines,
the same way for every engine.
"""

from __future__ import annotations

from pathlib import Path

from cvgap.errors import InputError
from cvgap.ingest.limits import Deadline, Limits
from cvgap.ingest.model import ICON, Char, PageChars, font_style


def plumber_pages(
    path: Path, *, name: str, password: str | None, limits: Limits, deadline: Deadline
) -> list[PageChars]:
    """Positioned characters of every page of the PDF at ``path``."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    pdf = None
    try:
        pdf = pdfplumber.open(path, password=password or "")
        count = len(pdf.pages)
        limits.check_pages(count, name)
        pages: list[PageChars] = []
        for page in pdf.pages:
            deadline.check(name)
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            raw = page.chars
            limits.check_chars(len(raw), name)
            chars = [
                Char(
                    text=ICON if style[1] else c["text"],
                    x0=float(c["x0"]) - x_off,
                    x1=float(c["x1"]) - x_off,
                    top=float(c["top"]) - y_off,
                    bottom=float(c["bottom"]) - y_off,
                    size=float(c["size"]),
                    bold=style[0],
                )
                for c in raw
                if c.get("upright", True)
                for style in (font_style(str(c.get("fontname", ""))),)  # (bold, icon font)
            ]
            images = len(page.images) if not chars else 0
            pages.append(
                PageChars(
                    width=float(page.width),
                    height=float(page.height),
                    chars=chars,
                    images=images,
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
        raise InputError(f"not a readable PDF ({describe(cause)})", path=name) from None
    except Exception as exc:  # pdfminer raises a zoo of types on corrupt files
        raise InputError(f"not a readable PDF ({describe(exc)})", path=name) from None
    finally:
        # Not pdf.close(): it walks the whole page tree again (minutes on a hostile file).
        if pdf is not None:
            pdf.stream.close()


def encrypted_message(password: str | None) -> str:
    if password:
        return "PDF is encrypted and the password given with --password is wrong"
    return "PDF is encrypted; give its password with --password"


def describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]
