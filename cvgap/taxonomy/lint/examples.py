"""Rules about ``examples``: the sentences ``cvgap taxonomy test`` runs."""

from __future__ import annotations

from collections.abc import Iterator

from cvgap.taxonomy.lint.registry import Finding, rule
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
