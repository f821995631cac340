"""The frozen dataclasses passed between pipeline stages.

ingest -> :class:`Resume` -> extract -> :class:`SkillMention` -> score -> :class:`Report`
(-> batch: :class:`BatchResult`, :class:`Cohort`). The taxonomy is :class:`Taxonomy` (skills,
categories, roles). No logic lives here beyond ``to_dict`` helpers for JSON output.
"""

from cvgap.types.core import (
    SCHEMA_VERSION,
    Alias,
    Category,
    Example,
    Level,
    MatchKind,
    Problem,
    Requirement,
    Resume,
    ResumeLine,
    Role,
    Skill,
    SkillMention,
    SourceRef,
    Status,
    Taxonomy,
    Usage,
)
from cvgap.types.report import (
    BatchResult,
    CategoryScore,
    Cohort,
    Evidence,
    Report,
    SkillResult,
    SkillShare,
)

__all__ = [
    "SCHEMA_VERSION",
    "Alias",
    "BatchResult",
    "Category",
    "CategoryScore",
    "Cohort",
    "Evidence",
    "Example",
    "Level",
    "MatchKind",
    "Problem",
    "Report",
    "Requirement",
    "Resume",
    "ResumeLine",
    "Role",
    "Skill",
    "SkillMention",
    "SkillResult",
    "SkillShare",
    "SourceRef",
    "Status",
    "Taxonomy",
    "Usage",
]
