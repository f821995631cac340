"""Rules about aliases: the words that make a skill match a résumé line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from cvgap.taxonomy.lint.registry import Finding, rule
from cvgap.types import Alias, Skill, Taxonomy

SHORT_ALIAS = 2
"""An alias of at most this many characters needs a context guard."""

COMMON_WORDS = frozenset(
    {
        "access",
        "agile",
        "anaconda",
        "angular",
        "assembly",
        "basic",
        "blender",
        "caffe",
        "chef",
        "clip",
        "crystal",
        "dart",
        "dino",
        "django",
        "electron",
        "elm",
        "ember",
        "excel",
        "express",
        "flask",
        "gazebo",
        "go",
        "hive",
        "inception",
        "java",
        "julia",
        "keys",
        "lisp",
        "logo",
        "map",
        "maven",
        "meteor",
        "node",
        "numbers",
        "octave",
        "office",
        "pages",
        "pascal",
        "pig",
        "pillow",
        "processing",
        "puppet",
        "rails",
        "react",
        "ruby",
        "rust",
        "sage",
        "scheme",
        "shell",
        "slack",
        "spark",
        "spring",
        "stan",
        "storm",
        "swift",
        "teams",
        "torch",
        "transformer",
        "transformers",
        "unity",
        "vision",
        "word",
    }
)
"""Everyday English words that are also names of skills, tools or languages. Each has a
common meaning that is *not* the skill ("a Java House barista", "rust on the hull", "an
agile learner", "since its inception"), so an alias that is one of them needs a guard."""


@rule("duplicate-alias")
def duplicate_alias(taxonomy: Taxonomy) -> Iterator[Finding]:
    """The same alias (ignoring case) must not belong to two skills.

    A résumé line containing it would count for both skills. Reported at the later alias,
    naming the skill and place of the first. Two case-sensitive aliases collide only when
    they are spelled exactly alike. The same alias twice in *one* skill (e.g. with two
    different guards) is allowed.

    PASS:

    ```yaml
    - {id: pytorch, name: PyTorch, aliases: [pytorch]}
    - {id: tensorflow, name: TensorFlow, aliases: [tensorflow]}
    ```

    FAIL:

    ```yaml
    - {id: pytorch, name: PyTorch, aliases: [pytorch, torch]}
    - {id: torch7, name: Torch7, aliases: [Torch]}
    ```
    """
    seen: dict[str, list[tuple[Skill, Alias]]] = defaultdict(list)
    for skill in taxonomy.skills.values():
        for alias in skill.aliases:
            key = " ".join(alias.text.lower().split())
            for other_skill, other in seen[key]:
                if other_skill.id == skill.id:
                    continue
                if alias.case_sensitive and other.case_sensitive and alias.text != other.text:
                    continue
                first = other.source or other_skill.source
                yield (
                    alias.source or skill.source,
                    f'alias "{alias.text}" of skill "{skill.id}" is already an alias of '
                    f'skill "{other_skill.id}" (at {first})',
                )
                break
            seen[key].append((skill, alias))


def _ambiguity(alias: Alias) -> str | None:
    text = alias.text.strip()
    lower = text.lower()
    if len(text) <= SHORT_ALIAS:
        return f"is only {len(text)} character{'s' if len(text) > 1 else ''} long"
    if lower in COMMON_WORDS and (
        not alias.case_sensitive or text in {lower, lower.capitalize(), lower.upper()}
    ):
        return "is a common English word"
    return None


@rule("ambiguous-alias", level="warning")
def ambiguous_alias(taxonomy: Taxonomy) -> Iterator[Finding]:
    """A very short alias, or one that is a common English word, needs a context guard.

    "Go", "R" and "C" are also a verb and grades; "vision", "torch", "rust" and "java"
    have everyday meanings. Such an alias matches ordinary sentences ("Ready to go",
    "Received a C", "vision for the club") unless it has a guard: `near`,
    `near_categories`, `not_near`, `list_item`, `not_preceded_by` or `not_followed_by`.
    Aliases of at most 2 characters, and the words of
    `cvgap.taxonomy.lint.aliases.COMMON_WORDS`, are checked (a case-sensitive alias in unusual
    casing, such as `mAP`, is not a common word). Silence one line with a
    `# cvgap-lint: disable=ambiguous-alias` comment.

    PASS:

    ```yaml
    aliases:
      - golang
      - {alias: Go, case_sensitive: true, near_categories: [programming]}
    ```

    FAIL:

    ```yaml
    aliases: [golang, go]
    ```
    """
    for skill in taxonomy.skills.values():
        for alias in skill.aliases:
            why = None if alias.has_context_guard else _ambiguity(alias)
            if why:
                yield (
                    alias.source or skill.source,
                    f'alias "{alias.text}" of skill "{skill.id}" {why} and has no context '
                    "guard (near, near_categories, not_near, list_item, ...)",
                )


@rule("unknown-category")
def unknown_category(taxonomy: Taxonomy) -> Iterator[Finding]:
    """An alias's `near_categories` must name existing categories.

    FAIL: `{alias: Go, near_categories: [programing]}`.
    """
    for skill in taxonomy.skills.values():
        for alias in skill.aliases:
            for cat in alias.near_categories:
                if cat not in taxonomy.categories:
                    known = ", ".join(sorted(taxonomy.categories))
                    yield (
                        alias.source or skill.source,
                        f'alias "{alias.text}" of skill "{skill.id}" is guarded by unknown '
                        f'category "{cat}" (known: {known})',
                    )
