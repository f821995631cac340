"""Is this text an English job posting at all? And how sure can cvgap be of its reading?

A posting in another language and a résumé given by mistake are errors (reading them would
give a confident wrong answer); a posting that is mostly boilerplate, has no recognisable
requirement or mostly terms outside the taxonomy gets a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cvgap.errors import InputError

# Short function words that tell languages apart (a posting has hundreds of them).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        [
            "the", "and", "of", "to", "in", "with", "for", "you", "we", "our", "is", "are",
            "will", "a", "an", "or", "on", "as", "be", "your", "this", "that", "have",
            "has", "at", "by", "from"
        ]
    ),
    "German": frozenset(
        [
            "der", "die", "das", "und", "mit", "für", "sie", "wir", "ist", "sind", "ein",
            "eine", "oder", "auf", "zu", "von", "im", "den", "dem", "des", "bei", "ihre",
            "unsere", "du", "deine"
        ]
    ),
    "French": frozenset(
        [
            "le", "la", "les", "et", "avec", "pour", "vous", "nous", "est", "sont", "un",
            "une", "ou", "sur", "de", "des", "du", "au", "aux", "votre", "notre", "dans"
        ]
    ),
    "Spanish": frozenset(
        [
            "el", "la", "los", "las", "y", "con", "para", "usted", "nosotros", "es", "son",
            "un", "una", "o", "en", "de", "del", "al", "tu", "su", "nuestro", "nuestra",
            "que", "por"
        ]
    ),
    "Portuguese": frozenset(
        [
            "o", "a", "os", "as", "e", "com", "para", "você", "nós", "é", "são", "um",
            "uma", "ou", "em", "de", "do", "da", "dos", "das", "no", "na", "seu", "sua",
            "nosso", "nossa", "que"
        ]
    ),
    "Italian": frozenset(
        [
            "il", "lo", "la", "gli", "le", "e", "con", "per", "voi", "noi", "è", "sono",
            "un", "una", "o", "di", "del", "della", "nel", "nella", "che", "nostro",
            "nostra"
        ]
    ),
    "Dutch": frozenset(
        [
            "de", "het", "en", "met", "voor", "jij", "wij", "is", "zijn", "een", "of", "op",
            "te", "van", "in", "bij", "je", "jouw", "onze"
        ]
    ),
}  # fmt: skip
MIN_WORDS_FOR_LANGUAGE = 30
BOILERPLATE_SHARE = 0.6  # of the characters, in sections that ask nothing
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Signs of a résumé: its headings, and a posting's absence of "you"/"we".
_RESUME_HEADINGS = re.compile(
    r"^\W*(?:education|work experience|professional experience|experience|projects|"
    r"personal projects|skills|technical skills|publications|certifications|awards|"
    r"languages|interests|contact|summary|objective)\W*$",
    re.IGNORECASE,
)
_POSTING_WORDS = re.compile(
    r"\b(?:you|your|you'll|we|we're|our|candidate|intern(?:ship)?|role|position|apply|"
    r"requirements?|qualifications?|responsibilities)\b",
    re.IGNORECASE,
)
_RESUME_DATES = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:(?:19|20)\d\d|present|now|current)\b", re.IGNORECASE
)


def check_language(text: str, name: str) -> None:
    """Raise :class:`InputError` when the posting is clearly not in English."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if best != "English" and scores[best] > 2 * scores["English"] and scores[best] >= 8:
        raise InputError(
            f"the posting looks like {best}, not English; cvgap reads English postings "
            "(translate it, or paste its English version)",
            path=name,
        )


def check_not_resume(lines: Sequence[str], name: str) -> None:
    """Raise :class:`InputError` when the text reads like a résumé, not a posting."""
    headings = {ln.strip().lower().strip(":") for ln in lines if _RESUME_HEADINGS.match(ln)}
    dates = sum(1 for ln in lines if _RESUME_DATES.search(ln))
    posting_words = sum(len(_POSTING_WORDS.findall(ln)) for ln in lines)
    words = sum(len(ln.split()) for ln in lines) or 1
    resume_like = len(headings) >= 3 and (dates >= 2 or posting_words / words < 0.01)
    if resume_like and posting_words / words < 0.05:
        raise InputError(
            "this looks like a résumé (Education/Experience/Skills headings and dates), not "
            "a job posting; give the posting as --job and the résumé as the first argument",
            path=name,
        )


def confidence_warnings(
    *,
    requirements: int,
    mapped: int,
    unmapped: int,
    boilerplate_chars: int,
    chars: int,
    headings: int,
) -> list[str]:
    """Plain warnings about how far the reading can be trusted."""
    warnings = []
    if requirements == 0:
        warnings.append(
            "no recognisable requirements: cvgap found no skill this posting asks for; "
            "check that it is the posting text (not only the company page), or use --role"
        )
    elif unmapped > mapped:
        warnings.append(
            f"most terms are outside the taxonomy ({unmapped} unmapped, {mapped} known): "
            "the comparison covers only part of what the posting asks"
        )
    if chars and boilerplate_chars / chars > BOILERPLATE_SHARE:
        warnings.append(
            f"mostly boilerplate: {boilerplate_chars / chars:.0%} of the text is about the "
            "company, benefits, legal text or how to apply"
        )
    if headings == 0 and requirements:
        warnings.append(
            "no section headings found: tiers come from inline cues only (required unless "
            "the posting says otherwise)"
        )
    return warnings
