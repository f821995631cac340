"""``cvgap eval``: measure extraction accuracy on a labelled corpus."""

from __future__ import annotations
