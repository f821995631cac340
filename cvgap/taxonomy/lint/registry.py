"""The rule registry: every lint rule has a kebab-case id, a default level and a docstring.

A rule's docstring is its user documentation (rendered into docs/lint-rules.md by
:func:`~cvgap.taxonomy.lint.rules_markdown`): a one-line summary, an explanation, and
``PASS``/``FAIL`` YAML examples. Rules whose problems are found while the files are read
(syntax, schema, ...) have no ``check``; the loader (:mod:`cvgap.taxonomy`,
:mod:`cvgap.taxonomy.yamlnodes`) reports them with the same id.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cvgap.types import Level, Problem, SourceRef, Taxonomy

Finding = tuple[SourceRef, str]
Check = Callable[[Taxonomy], Iterable[Finding]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A lint rule: ``check`` yields ``(where, message)`` findings for a whole taxonomy."""

    id: str
    level: Level
    doc: str
    check: Check | None = None

    @property
    def summary(self) -> str:
        return " ".join(self.doc.split("\n\n", 1)[0].split())

    def run(self, taxonomy: Taxonomy) -> Iterator[Problem]:
        if self.check is None:
            return
        for where, message in self.check(taxonomy):
            yield Problem(
                path=where.path,
                line=where.line,
                column=where.column,
                level=self.level,
                rule=self.id,
                message=message,
            )


RULES: dict[str, Rule] = {}


def rule(rule_id: str, level: Level = "error") -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``rule_id``."""

    def register(check: Check) -> Check:
        RULES[rule_id] = Rule(id=rule_id, level=level, doc=inspect.getdoc(check) or "", check=check)
        return check

    return register


def loader_rule(rule_id: str, doc: str, level: Level = "error") -> None:
    """Register a rule whose problems the loader reports (documentation only)."""
    RULES[rule_id] = Rule(id=rule_id, level=level, doc=inspect.cleandoc(doc))
