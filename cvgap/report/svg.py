"""Inline SVG charts for the HTML reports: a score gauge, coverage bars and a histogram.

Each returns an ``<svg>`` element as a string. Colours come from the page's stylesheet
(classes such as ``arc strong``), so the charts follow the light/dark theme and print.
Every chart has ``role="img"`` and an ``aria-label`` that says what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from cvgap.report.common import BAND_TICKS, band


def _attr(text: str) -> str:
    return escape(text, quote=True)


def gauge(score: int, label: str = "Score") -> str:
    """A ring filled to ``score`` percent with the score in its centre."""
    score = max(0, min(100, score))
    return (
        f'<svg class="gauge" viewBox="0 0 120 120" role="img" '
        f'aria-label="{_attr(label)}: {score} out of 100">'
        '<circle class="track" cx="60" cy="60" r="50" fill="none" stroke-width="12"/>'
        f'<circle class="arc {band(score)}" cx="60" cy="60" r="50" stroke-width="12" '
        f'pathLength="100" stroke-dasharray="{score} 100" stroke-linecap="butt" '
        'transform="rotate(-90 60 60)"/>'
        f'<text class="value" x="60" y="66" text-anchor="middle">{score}</text>'
        '<text class="of" x="60" y="84" text-anchor="middle">of 100</text>'
        "</svg>"
    )


def bar(value: float, label: str, *, ticks: Sequence[int] = BAND_TICKS) -> str:
    """A horizontal 0-100 bar that stretches to its container, with faint band ticks."""
    value = max(0.0, min(100.0, value))
    lines = "".join(
        f'<line class="tick" x1="{t}" x2="{t}" y1="0" y2="10" vector-effect="non-scaling-stroke"/>'
        for t in ticks
    )
    return (
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        f'aria-label="{_attr(label)}: {value:g}%">'
        '<rect class="track" width="100" height="10"/>'
        f'<rect class="fill {band(round(value))}" width="{value:g}" height="10"/>'
        f"{lines}</svg>"
    )


def histogram(counts: Sequence[int], label: str = "Scores") -> str:
    """Columns for equal bins over 0-100, each labelled with its count, and a 0-100 axis."""
    bins = max(1, len(counts))
    top = max(counts, default=0) or 1
    left, width, height, base = 12, 296, 96, 112
    step = width / bins
    cols = []
    for i, n in enumerate(counts):
        h = height * n / top
        x = left + i * step
        lo, hi = 100 * i // bins, 100 * (i + 1) // bins
        cols.append(
            f'<rect class="col" x="{x + 2:g}" y="{base - h:g}" width="{step - 4:g}" '
            f'height="{h:g}"><title>{lo}–{hi}: {n}</title></rect>'
        )
        if n:
            cols.append(
                f'<text x="{x + step / 2:g}" y="{base - h - 3:g}" text-anchor="middle">{n}</text>'
            )
    axis = "".join(
        f'<text x="{left + i * step:g}" y="{base + 13}" text-anchor="middle">'
        f"{100 * i // bins}</text>"
        for i in range(0, bins + 1, max(1, bins // 5))
    )
    summary = ", ".join(
        f"{100 * i // bins}–{100 * (i + 1) // bins}: {n}" for i, n in enumerate(counts)
    )
    return (
        f'<svg class="histogram" viewBox="0 0 320 130" role="img" '
        f'aria-label="{_attr(label)}: {_attr(summary)}">'
        f'<line class="axis" x1="{left}" x2="{left + width}" y1="{base}" y2="{base}"/>'
        f"{''.join(cols)}{axis}</svg>"
    )
