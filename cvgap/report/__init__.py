"""Report: render a :class:`~cvgap.types.Report` as JSON, Markdown, HTML or a rich view.

Rendering only: no scoring, no I/O beyond returning strings/renderables.
"""

from __future__ import annotations

import json

from cvgap.report.html import render_html
from cvgap.report.markdown import render_markdown
from cvgap.types import Report

FORMATS = ("table", "json", "markdown", "html")

__all__ = ["FORMATS", "render_html", "render_json", "render_markdown"]


def render_json(report: Report) -> str:
    """The versioned JSON document (``schema_version`` 1), indented, with a final newline."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
