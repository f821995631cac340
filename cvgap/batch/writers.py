"""Durable batch output: JSON Lines and CSV rows, appended one ``write()`` each.

Each row is encoded in full and written with a single unbuffered ``write`` to a file opened
for appending, so a Ctrl-C or a kill leaves whole rows only; :func:`read_done` still drops a
torn last line (a full disk, a power cut) before a ``--resume`` appends to the file.

JSON Lines rows are ``Report.to_dict()`` (the ``cvgap check --format json`` schema) plus
``digest``; a failed file is ``{"schema_version", "file", "digest", "error"}``; a duplicate
is ``{"schema_version", "file", "digest", "duplicate_of"}``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from cvgap.ats.flags import ats_flags, ats_from_flags
from cvgap.batch.inputs import Done
from cvgap.batch.serial import report_from_dict
from cvgap.errors import CvgapError
from cvgap.types import SCHEMA_VERSION, BatchResult, Report, Role, Taxonomy

CSV_TAIL = ("error", "duplicate_of", "digest")


def result_to_dict(result: BatchResult) -> dict[str, Any]:
    """The JSON Lines row of a batch result."""
    if result.report is not None and result.duplicate_of is None:
        return {**result.report.to_dict(), "digest": result.digest}
    row: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "file": result.file,
        "digest": result.digest,
    }
    if result.duplicate_of is not None:
        row["duplicate_of"] = result.duplicate_of
    else:
        row["error"] = result.error or "unknown error"
    return row


def result_from_dict(row: dict[str, Any]) -> BatchResult:
    """The batch result of a JSON Lines row (inverse of :func:`result_to_dict`)."""
    file, digest = str(row["file"]), str(row.get("digest", ""))
    if row.get("duplicate_of") is not None:
        return BatchResult(file=file, digest=digest, duplicate_of=str(row["duplicate_of"]))
    if row.get("error") is not None:
        return BatchResult(file=file, digest=digest, error=str(row["error"]))
    return BatchResult(file=file, digest=digest, report=report_from_dict(row))


def csv_columns(role: Role, taxonomy: Taxonomy) -> list[str]:
    """``file, score, verdict``, one column per skill of the role's required requirements
    (each member of an any-of group), ``ats`` (the ids of the ATS checks with a warning or
    an error, ``;``-separated), then ``error, duplicate_of, digest``."""
    skills: dict[str, None] = {}
    for req in role.requirements:
        if req.required:
            skills.update(dict.fromkeys(req.skills))
    names = [taxonomy.skills[sid].name if sid in taxonomy.skills else sid for sid in skills]
    return ["file", "score", "verdict", *names, "ats", *CSV_TAIL]


def _csv_cells(result: BatchResult, role: Role) -> list[str]:
    skills: dict[str, str] = {}
    for req in role.requirements:
        if req.required:
            skills.update(dict.fromkeys(req.skills, ""))
    report = result.report if result.duplicate_of is None else None
    if report is not None:
        for skill in report.skills:
            if skill.id in skills:
                skills[skill.id] = (
                    "covered" if skill.status == "missing" and skill.covered_by else skill.status
                )
    return [
        result.file,
        "" if report is None else str(report.score),
        "" if report is None else report.verdict,
        *skills.values(),
        "" if report is None or report.ats is None else ats_flags(report.ats),
        result.error or "",
        result.duplicate_of or "",
        result.digest,
    ]


class RowEncoder:
    """Turns a batch result into its output line (``jsonl`` or ``csv``).

    Picklable, so that workers can encode their own rows: the parent then only writes
    bytes (see ``encoder`` in :func:`cvgap.batch.score_batch`).
    """

    def __init__(self, fmt: str, role: Role) -> None:
        self.fmt = fmt
        self.role = role

    def __call__(self, result: BatchResult) -> str:
        if self.fmt == "csv":
            return _csv_line(_csv_cells(result, self.role))
        return json.dumps(result_to_dict(result), ensure_ascii=False) + "\n"


class RowWriter:
    """Appends rows (``jsonl`` or ``csv``) to a file or stdout, flushed row by row."""

    def __init__(
        self, fmt: str, out: Path | None, *, role: Role, taxonomy: Taxonomy, append: bool = False
    ) -> None:
        self.fmt = fmt
        self.encode = RowEncoder(fmt, role)
        self.out = out
        self._fd: int | None = None
        self._stream: IO[str] | None = None
        if out is None:
            self._stream = sys.stdout
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            try:
                self._fd = os.open(out, flags, 0o644)
            except OSError as exc:
                raise CvgapError(
                    f"cannot write output: {exc.strerror or exc}", path=str(out)
                ) from None
        if fmt == "csv" and not (append and out is not None and out.stat().st_size > 0):
            self._write(_csv_line(csv_columns(role, taxonomy)))

    def write(self, result: BatchResult, encoded: str | None = None) -> None:
        """Append ``result``'s row (``encoded`` when a worker already encoded it)."""
        self._write(encoded if encoded is not None else self.encode(result))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _write(self, text: str) -> None:
        if self._stream is not None:
            self._stream.write(text)
            self._stream.flush()
            return
        assert self._fd is not None
        data = text.encode("utf-8")
        try:
            while data:  # one write() for a regular file; loop only on a short write
                data = data[os.write(self._fd, data) :]
        except OSError as exc:
            raise CvgapError(
                f"cannot write output: {exc.strerror or exc}", path=str(self.out)
            ) from None


def _csv_line(cells: Sequence[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    return buf.getvalue()


# --------------------------------------------------------------------------- --resume


def read_done(
    path: Path, fmt: str, *, role: Role, taxonomy: Taxonomy
) -> tuple[Done, list[BatchResult]]:
    """What an earlier run wrote to ``path`` (``jsonl`` or ``csv``).

    Returns the :class:`Done` set (for :func:`~cvgap.batch.inputs.plan_batch`) and the rows
    as batch results. JSON Lines rows come back whole; a CSV row only has its file, status
    and score (its report is a stub with no skills), enough for the exit code. A torn last
    line is cut off the file, so that appending continues on a fresh line.
    """
    done = Done()
    if not path.exists():
        return done, []
    text = _complete_lines(path)
    results: list[BatchResult] = []
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        if not rows:
            return done, []
        expected = csv_columns(role, taxonomy)
        if rows[0] != expected:
            raise CvgapError(
                "cannot --resume: the file has other columns (another role or "
                "taxonomy?); write to a new --output file",
                path=str(path),
            )
        for cells in rows[1:]:
            if len(cells) != len(expected):
                continue
            row = dict(zip(expected, cells, strict=True))
            done.add(row["file"], row["digest"], row["duplicate_of"] or None)
            results.append(_csv_result(row))
        return done, results
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            result = result_from_dict(row)
        except (ValueError, KeyError, TypeError) as exc:
            raise CvgapError(
                f"cannot --resume: line {number} is not a cvgap batch row ({exc})", path=str(path)
            ) from None
        if result.report is not None and result.report.role != role.id:
            raise CvgapError(
                f"cannot --resume: the file was written for role "
                f"{result.report.role!r}, not {role.id!r}",
                path=str(path),
            )
        done.add(result.file, result.digest, result.duplicate_of)
        results.append(result)
    return done, results


def _csv_result(row: dict[str, str]) -> BatchResult:
    if row["duplicate_of"]:
        return BatchResult(file=row["file"], digest=row["digest"], duplicate_of=row["duplicate_of"])
    if row["error"] or not row["score"].isdigit():
        return BatchResult(
            file=row["file"], digest=row["digest"], error=row["error"] or "unknown error"
        )
    stub = Report(
        file=row["file"],
        role="",
        role_title="",
        score=int(row["score"]),
        verdict=row["verdict"],
        categories=(),
        skills=(),
        ats=ats_from_flags(row.get("ats") or ""),
    )
    return BatchResult(file=row["file"], digest=row["digest"], report=stub)


def _complete_lines(path: Path) -> str:
    """The file's text up to its last newline; anything after it is cut off the file."""
    try:
        data = path.read_bytes()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            with path.open("r+b") as fh:
                fh.truncate(cut)
        return data[:cut].decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CvgapError(f"cannot --resume from this file: {exc}", path=str(path)) from None


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a reader never sees half."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CvgapError(f"cannot write output: {exc.strerror or exc}", path=str(path)) from None
