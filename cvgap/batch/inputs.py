"""Batch inputs: expand files, folders and globs into a plan of résumés to score.

Folders are walked recursively (sorted, hidden entries and unsupported suffixes skipped);
a glob is expanded with ``**`` support. Every input is hashed (SHA-256 of its content) so
that the same résumé under two names is scored once, and ``--resume`` can recognise the
files an earlier run already wrote.
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cvgap.batch.screen import excluded_by, not_a_resume

# What a folder walk picks up. A file named on the command line is always taken, whatever
# its suffix, so that an unsupported file is reported rather than silently ignored.
RESUME_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".txt", ".text", ".md", ".markdown", ".json"})
_GLOB_CHARS = frozenset("*?[")
_CHUNK = 1 << 20
_EMPTY = hashlib.sha256(b"").hexdigest()  # empty files are failures, not duplicates


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One input of a batch, in output order.

    ``action`` is ``"score"`` (send to a worker), ``"duplicate"`` (same content as
    ``duplicate_of``, scored once there) or ``"fail"`` (``error`` says why; not sent).
    """

    index: int
    file: str
    digest: str = ""
    action: str = "score"
    duplicate_of: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What a batch will do: ``entries`` in output order, ``skipped`` files already done."""

    entries: tuple[Entry, ...]
    skipped: tuple[str, ...] = ()
    ignored: tuple[tuple[str, str], ...] = ()  # (file, why): not a résumé, or filtered out

    @property
    def to_score(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.action == "score")


@dataclass(slots=True)
class _Found:
    file: str
    error: str | None = None


@dataclass(slots=True)
class Done:
    """What an earlier run already wrote: ``(file, digest)`` pairs and the first file
    written for each digest (used for ``--resume``)."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    by_digest: dict[str, str] = field(default_factory=dict)

    def add(self, file: str, digest: str, duplicate_of: str | None = None) -> None:
        self.pairs.add((file, digest))
        if digest and duplicate_of is None:
            self.by_digest.setdefault(digest, file)


def plan_batch(
    paths: Sequence[str | Path],
    *,
    done: Done | None = None,
    exclude: Iterable[Path] = (),
    include_globs: Sequence[str] = (),
    exclude_globs: Sequence[str] = (),
) -> Plan:
    """Expand ``paths`` and decide what to do with each file.

    ``done`` lists what an earlier run wrote: those files are skipped, and a new file with
    the content of one of them becomes a duplicate row. ``exclude`` are files never taken as
    input (the batch's own output). Files that are not résumés (a README, a licence, a
    report cvgap wrote) and files left out by ``include_globs``/``exclude_globs`` are
    :attr:`Plan.ignored`, with the reason (:mod:`cvgap.batch.screen`).

    >>> plan = plan_batch(["resumes/", "extra/*.pdf"])
    >>> [e.file for e in plan.to_score][:1]
    ['resumes/a.pdf']
    """
    done = done or Done()
    excluded = {_key(Path(p)) for p in exclude}
    entries: list[Entry] = []
    skipped: list[str] = []
    first_by_digest: dict[str, str] = dict(done.by_digest)
    seen_paths: set[str] = set()
    ignored: list[tuple[str, str]] = []
    for found in _expand(paths):
        if found.error is None:
            key = _key(Path(found.file))
            if key in seen_paths or key in excluded:
                continue
            seen_paths.add(key)
            why = excluded_by(found.file, include_globs, exclude_globs) or not_a_resume(
                Path(found.file)
            )
            if why is not None:
                ignored.append((found.file, why))
                continue
        digest, error = ("", found.error) if found.error else _digest(Path(found.file))
        if (found.file, digest) in done.pairs:
            skipped.append(found.file)
            continue
        index = len(entries)
        if error is not None:
            entries.append(
                Entry(index=index, file=found.file, digest=digest, action="fail", error=error)
            )
        elif digest in first_by_digest and digest != _EMPTY:
            entries.append(
                Entry(
                    index=index,
                    file=found.file,
                    digest=digest,
                    action="duplicate",
                    duplicate_of=first_by_digest[digest],
                )
            )
        else:
            first_by_digest[digest] = found.file
            entries.append(Entry(index=index, file=found.file, digest=digest))
    return Plan(entries=tuple(entries), skipped=tuple(skipped), ignored=tuple(ignored))


def _expand(paths: Sequence[str | Path]) -> Iterator[_Found]:
    for raw in paths:
        text = str(raw)
        path = Path(text)
        if os.path.lexists(text):
            yield from _expand_existing(path, text)
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield _Found(text, "no file matches this pattern")
            for match in matches:
                yield from _expand_existing(Path(match), match)
        else:
            yield _Found(text, "no such file or folder")


def _expand_existing(path: Path, text: str) -> Iterator[_Found]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield _Found(text, f"cannot read: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(mode):
        files = list(_walk(path))
        if not files:
            yield _Found(text, "folder has no résumé files (.pdf, .docx, .txt, .md, .json)")
        yield from (_Found(f) for f in files)
    elif stat.S_ISREG(mode):
        yield _Found(text)
    else:
        yield _Found(text, "not a regular file")


def _walk(folder: Path) -> Iterator[str]:
    """Résumé files under ``folder``: sorted, hidden entries skipped, links not followed
    into folders (no cycles)."""
    for root, dirs, files in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in RESUME_SUFFIXES:
                continue
            full = os.path.join(root, name)
            try:
                if stat.S_ISREG(os.stat(full).st_mode):
                    yield full
            except OSError:
                continue


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def _digest(path: Path) -> tuple[str, str | None]:
    """The SHA-256 of the file's content, or an error message."""
    sha = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                sha.update(chunk)
    except OSError as exc:
        return "", f"cannot read file: {exc.strerror or exc}"
    return sha.hexdigest(), None
