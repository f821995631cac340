"""Rules about named word lists (``lists:``) and the guards that refer to them."""

from __future__ import annotations

from cvgap.taxonomy.lint.registry import loader_rule

loader_rule(
    "unknown-list",
    """
    A guard word `"@name"` must name a list defined under `lists:` in some taxonomy file.

    Lists are defined once (any file of the taxonomy, or a file holding only `lists:`) and
    shared by every guard; words compare without case, dots, brackets or apostrophes, so
    `b.sc`, `b.sc.` and `bsc` are one entry.

    PASS:

    ```yaml
    lists:
      degree-words: [bsc, msc, bachelor, master, degree, university]
    skills:
      - id: cs-degree
        name: Degree in CS
        aliases: [{alias: computer science, near: ["@degree-words"]}]
    ```

    FAIL:

    ```yaml
    aliases: [{alias: computer science, near: ["@degree-word"]}]
    ```
    """,
)
