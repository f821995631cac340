"""Shared fixtures: the built-in taxonomy and pipeline (built once), a CLI runner, a PDF
maker (fpdf2) and the ``--update-golden`` option."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from cvgap.taxonomy import load_taxonomy
from cvgap.types import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/* from the current output.",
    )
    parser.addoption("--slow", action="store_true", help="Also run tests marked slow.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def nlp(taxonomy: Taxonomy) -> Language:
    from cvgap.extract import build_nlp

    return build_nlp(taxonomy)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def check_golden(name: str, actual: str, update: bool) -> None:
    """Compare ``actual`` with ``tests/golden/<name>`` (or rewrite it with --update-golden)."""
    path = GOLDEN / name
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {name} did not exist; written, review and commit it")
    assert actual == path.read_text(encoding="utf-8")


PdfMaker = Callable[..., Path]


def write_pdf(path: Path, lines: Sequence[str], *, font_size: float = 10, **_: Any) -> Path:
    """A one-column PDF with one text line per entry ("# " prefix: a bold heading)."""
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    for line in lines:
        if line.startswith("# "):
            pdf.set_font("Helvetica", "B", font_size + 3)
            pdf.cell(0, 7, line[2:], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", font_size)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> PdfMaker:
    """``make_pdf(lines, name="x.pdf")`` writes a simple one-column PDF into tmp_path."""

    def make(lines: Sequence[str], name: str = "resume.pdf", **kwargs: Any) -> Path:
        return write_pdf(tmp_path / name, lines, **kwargs)

    return make
