"""Rules about role profiles (``skills/roles/*.yaml``)."""

from __future__ import annotations

from collections.abc import Iterator

from cvgap.taxonomy.lint.registry import Finding, rule
from cvgap.types import Taxonomy


@rule("extends-cycle")
def extends_cycle(taxonomy: Taxonomy) -> Iterator[Finding]:
    """`extends` must not go round in a circle (a role extending itself, directly or not).

    FAIL:

    ```yaml
    id: ml-intern
    title: ML Intern
    extends: ml-intern
    requirements: [{skill: python, weight: 10}]
    ```
    """
    for role in taxonomy.roles.values():
        path = [role.id]
        current = role.extends
        while current is not None and current in taxonomy.roles and current not in path:
            path.append(current)
            current = taxonomy.roles[current].extends
        if current == role.id:
            yield (
                role.source,
                f'role "{role.id}" extends itself through {" -> ".join((*path, role.id))}',
            )


@rule("duplicate-requirement")
def duplicate_requirement(taxonomy: Taxonomy) -> Iterator[Finding]:
    """A role must ask for each skill once (counting the roles it extends).

    A skill in two requirements counts twice in the score. To change an inherited weight,
    repeat the requirement with the *same* `skill` (or the same `any_of` list): it replaces
    the inherited one.

    FAIL:

    ```yaml
    requirements:
      - {skill: pytorch, weight: 8}
      - {any_of: [pytorch, tensorflow], weight: 9}
    ```
    """
    for role in taxonomy.roles.values():
        first: dict[str, str] = {}
        for req in role.requirements:
            for sid in req.skills:
                if sid in first:
                    yield (
                        req.source,
                        f'role "{role.id}" asks for skill "{sid}" twice (first '
                        f"at {first[sid]}): it would count twice in the score",
                    )
                else:
                    first[sid] = str(req.source)


@rule("unreachable-score")
def unreachable_score(taxonomy: Taxonomy) -> Iterator[Finding]:
    """Every role must be able to score 100.

    A role with no requirements always scores 0. A requirement whose skills have no
    aliases and no patterns can never be matched (at best *implied*, worth 0.75 of its
    weight), so no résumé can reach 100.

    PASS:

    ```yaml
    requirements:
      - {skill: python, weight: 10}
    ```

    FAIL (`kaggle` has no aliases):

    ```yaml
    requirements:
      - {skill: kaggle, weight: 2}
    ```
    """
    for role in taxonomy.roles.values():
        if not role.requirements:
            yield (role.source, f'role "{role.id}" has no requirements: it always scores 0')
            continue
        for req in role.requirements:
            known = [taxonomy.skills[s] for s in req.skills if s in taxonomy.skills]
            if known and not any(s.aliases or s.patterns for s in known):
                names = ", ".join(f'"{s.id}"' for s in known)
                yield (
                    req.source,
                    f"{names} {'has' if len(known) == 1 else 'have'} no aliases or patterns,"
                    f' so no résumé can match this requirement and role "{role.id}" can '
                    "never reach 100",
                )
