"""Cue files (``document``/``language``/``cues``) load into ``Taxonomy.cues`` with every
schema problem at its ``file:line:col``."""

from pathlib import Path

from cvgap.taxonomy import check_taxonomy


def _load(tmp_path: Path, text: str):
    (tmp_path / "cues.yaml").write_text(text, encoding="utf-8")
    return check_taxonomy([tmp_path])


def test_phrase_and_pattern_cues_load_with_their_place(tmp_path: Path) -> None:
    taxonomy, problems = _load(
        tmp_path,
        "document: resume\nlanguage: de\ncues:\n"
        '  - {cue: "keine Erfahrung mit", category: negated, direction: forward}\n'
        '  - {pattern: [{LOWER: "not"}, {LOWER: "yet"}], category: negated,'
        " direction: backward, max_scope: 4}\n",
    )
    assert problems == []
    phrase, pattern = taxonomy.cues
    assert (phrase.literal, phrase.language, phrase.document) == (
        "keine Erfahrung mit",
        "de",
        "resume",
    )
    assert phrase.source.line == 4
    assert pattern.pattern == ({"LOWER": "not"}, {"LOWER": "yet"})
    assert pattern.max_scope == 4


def test_a_posting_category_in_a_resume_file_is_an_error_at_its_column(tmp_path: Path) -> None:
    taxonomy, problems = _load(
        tmp_path,
        "document: resume\nlanguage: en\ncues:\n"
        '  - {cue: "nice to have", category: preferred, direction: forward}\n',
    )
    assert taxonomy.cues == ()
    assert [(p.line, p.column, p.rule) for p in problems] == [(4, 37, "schema")]
    assert "a resume cue is one of" in problems[0].message


def test_bad_direction_language_and_both_cue_and_pattern_are_each_reported(tmp_path: Path) -> None:
    _, problems = _load(
        tmp_path,
        "document: posting\nlanguage: english\ncues: []\n",
    )
    assert [p.message for p in problems] == [
        'language: expected a two-letter ISO 639-1 code such as "en", got "english"'
    ]
    _, problems = _load(
        tmp_path,
        "document: posting\nlanguage: en\ncues:\n"
        '  - {cue: "a plus", category: preferred, direction: sideways}\n'
        '  - {cue: "x", pattern: [{LOWER: "x"}], category: duty, direction: forward}\n',
    )
    messages = [p.message for p in problems]
    assert any("direction: expected one of forward" in m for m in messages)
    assert any('exactly one of "cue" (a phrase) or "pattern"' in m for m in messages)
