"""How much of the taxonomy's guard vocabulary is copied (issue 12). Not a test.

    python bench/guard_words.py [skills]

Counts every word written in a guard (``near``, ``not_near``, ``not_preceded_by``,
``not_followed_by``) of every alias, plus every word of a named list (``lists:``) that a
guard refers to; a reference such as ``"@degree-words"`` is one written word. A word is a
*copy* when the same guard word (lower case, punctuation ignored, as guards compare) was
already written somewhere else. Prints the total, the distinct words and the copied share.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

GUARDS = ("near", "not_near", "not_preceded_by", "not_followed_by")


def written_words(folder: Path) -> list[str]:
    words: list[str] = []
    lists: dict[str, list[str]] = {}
    for file in sorted(folder.rglob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            continue
        lists.update(data.get("lists") or {})
        for skill in data.get("skills") or []:
            for alias in skill.get("aliases") or []:
                if isinstance(alias, dict):
                    for key in GUARDS:
                        words.extend(str(v) for v in alias.get(key) or [])
    used = {w[1:] for w in words if w.startswith("@") and w[1:] in lists}
    for name in sorted(used):
        words.extend(str(v) for v in lists[name])
    return words


def key(word: str) -> str:
    return re.sub(r"[.()'’]", "", word.lower()).strip()


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "skills")
    words = written_words(folder)
    distinct = {key(w) for w in words}
    copies = len(words) - len(distinct)
    share = copies / len(words) if words else 0.0
    print(
        f"guard words written: {len(words)}, distinct: {len(distinct)}, "
        f"copies: {copies} ({share:.1%})"
    )


if __name__ == "__main__":
    main()
