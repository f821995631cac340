"""The data behind ``cvgap taxonomy show``: the taxonomy as plain JSON-ready values."""

from __future__ import annotations

from typing import Any

from cvgap.taxonomy import get_role
from cvgap.types import Alias, Role, Skill, Taxonomy


def _alias(alias: Alias) -> str:
    return alias.text + (" (guarded)" if alias.has_context_guard else "")


def _skill(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.id,
        "name": skill.name,
        "category": skill.category,
        "aliases": [_alias(a) for a in skill.aliases],
        "implies": list(skill.implies),
        "source": str(skill.source),
    }


def _role(role: Role, taxonomy: Taxonomy) -> dict[str, Any]:
    def name(sid: str) -> str:
        skill = taxonomy.skills.get(sid)
        return skill.name if skill else sid

    return {
        "id": role.id,
        "title": role.title,
        "extends": role.extends,
        "total_weight": sum(r.weight for r in role.requirements),
        "requirements": [
            {
                "skills": list(r.skills),
                "names": [name(s) for s in r.skills],
                "category": taxonomy.skills[r.skills[0]].category
                if r.skills[0] in taxonomy.skills
                else "",
                "weight": r.weight,
                "required": r.required,
            }
            for r in sorted(role.requirements, key=lambda r: (-r.weight, r.skills))
        ],
        "source": str(role.source),
    }


def describe(taxonomy: Taxonomy, role: str | None = None) -> dict[str, Any]:
    """The taxonomy (or one role, with ``role``) as a JSON-ready dict.

    Raises :class:`~cvgap.errors.UnknownRoleError` for an unknown ``role``.

    >>> describe(load_taxonomy(), role="ml-intern")["role"]["title"]
    'Machine Learning Intern'
    """
    if role is not None:
        return {"role": _role(get_role(taxonomy, role), taxonomy)}
    categories = [
        {
            "id": cat.id,
            "name": cat.name,
            "skills": [_skill(s) for s in taxonomy.skills.values() if s.category == cat.id],
        }
        for cat in taxonomy.categories.values()
    ]
    return {
        "categories": categories,
        "roles": [
            {k: v for k, v in _role(r, taxonomy).items() if k != "requirements"}
            for r in taxonomy.roles.values()
        ],
    }
