"""Section detection: which résumé section (Education, Experience, Skills…) each line is in."""

from __future__ import annotations

import re

# Canonical section id -> heading words in English, Spanish, Portuguese, German and French.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "about me", "about", "objective", "career objective",
                "professional summary", "resumen", "perfil", "sobre mim", "objetivo", "profil",
                "zusammenfassung", "kurzprofil", "résumé", "à propos"),
    "education": ("education", "academic background", "academics", "educación", "formación",
                  "formación académica", "educação", "formação", "formação acadêmica",
                  "ausbildung", "bildung", "studium", "formation", "études"),
    "experience": ("experience", "work experience", "professional experience", "employment",
                   "employment history", "work history", "internships", "research experience",
                   "experiencia", "experiencia laboral", "experiência",
                   "experiência profissional", "berufserfahrung", "erfahrung",
                   "praktische erfahrung", "expérience", "expériences",
                   "expérience professionnelle"),
    "projects": ("projects", "personal projects", "selected projects", "academic projects",
                 "proyectos", "projetos", "projekte", "projets"),
    "skills": ("skills", "technical skills", "core skills", "skills & tools", "skills and tools",
               "technologies", "tools", "competencies", "core competencies", "languages & tools",
               "programming languages", "habilidades", "competencias", "conocimientos",
               "habilidades técnicas", "competências", "conhecimentos", "kenntnisse",
               "fähigkeiten", "fachkenntnisse", "it-kenntnisse", "compétences",
               "compétences techniques"),
    "publications": ("publications", "papers", "selected publications", "publicaciones",
                     "publicações", "publikationen", "veröffentlichungen"),
    "certifications": ("certifications", "certificates", "licenses & certifications", "courses",
                       "certificaciones", "certificados", "certificações", "cursos",
                       "zertifikate", "zertifizierungen", "certificats"),
    "coursework": ("coursework", "relevant coursework", "courses taken", "cursos relevantes",
                   "disciplinas"),
    "awards": ("awards", "honors", "honours", "honors & awards", "achievements", "premios",
               "prêmios", "auszeichnungen", "distinctions", "prix"),
    "languages": ("languages", "idiomas", "línguas", "sprachen", "langues"),
    "activities": ("activities", "leadership", "volunteering", "extracurricular activities",
                   "interests", "hobbies", "actividades", "atividades", "interessen",
                   "centres d'intérêt"),
}

_HEADING_LOOKUP = {h: sid for sid, hs in SECTION_HEADINGS.items() for h in hs}
_CLEAN_RE = re.compile(r"[^\w&' ]+")


def heading_section(line: str) -> str | None:
    """The section id when ``line`` is a section heading ("TECHNICAL SKILLS", "Experience:"),
    else ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40:
        return None
    key = _CLEAN_RE.sub(" ", stripped.lower()).strip()
    key = re.sub(r"\s+", " ", key)
    return _HEADING_LOOKUP.get(key)
