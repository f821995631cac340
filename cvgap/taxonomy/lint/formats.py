"""Plain-text renderings of lint problems for machines: ``parsable``, ``github`` and
``json``. The coloured ``standard`` format is drawn by :mod:`cvgap.cli.taxonomy`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cvgap.types import Problem


def parsable(problems: Sequence[Problem]) -> str:
    """One ``path:line:col: level: message [rule-id]`` line per problem."""
    return "".join(f"{p}\n" for p in problems)


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: an annotation on the file's line per problem."""
    return "".join(
        f"::{p.level} file={_github_escape(p.path, prop=True)},line={p.line},col={p.column},"
        f"title={_github_escape(p.rule, prop=True)}::"
        f"{_github_escape(f'{p.message} [{p.rule}]')}\n"
        for p in problems
    )


def as_json(problems: Sequence[Problem]) -> str:
    """A JSON list of ``{"path", "line", "column", "level", "rule", "message"}``."""
    return json.dumps([p.to_dict() for p in problems], indent=2, ensure_ascii=False) + "\n"


def summary(problems: Sequence[Problem], what: str = "problem") -> str:
    """``3 errors and 1 warning in 2 files`` (or ``no problems``)."""
    if not problems:
        return f"no {what}s"
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    parts = [
        f"{n} {word}{'s' if n != 1 else ''}"
        for n, word in ((errors, "error"), (warnings, "warning"))
        if n
    ]
    return f"{' and '.join(parts)} in {files} file{'s' if files != 1 else ''}"
