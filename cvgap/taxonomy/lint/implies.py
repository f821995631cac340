"""Rules about ``implies``: skills a recruiter accepts as proof of other skills."""

from __future__ import annotations

from collections.abc import Iterator

from cvgap.taxonomy.lint.registry import Finding, rule
from cvgap.types import Taxonomy


@rule("implies-cycle")
def implies_cycle(taxonomy: Taxonomy) -> Iterator[Finding]:
    """`implies` must not go round in a circle.

    If A implies B and B implies A, the two are the same skill: merge them (make one an
    alias of the other). Reported once per cycle, at the first skill of the cycle, with the
    whole path.

    PASS:

    ```yaml
    - {id: pytorch, name: PyTorch, implies: [deep-learning]}
    - {id: deep-learning, name: Deep learning, implies: [machine-learning]}
    - {id: machine-learning, name: Machine learning}
    ```

    FAIL:

    ```yaml
    - {id: deep-learning, name: Deep learning, implies: [neural-networks]}
    - {id: neural-networks, name: Neural networks, implies: [deep-learning]}
    ```
    """
    order = {sid: i for i, sid in enumerate(taxonomy.skills)}
    reported: set[frozenset[str]] = set()
    for start in taxonomy.skills:
        # depth-first search for a path from ``start`` back to itself
        stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
        visited: set[str] = set()
        while stack:
            sid, path = stack.pop()
            skill = taxonomy.skills.get(sid)
            for target in skill.implies if skill else ():
                if target == start:
                    members = frozenset(path)
                    if members not in reported and min(members, key=order.__getitem__) == start:
                        reported.add(members)
                        cycle = " -> ".join((*path, start))
                        yield (
                            taxonomy.skills[start].source,
                            f'skill "{start}" implies itself through {cycle}',
                        )
                elif target not in visited and target in taxonomy.skills:
                    visited.add(target)
                    stack.append((target, (*path, target)))
