"""Regenerate docs/report.png, the picture of the HTML report in the README.

python docs/make_screenshot.py [RESUME [ROLE]]

Renders the HTML report of RESUME for ROLE (default: the Quick start's résumé,
examples/strong-candidate.pdf, against robotics-perception-intern, so that the picture shows
a score, a few gaps and matched skills with their evidence) and photographs it with headless
Chromium (Debian: ``apt-get install chromium``). Run by hand after a change to the HTML
report; not run in CI. The page makes no request (its Content-Security-Policy forbids
them), so the picture needs no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "report.png"
WIDTH, HEIGHT = 1000, 2000  # CSS pixels: the score, coverage, the gaps, the first matches
DEFAULT = "examples/strong-candidate.pdf"
DEFAULT_ROLE = "robotics-perception-intern"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def render(resume: Path, role: str) -> str:
    """The HTML report of ``resume`` for ``role`` (the path is shown as given)."""
    import cvgap
    from cvgap.report import render_html

    return render_html(cvgap.analyze(resume, role=role))


def photograph(html: str, out: Path) -> None:
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        sys.exit("error: no Chromium found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",  # needed when run as root, as in a container
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--force-color-profile=srgb",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def main() -> None:
    resume = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(DEFAULT)
    os.chdir(ROOT)  # so the default shows as examples/..., not this machine's absolute path
    role = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_ROLE
    photograph(render(resume, role), OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
