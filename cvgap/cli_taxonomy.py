"""``cvgap taxonomy ...``: lint, test, show and init the skills taxonomy."""

from __future__ import annotations

import typer

taxonomy_app = typer.Typer(
    help="Check and inspect skills taxonomies (skills/ is code).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
