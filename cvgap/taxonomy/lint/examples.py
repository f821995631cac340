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


@rule("guard-without-no-match", level="warning")
def guard_without_no_match(taxonomy: Taxonomy) -> Iterator[Finding]:
    """A skill whose aliases carry guards needs at least one `examples.no_match` sentence.

    A guard (`near`, `not_near`, `list_item`, `not_preceded_by`, `not_followed_by`) exists
    to refuse a look-alike; the `no_match` sentence is the look-alike, so `cvgap taxonomy
    test` proves the guard still refuses it.

    PASS:

    ```yaml
    - id: pillow
      name: Pillow
      aliases: [{alias: pillow, near: [image, images, python]}]
      examples:
        match: ["Resized images with Pillow"]
        no_match: ["Bought a memory-foam pillow"]
    ```

    FAIL:

    ```yaml
    - id: pillow
      name: Pillow
      aliases: [{alias: pillow, near: [image, images, python]}]
      examples: {match: ["Resized images with Pillow"]}
    ```
    """
    for skill in taxonomy.skills.values():
        if any(a.has_context_guard for a in skill.aliases) and not skill.examples_no_match:
            yield (
                skill.source,
                f'skill "{skill.id}" has guarded aliases but no examples.no_match sentence: '
                "add a look-alike the guards must refuse",
            )
