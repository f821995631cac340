"""DOCX résumés with python-docx (imported lazily): headers, body paragraphs, tables and text
boxes in document order, with heading styles kept as hints for section detection.

The archive is checked before python-docx opens it: a DOCX that unpacks to more than
``Limits.max_unzipped_bytes`` (a zip bomb) or has too many parts is refused unread.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cvgap.errors import InputError
from cvgap.ingest.damaged import damaged_docx
from cvgap.ingest.limits import Limits
from cvgap.ingest.model import Line
from cvgap.types.ats import HiddenText

MAX_PARTS = 2000
_MAX_TABLE_DEPTH = 5


def check_zip(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive, refusing zip bombs before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise damaged_docx(name, "its zip archive is broken, perhaps cut short", exc) from None
    if len(infos) > MAX_PARTS:
        raise InputError(f"DOCX has {len(infos):,} parts; the limit is {MAX_PARTS:,}", path=name)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.max_unzipped_bytes:
        raise InputError(
            f"DOCX unpacks to {unpacked / 1e6:,.0f} MB; the limit is "
            f"{limits.max_unzipped_bytes / 1e6:,.0f} MB (a zip bomb?)",
            path=name,
        )
    return archive


@dataclass(slots=True)
class DocxExtras:
    """What reading a DOCX found besides its lines: hidden text (``w:vanish`` runs, white
    text on no shading), the text of page headers/footers, and how many tables it has."""

    hidden: list[HiddenText] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)
    tables: int = 0


def docx_lines(
    data: bytes, name: str, limits: Limits, extras: DocxExtras | None = None
) -> list[Line]:
    """The lines of a DOCX: section headers first, then the body in order. Hidden runs are
    left out of the lines (and collected in ``extras``)."""
    extras = extras if extras is not None else DocxExtras()
    check_zip(data, name, limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[Line] = []
        seen_headers: set[str] = set()
        for index, section in enumerate(document.sections):
            for header in (section.first_page_header, section.header):
                if header.is_linked_to_previous and lines:
                    continue
                for line in _block_lines(header._element, header, 0, extras):
                    if line.text not in seen_headers:
                        seen_headers.add(line.text)
                        lines.append(line)
                        extras.header_lines.append(line.text)
            footer = section.footer
            if index == 0 or not footer.is_linked_to_previous:  # noted, not read as lines
                footer_lines = _block_lines(footer._element, footer, 0, DocxExtras())
                extras.header_lines += [line.text for line in footer_lines]
        lines.extend(_block_lines(document.element.body, document, 0, extras))
        return lines
    except InputError:
        raise
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as exc:
        raise damaged_docx(name, "a part of it is missing", exc) from None
    except RecursionError:
        raise InputError("DOCX structure is nested too deeply to read", path=name) from None
    except Exception as exc:  # lxml and python-docx raise many types on damaged parts
        raise damaged_docx(name, "its content cannot be read", exc) from None


def _block_lines(element: Any, parent: Any, depth: int, extras: DocxExtras) -> Iterator[Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield from _paragraph_lines(Paragraph(child, parent), extras)
        elif tag == "tbl" and depth < _MAX_TABLE_DEPTH:
            extras.tables += 1
            yield from _table_lines(Table(child, parent), depth, extras)
        elif tag == "sdt":  # content controls wrap paragraphs in many templates
            content = child.find(child.tag.replace("sdt", "sdtContent"))
            if content is not None:
                yield from _block_lines(content, parent, depth, extras)


def _table_lines(table: Any, depth: int, extras: DocxExtras) -> Iterator[Line]:
    """A row of one-paragraph cells ("Languages:" | "Python, C++") is one line; a row of
    bigger cells (a layout table) is read cell by cell."""
    seen: list[Any] = []  # a merged cell repeats in every row it spans
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not any(cell._tc is other for other in seen):
                seen.append(cell._tc)
                cells.append(cell)
        texts = [
            [t for p in cell.paragraphs if (t := _visible_text(p, extras).strip())]
            for cell in cells
        ]
        simple = all(len(t) <= 1 for t in texts) and not any(c.tables for c in cells)
        if simple:
            line = " ".join(t[0] for t in texts if t)
            if line:
                yield Line(text=line)
            continue
        for cell in cells:
            yield from _block_lines(cell._tc, cell, depth + 1, DocxExtras())


def _paragraph_lines(paragraph: Any, extras: DocxExtras) -> Iterator[Line]:
    text = _visible_text(paragraph, extras)
    if text.strip():
        style = paragraph.style.name if paragraph.style is not None else ""
        runs = [run for run in paragraph.runs if run.text.strip()]
        bold = bool(runs) and all(run.bold or run.style.font.bold for run in runs)
        sizes = [run.font.size.pt for run in runs if run.font.size is not None]
        listed = "List" in style or (
            paragraph._p.pPr is not None and (paragraph._p.pPr.numPr is not None)
        )
        for part in text.replace("\r", "\n").replace("\v", "\n").split("\n"):
            if part.strip():
                yield Line(
                    text=("- " + part.strip()) if listed else part,
                    heading=style.startswith(("Heading", "Title")),
                    bold=bold,
                    size=max(sizes, default=0.0),
                )
    # Text boxes (sidebars in many Word templates); the VML fallback repeats them.
    seen: set[str] = set()
    for box_p in paragraph._p.xpath(".//w:txbxContent/w:p"):
        box_text = "".join(box_p.xpath(".//w:t/text()"))
        if box_text.strip() and box_text not in seen:
            seen.add(box_text)
            yield Line(text=box_text)


_STYLED_RUNS = "./w:r/w:rPr[w:vanish or w:color] | ./w:hyperlink/w:r/w:rPr[w:vanish or w:color]"


def _visible_text(paragraph: Any, extras: DocxExtras) -> str:
    """The paragraph's text without its hidden runs, which go to ``extras.hidden``."""
    if not paragraph._p.xpath(_STYLED_RUNS):  # most paragraphs: nothing to hide
        return str(paragraph.text)
    shaded = _shaded(paragraph._p)
    visible: list[str] = []
    hidden: list[str] = []
    for item in paragraph.iter_inner_content():
        for run in getattr(item, "runs", None) or [item]:
            (hidden if _hidden_run(run, shaded) else visible).append(run.text)
    words = " ".join("".join(hidden).split())
    if any(c.isalnum() for c in words):
        extras.hidden.append(HiddenText(text=words, reason="hidden-run", page=None))
    return "".join(visible)


def _hidden_run(run: Any, shaded: bool) -> bool:
    from cvgap.ingest.hidden import MIN_CONTRAST, contrast

    if run.font.hidden:
        return True
    rgb = run.font.color.rgb if run.font.color.type is not None else None
    if rgb is None or shaded or run.font.highlight_color is not None:
        return False
    color = (rgb[0] / 255, rgb[1] / 255, rgb[2] / 255)
    return contrast(color, (1.0, 1.0, 1.0)) < MIN_CONTRAST


def _shaded(p: Any) -> bool:
    """Whether the paragraph (or its table cell) has a fill: white text may show there."""
    fills = p.xpath("./w:pPr/w:shd/@w:fill | ancestor::w:tc[1]/w:tcPr/w:shd/@w:fill")
    return any(str(f).lower() not in ("auto", "ffffff") for f in fills)
