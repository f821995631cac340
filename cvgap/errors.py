"""Exceptions that cross the public API. The library raises; the CLI reports.

Every error names the file it is about, so the CLI can print one line
``error: <file>: <problem>`` and exit with code 2.
"""

from __future__ import annotations

from collections.abc import Sequence

from cvgap.types import Problem


class CvgapError(Exception):
    """Base class: the job could not be done (exit code 2 on the command line)."""

    def __init__(self, message: str, *, path: str | None = None, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.detail = detail  # the underlying library's own words, for --debug

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(CvgapError):
    """A résumé file is missing, unreadable, unsupported, corrupt or empty."""


class TaxonomyError(CvgapError):
    """A taxonomy folder or file is invalid; ``problems`` lists every problem found."""

    def __init__(
        self, message: str, *, path: str | None = None, problems: Sequence[Problem] = ()
    ) -> None:
        super().__init__(message, path=path)
        self.problems = tuple(problems)

    def __str__(self) -> str:
        errors = [p for p in self.problems if p.level == "error"]
        if errors:
            first = errors[0]
            more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
            return f"invalid taxonomy: {first}{more}"
        return super().__str__()


class UnknownRoleError(CvgapError):
    """The requested role is not defined in the taxonomy."""
