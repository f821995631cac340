"""What ``cvgap batch`` adds around the rows (issue 13): each résumé's own HTML report
(``--reports DIR``), the folder the cohort's file names are shown relative to, and the
summary of files skipped as not résumés."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import typer

from cvgap.errors import CvgapError
from cvgap.report.common import relative_to
from cvgap.types import BatchResult

SHOWN_IGNORED = 5  # skipped files named in the summary; the rest are counted

IncludeOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option(
        "--include",
        help="Only files whose name or path matches this glob (repeatable), e.g. '*.pdf'.",
    ),
]
ExcludeOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--exclude", help="Skip files whose name or path matches this glob (repeatable)."),
]
ReportsOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--reports",
        file_okay=False,
        help="Also write each résumé's own HTML report into this folder; the cohort report "
        "links to them.",
    ),
]


def cohort_root(paths: Sequence[str]) -> str | None:
    """The folder the batch was given (the common folder of several): file names in the
    cohort report are shown relative to it."""
    folders = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folders.append(os.path.abspath(path))
        elif path.is_file():
            folders.append(os.path.abspath(path.parent))
        else:
            return None  # a glob: keep the names as given
    if not folders:
        return None
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # different drives (Windows)
        return None
    return next((raw for raw in paths if os.path.abspath(raw) == common), common)


class ReportsDir:
    """Writes each scored résumé's HTML gap report under ``folder`` (mirroring the input
    folder's layout) and remembers the link from the cohort report to it."""

    def __init__(self, folder: Path, root: str | None, cohort_file: Path | None) -> None:
        self.folder = folder
        self.root = root
        self.base = (cohort_file.parent if cohort_file is not None else Path.cwd()).absolute()
        self.links: dict[str, str] = {}
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CvgapError(
                f"cannot create the reports folder: {exc.strerror or exc}", path=str(folder)
            ) from None

    def write(self, result: BatchResult) -> None:
        from cvgap.batch.writers import write_atomic
        from cvgap.report import render_html

        if result.report is None or result.duplicate_of is not None:
            return
        target = self._target(result.file)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, render_html(result.report))
        self._link(result.file, target)

    def link_earlier(self, results: Sequence[BatchResult]) -> None:
        """Link the reports an earlier run wrote (``--resume``: those rows are not scored
        again)."""
        for result in results:
            target = self._target(result.file)
            if result.report is not None and target.is_file():
                self._link(result.file, target)

    def _target(self, file: str) -> Path:
        rel = relative_to(file, self.root)
        if os.path.isabs(rel) or rel.startswith(os.pardir):
            digest = hashlib.sha256(file.encode()).hexdigest()[:8]
            rel = f"{digest}-{Path(file).name}"
        return self.folder / f"{rel}.html"

    def _link(self, file: str, target: Path) -> None:
        self.links[file] = Path(os.path.relpath(target.absolute(), self.base)).as_posix()


def ignored_summary(ignored: Sequence[tuple[str, str]], root: str | None) -> str:
    """``2 skipped as not résumés: README.md (a README), old.md (a report cvgap wrote)``."""
    if not ignored:
        return ""
    named = ", ".join(f"{relative_to(f, root)} ({why})" for f, why in ignored[:SHOWN_IGNORED])
    more = len(ignored) - SHOWN_IGNORED
    return f"{len(ignored)} skipped as not résumés or filtered out: {named}" + (
        f" and {more} more" if more > 0 else ""
    )
