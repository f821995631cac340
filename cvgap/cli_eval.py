"""``cvgap eval``: measure extraction accuracy on a labelled corpus."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""
