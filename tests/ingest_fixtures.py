"""Résumé fixtures for the ingestion tests, generated on the fly (nothing real is committed).

Layout fixtures are drawn with fpdf2; glyph-level ones (icon fonts, ligatures, spacing
accents, letter spacing, recursion bombs) are written as raw PDF so that the exact bytes the
engines see are under the test's control.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

EXAMPLE_MD = Path(__file__).resolve().parents[1] / "examples" / "strong-candidate.md"
_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _fpdf() -> Any:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_creation_date(_DATE)
    pdf.set_auto_page_break(False)
    return pdf


# --------------------------------------------------------------------------- layouts

LEFT_COLUMN = [
    ("h", "EDUCATION"),
    ("t", "B.Sc. Computer Science"),
    ("t", "Lakeside University"),
    ("t", "2023 - 2027"),
    ("h", "SKILLS"),
    ("t", "Python"),
    ("t", "PyTorch"),
    ("t", "OpenCV"),
    ("t", "Docker"),
    ("t", "Linux"),
]
RIGHT_COLUMN = [
    ("h", "EXPERIENCE"),
    ("b", "Vision Intern, Acme Robotics (2025)"),
    ("t", "- Trained YOLOv8 object detection models on 4,000 field images"),
    ("t", "- Annotated bounding boxes in CVAT with two other students"),
    ("t", "- Wrote the evaluation scripts for precision and recall"),
    ("h", "PROJECTS"),
    ("b", "Lane Segmentation"),
    ("t", "- Trained a U-Net for semantic segmentation of road lanes"),
    ("t", "- Compared it with a classical edge detection baseline"),
]


def _column(pdf: Any, x: float, y: float, width: float, items: list[tuple[str, str]]) -> None:
    for kind, text in items:
        if kind == "h":
            y += 2
            pdf.set_font("Helvetica", "B", 12)
        else:
            pdf.set_font("Helvetica", "B" if kind == "b" else "", 9.5)
        pdf.set_xy(x, y)
        pdf.cell(width, 5, text)
        y += 6 if kind == "h" else 5


def two_column_pdf(path: Path, *, sidebar: bool = False) -> Path:
    """A full-width header, then a narrow column (left, or a shaded right sidebar) next to a
    wide one."""
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(18, 14)
    pdf.cell(180, 10, "Alex Example", align="C")
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(18, 24)
    pdf.cell(180, 5, "alex@example.org | +1 555 010 0100 | github.com/alex-example", align="C")
    if sidebar:
        pdf.set_fill_color(225, 232, 240)
        pdf.rect(150, 34, 66, 245, style="F")
        _column(pdf, 18, 36, 125, RIGHT_COLUMN)
        _column(pdf, 154, 36, 58, LEFT_COLUMN)
    else:
        _column(pdf, 18, 36, 50, LEFT_COLUMN)
        _column(pdf, 78, 36, 120, RIGHT_COLUMN)
    pdf.output(str(path))
    return path


LABELLED_ENTRIES = [
    ("h", "Education", []),
    (
        "e",
        "2022 - 2026",
        ["B.Sc. Computer Science, Lakeside University", "Thesis: aerial image segmentation"],
    ),
    ("e", "2019 - 2022", ["High school diploma, Riverside High"]),
    ("h", "Experience", []),
    (
        "e",
        "2025",
        [
            "Computer Vision Intern, Acme Robotics",
            "- Trained YOLOv8 detectors on 4,000 warehouse images.",
            "- Annotated bounding boxes in CVAT.",
        ],
    ),
    ("e", "2024", ["Teaching Assistant, Lakeside University", "- Helped students debug Python."]),
    ("h", "Skills", []),
    ("e", "Languages", ["Python, C++, MATLAB"]),
    ("e", "Libraries", ["PyTorch, OpenCV, NumPy"]),
    ("e", "Tools", ["Git, Docker, Linux"]),
]


def label_column_pdf(path: Path) -> Path:
    """A moderncv/Europass-style page: section headings over the text column, and beside
    each entry, in a narrow right-aligned column on the left, its dates or label."""
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(18, 14)
    pdf.cell(180, 9, "Jamie Example", align="C")
    y = 32.0
    for kind, label, lines in LABELLED_ENTRIES:
        if kind == "h":
            pdf.set_font("Helvetica", "B", 12)
            pdf.set_xy(60, y)
            pdf.cell(120, 6, label)
            y += 9
            continue
        pdf.set_font("Helvetica", "", 9.5)
        pdf.set_xy(18, y)
        pdf.cell(38, 5, label, align="R")
        for line in lines:
            pdf.set_xy(60, y)
            pdf.cell(140, 5, line)
            y += 5
        y += 3
    pdf.output(str(path))
    return path


def running_header_pdf(path: Path, pages: int = 3) -> Path:
    """A multi-page résumé with a running header, a footer "Page N of M" and wrapped,
    hyphenated lines."""
    pdf = _fpdf()
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(18, 8)
        pdf.cell(180, 4, "Jordan Sample - Curriculum Vitae", align="R")
        pdf.set_xy(18, 266)
        pdf.cell(180, 4, f"Page {number} of {pages}", align="C")
        y = 24.0
        pdf.set_font("Helvetica", "B", 13)
        pdf.set_xy(18, y)
        pdf.cell(180, 7, "Experience" if number == 1 else f"Projects {number}")
        y += 9
        pdf.set_font("Helvetica", "", 10)
        body = [
            "- Trained a convolutional neural network for object detec-",
            "  tion on drone images and reported the results",
            "- Built the data preprocessing pipeline with OpenCV and",
            "  NumPy for twelve thousand images",
        ]
        for line in body:
            pdf.set_xy(18, y)
            pdf.cell(180, 5, line)
            y += 5
    pdf.output(str(path))
    return path


def multilingual_pdf(path: Path, headings: list[str], body: str) -> Path:
    """A one-column PDF with bold, larger headings (any language) and the same body text."""
    pdf = _fpdf()
    pdf.add_page()
    y = 18.0
    for heading in headings:
        pdf.set_font("Helvetica", "B", 13)
        pdf.set_xy(18, y)
        pdf.cell(180, 7, heading)
        y += 8
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(18, y)
        pdf.cell(180, 5, body)
        y += 8
    pdf.output(str(path))
    return path


def image_only_pdf(path: Path) -> Path:
    """A "scanned" page: one image, no text layer."""
    from PIL import Image

    image = Image.new("RGB", (300, 400), (250, 250, 250))
    for x in range(40, 260):
        for y in (60, 61, 100, 101, 140, 141):
            image.putpixel((x, y), (20, 20, 20))
    pdf = _fpdf()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def text_pdf(path: Path, lines: list[str], *, pages: int = 1, password: str | None = None) -> Path:
    """A plain one-column PDF (optionally encrypted with a user password)."""
    pdf = _fpdf()
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        y = 18.0
        for line in lines:
            pdf.set_xy(18, y)
            pdf.cell(180, 5, line)
            y += 6
    pdf.output(str(path))
    return path


def markdown_pdf(path: Path, md: str) -> Path:
    """examples/make_pdf.py's rendering of a Markdown résumé (the same code, loaded by path)."""
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "examples" / "make_pdf.py"
    spec = importlib.util.spec_from_file_location("cvgap_examples_make_pdf", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result: Path = module.render(md, path)
    return result


# --------------------------------------------------------------------------- raw PDFs


def build_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF from object bodies (object ``i + 1`` is ``objects[i]``) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


# Codes of the "icon" font and what its ToUnicode CMap says they are.
ICON_CODES = {b"A": "F0B7", b"B": "FB01", b"C": "F0E0", b"D": "FB02"}


def to_unicode_cmap(pairs: dict[bytes, str]) -> bytes:
    """A ToUnicode CMap mapping each one-byte code to its text (one or more characters)."""
    chars = b"".join(
        b"<%s> <%s>\n" % (k.hex().encode(), "".join(f"{ord(c):04X}" for c in v).encode())
        for k, v in pairs.items()
    )
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\n"
        b"endcmap CMapName currentdict /CMapName get exch defineresource pop end end"
    ) % (len(pairs), chars)


def glyph_pdf(path: Path, content: bytes) -> Path:
    """One page whose content stream is ``content``; /F1 is Helvetica (WinAnsi), /F2 an
    "icon" font whose codes A-D map to private-use glyphs and the ligatures fi, fl."""
    cmap = to_unicode_cmap({k: chr(int(v, 16)) for k, v in ICON_CODES.items()})
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        _stream(cmap),
    ]
    path.write_bytes(build_pdf(objects))
    return path


def text_ops(lines: list[bytes], *, x: int = 72, top: int = 720, leading: int = 16) -> bytes:
    """A content stream showing each entry (raw PDF text operators) on its own line."""
    ops = [b"BT"]
    for index, line in enumerate(lines):
        ops.append(b"1 0 0 1 %d %d Tm /F1 10 Tf 0 Tc %s" % (x, top - index * leading, line))
    ops.append(b"ET")
    return b"\n".join(ops)


def nested_pdf(depth: int) -> bytes:
    """A page whose resources hold an array nested ``depth`` deep (a recursion bomb)."""
    bomb = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        b"<< /F1 4 0 R >> /Bomb " + bomb + b" >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(text_ops([b"(Python developer with OpenCV experience) Tj"] * 4)),
    ]
    return build_pdf(objects)


def cyclic_pages_pdf() -> bytes:
    """A page tree whose /Kids point back at itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 2 >>",
    ]
    return build_pdf(objects)


# --------------------------------------------------------------------------- DOCX / JSON


def parse_markdown(md: str) -> list[tuple[str, list[str]]]:
    """A Markdown résumé as (heading, lines) pairs; the part before the first ``##`` has the
    heading ``""`` (the ``#`` title is its first line)."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for raw in md.splitlines():
        line = raw.rstrip()
        if line.startswith("## "):
            sections.append((line[3:], []))
        elif line:
            sections[-1][1].append(line.lstrip("# ") if line.startswith("# ") else line)
    return sections


def markdown_docx(path: Path, md: str, *, as_table: str | None = None) -> Path:
    """The Markdown résumé as a Word document: the title in the page header, headings in
    "Heading 2", bullets in "List Bullet"; the section named ``as_table`` is laid out as a
    two-column table (label | items) the way many Word templates do it."""
    import docx

    document = docx.Document()
    sections = parse_markdown(md)
    header = document.sections[0].header.paragraphs[0]
    header.text = sections[0][1][0]
    for line in sections[0][1][1:]:
        document.add_paragraph(line)
    for heading, lines in sections[1:]:
        document.add_heading(heading, level=2)
        if heading == as_table:
            table = document.add_table(rows=0, cols=2)
            for line in lines:
                label, _, items = line.partition(": ")
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label + ":", items
            continue
        for line in lines:
            if line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    document.save(str(path))
    return path


_TEXT_BOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>
<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>
</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def text_box_docx(path: Path, body: list[str], sidebar: list[str]) -> Path:
    """A Word résumé whose ``sidebar`` lines sit in a floating text box (a DrawingML shape
    with its VML fallback, as Word writes it) anchored in the first body paragraph."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    first = document.add_paragraph(body[0])
    for line in body[1:]:
        document.add_paragraph(line)
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in sidebar)
    first._p.append(parse_xml(_TEXT_BOX_RUN.format(paragraphs=paragraphs)))
    document.save(str(path))
    return path


def markdown_json_resume(md: str) -> dict[str, Any]:
    """The Markdown résumé (examples/strong-candidate.md's shape) as a JSON Resume."""
    sections = dict(parse_markdown(md))
    head = sections[""]
    contact = head[1].split(" | ") if len(head) > 1 else []
    doc: dict[str, Any] = {
        "basics": {
            "name": head[0],
            "email": contact[0] if contact else "",
            "summary": " ".join(sections.get("Summary", [])),
        },
    }

    def entries(lines: list[str], title_key: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for line in lines:
            if line.startswith("- "):
                out[-1].setdefault("highlights", []).append(line[2:])
            else:
                out.append({title_key: line})
        return out

    doc["work"] = entries(sections.get("Experience", []), "position")
    doc["projects"] = entries(sections.get("Projects", []), "name")
    education: list[dict[str, Any]] = []
    for line in sections.get("Education", []):
        label, _, items = line.partition(": ")
        if label.lower().endswith("coursework") and education:
            education[-1]["courses"] = items.split(", ")
        else:
            education.append({"area": line})
    doc["education"] = education
    doc["skills"] = [
        {"name": label, "keywords": [items]}
        if ", " not in items
        else {"name": label, "keywords": items.split(", ")}
        for label, _, items in (ln.partition(": ") for ln in sections.get("Skills", []))
    ]
    return doc


def zip_bomb_docx(path: Path, unpacked_mb: int) -> Path:
    """A DOCX-shaped zip whose document.xml unpacks to ``unpacked_mb`` MB of zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                handle.write(chunk)
    return path


def json_bytes(doc: Any) -> bytes:
    return json.dumps(doc, indent=2).encode("utf-8")


def ole_doc_bytes() -> bytes:
    """The start of a legacy Word 97-2003 .doc (an OLE2 compound file)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + b"\x3e\x00\x03\x00" + b"\0" * 488


def strip_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_bytes(path: Path) -> io.BytesIO:
    return io.BytesIO(path.read_bytes())


def xobject_loop_pdf() -> bytes:
    """A page that draws a form XObject which draws itself (endless recursion if followed)."""
    form = _stream(
        b"BT /F1 10 Tf 72 700 Td (Python and OpenCV developer) Tj ET /X1 Do",
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> ",
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"/X1 Do"),
        form,
    ]
    return build_pdf(objects)


def many_pages_pdf(pages: int) -> bytes:
    """``pages`` pages sharing one small content stream."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(text_ops([b"(Python and OpenCV developer) Tj"])),
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    ] * pages
    return build_pdf(objects)


def char_flood_pdf(chars: int) -> bytes:
    """One page showing ``chars`` characters (in 6-pt lines)."""
    line = b"(" + b"x" * 150 + b") Tj"
    ops = [b"BT /F1 4 Tf 4 TL 10 780 Td"]
    ops += [line + b" T*"] * (chars // 150)
    ops.append(b"ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"\n".join(ops)),
    ]
    return build_pdf(objects)


def offset_form_pdf() -> bytes:
    """A page whose MediaBox does not start at the origin, with text drawn directly, inside a
    form XObject, and rotated 90 degrees (not upright), plus an image inside the form."""
    form = _stream(
        b"BT /F1 11 Tf 90 600 Td (Trained YOLOv8 detectors in PyTorch) Tj ET "
        b"q 20 0 0 20 300 500 cm /Im1 Do Q",
        b"/Type /XObject /Subtype /Form /BBox [0 0 652 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 7 0 R >> >> ",
    )
    page = text_ops([b"(Skills: Python, OpenCV, Docker) Tj", b"(Projects) Tj"], x=60, top=780)
    page += b"\nBT /F1 9 Tf 0 1 -1 0 600 200 Tm (rotated sidebar text) Tj ET\n/X1 Do"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [20 30 632 822] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        _stream(page),
        form,
        _stream(
            b"\x80",
            b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 ",
        ),
    ]
    return build_pdf(objects)


def flate_bomb_pdf(unpacked_mb: int, *, as_image: bool = False) -> bytes:
    """A page whose content stream (or, with ``as_image``, an image it shows) is a small
    Flate stream that inflates to ``unpacked_mb`` MB of spaces."""
    packer = zlib.compressobj(9)
    head = b"BT /F1 10 Tf 72 700 Td (Python and OpenCV developer with PyTorch) Tj ET\n"
    packed = packer.compress(b"" if as_image else head)
    block = b" " * (1 << 20)
    packed += b"".join(packer.compress(block) for _ in range(unpacked_mb)) + packer.flush()
    flate = b"/Filter /FlateDecode "
    if as_image:
        content = _stream(head + b"q 100 0 0 100 72 500 cm /Im1 Do Q")
        big = _stream(
            packed,
            flate + b"/Type /XObject /Subtype /Image /Width 1024 /Height %d "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 " % (unpacked_mb * 1024),
        )
    else:
        content, big = _stream(packed, flate), _stream(b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content,
        big,
    ]
    return build_pdf(objects)
