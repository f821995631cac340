"""The HTML reports: self-contained (no request of any kind), escaped, laid out by a browser.

The browser test runs only where a Chromium is installed (``apt-get install chromium``);
CI has none, so it skips there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.report.cohort import render_cohort_html
from cvgap.report.css import CSS
from cvgap.report.html import render_html
from tests.conftest import check_golden
from tests.test_report import HOSTILE, make_cohort, make_report

URL_ATTRS = {
    "src",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "srcset",
    "data",
    "background",
    "ping",
    "manifest",
}


class Page(HTMLParser):
    """Collects what a self-containment and escaping check needs from a document."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in: list[str] = []
        self._glue = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)
        self._glue = tag == "mark"  # inline: its text runs on with its neighbours

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._glue = tag == "mark"
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._glue and self.text:
            self.text[-1] += data
        else:
            (self.styles if self._in and self._in[-1] == "style" else self.text).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def assert_self_contained(source: str) -> Page:
    page = Page(source)
    names = {name for name, _ in page.tags}
    assert not names & {"script", "link", "iframe", "object", "embed", "img", "base", "form"}
    for name, attrs in page.tags:
        assert not any(a.startswith("on") for a in attrs), name  # no inline event handlers
        for attr in URL_ATTRS & attrs.keys():
            value = (attrs[attr] or "").strip()
            assert value.startswith("#"), f"<{name} {attr}={value!r}>"
        assert "url(" not in (attrs.get("style") or "")
    css = " ".join(page.styles)
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", css)
    csp = [a for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0].get("content") or "")
    return page


# --------------------------------------------------------------------------- one résumé


def test_html_golden(update_golden: bool) -> None:
    """The page minus its stylesheet (reviewed in css.py), so the golden stays small."""
    html = render_html(make_report()).replace(CSS, "/* cvgap.report.css.CSS */")
    check_golden("report-page.html", html, update_golden)


def test_html_is_self_contained() -> None:
    assert_self_contained(render_html(make_report()))


def test_html_shows_resume_text_as_written() -> None:
    source = render_html(make_report())
    page = assert_self_contained(source)
    assert HOSTILE in page.plain  # shown as text...
    assert "<script>" not in source and "[bold]tool[/bold]" in source  # ...never as markup
    assert "cv [v2] <final>.pdf" in page.plain
    assert "<final>" not in source


def test_html_has_the_charts_evidence_and_gaps_by_impact() -> None:
    page = Page(render_html(make_report()))
    labels = [a.get("aria-label") for a in page.all("svg")]
    assert labels[0] == "Score: 79 out of 100"
    assert labels[1:5] == [
        "Programming: 96%",
        "Deep-learning frameworks: 100%",
        "ML foundations: 75%",
        "Vision and numerical libraries: 0%",
    ]
    text = page.plain
    assert text.index("OpenCV required up to +11 points Build a classical") < text.index(
        "Docker preferred up to +3 points Ship one project"
    )
    assert f"{HOSTILE} experience, line 12 · applied" in text
    assert "Trained a U-Net in PyTorch implied by PyTorch · projects, line 15 Other" in text
    assert "C++ preferred listed only weight 4" in text
    assert "two text columns detected" in text
    assert "TensorFlow" not in text  # covered by PyTorch: neither a gap nor a match


def test_html_follows_the_colour_scheme_and_prints() -> None:
    assert "@media (prefers-color-scheme: dark)" in CSS
    assert "@media print" in CSS and "@media (max-width:" in CSS
    page = Page(render_html(make_report()))
    viewport = [a for a in page.all("meta") if a.get("name") == "viewport"]
    assert viewport and "width=device-width" in (viewport[0].get("content") or "")


def test_check_format_html_writes_one_page(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Jo Doe\nExperience\n- Trained a detector in PyTorch with OpenCV "
        "<script>alert(1)</script> [bold]x[/bold]\nSkills\nPython, Git\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["check", str(resume), "--format", "html", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    page = assert_self_contained(out.read_text(encoding="utf-8"))
    assert "<script>alert(1)</script> [bold]x[/bold]" in page.plain
    assert "Coverage by category" in page.plain


# --------------------------------------------------------------------------- cohort


def test_cohort_html_golden(update_golden: bool) -> None:
    html = render_cohort_html(make_cohort()).replace(CSS, "/* cvgap.report.css.CSS */")
    check_golden("cohort-page.html", html, update_golden)


def test_cohort_html_ranks_charts_and_lists_failures() -> None:
    source = render_cohort_html(make_cohort())
    page = assert_self_contained(source)
    assert "<b>.txt" not in source and "ben <b>.txt" in page.plain
    rows = [" ".join(t.split()) for t in re.findall(r"<tr>(.*?)</tr>", source)]
    ranking = [r for r in rows if "minibar" in r and "<td" in r and "<b>" in r]
    ranked = [re.sub(r"<[^>]+>", " ", r).split()[:3] for r in ranking]
    assert ranked == [
        ["1", "ana.pdf", "92"],
        ["2", "ben", "&lt;b&gt;.txt"],
        ["3", "chris.docx", "35"],
    ]
    histogram = [a for a in page.all("svg") if "histogram" in (a.get("class") or "")]
    assert histogram and "30–40: 1" in (histogram[0].get("aria-label") or "")
    text = page.plain
    assert (
        text.index("Docker (preferred) 0/3") < text.index("OpenCV 1/3") < text.index("Python 3/3")
    )
    assert "dana.pdf dana.pdf: PDF is encrypted" in text
    assert "copy of ana.pdf : same file as ana.pdf" in text
    # issue 13: a skill only covered by an alternative is not counted as shown
    assert "TensorFlow 0/3 3" in text and "Covered by an alternative" in text


# --------------------------------------------------------------------------- browser

BROWSER = next(
    (shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
    None,
)


def _screenshot(page: Path, png: Path, width: int, tmp: Path, *, dark: bool = False) -> None:
    assert BROWSER is not None
    args = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        f"--window-size={width},1400",
        f"--screenshot={png}",
    ]
    if dark:
        args += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
    subprocess.run([*args, page.as_uri()], check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")
@pytest.mark.parametrize(("width", "dark"), [(1280, False), (390, False), (390, True)])
def test_browser_lays_the_page_out(tmp_path: Path, width: int, dark: bool) -> None:
    image_module = pytest.importorskip("PIL.Image")
    page = tmp_path / "report.html"
    page.write_text(render_html(make_report()), encoding="utf-8")
    png = tmp_path / "shot.png"
    _screenshot(page, png, width, tmp_path, dark=dark)
    with image_module.open(png) as image:
        rgb = image.convert("RGB")
    assert rgb.width == width
    background = (0x0D, 0x11, 0x17) if dark else (0xF5, 0xF6, 0xF8)
    good = (0xD2, 0x99, 0x22) if dark else (0x9A, 0x67, 0x00)  # the 79/100 "good" band
    colours = {colour: count for count, colour in rgb.getcolors(width * 1400) or []}
    assert rgb.getpixel((2, 2)) == background
    assert colours.get(good, 0) > 200  # the gauge ring and the coverage bars were drawn
    # Nothing spills past the right edge (a phone would scroll sideways).
    edge = {rgb.getpixel((width - 1, y)) for y in range(rgb.height)}
    assert edge == {background}


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")
@pytest.mark.parametrize("dark", [False, True])
def test_browser_highlights_the_matched_words(tmp_path: Path, dark: bool) -> None:
    """Issue 13: the words that matched are marked in the evidence quotes, light and dark."""
    image_module = pytest.importorskip("PIL.Image")
    page = tmp_path / "report.html"
    page.write_text(render_html(make_report()), encoding="utf-8")
    png = tmp_path / "shot.png"
    _screenshot(page, png, 1280, tmp_path, dark=dark)
    with image_module.open(png) as image:
        rgb = image.convert("RGB")
    mark = (0x5A, 0x4A, 0x00) if dark else (0xFF, 0xF3, 0xB0)  # --mark in css.py
    colours = {colour: count for count, colour in rgb.getcolors(1280 * 1400) or []}
    assert colours.get(mark, 0) > 300  # several highlighted words were drawn
    plain = tmp_path / "plain.html"
    plain.write_text(render_html(make_report()).replace("<mark>", "<span>"), encoding="utf-8")
    _screenshot(plain, png, 1280, tmp_path, dark=dark)
    with image_module.open(png) as image:
        colours = {c: n for n, c in image.convert("RGB").getcolors(1280 * 1400) or []}
    assert colours.get(mark, 0) == 0  # the colour comes from the highlight alone
