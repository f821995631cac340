"""PDF text extraction with pdfplumber (imported lazily)."""

from __future__ import annotations

from pathlib import Path

from cvgap.errors import InputError

# With pdfplumber's default x_tolerance (3) words on LaTeX PDFs run together.
X_TOLERANCE = 1.5


def pdf_pages(path: Path, *, password: str | None = None, max_pages: int = 50) -> list[str]:
    """The text of each page of the PDF at ``path``."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    name = str(path)
    try:
        with pdfplumber.open(path, password=password or "") as pdf:
            if len(pdf.pages) > max_pages:
                raise InputError(f"PDF has {len(pdf.pages)} pages; the limit is {max_pages} "
                                 "(see --max-pages)", path=name)
            return [page.extract_text(x_tolerance=X_TOLERANCE) or "" for page in pdf.pages]
    except InputError:
        raise
    except (PdfminerException, PDFSyntaxError, PDFPasswordIncorrect) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            msg = "PDF is encrypted; give its password with --password" if not password \
                else "PDF is encrypted and the password is wrong"
            raise InputError(msg, path=name) from None
        raise InputError(f"not a readable PDF ({_describe(cause)})", path=name) from None
    except RecursionError:
        raise InputError("PDF structure is too deeply nested to read", path=name) from None
    except Exception as exc:  # pdfminer raises a zoo of types on corrupt files
        raise InputError(f"not a readable PDF ({_describe(exc)})", path=name) from None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:120]
