"""Startup stays light: the CLI's help never imports spaCy or the PDF libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "pdfplumber", "pypdfium2", "docx", "rapidfuzz")


def test_cli_import_and_help_do_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from cvgap.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "for sub in (['check', '--help'], ['taxonomy', '--help']):\n"
        "    assert CliRunner().invoke(app, sub).exit_code == 0\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert proc.stdout.strip() == ""


def test_importing_cvgap_does_not_import_spacy() -> None:
    code = "import sys, cvgap; print('spacy' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert proc.stdout.strip() == "False"
