"""One test per lint rule, yamllint style: a YAML snippet and the exact problems it gives.

Each case lints a throwaway folder on its own (``builtin=False``) and compares the sorted
``(file, line, column, rule)`` of every problem; ``[]`` is the clean case.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cvgap.taxonomy.lint import RULES, lint_paths, rules_markdown

SKILLS = """\
version: 1
category: {id: robotics, name: Robotics}
skills:
  - id: ros
    name: ROS
    aliases: [ros2, robot operating system]
    examples: {match: ["Wrote ROS2 nodes"], no_match: ["Picked roses"]}
  - id: slam
    name: SLAM
    aliases: [slam, visual odometry]
    implies: [ros]
    examples: {match: ["Implemented visual odometry"], no_match: ["Mapped a warehouse by hand"]}
"""

ROLE = """\
id: robot-intern
title: Robot Intern
requirements:
  - {skill: ros, weight: 5}
  - {skill: slam, weight: 3, required: false}
"""

Found = list[tuple[str, int, int, str]]


def lint(tmp_path: Path, files: dict[str, str | bytes]) -> Found:
    """Write ``files`` into a fresh folder and lint it alone."""
    root = tmp_path / "tax"
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    problems = lint_paths([root], builtin=False)
    return [(Path(p.path).relative_to(root).as_posix(), p.line, p.column, p.rule) for p in problems]


def check(tmp_path: Path, files: dict[str, str | bytes], expected: Found) -> None:
    assert lint(tmp_path, files) == sorted(expected)


def test_clean_taxonomy_has_no_problems(tmp_path: Path) -> None:
    check(tmp_path, {"robotics.yaml": SKILLS, "roles/robot-intern.yaml": ROLE}, [])


# --------------------------------------------------------------------------- reading


def test_yaml_syntax_tab_indentation(tmp_path: Path) -> None:
    check(tmp_path, {"a.yaml": "skills:\n\t- id: ros\n"}, [("a.yaml", 2, 1, "yaml-syntax")])


def test_yaml_syntax_unclosed_bracket(tmp_path: Path) -> None:
    check(tmp_path, {"a.yaml": "skills: [ros\nid: x\n"}, [("a.yaml", 2, 3, "yaml-syntax")])


def test_yaml_syntax_too_deep_nesting(tmp_path: Path) -> None:
    check(tmp_path, {"a.yaml": "[" * 100_000 + "]" * 100_000}, [("a.yaml", 1, 1, "yaml-syntax")])


def test_encoding_latin1_reports_the_line(tmp_path: Path) -> None:
    data = SKILLS.replace("name: ROS", "name: Visión ROS").encode("latin-1")
    check(tmp_path, {"a.yaml": data}, [("a.yaml", 5, 1, "encoding")])


def test_encoding_utf8_with_bom_is_fine(tmp_path: Path) -> None:
    check(tmp_path, {"a.yaml": b"\xef\xbb\xbf" + SKILLS.encode()}, [])


def test_a_folder_named_like_a_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "tax" / "odd.yaml").mkdir(parents=True)
    check(tmp_path, {"robotics.yaml": SKILLS}, [])


def test_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    check(
        tmp_path,
        {"robotics.yaml": SKILLS, "locked.yaml": SKILLS},
        [("locked.yaml", 1, 1, "unreadable")],
    )


def test_file_too_large_is_not_read(tmp_path: Path) -> None:
    big = "# " + "x" * (50 * 1024 * 1024) + "\n"
    check(tmp_path, {"big.yaml": big}, [("big.yaml", 1, 1, "file-too-large")])


def test_yaml_alias_billion_laughs(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]")
    found = lint(tmp_path, {"lol.yaml": "\n".join(lines) + "\n"})
    assert {rule for *_, rule in found} == {"yaml-alias", "schema"}
    aliases = [f for f in found if f[3] == "yaml-alias"]
    assert len(aliases) == 8 * 9  # each alias once, at its own position: nothing expanded
    assert aliases[0] == ("lol.yaml", 2, 8, "yaml-alias")


def test_yaml_alias_merge_key(tmp_path: Path) -> None:
    text = SKILLS + "  - &base {id: x, name: X, examples: {match: [X]}}\n  - <<: *base\n    id: y\n"
    check(
        tmp_path,
        {"a.yaml": text},
        [
            ("a.yaml", 14, 5, "yaml-alias"),
            ("a.yaml", 14, 9, "yaml-alias"),
            ("a.yaml", 14, 5, "schema"),
        ],
    )


def test_yaml_tag_python_object_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = SKILLS.replace("name: ROS", f'name: !!python/object/apply:os.system ["touch {marker}"]')
    found = lint(tmp_path, {"a.yaml": text})
    assert ("a.yaml", 5, 11, "yaml-tag") in found
    assert not marker.exists()


def test_yaml_tag_on_a_mapping(tmp_path: Path) -> None:
    text = SKILLS.replace("category: {", "category: !!python/object:os.Foo {")
    assert ("a.yaml", 2, 11, "yaml-tag") in lint(tmp_path, {"a.yaml": text})


# --------------------------------------------------------------------------- schema


def test_schema_unknown_key_wrong_type_missing_key(tmp_path: Path) -> None:
    text = """\
    category: {id: robotics, name: Robotics}
    skills:
      - id: ros
        name: 3
        alias: [ros]
      - id: slam
    """
    check(
        tmp_path,
        {"a.yaml": text},
        [("a.yaml", 4, 11, "schema"), ("a.yaml", 5, 5, "schema"), ("a.yaml", 6, 5, "schema")],
    )


def test_schema_messages_say_what_was_expected(tmp_path: Path) -> None:
    root = tmp_path / "tax"
    root.mkdir()
    (root / "a.yaml").write_text(
        "category: {id: x, name: X}\nskills:\n  - {id: y, name: 3, alias: [y]}\n", encoding="utf-8"
    )
    messages = [p.message for p in lint_paths([root], builtin=False) if p.rule == "schema"]
    assert messages == [
        "name: expected a non-empty string, got int",
        'unknown key "alias" (expected one of: aliases, examples, id, implies, name, '
        "patterns, suggestion)",
    ]


def test_schema_unquoted_no_is_a_boolean(tmp_path: Path) -> None:
    text = SKILLS.replace("examples: {match", "aliases: [ros2, no]\n    examples: {match", 1)
    text = text.replace("    aliases: [ros2, robot operating system]\n", "")
    root = tmp_path / "tax"
    root.mkdir()
    (root / "a.yaml").write_text(text, encoding="utf-8")
    (problem,) = lint_paths([root], builtin=False)
    assert problem.message.endswith(
        "got boolean (quote words such as yes, no, on, off, null to make them strings)"
    )


def test_schema_manifest(tmp_path: Path) -> None:
    check(
        tmp_path,
        {"robotics.yaml": SKILLS, "taxonomy.yaml": "builtin: merge\nextra: 1\n"},
        [("taxonomy.yaml", 1, 10, "schema"), ("taxonomy.yaml", 2, 1, "schema")],
    )


def test_duplicate_key(tmp_path: Path) -> None:
    text = SKILLS.replace("    name: SLAM\n", "    name: SLAM\n    name: Slam\n")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 10, 5, "duplicate-key")])


def test_id_format(tmp_path: Path) -> None:
    text = SKILLS.replace("id: slam", "id: Visual_SLAM")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 8, 9, "id-format")])


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    other = "category: {id: more, name: More}\nskills:\n  - {id: ros, name: ROS again}\n"
    root = tmp_path / "tax"
    found = lint(tmp_path, {"a.yaml": SKILLS, "b.yaml": other})
    assert found == [("b.yaml", 3, 10, "duplicate-id")]
    (problem,) = [p for p in lint_paths([root], builtin=False) if p.rule == "duplicate-id"]
    assert problem.message == f'duplicate skill id "ros" (first defined at {root}/a.yaml:4:5)'


def test_weight_range(tmp_path: Path) -> None:
    role = ROLE.replace("weight: 3", "weight: high") + "  - {skill: slam, weight: 15}\n"
    check(
        tmp_path,
        {"a.yaml": SKILLS, "roles/r.yaml": role},
        [("roles/r.yaml", 5, 27, "weight-range"), ("roles/r.yaml", 6, 27, "weight-range")],
    )


def test_unknown_skill_in_role_and_implies(tmp_path: Path) -> None:
    skills = SKILLS.replace("implies: [ros]", "implies: [rosbag]")
    role = ROLE.replace("skill: ros,", "skill: ros1,")
    check(
        tmp_path,
        {"a.yaml": skills, "roles/r.yaml": role},
        [("a.yaml", 8, 5, "unknown-skill"), ("roles/r.yaml", 4, 5, "unknown-skill")],
    )


def test_unknown_role(tmp_path: Path) -> None:
    role = "extends: cv-inter\n" + ROLE
    check(
        tmp_path, {"a.yaml": SKILLS, "roles/r.yaml": role}, [("roles/r.yaml", 1, 1, "unknown-role")]
    )


# --------------------------------------------------------------------------- aliases


def test_duplicate_alias(tmp_path: Path) -> None:
    text = SKILLS + "  - {id: ros-two, name: ROS 2, aliases: [ROS2], examples: {match: [x]}}\n"
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 13, 42, "duplicate-alias")])


def test_duplicate_alias_within_one_skill_is_allowed(tmp_path: Path) -> None:
    text = SKILLS.replace("[ros2, robot", "[ros2, {alias: ROS2, case_sensitive: true}, robot")
    check(tmp_path, {"a.yaml": text}, [])


@pytest.mark.parametrize("alias", ["go", "R", "C", "vision", "torch", "Java"])
def test_ambiguous_alias(tmp_path: Path, alias: str) -> None:
    text = SKILLS.replace("[slam, visual odometry]", f"[slam, {alias}]")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 10, 21, "ambiguous-alias")])


@pytest.mark.parametrize(
    "alias",
    [
        "{alias: Go, case_sensitive: true, near_categories: [robotics]}",
        "{alias: vision, near: [robot]}",
        "{alias: torch, not_near: [campfire]}",
        "{alias: mAP, case_sensitive: true}",
        "golang",
    ],
)
def test_ambiguous_alias_guarded_or_unambiguous(tmp_path: Path, alias: str) -> None:
    text = SKILLS.replace("[slam, visual odometry]", f"[slam, {alias}]")
    check(tmp_path, {"a.yaml": text}, [])


def test_ambiguous_alias_is_a_warning(tmp_path: Path) -> None:
    assert RULES["ambiguous-alias"].level == "warning"


def test_disable_comment_silences_one_rule_on_its_line(tmp_path: Path) -> None:
    text = SKILLS.replace(
        "[slam, visual odometry]", "[slam, go]  # cvgap-lint: disable=ambiguous-alias"
    )
    check(tmp_path, {"a.yaml": text}, [])
    text = SKILLS.replace(
        "[slam, visual odometry]", "[slam, go]  # cvgap-lint: disable=duplicate-alias"
    )
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 10, 21, "ambiguous-alias")])


def test_unknown_category(tmp_path: Path) -> None:
    text = SKILLS.replace(
        "[slam, visual odometry]", "[slam, {alias: Go, near_categories: [robotcs]}]"
    )
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 10, 21, "unknown-category")])


# --------------------------------------------------------------------------- implies


def test_implies_cycle_reported_once(tmp_path: Path) -> None:
    text = SKILLS.replace(
        '    examples: {match: ["Wrote', '    implies: [slam]\n    examples: {match: ["Wrote'
    )
    root = tmp_path / "tax"
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 4, 5, "implies-cycle")])
    (problem,) = lint_paths([root], builtin=False)
    assert problem.message == 'skill "ros" implies itself through ros -> slam -> ros'


def test_implies_self(tmp_path: Path) -> None:
    text = SKILLS.replace("implies: [ros]", "implies: [slam]")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 8, 5, "implies-cycle")])


# --------------------------------------------------------------------------- roles


def test_extends_cycle(tmp_path: Path) -> None:
    a = "id: a-intern\ntitle: A\nextends: b-intern\nrequirements: [{skill: ros, weight: 1}]\n"
    b = "id: b-intern\ntitle: B\nextends: a-intern\nrequirements: [{skill: ros, weight: 1}]\n"
    check(
        tmp_path,
        {"s.yaml": SKILLS, "roles/a.yaml": a, "roles/b.yaml": b},
        [("roles/a.yaml", 1, 1, "extends-cycle"), ("roles/b.yaml", 1, 1, "extends-cycle")],
    )


def test_duplicate_requirement(tmp_path: Path) -> None:
    role = ROLE + "  - {any_of: [ros, slam], weight: 2}\n"
    check(
        tmp_path,
        {"s.yaml": SKILLS, "roles/r.yaml": role},
        [
            ("roles/r.yaml", 6, 5, "duplicate-requirement"),
            ("roles/r.yaml", 6, 5, "duplicate-requirement"),
        ],
    )


def test_extends_replaces_the_inherited_requirement(tmp_path: Path) -> None:
    child = (
        "id: child\ntitle: C\nextends: robot-intern\nrequirements:\n  - {skill: ros, weight: 9}\n"
    )
    check(tmp_path, {"s.yaml": SKILLS, "roles/r.yaml": ROLE, "roles/c.yaml": child}, [])


def test_unreachable_score(tmp_path: Path) -> None:
    skills = SKILLS + "  - {id: kaggle, name: Kaggle, examples: {match: [x]}}\n"
    role = ROLE + "  - {skill: kaggle, weight: 2}\n"
    empty = "id: empty\ntitle: Empty\nrequirements: []\n"
    check(
        tmp_path,
        {"s.yaml": skills, "roles/r.yaml": role, "roles/e.yaml": empty},
        [("roles/r.yaml", 6, 5, "unreachable-score"), ("roles/e.yaml", 1, 1, "unreachable-score")],
    )


# --------------------------------------------------------------------------- examples


def test_missing_examples(tmp_path: Path) -> None:
    examples = '{match: ["Implemented visual odometry"], no_match: ["Mapped a warehouse by hand"]}'
    text = SKILLS.replace(f"    examples: {examples}\n", "")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 8, 5, "missing-examples")])


def test_example_failed_is_reported_by_taxonomy_test_not_lint(tmp_path: Path) -> None:
    from cvgap.taxonomy.verify import verify_paths

    text = SKILLS.replace('match: ["Wrote ROS2 nodes"]', 'match: ["Wrote nodes for a robot"]')
    check(tmp_path, {"a.yaml": text}, [])  # lint cannot know
    (problem,) = verify_paths([tmp_path / "tax"], builtin=False).problems
    assert (problem.line, problem.rule) == (7, "example-failed")


def test_invalid_pattern_quotes_spacy(tmp_path: Path) -> None:
    text = SKILLS.replace("implies: [ros]", "implies: [ros]\n    patterns: [[{LOWR: slam}]]")
    root = tmp_path / "tax"
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 8, 5, "invalid-pattern")])
    (problem,) = lint_paths([root], builtin=False)
    assert "LOWR" in problem.message


def test_valid_pattern(tmp_path: Path) -> None:
    text = SKILLS.replace("implies: [ros]", "implies: [ros]\n    patterns: [[{LOWER: vslam}]]")
    check(tmp_path, {"a.yaml": text}, [])


def test_guard_without_no_match(tmp_path: Path) -> None:
    text = SKILLS.replace("[slam, visual odometry]", "[{alias: slam, near: [robot]}]")
    text = text.replace(', no_match: ["Mapped a warehouse by hand"]', "")
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 8, 5, "guard-without-no-match")])


# --------------------------------------------------------------------------- lists


def test_a_named_list_is_expanded_into_the_guard(tmp_path: Path) -> None:
    lists = 'lists:\n  robot-words: [Robot, "robots.", "(ROS)"]\n'
    text = SKILLS.replace("[slam, visual odometry]", '[{alias: slam, near: ["@robot-words"]}]')
    check(tmp_path, {"a.yaml": text, "lists.yaml": lists}, [])
    from cvgap.taxonomy import check_taxonomy

    taxonomy, _ = check_taxonomy([tmp_path / "tax"])
    assert taxonomy.skills["slam"].aliases[0].near == ("robot", "robots", "ros")


def test_unknown_list(tmp_path: Path) -> None:
    text = SKILLS.replace("[slam, visual odometry]", '[{alias: slam, near: ["@robot-word"]}]')
    check(tmp_path, {"a.yaml": text}, [("a.yaml", 10, 36, "unknown-list")])


def test_a_word_starting_with_at_is_no_list(tmp_path: Path) -> None:
    text = SKILLS.replace("[slam, visual odometry]", '[{alias: slam, near: ["@0.5"]}]')
    check(tmp_path, {"a.yaml": text}, [])


# --------------------------------------------------------------------------- registry


def test_every_rule_has_a_test_and_docs() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert f'"{rule_id}"' in source, f"rule {rule_id} has no test"
        assert rule.summary.endswith("."), rule_id
        assert f"## {rule_id}" in rules_markdown()
