"""Contact details in résumé text: email addresses, phone numbers, web links. One source for
the redaction of batch output (:mod:`cvgap.batch.redact`) and the ATS contact check
(:mod:`cvgap.ats.structure`)."""

from __future__ import annotations

import re

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
KNOWN_TLDS = (
    "com",
    "org",
    "net",
    "io",
    "dev",
    "ai",
    "edu",
    "gov",
    "me",
    "co",
    "info",
    "app",
    "xyz",
    "tech",
    "page",
    "site",
    "blog",
)
_TLDS = "|".join((*KNOWN_TLDS, "[a-z]{2}"))
_URL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})(?:/[^\s,;)]*)?(?=$|[\s,;)])",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{7,}\d(?![\w.]*\d)")

CONTACT_PATTERNS = {"email": _EMAIL_RE, "phone": _PHONE_RE, "link": _URL_RE}
