"""Rules for the shape of skills, role and manifest files. :mod:`cvgap.taxonomy` reports
these while it reads the files."""

from __future__ import annotations

from cvgap.taxonomy.lint.registry import loader_rule

loader_rule(
    "schema",
    """
    Every key must be known, every required key present, every value of the right type.

    The message says what was found and what was expected: `unknown key "alias" (expected
    one of: aliases, examples, id, implies, name, patterns, suggestion)`, `missing required
    key "name"`, `name: expected a non-empty string, got int`.

    PASS:

    ```yaml
    category: {id: robotics, name: Robotics}
    skills:
      - id: ros
        name: ROS
    ```

    FAIL:

    ```yaml
    category: {id: robotics, name: Robotics}
    skills:
      - id: ros
        name: 3
        alias: [ros]
    ```
    """,
)

loader_rule(
    "duplicate-key",
    """
    A mapping must not have the same key twice.

    `yaml.safe_load` silently keeps the last value; cvgap reports the second key and the
    line of the first.

    FAIL:

    ```yaml
    - id: ros
      name: ROS
      name: Robot Operating System
    ```
    """,
)

loader_rule(
    "id-format",
    """
    Skill, category and role ids must be lower-case kebab-case: `^[a-z0-9]+(-[a-z0-9]+)*$`.

    PASS: `id: scikit-learn`. FAIL: `id: Scikit_Learn`.
    """,
)

loader_rule(
    "duplicate-id",
    """
    A skill or role id must be defined once in a taxonomy folder.

    Reported at the second definition, naming the first (`first defined at
    skills/02-frameworks.yaml:4:5`). Defining a built-in id again in *your own* folder is
    not a duplicate: it replaces the built-in definition.

    FAIL (in two files of one folder):

    ```yaml
    - id: pytorch
      name: PyTorch
    ```
    """,
)

loader_rule(
    "weight-range",
    """
    A requirement's weight must be a number above 0 and at most 10.

    PASS: `{skill: ros, weight: 4}`. FAIL: `{skill: ros, weight: 15}`, `weight: high`.
    """,
)

loader_rule(
    "unknown-role",
    """
    A role's `extends:` must name a role that exists (in this folder or the built-in
    taxonomy).

    FAIL: `extends: cv-inter`.
    """,
)

loader_rule(
    "unknown-skill",
    """
    A role requirement, an `any_of` member and an `implies` target must name an existing
    skill.

    FAIL:

    ```yaml
    requirements:
      - {skill: pytroch, weight: 8}
    ```
    """,
)
