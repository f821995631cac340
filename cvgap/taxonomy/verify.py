"""``cvgap taxonomy test``: run every skill's and every context cue's examples through the
real extraction pipeline.

Each ``examples.match`` sentence must yield its skill and no ``examples.no_match`` sentence
may (a mention in a negated phrase, "no experience with X", does not count as a match).
A cue's ``match`` sentence must contain a mention that does not count (read with the cues
of the cue's language), and its ``no_match`` sentence mentions that all count.
A failure is a :class:`~cvgap.types.Problem` with rule ``example-failed`` at the example's
own ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cvgap.errors import CvgapError, TaxonomyError
from cvgap.types import Cue, Example, Problem, Skill, SkillMention, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

RULE = "example-failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyResult:
    """What ``taxonomy test`` found: the failures and how many examples ran."""

    problems: tuple[Problem, ...]
    examples: int
    skills: int


def verify_paths(paths: Sequence[Path], *, builtin: bool = True) -> VerifyResult:
    """Run the examples of every skill defined under ``paths``.

    The pipeline is built from the whole layered taxonomy (the built-in one plus ``paths``,
    as ``--taxonomy`` does), so a user's skill is tested against everything it competes
    with. Raises :class:`~cvgap.errors.TaxonomyError` when the taxonomy has errors (run
    ``cvgap taxonomy lint`` first) and :class:`~cvgap.errors.CvgapError` for a missing path.

    >>> verify_paths([Path("skills")]).problems
    ()
    """
    from cvgap.taxonomy import check_taxonomy, is_inside
    from cvgap.taxonomy.lint import layers_for, rule_errors

    for path in paths:
        if not path.exists():
            raise CvgapError("no such file or folder", path=str(path))
    taxonomy, problems = check_taxonomy(layers_for(paths, builtin=builtin))
    errors = [p for p in problems if p.level == "error"] or rule_errors(taxonomy, paths)
    if errors:
        raise TaxonomyError("invalid taxonomy", path=errors[0].path, problems=errors)
    roots = [p.resolve() for p in paths]
    skills = [s for s in taxonomy.skills.values() if is_inside(s.source.path, roots)]
    cues = [c for c in taxonomy.cues if is_inside(c.source.path, roots)]
    return verify_skills(skills, taxonomy, cues)


def verify_skills(
    skills: Sequence[Skill], taxonomy: Taxonomy, cues: Sequence[Cue] = ()
) -> VerifyResult:
    """Run the examples of ``skills`` (and of résumé ``cues``) through a pipeline built
    from ``taxonomy``."""
    from cvgap.extract import build_nlp, extract_skills
    from cvgap.ingest import resume_from_text

    nlp = build_nlp(taxonomy)
    cache: dict[str, list[SkillMention]] = {}

    def found(example: Example) -> list[SkillMention]:
        """The skills an example sentence yields (a negated mention does not count)."""
        if example.text not in cache:
            resume = resume_from_text(example.text, source=example.source.path)
            mentions = extract_skills(resume, nlp, taxonomy)
            cache[example.text] = [m for m in mentions if not m.negated]
        return cache[example.text]

    problems: list[Problem] = []
    count = 0
    for skill in skills:
        for example in skill.examples_match:
            count += 1
            hits = found(example)
            if not any(m.skill_id == skill.id for m in hits):
                others = ", ".join(f'{m.skill_id} ("{m.text}")' for m in hits) or "no skill"
                problems.append(
                    _failure(
                        example,
                        f'"{example.text}" should match skill "{skill.id}" but found {others}',
                    )
                )
        for example in skill.examples_no_match:
            count += 1
            texts = [m.text for m in found(example) if m.skill_id == skill.id]
            if texts:
                problems.append(
                    _failure(
                        example,
                        f'"{example.text}" should not match skill '
                        f'"{skill.id}" but "{texts[0]}" matched',
                    )
                )
    cue_problems, cue_count = _verify_cues(cues, taxonomy, nlp)
    problems.extend(cue_problems)
    return VerifyResult(
        problems=tuple(sorted(problems)), examples=count + cue_count, skills=len(skills)
    )


def _verify_cues(
    cues: Sequence[Cue], taxonomy: Taxonomy, nlp: Language
) -> tuple[list[Problem], int]:
    from cvgap.extract import extract_skills
    from cvgap.ingest import resume_from_text

    problems: list[Problem] = []
    count = 0
    for cue in (c for c in cues if c.document == "resume"):
        for example, wanted in (
            *((e, True) for e in cue.examples_match),
            *((e, False) for e in cue.examples_no_match),
        ):
            count += 1
            resume = resume_from_text(example.text, source=example.source.path)
            found = extract_skills(resume, nlp, taxonomy, language=cue.language)
            if not found:
                problems.append(_failure(example, f'"{example.text}" mentions no skill'))
            elif wanted and not any(m.negated for m in found):
                problems.append(
                    _failure(example, f'"{example.text}": no mention is read as {cue.category}')
                )
            elif not wanted and any(m.negated for m in found):
                negated = next(m.text for m in found if m.negated)
                problems.append(
                    _failure(example, f'"{example.text}": "{negated}" should still count')
                )
    return problems, count


def _failure(example: Example, message: str) -> Problem:
    ref = example.source
    return Problem(
        path=ref.path, line=ref.line, column=ref.column, level="error", rule=RULE, message=message
    )
