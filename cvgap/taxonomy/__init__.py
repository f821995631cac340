"""Load the skills taxonomy: ``skills/*.yaml`` (skills by category) and role profiles.

A skills file::

    category: {id: frameworks, name: Deep-learning frameworks}
    skills:
      - id: pytorch
        name: PyTorch
        aliases: [pytorch, {alias: torch, near: [model, cuda]}]
        implies: [python, deep-learning]
        suggestion: Train a small CNN in PyTorch and put it on GitHub.
        examples: {match: ["Trained models in PyTorch"], no_match: ["Lit a torch"]}

A role file (any file with ``requirements``)::

    id: cv-intern
    title: Computer Vision Intern
    extends: base-role          # optional
    requirements:
      - {skill: python, weight: 10}
      - {any_of: [pytorch, tensorflow], weight: 8, required: true}

Every problem is collected with its ``file:line:col``; :func:`load_taxonomy` raises
:class:`~cvgap.errors.TaxonomyError` carrying all of them when any is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from cvgap.collector import building_long_lived
from cvgap.errors import TaxonomyError, UnknownRoleError
from cvgap.extract.words import list_name
from cvgap.taxonomy.files import read_file
from cvgap.taxonomy.reader import (
    BUILTIN_MODES,
    GUARD_KEYS,
    MANIFEST_NAMES,
    Collected,
    problem,
    problem_at,
)
from cvgap.taxonomy.yamlnodes import ProblemSink, read_yaml
from cvgap.types import Problem, Role, Skill, Taxonomy

DEFAULT_ROLE = "cv-intern"  # the role every command and API call scores against unless told


def default_skills_dir() -> Path:
    """The taxonomy shipped with cvgap (inside the wheel, or ``skills/`` in a checkout)."""
    packaged = Path(str(resources.files("cvgap"))) / "_skills"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "skills"


def taxonomy_files(paths: Iterable[Path]) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file under ``paths`` (files are kept as given), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())
            )
        else:
            found.append(path)
    return found


def check_taxonomy(
    paths: Sequence[Path | Sequence[Path]],
) -> tuple[Taxonomy, list[Problem]]:
    """Read every taxonomy file under ``paths``; return what loaded and all problems found.

    Each entry of ``paths`` is a *layer* (a folder or file, or a list of them read as one
    layer). Later layers add to earlier ones, and a skill, category or role id defined again
    in a later layer replaces the earlier definition (so a user folder can override the
    built-in taxonomy), while the same id twice within one layer is a ``duplicate-id``.
    """
    out = Collected()
    for entry in paths:
        layer = Collected()
        for root in [entry] if isinstance(entry, Path) else entry:
            if not root.exists():
                out.problems.append(
                    problem(str(root), 1, 1, "unreadable", "no such file or folder")
                )
                continue
            for file in taxonomy_files([root]):
                read_file(file, layer)
        out.problems.extend(layer.problems)
        out.skills.update(layer.skills)
        out.categories.update(layer.categories)
        out.roles.update(layer.roles)
        out.orphans.extend(layer.orphans)
        out.cues.extend(layer.cues)
        out.lists.update(layer.lists)
        out.list_refs.extend(layer.list_refs)
    lists = {name: words for name, (words, _) in out.lists.items()}
    out.skills = {sid: expand_lists(skill, lists) for sid, skill in out.skills.items()}
    out.problems.extend(
        problem_at(ref, "unknown-list", f'guard refers to unknown list "@{name}"{_known(lists)}')
        for name, ref in out.list_refs
        if name not in lists
    )
    roles = {rid: _resolve_extends(role, out) for rid, role in out.roles.items()}
    taxonomy = Taxonomy(
        skills=out.skills,
        categories=out.categories,
        roles=roles,
        cues=tuple(out.cues),
        lists=lists,
        paths=tuple(str(p) for p in _flat(paths)),
    )
    out.problems.extend(_cross_references(taxonomy))
    out.problems.extend(
        problem_at(
            req.source,
            "unknown-skill",
            f'requirement of an invalid role requires unknown skill "{sid}"',
        )
        for req in out.orphans
        for sid in req.skills
        if sid not in taxonomy.skills
    )
    return taxonomy, sorted(set(out.problems))


def _known(lists: dict[str, tuple[str, ...]]) -> str:
    return f" (known lists: {', '.join(sorted(lists))})" if lists else " (no lists are defined)"


def expand_lists(skill: Skill, lists: dict[str, tuple[str, ...]]) -> Skill:
    """``skill`` with every ``"@name"`` guard word replaced by the words of list ``name``
    (an unknown list expands to nothing; :func:`check_taxonomy` reports it)."""

    def expand(words: tuple[str, ...]) -> tuple[str, ...]:
        out: dict[str, None] = {}
        for word in words:
            name = list_name(word)
            for w in lists.get(name, ()) if name is not None else (word,):
                out.setdefault(w, None)
        return tuple(out)

    if not any(list_name(w) for a in skill.aliases for k in GUARD_KEYS for w in getattr(a, k)):
        return skill
    aliases = tuple(
        replace(
            a,
            near=expand(a.near),
            not_near=expand(a.not_near),
            not_preceded_by=expand(a.not_preceded_by),
            not_followed_by=expand(a.not_followed_by),
        )
        for a in skill.aliases
    )
    return replace(skill, aliases=aliases)


def _flat(paths: Sequence[Path | Sequence[Path]]) -> list[Path]:
    return [p for entry in paths for p in ([entry] if isinstance(entry, Path) else entry)]


def load_taxonomy(
    paths: Path | str | Sequence[Path | str] | None = None, *, include_default: bool = False
) -> Taxonomy:
    """Load and validate a taxonomy (default: the built-in one).

    ``include_default=True`` layers the given folders on top of the built-in taxonomy (what
    ``--taxonomy DIR`` does on the command line), unless a folder's ``taxonomy.yaml`` says
    ``builtin: replace``; see :func:`taxonomy_roots`.
    Raises :class:`TaxonomyError` with every problem when any error is found.

    >>> taxonomy = load_taxonomy()
    >>> taxonomy.skills["pytorch"].name
    'PyTorch'
    """
    if paths is None:
        roots = [default_skills_dir()]
    else:
        given = [paths] if isinstance(paths, (str, Path)) else list(paths)
        roots = [Path(p) for p in given]
        if include_default:
            roots = taxonomy_roots(roots)
    with building_long_lived():
        taxonomy, problems = check_taxonomy(roots)
    errors = [p for p in problems if p.level == "error"]
    if not errors and paths is not None:  # the built-in taxonomy is linted in CI
        from cvgap.taxonomy.lint import rule_errors

        errors = problems = rule_errors(taxonomy, [Path(p) for p in given])
    if errors:
        raise TaxonomyError("invalid taxonomy", path=errors[0].path, problems=problems)
    if not taxonomy.skills:
        where = ", ".join(str(r) for r in roots)
        raise TaxonomyError("no skills defined", path=where)
    return taxonomy


def taxonomy_roots(folders: Sequence[Path]) -> list[Path]:
    """The layers to load for user taxonomy folders: the built-in taxonomy first, then each
    folder in order (a later layer adds skills and roles, and replaces any with the same id).

    The built-in layer is left out when :func:`wants_builtin` says so.
    """
    if not wants_builtin(folders):
        return list(folders)
    return [default_skills_dir(), *folders]


def wants_builtin(paths: Sequence[Path]) -> bool:
    """Whether the built-in taxonomy goes under ``paths``: not when a path is the built-in
    folder itself, nor when a folder's manifest (``taxonomy.yaml`` at its top) says
    ``builtin: replace``."""
    builtin = default_skills_dir().resolve()
    return not any(
        p.resolve() == builtin or (p.is_dir() and builtin_mode(p) == "replace") for p in paths
    )


def is_inside(path: str | Path, roots: Sequence[Path]) -> bool:
    """Whether ``path`` is one of the (resolved) ``roots`` or lies below one of them."""
    resolved = Path(path).resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def builtin_mode(folder: Path) -> str:
    """``"extend"`` or ``"replace"``: what the folder's ``taxonomy.yaml`` asks for."""
    for name in MANIFEST_NAMES:
        manifest = folder / name
        if manifest.is_file():
            root = read_yaml(manifest, ProblemSink(str(manifest)))
            mode = root.get("builtin") if root is not None else None
            if mode is not None and mode.value in BUILTIN_MODES:
                return str(mode.value)
    return "extend"


def get_role(taxonomy: Taxonomy, role_id: str) -> Role:
    """The role ``role_id``; raises :class:`UnknownRoleError` naming the known roles."""
    try:
        return taxonomy.roles[role_id]
    except KeyError:
        known = ", ".join(sorted(taxonomy.roles)) or "none"
        raise UnknownRoleError(f"unknown role {role_id!r} (known roles: {known})") from None


def _resolve_extends(role: Role, out: Collected, depth: int = 0) -> Role:
    """Merge a role with the roles it extends; a child requirement replaces the parent's
    requirement for the same skill (or the same any-of group)."""
    if role.extends is None or depth > 10 or role.extends not in out.roles:
        return role
    parent = _resolve_extends(out.roles[role.extends], out, depth + 1)
    own = {req.skills: req for req in role.requirements}
    merged = [own.pop(req.skills, req) for req in parent.requirements]
    merged.extend(own.values())
    return Role(
        id=role.id,
        title=role.title,
        description=role.description or parent.description,
        extends=role.extends,
        requirements=tuple(merged),
        source=role.source,
    )


def _cross_references(taxonomy: Taxonomy) -> list[Problem]:
    problems = [
        problem_at(
            skill.source,
            "unknown-skill",
            f'skill "{skill.id}" implies unknown skill "{target}"',
        )
        for skill in taxonomy.skills.values()
        for target in skill.implies
        if target not in taxonomy.skills
    ]
    for role in taxonomy.roles.values():
        if role.extends and role.extends not in taxonomy.roles:
            known = ", ".join(sorted(taxonomy.roles)) or "none"
            problems.append(
                problem_at(
                    role.source,
                    "unknown-role",
                    f'role "{role.id}" extends unknown role '
                    f'"{role.extends}" (known roles: {known})',
                )
            )
        problems.extend(
            problem_at(
                req.source,
                "unknown-skill",
                f'role "{role.id}" requires unknown skill "{sid}"',
            )
            for req in role.requirements
            for sid in req.skills
            if sid not in taxonomy.skills
        )
    return problems
