"""The spaCy side of extraction: components, tokenizer rules and :func:`build_nlp`.

* ``cvgap_skill_ruler``: a :class:`~spacy.pipeline.SpanRuler` over every alias of the
  taxonomy, matching on ``LOWER`` (case-sensitive aliases match on ``ORTH``). A span's
  ``id_`` is ``"<skill id>|<alias index>"`` (``"<skill id>|p"`` for a token pattern), with a
  last field ``~`` when the alias may also match a typo.
* ``cvgap_skill_variants``: runs after the ruler and adds spans for aliases written with
  other spacing or punctuation ("Py Torch", "Open-CV", "Deep-Learning") and, for aliases
  marked ``fuzzy``, typos of one long word ("Pytroch", "Tensorlfow"; rapidfuzz, optimal
  string alignment distance 1, or 2 for words of 9+ letters). Typo spans end in ``|fuzzy``.
  Its index is built from the ruler's own patterns, so it carries no data of its own.

spaCy is imported inside functions only, so ``import cvgap`` stays light.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cvgap.types import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import SpanRuler
    from spacy.tokens import Doc, Span

FACTORY = "cvgap_skill_ruler"
VARIANTS_FACTORY = "cvgap_skill_variants"
SPANS_KEY = "cvgap_skills"
DOC_EXTENSION = "cvgap_skills"
FUZZY_OK = "~"
FUZZY_KIND = "fuzzy"
MIN_VARIANT_CHARS = 5
MIN_FUZZY_CHARS = 6
MAX_VARIANT_TOKENS = 4
# Tokenizer exceptions: keep "C#"/"F#" whole so that the language "C" never matches inside.
SPECIAL_CASES = ("C#", "c#", "F#", "f#")
LIST_INFIXES = r"[|;·•▪]"
# "C++/Python", "C#/Java": spaCy's own infixes split "/" between letters only.
SYMBOL_SLASH_INFIX = r"(?<=[+#])/(?=[A-Za-z])"

_JOINERS = frozenset({"-", "_", "."})
_COMPACT_RE = re.compile(r"[\s\-_.]+")
_WORD_RE = re.compile(r"[a-z][a-z0-9+]*")


def make_skill_ruler(
    nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str, validate: bool
) -> SpanRuler:
    """spaCy factory ``cvgap_skill_ruler``: an empty skill ruler; load patterns with
    ``initialize(patterns=...)`` (see :func:`build_nlp`)."""
    from spacy.pipeline import SpanRuler

    return SpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        phrase_matcher_attr=phrase_matcher_attr,
        validate=validate,
        overwrite=False,
        annotate_ents=False,
    )


def make_skill_variants(nlp: Language, name: str, spans_key: str, ruler: str) -> SkillVariants:
    """spaCy factory ``cvgap_skill_variants`` (see :class:`SkillVariants`)."""
    return SkillVariants(nlp, name, spans_key=spans_key, ruler=ruler)


def compact(text: str) -> str:
    """An alias or a run of tokens without case, spaces, hyphens, underscores or dots."""
    return _COMPACT_RE.sub("", text.lower())


class SkillVariants:
    """Add spans for spacing/punctuation variants and typos of the ruler's aliases."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, ruler: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.ruler = ruler
        self._size = -1
        self._variants: dict[str, str] = {}
        self._fuzzy: dict[str, str] = {}
        self._known: set[str] = set()

    def _index(self) -> None:
        ruler: SpanRuler = self.nlp.get_pipe(self.ruler)  # type: ignore[assignment]
        patterns = ruler.patterns
        if len(patterns) == self._size:
            return
        self._variants, self._fuzzy, self._known = {}, {}, set()
        for pattern in patterns:
            if not isinstance(pattern["pattern"], str):
                continue
            key, span_id = compact(pattern["pattern"]), str(pattern.get("id", ""))
            self._known.add(key)
            if len(key) >= MIN_VARIANT_CHARS:
                self._variants.setdefault(key, span_id)
            if span_id.endswith("|" + FUZZY_OK) and len(key) >= MIN_FUZZY_CHARS:
                self._fuzzy.setdefault(key, span_id.rsplit("|", 1)[0])
        self._size = len(patterns)

    def __call__(self, doc: Doc) -> Doc:
        self._index()
        found = list(doc.spans.get(self.spans_key, []))
        covered = {i for span in found for i in range(span.start, span.end)}
        have = {(span.start, span.end, span.id_.split("|", 1)[0]) for span in found}
        new = [*self._variant_spans(doc, have), *self._typo_spans(doc, covered)]
        if new:
            doc.spans[self.spans_key] = found + new
        return doc

    def _variant_spans(self, doc: Doc, have: set[tuple[int, int, str]]) -> list[Span]:
        from spacy.tokens import Span

        spans = []
        for i, first in enumerate(doc):
            if not first.text[:1].isalnum():
                continue
            key = ""
            for j in range(i, min(len(doc), i + MAX_VARIANT_TOKENS)):
                tok = doc[j]
                if j > i and (doc[j - 1].whitespace_ not in ("", " ") or tok.is_space):
                    break
                if not tok.text[:1].isalnum() and (tok.text not in _JOINERS or tok.whitespace_):
                    break  # "OpenCV. Python": a joiner before a space ends a sentence
                key += compact(tok.text)
                joined = j > i or first.lower_ != key
                span_id = self._variants.get(key, "") if tok.text[:1].isalnum() else ""
                if joined and span_id and (i, j + 1, span_id.split("|", 1)[0]) not in have:
                    spans.append(Span(doc, i, j + 1, label="variant", span_id=span_id))
        return spans

    def _typo_spans(self, doc: Doc, covered: set[int]) -> list[Span]:
        from spacy.tokens import Span

        spans = []
        for tok in doc:
            word = tok.lower_
            if (
                tok.i in covered
                or len(word) < MIN_FUZZY_CHARS
                or word in self._known
                or not _WORD_RE.fullmatch(word)
            ):
                continue
            alias = _closest_typo(word, self._fuzzy)
            if alias is not None:
                span_id = f"{self._fuzzy[alias]}|{FUZZY_KIND}"
                spans.append(Span(doc, tok.i, tok.i + 1, label="fuzzy", span_id=span_id))
        return spans


def _closest_typo(word: str, aliases: dict[str, str]) -> str | None:
    """The alias ``word`` is a typo of (OSA distance 1, or 2 from 9 letters), if any.

    A typo keeps the first letter and is not an inflection ("pythons", "dockers"). A cheap
    character-set filter runs first, so rapidfuzz is only imported when a word comes close.
    """
    limit = 1 if len(word) <= 8 else 2
    letters = set(word)
    near = [
        alias
        for alias in aliases
        if alias[0] == word[0]
        and abs(len(alias) - len(word)) <= limit
        and len(letters ^ set(alias)) <= 2 * limit
        and not (word.startswith(alias) or alias.startswith(word))
    ]
    if not near:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    best = process.extractOne(word, near, scorer=OSA.distance, score_cutoff=limit)
    return None if best is None else str(best[0])


def _register() -> None:
    """Register the factories and the ``Doc`` extension (see :mod:`cvgap.extract.factories`)."""
    import cvgap.extract.factories  # noqa: F401


def skill_ids(doc: Doc) -> list[str]:
    return [span.id_.split("|", 1)[0] for span in doc.spans.get(SPANS_KEY, [])]


def skill_patterns(taxonomy: Taxonomy, tokenizer: Any = None) -> list[dict[str, Any]]:
    """The ruler patterns for every alias and token pattern of the taxonomy
    (``tokenizer`` splits case-sensitive aliases; default: a blank English one)."""
    patterns: list[dict[str, Any]] = []
    for skill in taxonomy.skills.values():
        label = skill.category or "skill"
        for index, alias in enumerate(skill.aliases):
            pattern: Any = alias.text
            if alias.case_sensitive:
                pattern = [{"ORTH": tok} for tok in _tokens(alias.text, tokenizer)]
            span_id = f"{skill.id}|{index}" + (f"|{FUZZY_OK}" if alias.fuzzy else "")
            patterns.append({"label": label, "pattern": pattern, "id": span_id})
        patterns.extend(
            {"label": label, "pattern": list(tokens), "id": f"{skill.id}|p"}
            for tokens in skill.patterns
        )
    return patterns


_TOKENIZER: Any = None


def _tokens(text: str, tokenizer: Any = None) -> list[str]:
    global _TOKENIZER
    if tokenizer is not None:
        return [t.text for t in tokenizer(text)]
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en").tokenizer
        _configure_tokenizer(_TOKENIZER)
    return [t.text for t in _TOKENIZER(text)]


def _configure_tokenizer(tokenizer: Any) -> None:
    """Tokenizer rules for résumés: C#/F# stay whole, and list separators written without
    spaces split words ("Python|R|SQL", "OpenCV;Pillow", "PyTorch·NumPy")."""
    from spacy.attrs import ORTH
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex

    for case in SPECIAL_CASES:
        tokenizer.add_special_case(case, [{ORTH: case}])
    infixes = [*English.Defaults.infixes, LIST_INFIXES, SYMBOL_SLASH_INFIX]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_nlp(taxonomy: Taxonomy) -> Language:
    """The extraction pipeline: ``spacy.blank("en")`` (with tokenizer rules for C#/F# and
    for list separators without spaces) plus ``cvgap_skill_ruler`` loaded with the
    taxonomy's aliases and ``cvgap_skill_variants``. Build it once and reuse it: it takes
    ~0.1 s.

    >>> nlp = build_nlp(load_taxonomy())
    >>> nlp.pipe_names
    ['cvgap_skill_ruler', 'cvgap_skill_variants']
    """
    import spacy

    _register()
    nlp = spacy.blank("en")
    _configure_tokenizer(nlp.tokenizer)
    ruler: SpanRuler = nlp.add_pipe(FACTORY)  # type: ignore[assignment]
    ruler.initialize(lambda: [], nlp=nlp, patterns=skill_patterns(taxonomy, nlp.tokenizer))
    nlp.add_pipe(VARIANTS_FACTORY)
    nlp.meta["cvgap_taxonomy"] = list(taxonomy.paths)
    return nlp
