"""``cvgap batch``: score many résumés, with a cohort report."""

from __future__ import annotations
