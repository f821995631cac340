"""The evidence cell of the terminal report: a window of the line around the matched words,
laid out for the width the table gives it, the match in bold (underlined too, so it shows
without colour)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from cvgap.report.snippet import ELLIPSIS, pieces, snippet
from cvgap.types import Evidence

MATCH_STYLE = "bold underline"
CONTEXT_STYLE = "dim italic"
MIN_WIDTH = 12


class EvidenceLine:
    """``prefix`` (place, "via X:") then the evidence window, on one line of the given width."""

    def __init__(self, evidence: Evidence | None, prefix: Text) -> None:
        self.evidence = evidence
        self.prefix = prefix
        if evidence is not None and evidence.implied_by:
            self.prefix = Text.assemble(
                prefix, ("via ", "dim"), (evidence.implied_by, "cyan"), (": ", "dim")
            )

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        full = len(self.prefix) + (sum(map(len, pieces(self.evidence))) if self.evidence else 0)
        return Measurement(min(full, MIN_WIDTH), full).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.prefix.copy()
        if self.evidence is not None:
            window = snippet(self.evidence, max(1, options.max_width - len(self.prefix)))
            text.append(ELLIPSIS if window.lead else "", style=CONTEXT_STYLE)
            text.append(window.before, style=CONTEXT_STYLE)
            text.append(window.match, style=MATCH_STYLE)
            text.append(window.after, style=CONTEXT_STYLE)
            text.append(ELLIPSIS if window.trail else "", style=CONTEXT_STYLE)
        text.no_wrap, text.overflow = True, "ellipsis"
        yield text
