"""The spaCy side of extraction: components, tokenizer rules and :func:`build_nlp`.

* ``cvgap_skill_ruler``: a :class:`~spacy.pipeline.SpanRuler` over every alias of the
  taxonomy, matching on ``LOWER`` (case-sensitive aliases match on ``ORTH``). A span's
  ``id_`` is a :class:`~cvgap.extract.spanid.SpanId` (skill, alias index, whether typos of
  the alias may match) in its string form.
* ``cvgap_skill_variants``: runs after the ruler and adds spans for aliases written with
  other spacing or punctuation ("Py Torch", "Open-CV", "Deep-Learning") and, for aliases
  marked ``fuzzy``, typos of one long word ("Pytroch", "Tensorlfow"; rapidfuzz, optimal
  string alignment distance 1, or 2 for words of 9+ letters). Typo spans are marked fuzzy.
  Its index is built from the ruler's own patterns, so it carries no data of its own.

spaCy is imported inside functions only, so ``import cvgap`` stays light.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cvgap.collector import building_long_lived
from cvgap.extract.spanid import SpanId
from cvgap.types import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import SpanRuler
    from spacy.tokens import Doc, Span

FACTORY = "cvgap_skill_ruler"
VARIANTS_FACTORY = "cvgap_skill_variants"
SPANS_KEY = "cvgap_skills"
DOC_EXTENSION = "cvgap_skills"
FUZZY_KIND = "fuzzy"
MIN_VARIANT_CHARS = 5
MIN_FUZZY_CHARS = 6
MAX_VARIANT_TOKENS = 4
# Tokenizer exceptions: keep "C#"/"F#" whole so that the language "C" never matches inside.
SPECIAL_CASES = ("C#", "c#", "F#", "f#")
LIST_INFIXES = r"[|;·•▪]"
# A list separator right after a symbol ends the item: "C++,MATLAB", "C#;F#", "C++/CUDA".
SYMBOL_LIST_INFIXES = r"(?<=[+#])[,;/]"
# Not a web address but a list: "Node.js/React", "Three.js/WebGL" (".js" is no domain).
NOT_URL_PREFIX = r"(?![^/:@\s]+\.[jt]s/)"

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
        self._fuzzy: dict[str, SpanId] = {}
        self._by_initial: dict[str, list[tuple[str, frozenset[str]]]] = {}
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
            parsed = SpanId.parse(span_id)
            if parsed.typo_ok and len(key) >= MIN_FUZZY_CHARS:
                self._fuzzy.setdefault(key, parsed.as_typo())
        self._by_initial = {}
        for alias in self._fuzzy:
            self._by_initial.setdefault(alias[0], []).append((alias, frozenset(alias)))
        self._size = len(patterns)

    def __call__(self, doc: Doc) -> Doc:
        self._index()
        found = list(doc.spans.get(self.spans_key, []))
        covered = {i for span in found for i in range(span.start, span.end)}
        have = {(span.start, span.end, SpanId.parse(span.id_).skill_id) for span in found}
        new = [*self._variant_spans(doc, have), *self._typo_spans(doc, covered)]
        if new:
            doc.spans[self.spans_key] = found + new
        return doc

    def _variant_spans(self, doc: Doc, have: set[tuple[int, int, str]]) -> list[Span]:
        from spacy.tokens import Span

        # One pass over the tokens' text first: the loop below looks at each up to 4 times.
        texts = [tok.text for tok in doc]
        alnum = [t[:1].isalnum() for t in texts]
        keys = [compact(t) if a or t in _JOINERS else "" for t, a in zip(texts, alnum, strict=True)]
        spaces = [tok.whitespace_ for tok in doc]
        glued = [sp in ("", " ") and not tok.is_space for sp, tok in zip(spaces, doc, strict=True)]
        spans = []
        n = len(texts)
        for i in range(n):
            if not alnum[i]:
                continue
            key, lower = "", texts[i].lower()
            for j in range(i, min(n, i + MAX_VARIANT_TOKENS)):
                if j > i and (not glued[j - 1] or texts[j].isspace()):
                    break
                if not alnum[j] and (texts[j] not in _JOINERS or spaces[j]):
                    break  # "OpenCV. Python": a joiner before a space ends a sentence
                key += keys[j]
                span_id = self._variants.get(key, "") if alnum[j] else ""
                if (
                    span_id
                    and (j > i or lower != key)
                    and (i, j + 1, SpanId.parse(span_id).skill_id) not in have
                ):
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
            alias = _closest_typo(word, self._by_initial.get(word[0], []))
            if alias is not None:
                span_id = self._fuzzy[alias].encode()
                spans.append(Span(doc, tok.i, tok.i + 1, label="fuzzy", span_id=span_id))
        return spans


def _closest_typo(word: str, aliases: list[tuple[str, frozenset[str]]]) -> str | None:
    """The alias ``word`` is a typo of (OSA distance 1, or 2 from 9 letters), if any, among
    ``aliases`` (those with the word's first letter, with their letter sets).

    A typo keeps the first letter and is not an inflection ("pythons", "dockers"). A cheap
    character-set filter runs first, so rapidfuzz is only imported when a word comes close.
    """
    limit = 1 if len(word) <= 8 else 2
    letters = set(word)
    near = [
        alias
        for alias, alias_letters in aliases
        if abs(len(alias) - len(word)) <= limit
        and len(letters ^ alias_letters) <= 2 * limit
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
    return [SpanId.parse(span.id_).skill_id for span in doc.spans.get(SPANS_KEY, [])]


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
            span_id = SpanId(skill.id, index, typo_ok=alias.fuzzy).encode()
            patterns.append({"label": label, "pattern": pattern, "id": span_id})
        pattern_id = SpanId(skill.id).encode()
        patterns.extend(
            {"label": label, "pattern": list(tokens), "id": pattern_id} for tokens in skill.patterns
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
    spaces split words ("Python|R|SQL", "OpenCV;Pillow", "PyTorch·NumPy", "C++,MATLAB",
    "Node.js/React")."""
    from spacy.attrs import ORTH
    from spacy.lang.en import English
    from spacy.lang.tokenizer_exceptions import URL_PATTERN
    from spacy.util import compile_infix_regex

    # Each setter below reloads every special case (~50 ms each for English's ~1,500):
    # take the rules out first, so that they are loaded once, with the new settings.
    rules = {**tokenizer.rules, **{case: [{ORTH: case}] for case in SPECIAL_CASES}}
    tokenizer.rules = {}
    infixes = [*English.Defaults.infixes, LIST_INFIXES, SYMBOL_LIST_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.url_match = re.compile("(?u)" + NOT_URL_PREFIX + URL_PATTERN).match
    tokenizer.rules = rules


def build_nlp(taxonomy: Taxonomy) -> Language:
    """The extraction pipeline: ``spacy.blank("en")`` (with tokenizer rules for C#/F# and
    for list separators without spaces) plus ``cvgap_skill_ruler`` loaded with the
    taxonomy's aliases and ``cvgap_skill_variants``. Build it once and reuse it: it takes
    ~0.1 s.

    >>> nlp = build_nlp(load_taxonomy())
    >>> nlp.pipe_names
    ['cvgap_skill_ruler', 'cvgap_skill_variants']
    """
    with building_long_lived():
        import spacy

        _register()
        nlp = spacy.blank("en")
        _configure_tokenizer(nlp.tokenizer)
        ruler: SpanRuler = nlp.add_pipe(FACTORY)  # type: ignore[assignment]
        ruler.initialize(lambda: [], nlp=nlp, patterns=skill_patterns(taxonomy, nlp.tokenizer))
        nlp.add_pipe(VARIANTS_FACTORY)
        nlp.meta["cvgap_taxonomy"] = list(taxonomy.paths)
    return nlp
