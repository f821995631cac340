"""``cvgap batch``: score many résumés, with a cohort report."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to ``app``."""
