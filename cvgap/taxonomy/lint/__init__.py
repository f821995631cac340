"""Lint a skills taxonomy: every problem, with its ``path:line:col`` and rule id.

>>> from pathlib import Path
>>> from cvgap.taxonomy.lint import lint_paths
>>> [str(p) for p in lint_paths([Path("my-skills")])]
['my-skills/robotics.yaml:7:9: warning: alias "go" ... [ambiguous-alias]']

Rules live one group per module (:mod:`~cvgap.taxonomy.lint.aliases`,
:mod:`~cvgap.taxonomy.lint.roles`, ...); each has an id, a default level and a docstring
that is its documentation.
Problems on a line carrying ``# cvgap-lint: disable=<rule-id>[,<rule-id>...]`` (or a bare
``# cvgap-lint: disable``) are dropped.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Sequence
from pathlib import Path

from cvgap.errors import CvgapError
from cvgap.taxonomy import check_taxonomy, default_skills_dir, is_inside, wants_builtin
from cvgap.taxonomy.lint.registry import RULES, Rule
from cvgap.taxonomy.yamlnodes import MAX_YAML_BYTES
from cvgap.types import Problem, Taxonomy

__all__ = [
    "RULES",
    "Rule",
    "find_rule",
    "layers_for",
    "lint_paths",
    "rule_errors",
    "rules_markdown",
]

_RULE_MODULES = (
    "syntax",
    "schema",
    "lists",
    "aliases",
    "implies",
    "roles",
    "examples",
    "patterns",
)
for _module in _RULE_MODULES:  # registers the rules, in this (documentation) order
    importlib.import_module(f"cvgap.taxonomy.lint.{_module}")
_DISABLE_RE = re.compile(r"#\s*cvgap-lint:\s*disable(?:=([\w\s,-]+))?")


def layers_for(paths: Sequence[Path], *, builtin: bool = True) -> list[Path | list[Path]]:
    """The layers to load for taxonomy ``paths``: the built-in taxonomy, then the paths as
    one layer. The built-in layer is left out when ``builtin`` is false, when a path is
    the built-in folder itself, or when a folder's ``taxonomy.yaml`` says
    ``builtin: replace``."""
    given: list[Path] = list(paths)
    if not builtin or not wants_builtin(given):
        return [given]
    return [default_skills_dir(), given]


def lint_paths(paths: Sequence[Path], *, builtin: bool = True) -> list[Problem]:
    """Every problem in the taxonomy files under ``paths``, sorted by place.

    The files are read on top of the built-in taxonomy (see :func:`layers_for`), so a role
    may extend ``cv-intern`` and require built-in skills; only problems in ``paths`` are
    returned. Raises :class:`~cvgap.errors.CvgapError` when a path does not exist.
    """
    for path in paths:
        if not path.exists():
            raise CvgapError("no such file or folder", path=str(path))
    taxonomy, problems = check_taxonomy(layers_for(paths, builtin=builtin))
    problems.extend(run_rules(taxonomy))
    roots = [p.resolve() for p in paths]
    kept = [p for p in set(problems) if is_inside(p.path, roots)]
    return sorted(_unsuppressed(kept))


def run_rules(taxonomy: Taxonomy) -> list[Problem]:
    """The problems every rule with a check finds in ``taxonomy``."""
    return [problem for rule in RULES.values() for problem in rule.run(taxonomy)]


def rule_errors(taxonomy: Taxonomy, paths: Sequence[Path]) -> list[Problem]:
    """The error-level problems lint's rules find in the files under ``paths`` (a loaded
    taxonomy's user layers): a duplicate alias, an ``implies`` cycle... The loader calls this
    so that every command refuses the taxonomy that ``lint`` fails."""
    roots = [p.resolve() for p in paths]
    found = [
        problem
        for rule in RULES.values()
        if rule.level == "error"
        for problem in rule.run(taxonomy)
        if is_inside(problem.path, roots)
    ]
    return sorted(_unsuppressed(sorted(set(found))))


def _unsuppressed(problems: list[Problem]) -> list[Problem]:
    lines: dict[str, list[str]] = {}
    kept = []
    for problem in problems:
        if problem.path not in lines:
            lines[problem.path] = _source_lines(Path(problem.path))
        file_lines = lines[problem.path]
        line = file_lines[problem.line - 1] if 0 < problem.line <= len(file_lines) else ""
        match = _DISABLE_RE.search(line)
        if match is not None and (
            match.group(1) is None or problem.rule in {r.strip() for r in match.group(1).split(",")}
        ):
            continue
        kept.append(problem)
    return kept


def _source_lines(path: Path) -> list[str]:
    """The lines of a taxonomy file, or none for a file the reader refused."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_YAML_BYTES:
            return []
        return path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []


def rules_markdown() -> str:
    """docs/lint-rules.md: a table of every rule, then each rule's docstring."""
    out = ["| rule id | level | checks |", "|---|---|---|"]
    out += [f"| [`{r.id}`](#{r.id}) | {r.level} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        out += ["", f"## {r.id}", "", f"*{r.level}.* {r.doc}"]
    return "\n".join(out) + "\n"


def find_rule(rule_id: str) -> Rule:
    """The rule called ``rule_id``; a :class:`~cvgap.errors.CvgapError` naming the closest
    ids when there is none."""
    if rule_id in RULES:
        return RULES[rule_id]
    close = difflib.get_close_matches(rule_id, list(RULES), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}? " if close else ""
    raise CvgapError(
        f"unknown lint rule {rule_id!r}; {hint}'cvgap taxonomy rules' lists all {len(RULES)}"
    )
