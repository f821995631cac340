"""Planted cases for the ATS checks: a clean one-column résumé, and the same résumé with one
thing a tracking system reads differently from a person (hidden text, ligatures, letter
spacing, an icon glyph, interleaving columns, an image-only skills box).

fpdf2 draws the layout cases; the glyph cases (ligature, icon font) are raw PDF so that the
exact text mapping the engines see is under the test's control. Nothing real is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.ingest_fixtures import _fpdf as letter_pdf
from tests.ingest_fixtures import build_pdf, to_unicode_cmap

NAME = "Alex Example"
CONTACT = "alex@example.org | +1 555 010 0100 | github.com/alex-example"
BODY = [
    ("h", "EDUCATION"),
    ("t", "B.Sc. Computer Science, Lakeside University, Sep 2022 - Jun 2026"),
    ("h", "EXPERIENCE"),
    ("b", "Vision Intern, Acme Robotics, Jun 2025 - Aug 2025"),
    ("t", "- Trained YOLOv8 detectors on 4,000 field images from farm robots"),
    ("t", "- Wrote evaluation scripts in Python with OpenCV and NumPy"),
    ("t", "- Annotated bounding boxes in CVAT with two other students"),
    ("h", "PROJECTS"),
    ("b", "Lane Segmentation"),
    ("t", "- Trained a U-Net for semantic segmentation of road lanes"),
    ("t", "- Compared it with a classical edge detection baseline in C++"),
    ("h", "SKILLS"),
    ("t", "Python, C++, OpenCV, NumPy, Git, Linux, scikit-learn"),
]
STUFFED = "PyTorch Docker ROS CUDA"  # skills the clean résumé does not have
TOP = 18.0  # mm
STEP = 6.0


def _fpdf() -> Any:
    pdf = letter_pdf()
    pdf.add_page()
    return pdf


def _planted(path: Path, draw: Callable[[Any, float], None]) -> Path:
    """The clean résumé with ``draw(pdf, y below the body in mm)`` added."""
    pdf = _fpdf()
    draw(pdf, _body(pdf))
    pdf.output(str(path))
    return path


def _body(pdf: Any, x: float = 18, width: float = 180, lines: Any = None) -> float:
    """The clean résumé from ``TOP``; returns the y below it (mm)."""
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(x, TOP)
    pdf.cell(width, 8, NAME)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(x, TOP + 9)
    pdf.cell(width, 5, CONTACT)
    y = TOP + 17
    for kind, text in lines or BODY:
        pdf.set_font("Helvetica", "B" if kind in "hb" else "", 12 if kind == "h" else 10)
        if kind == "h":
            y += 2
        pdf.set_xy(x, y)
        pdf.cell(width, 5, text)
        y += STEP
    return y


def clean_pdf(path: Path) -> Path:
    return _planted(path, lambda pdf, y: None)


def white_text_pdf(path: Path) -> Path:
    """A white line of skills on the white page, inside the text area."""

    def draw(pdf: Any, y: float) -> None:
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(18, y + 4)
        pdf.cell(180, 5, STUFFED)

    return _planted(path, draw)


def off_page_pdf(path: Path) -> Path:
    """A 6.5 pt white keyword line below the bottom edge of the page."""

    def draw(pdf: Any, y: float) -> None:
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("Helvetica", "", 6.5)
        pdf.text(18, pdf.h + 6, STUFFED)

    return _planted(path, draw)


def tiny_text_pdf(path: Path) -> Path:
    """A black line of skills in 2 pt type."""

    def draw(pdf: Any, y: float) -> None:
        pdf.set_font("Helvetica", "", 2)
        pdf.text(18, y + 4, STUFFED)

    return _planted(path, draw)


def invisible_mode_pdf(path: Path) -> Path:
    """A line of skills drawn in text render mode 3 (invisible)."""
    from fpdf.enums import TextMode

    def draw(pdf: Any, y: float) -> None:
        pdf.text_mode = TextMode.INVISIBLE
        pdf.text(18, y + 4, STUFFED)
        pdf.text_mode = TextMode.FILL

    return _planted(path, draw)


def covered_text_pdf(path: Path) -> Path:
    """A line of skills with a white image drawn over it."""
    from PIL import Image

    def draw(pdf: Any, y: float) -> None:
        pdf.set_font("Helvetica", "", 10)
        pdf.text(18, y + 6, STUFFED)
        pdf.image(Image.new("RGB", (400, 40), (255, 255, 255)), x=16, y=y, w=100, h=10)

    return _planted(path, draw)


def oversized_pdf(path: Path) -> Path:
    """The clean résumé with a small picture of random noise, which no compression shrinks,
    so the file is over the 2 MB that many portals refuse."""
    import random

    from PIL import Image

    noise = random.Random(7).randbytes(900 * 900 * 3)

    def draw(pdf: Any, y: float) -> None:
        pdf.image(Image.frombytes("RGB", (900, 900), noise), x=170, y=y, w=10, h=10)

    return _planted(path, draw)


def letter_spaced_pdf(path: Path) -> Path:
    """A skills line set with wide character spacing ("P y T o r c h")."""

    def draw(pdf: Any, y: float) -> None:
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(18, y + 2)
        pdf.set_char_spacing(4)
        pdf.cell(180, 5, "PyTorch")
        pdf.set_char_spacing(0)

    return _planted(path, draw)


def hyphenated_pdf(path: Path) -> Path:
    """A bullet that wraps with a hyphen inside "computer vision" ("com-" / "puter")."""

    def draw(pdf: Any, y: float) -> None:
        pdf.set_font("Helvetica", "", 10)
        for i, text in enumerate(
            [
                "- Built a lane detector for the farm robots with a classical com-",
                "puter vision pipeline and a small convolutional network in two weeks",
            ]
        ):
            pdf.set_xy(18, y + 2 + 4.4 * i)
            pdf.cell(180, 5, text)

    return _planted(path, draw)


def image_skills_pdf(path: Path) -> Path:
    """A skills box drawn as a picture (a grey panel with dark "text" bars), no text layer."""
    from PIL import Image

    image = Image.new("RGB", (600, 200), (235, 235, 235))
    for top in (40, 90, 140):
        image.paste((40, 40, 40), (30, top, 560, top + 14))
    return _planted(path, lambda pdf, y: pdf.image(image, x=18, y=y + 4, w=120, h=40))


LEFT = [
    ("h", "SKILLS"),
    ("t", "Python"),
    ("t", "OpenCV"),
    ("t", "NumPy"),
    ("t", "Git"),
    ("t", "Linux"),
    ("h", "EDUCATION"),
    ("t", "B.Sc. Computer Science"),
    ("t", "Sep 2022 - Jun 2026"),
]
RIGHT = [
    ("h", "EXPERIENCE"),
    ("b", "Vision Intern, Acme Robotics"),
    ("t", "Jun 2025 - Aug 2025"),
    ("t", "- Trained and evaluated object"),
    ("t", "detection models on field images"),
    ("t", "- Wrote evaluation scripts with"),
    ("t", "precision and recall curves"),
    ("h", "PROJECTS"),
    ("t", "- Trained a U-Net for lane masks"),
]


def two_column_pdf(path: Path) -> Path:
    """A narrow left column beside the main one; "object detection" wraps in the right
    column, so a reader that goes row by row puts a left-column word between its words."""
    pdf = _fpdf()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(18, TOP)
    pdf.cell(180, 8, NAME)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(18, TOP + 9)
    pdf.cell(180, 5, CONTACT)
    for x, width, items in ((18, 50, LEFT), (80, 110, RIGHT)):
        y = TOP + 19
        for kind, text in items:
            pdf.set_font("Helvetica", "B" if kind in "hb" else "", 12 if kind == "h" else 10)
            pdf.set_xy(x, y)
            pdf.cell(width, 5, text)
            y += 5.2
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- raw PDFs


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _raw_resume(path: Path, planted: bytes) -> Path:
    """The clean résumé as raw text operators (/F1 Helvetica), then ``planted`` (which may
    use /F2, a font whose A maps to U+FB02 "ﬂ", and /F3, an icon font whose A maps to the
    letters "linkedin")."""
    lines = [(b"B", NAME), (b"", CONTACT)] + [(b"B" if k in "hb" else b"", t) for k, t in BODY]
    ops = [b"BT"]
    y = 750
    for _, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"1 0 0 1 54 %d Tm /F1 10 Tf (%s) Tj" % (y, escaped.encode("latin-1")))
        y -= 20
    ops.append(b"1 0 0 1 54 %d Tm " % (y - 8) + planted)
    ops.append(b"ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R /F3 8 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(b"\n".join(ops)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        _stream(to_unicode_cmap({b"A": "\ufb02"})),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /FontAwesome5Brands-Regular "
        b"/FirstChar 65 /LastChar 65 /Widths [1000] /FontDescriptor 10 0 R /ToUnicode 9 0 R >>",
        _stream(to_unicode_cmap({b"A": "linkedin"})),
        b"<< /Type /FontDescriptor /FontName /FontAwesome5Brands-Regular /Flags 4 "
        b"/FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 "
        b"/CapHeight 700 /StemV 80 >>",
    ]
    path.write_bytes(build_pdf(objects))
    return path


def ligature_pdf(path: Path) -> Path:
    """ "Tensorﬂow": the "fl" is one ligature glyph that maps to U+FB02."""
    return _raw_resume(
        path, b"/F1 10 Tf (Frameworks: Tensor) Tj /F2 10 Tf (A) Tj /F1 10 Tf (ow) Tj"
    )


def icon_font_pdf(path: Path) -> Path:
    """An icon glyph (its font maps it to the letters "linkedin") right before "Docker"."""
    return _raw_resume(path, b"/F1 10 Tf (Tools: ) Tj /F3 10 Tf (A) Tj /F1 10 Tf (Docker) Tj")


# case -> (builder, check id, cause, skill that must be named)
PLANTED = {
    "white text on the page": (white_text_pdf, "invisible-text", "background", "PyTorch"),
    "text below the page edge": (off_page_pdf, "invisible-text", "off-page", "PyTorch"),
    "2 pt text": (tiny_text_pdf, "invisible-text", "tiny", "PyTorch"),
    "invisible render mode": (invisible_mode_pdf, "invisible-text", "invisible", "PyTorch"),
    "text under an image": (covered_text_pdf, "invisible-text", "covered", "PyTorch"),
    "fl ligature": (ligature_pdf, "keyword-search-misses", "ligature", "TensorFlow"),
    "letter spacing": (letter_spaced_pdf, "keyword-search-misses", "letter-spacing", "PyTorch"),
    "icon glyph": (icon_font_pdf, "keyword-search-misses", "icon-font", "Docker"),
    "interleaving columns": (
        two_column_pdf,
        "keyword-search-misses",
        "interleaved-columns",
        "Object detection",
    ),
    "hyphen at a line end": (
        hyphenated_pdf,
        "keyword-search-misses",
        "hyphenation",
        "Computer vision",
    ),
    "image-only skills box": (image_skills_pdf, "text-in-image", None, None),
}
