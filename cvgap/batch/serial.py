"""Read a report back from its JSON form (``Report.to_dict()``), for ``--resume``."""

from __future__ import annotations

from typing import Any

from cvgap.ats.serial import ats_from_dict
from cvgap.types import SCHEMA_VERSION, AnyOf, CategoryScore, Evidence, Report, SkillResult


def report_from_dict(data: dict[str, Any]) -> Report:
    """The :class:`Report` of a ``cvgap check --format json`` document.

    Raises ``KeyError``/``TypeError``/``ValueError`` when ``data`` is not one.
    """
    return Report(
        file=str(data["file"]),
        role=str(data["role"]),
        role_title=str(data["role_title"]),
        score=int(data["score"]),
        verdict=str(data["verdict"]),
        categories=tuple(
            CategoryScore(id=c["id"], name=c["name"], score=int(c["score"]))
            for c in data.get("categories", [])
        ),
        skills=tuple(_skill(s) for s in data.get("skills", [])),
        extra_skills=tuple(_skill(s) for s in data.get("extra_skills", [])),
        intents=tuple(_skill(s) for s in data.get("intents", [])),
        warnings=tuple(str(w) for w in data.get("warnings", [])),
        schema_version=int(data.get("schema_version", SCHEMA_VERSION)),
        sections=tuple(str(s) for s in data.get("sections", [])),
        ats=ats_from_dict(data["ats"]) if isinstance(data.get("ats"), dict) else None,
    )


def _skill(data: dict[str, Any]) -> SkillResult:
    return SkillResult(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        status=data["status"],
        required=bool(data["required"]),
        weight=float(data["weight"]),
        evidence=tuple(_evidence(e) for e in data.get("evidence", [])),
        suggestion=data.get("suggestion", ""),
        group=AnyOf.from_key(data["group"]) if data.get("group") else None,
        covered_by=data.get("covered_by"),
    )


def _evidence(data: dict[str, Any]) -> Evidence:
    return Evidence(
        text=data["text"],
        section=data["section"],
        line=int(data["line"]),
        via=data.get("via"),
        usage=data.get("usage", "listed"),
        kind=data.get("match", "exact"),
        start=data.get("start"),
        end=data.get("end"),
        via_name=data.get("via_name"),
    )
