"""Rules about token ``patterns`` (spaCy ``Matcher`` patterns)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from cvgap.taxonomy.lint.registry import Finding, rule
from cvgap.types import Taxonomy


@rule("invalid-pattern")
def invalid_pattern(taxonomy: Taxonomy) -> Iterator[Finding]:
    """A token pattern (of a skill or a context cue) must be accepted by spaCy's `Matcher`
    (the message quotes spaCy). Quote YAML's yes/no words: `[no, none]` reads `no` as false.

    PASS:

    ```yaml
    patterns:
      - [{LOWER: py}, {LOWER: torch}]
    ```

    FAIL:

    ```yaml
    patterns:
      - [{LOWR: py}]
    ```
    """
    skills = [s for s in taxonomy.skills.values() if s.patterns]
    cues = [c for c in taxonomy.cues if c.pattern]
    if not skills and not cues:
        return
    matcher = _matcher()
    for index, cue in enumerate(cues):
        message = _rejection(matcher, f"cue-{index}", list(cue.pattern))
        if message is not None:
            yield (cue.source, f"cue pattern is not a valid spaCy token pattern: {message}")
    for skill in skills:
        for index, pattern in enumerate(skill.patterns, start=1):
            message = _rejection(matcher, f"{skill.id}-{index}", list(pattern))
            if message is not None:
                yield (
                    skill.source,
                    f'pattern {index} of skill "{skill.id}" is not a valid '
                    f"spaCy token pattern: {message}",
                )


def _rejection(matcher: Any, key: str, pattern: list[dict[str, Any]]) -> str | None:
    try:
        matcher.add(key, [pattern])
    except Exception as exc:  # spaCy raises MatchPatternError, ValueError, KeyError
        return " ".join(str(exc).split())
    return None


def _matcher() -> Any:
    from spacy.matcher import Matcher

    return Matcher(_vocab(), validate=True)


@functools.cache
def _vocab() -> Any:
    import spacy

    return spacy.blank("en").vocab
