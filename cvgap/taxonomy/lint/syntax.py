"""Rules for files that cannot be read as plain YAML. The reader (:mod:`cvgap.taxonomy.yamlnodes`)
reports these; nothing in a taxonomy file is ever executed or expanded."""

from __future__ import annotations

from cvgap.taxonomy.lint.registry import loader_rule

loader_rule(
    "yaml-syntax",
    """
    The file must be valid YAML.

    Reported at the position the YAML parser gives: a tab used for indentation, an
    unclosed bracket or quote, two documents in one file, nesting too deep.

    FAIL (`→` is a tab character):

    ```yaml
    skills:
    →- id: python
    ```
    """,
)

loader_rule(
    "encoding",
    """
    The file must be UTF-8 (with or without a byte-order mark).

    Reported at the line of the first byte that is not UTF-8. Re-save the file as UTF-8.
    """,
)

loader_rule(
    "unreadable",
    """
    The file could not be read (permissions, a folder where a file was expected).
    """,
)

loader_rule(
    "file-too-large",
    """
    A taxonomy file must be at most 2 MB; a larger file is not read at all.

    The built-in taxonomy is about 60 KB in total: a file this large is almost certainly
    not a taxonomy file.
    """,
)

loader_rule(
    "yaml-alias",
    """
    Anchors, aliases and merge keys (`&name`, `*name`, `<<`) are not allowed.

    An alias can expand a few hundred bytes into gigabytes (the "billion laughs" attack);
    repeat the value instead.

    PASS:

    ```yaml
    aliases: [pytorch, torch]
    ```

    FAIL:

    ```yaml
    aliases: &common [pytorch, torch]
    patterns: *common
    ```
    """,
)

loader_rule(
    "yaml-tag",
    """
    Only plain mappings, lists, strings, numbers, booleans and null are allowed.

    Tags such as `!!python/object` are refused without being constructed, so a taxonomy
    file can never run code. A date-like value (`2024-01-01`) must be quoted.

    FAIL:

    ```yaml
    name: !!python/object/apply:os.system ["echo hi"]
    ```
    """,
)
