"""Structure checks a tracking system depends on: standard headings, contact details it can
read, dates it can parse, text in page headers/footers, tables and columns, images with words
in them, page count and file size. Each returns :class:`~cvgap.types.AtsFinding`s."""

from __future__ import annotations

import re

from cvgap.ingest.contact import CONTACT_PATTERNS
from cvgap.ingest.sections import SECTION_HEADINGS
from cvgap.types import AtsFinding, PageImage, Place, Resume

# The headings every tracking system knows (English); others are mapped by cvgap but may
# not be by a tracking system.
STANDARD_HEADINGS = frozenset(
    h for sid in SECTION_HEADINGS for h in SECTION_HEADINGS[sid][:4] if h.isascii()
) | {"technical skills", "work experience", "professional experience", "relevant coursework"}
EXPECTED_SECTIONS = (("education",), ("skills",), ("experience", "projects"))
MAX_PAGES = 2
MAX_BYTES = 2_000_000  # many application portals refuse uploads over 2-5 MB
IMAGE_SHARE = 0.02  # an image covering this share of a page may hold words
PHOTO_ASPECT = (0.6, 1.4)  # width/height of a portrait photo or a square logo,
PHOTO_SHARE = 0.06  # and no bigger than this share of the page
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SHORT_YEAR_RE = re.compile(r"(?<![\w'’‘])['’‘]\d\d(?!\d)")
_KEY_RE = re.compile(r"[^\w&' ]+")
_PROFILE_NAMES = {"linkedin": "LinkedIn", "github": "GitHub"}
_PROFILE_RE = re.compile(rf"(?<![^\W_])({'|'.join(_PROFILE_NAMES)})(?![^\W_])", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_KEY_RE.sub(" ", text.lower().lstrip("#")).split())


def section_headings(resume: Resume) -> list[AtsFinding]:
    found: dict[str, str] = {}
    previous = "other"
    for line in resume.lines:
        if line.section != previous and line.section != "other":
            found.setdefault(line.section, line.text)
        previous = line.section
    findings = []
    unusual = {sid: text for sid, text in found.items() if _key(text) not in STANDARD_HEADINGS}
    if unusual:
        mapped = ", ".join(f"“{text.strip('# ')}” as {sid}" for sid, text in unusual.items())
        findings.append(
            AtsFinding(
                check="section-headings",
                severity="info",
                message=f"cvgap read {mapped}; a tracking system may only know standard headings.",
                fix="Use the standard names: Education, Experience, Projects, Skills.",
                where=tuple(Place(text=t) for t in unusual.values()),
            )
        )
    missing = [group[0] for group in EXPECTED_SECTIONS if not any(s in found for s in group)]
    if missing:
        titles = [m.title() for m in missing]
        several = len(titles) > 1
        findings.append(
            AtsFinding(
                check="section-headings",
                severity="warning",
                message=f"No {' or '.join(titles)} heading found: tracking systems file what "
                "they read under the headings they recognise.",
                fix=f"Add {'headings' if several else 'a heading'} named "
                f"{' and '.join(titles)} above {'those parts' if several else 'that part'} "
                "of the résumé.",
            )
        )
    return findings


def contact_details(resume: Resume) -> list[AtsFinding]:
    plain = resume.plain.text if resume.plain is not None else resume.text
    header = "\n".join(resume.plain.header_lines) if resume.plain is not None else ""
    findings = []
    email = CONTACT_PATTERNS["email"].search(resume.text) or CONTACT_PATTERNS["email"].search(plain)
    if email is None:
        findings.append(
            _contact(
                "warning",
                "No email address is written out",
                "Write your email address as text near your name.",
            )
        )
    elif CONTACT_PATTERNS["email"].search(plain) is None:
        findings.append(
            _contact(
                "warning",
                f"The email address {email.group()} does not come out whole in a plain text copy",
                "Write the address in one run of plain text, without icons or spacing inside it.",
            )
        )
    elif header and email.group() in header:
        findings.append(
            _contact(
                "warning",
                "The email address is only in the page header, which some systems drop",
                "Put your contact details in the body of the first page.",
            )
        )
    if not any(CONTACT_PATTERNS["phone"].search(t) for t in (resume.text, plain)):
        findings.append(
            _contact("info", "No phone number found", "Add a phone number with its country code.")
        )
    links = " ".join(m.group() for m in CONTACT_PATTERNS["link"].finditer(resume.text)).lower()
    named = {m.group(1).lower() for m in _PROFILE_RE.finditer(resume.text)}
    bare = sorted(name for name in named if name not in links)
    if bare:
        names = " and ".join(_PROFILE_NAMES[n] for n in bare)
        verb = (
            "are named but their addresses are" if len(bare) > 1 else "is named but its address is"
        )
        findings.append(
            _contact(
                "info",
                f"{names} {verb} not written out (a link on a word or icon is lost in plain text)",
                "Write the address itself, e.g. github.com/yourname.",
            )
        )
    return findings


def _contact(severity: str, message: str, fix: str) -> AtsFinding:
    return AtsFinding(
        check="contact-details",
        severity="warning" if severity == "warning" else "info",
        message=message + ".",
        fix=fix,
    )


def dates(resume: Resume) -> list[AtsFinding]:
    lines = [ln for ln in resume.lines if ln.section in ("experience", "education", "projects")]
    findings = []
    short = [ln for ln in lines if _SHORT_YEAR_RE.search(ln.text)]
    if short:
        findings.append(
            AtsFinding(
                check="dates",
                severity="warning",
                message="Dates with two-digit years (’23) are not parsed by many tracking "
                "systems, so your time in a role may not be counted.",
                fix="Write dates as month and four-digit year: Jun 2023 – Aug 2024.",
                where=tuple(Place(text=ln.text, line=ln.number) for ln in short),
            )
        )
    experience = [ln for ln in lines if ln.section == "experience"]
    if (
        not short
        and len(experience) >= 3
        and not any(_YEAR_RE.search(ln.text) for ln in experience)
    ):
        findings.append(
            AtsFinding(
                check="dates",
                severity="warning",
                message="No year appears in the Experience section, so a tracking system "
                "cannot tell when or how long you worked.",
                fix="Give each role its dates: Jun 2023 – Aug 2024.",
            )
        )
    return findings


def layout(resume: Resume) -> list[AtsFinding]:
    """Header/footer text, tables, columns, images, pages, file size."""
    findings: list[AtsFinding] = []
    plain = resume.plain
    if plain is not None and plain.header_lines:
        findings.append(
            AtsFinding(
                check="header-footer",
                severity="info",
                message=f"{len(plain.header_lines)} line(s) sit in the page header or footer, "
                "which some tracking systems drop.",
                fix="Keep your name, contact details and skills in the body of the page.",
                where=tuple(Place(text=t) for t in plain.header_lines),
            )
        )
    if plain is not None and plain.tables:
        findings.append(
            AtsFinding(
                check="tables",
                severity="info",
                message=f"The document has {plain.tables} table(s); some tracking systems read "
                "table cells out of order or skip them.",
                fix="Prefer plain paragraphs and lists to tables for skills and experience.",
            )
        )
    if plain is not None and plain.column_pages:
        pages = ", ".join(map(str, plain.column_pages))
        which = f"Pages {pages} have" if len(plain.column_pages) > 1 else f"Page {pages} has"
        findings.append(
            AtsFinding(
                check="columns",
                severity="info",
                message=f"{which} two columns; a plain extractor reads rows across both, "
                "mixing their lines.",
                fix="A one-column layout is read the same way by every system.",
            )
        )
    if plain is not None:
        findings += _images(plain.images)
    if resume.pages > MAX_PAGES:
        findings.append(
            AtsFinding(
                check="page-count",
                severity="info",
                message=f"The résumé has {resume.pages} pages; internship résumés are usually "
                "one page, and recruiters skim past the first.",
                fix="Cut to the one or two pages that matter for this role.",
            )
        )
    size = plain.file_bytes if plain is not None else 0
    if size > MAX_BYTES:
        findings.append(
            AtsFinding(
                check="file-size",
                severity="warning",
                message=f"The file is {size / 1e6:.1f} MB; many application portals refuse "
                "files over 2 MB.",
                fix="Export again with compressed images, or without them.",
            )
        )
    return findings


def _images(images: tuple[PageImage, ...]) -> list[AtsFinding]:
    large = [i for i in images if not i.has_text and i.page_share >= IMAGE_SHARE]
    findings = []
    for image in large:
        x0, top, x1, bottom = image.box
        aspect = (x1 - x0) / max(bottom - top, 1.0)
        photo = PHOTO_ASPECT[0] <= aspect <= PHOTO_ASPECT[1] and image.page_share < PHOTO_SHARE
        what = "a photo or logo, by its shape" if photo else "a skills box or logos, say"
        findings.append(
            AtsFinding(
                check="text-in-image",
                severity="info" if photo else "warning",
                message=f"An image covers {round(100 * image.page_share)} % of page "
                f"{image.page} with no text on it ({what}): any words in it are invisible "
                "to tracking systems and to cvgap.",
                fix="Write skills as text; keep images for a photo or decoration only.",
                where=(Place(page=image.page, box=image.box),),
            )
        )
    return findings
