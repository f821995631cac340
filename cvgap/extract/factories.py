"""Register cvgap's spaCy factories and ``Doc`` extension (importing this imports spaCy).

spaCy imports this module through the ``spacy_factories`` entry points in
``pyproject.toml``, so a pipeline saved with ``nlp.to_disk()`` loads with ``spacy.load()``
wherever cvgap is installed; :func:`cvgap.extract.build_nlp` imports it too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from cvgap.extract import ruler

make_skill_ruler = Language.factory(
    ruler.FACTORY,
    assigns=["doc.spans"],
    default_config={
        "spans_key": ruler.SPANS_KEY,
        "phrase_matcher_attr": "LOWER",
        "validate": True,
    },
)(ruler.make_skill_ruler)

make_skill_variants = Language.factory(
    ruler.VARIANTS_FACTORY,
    assigns=["doc.spans"],
    default_config={"spans_key": ruler.SPANS_KEY, "ruler": ruler.FACTORY},
)(ruler.make_skill_variants)

if not Doc.has_extension(ruler.DOC_EXTENSION):
    Doc.set_extension(ruler.DOC_EXTENSION, getter=ruler.skill_ids)
