"""Rules about ``examples``: the sentences ``cvgap taxonomy test`` runs."""

from __future__ import annotations

from collections.abc import Iterator

from cvgap.taxonomy.lint.registry import Finding, loader_rule, rule
from cvgap.taxonomy.verify import RULE as EXAMPLE_FAILED
from cvgap.types import Taxonomy


@rule("missing-examples", level="warning")
def missing_examples(taxonomy: Taxonomy) -> Iterator[Finding]:
    """Every skill needs at least one `examples.match` sentence.

    Examples are the skill's tests: `cvgap taxonomy test` checks that each `match`
    sentence finds the skill and no `no_match` sentence does. A skill without them is an
    untested alias list.

    PASS:

    ```yaml
    - id: ros
      name: ROS
      aliases: [ros, ros2]
      examples:
        match: ["Wrote ROS2 nodes for a mobile robot"]
    ```

    FAIL:

    ```yaml
    - {id: ros, name: ROS, aliases: [ros, ros2]}
    ```
    """
    for skill in taxonomy.skills.values():
        if not skill.examples_match:
            yield (
                skill.source,
                f'skill "{skill.id}" has no examples.match sentence: add '
                "one a résumé would contain",
            )


loader_rule(
    EXAMPLE_FAILED,
    """An example sentence must do what it says: `match` finds the skill, `no_match` does not.

    Reported by `cvgap taxonomy test` (not by `lint`), which runs every example through the
    real extraction pipeline, at the example's own line. A `match` failure names what was
    found instead; fix the aliases, or the guard that refused the sentence. A `no_match`
    failure quotes the words that matched; add a guard (`near`, `not_near`, `list_item`,
    ...) that refuses them. A mention in a negated phrase ("no experience with X") does not
    count as a match.

    FAIL (no alias of `ros` is in the sentence):

    ```yaml
    - id: ros
      name: ROS
      aliases: [ros2]
      examples:
        match: ["Wrote nodes for the Robot Operating System"]
    ```
    """,
)
