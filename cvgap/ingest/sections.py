"""Section detection: which résumé section (Education, Experience, Skills…) each line is in."""

from __future__ import annotations

import re

# Canonical section id -> heading words in English, Spanish, Portuguese, German and French.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "about me",
        "about",
        "objective",
        "career objective",
        "professional summary",
        "resumen",
        "perfil",
        "sobre mim",
        "objetivo",
        "profil",
        "zusammenfassung",
        "kurzprofil",
        "résumé",
        "à propos",
    ),
    "education": (
        "education",
        "academic background",
        "academics",
        "educación",
        "formación",
        "formación académica",
        "educação",
        "formação",
        "formação acadêmica",
        "ausbildung",
        "bildung",
        "studium",
        "formation",
        "études",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "internships",
        "research experience",
        "experiencia",
        "experiencia laboral",
        "experiência",
        "experiência profissional",
        "berufserfahrung",
        "erfahrung",
        "praktische erfahrung",
        "expérience",
        "expériences",
        "expérience professionnelle",
    ),
    "projects": (
        "projects",
        "personal projects",
        "selected projects",
        "academic projects",
        "proyectos",
        "projetos",
        "projekte",
        "projets",
    ),
    "skills": (
        "skills",
        "skill",
        "tech stack",
        "technical expertise",
        "expertise",
        "technical skills",
        "core skills",
        "skills & tools",
        "skills and tools",
        "technologies",
        "tools",
        "competencies",
        "core competencies",
        "languages & tools",
        "programming languages",
        "computer skills",
        "computer literacy",
        "it skills",
        "digital skills",
        "digital competences",
        "habilidades",
        "competencias",
        "conocimientos",
        "habilidades técnicas",
        "competências",
        "conhecimentos",
        "kenntnisse",
        "fähigkeiten",
        "fachkenntnisse",
        "it-kenntnisse",
        "compétences",
        "compétences techniques",
    ),
    "publications": (
        "publications",
        "papers",
        "selected publications",
        "publicaciones",
        "publicações",
        "publikationen",
        "veröffentlichungen",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "licenses & certifications",
        "courses",
        "certificaciones",
        "certificados",
        "certificações",
        "cursos",
        "zertifikate",
        "zertifizierungen",
        "certificats",
    ),
    "coursework": (
        "coursework",
        "relevant coursework",
        "courses taken",
        "cursos relevantes",
        "disciplinas",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "honors & awards",
        "achievements",
        "premios",
        "prêmios",
        "auszeichnungen",
        "distinctions",
        "prix",
    ),
    "languages": ("languages", "idiomas", "línguas", "sprachen", "langues"),
    "activities": (
        "activities",
        "leadership",
        "volunteering",
        "extracurricular activities",
        "interests",
        "hobbies",
        "actividades",
        "atividades",
        "interessen",
        "centres d'intérêt",
    ),
}

# Common Chinese headings (bilingual CVs are frequent among CV/ML candidates).
CHINESE_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("个人简介", "自我评价", "个人总结"),
    "education": ("教育背景", "教育经历", "学历"),
    "experience": ("工作经历", "工作经验", "工作背景", "实习经历", "科研经历"),
    "projects": ("项目经历", "项目经验"),
    "skills": ("技能", "专业技能", "技能特长", "计算机技能"),
    "publications": ("发表论文", "论文发表", "学术论文"),
    "awards": ("获奖情况", "荣誉奖项", "获奖经历"),
    "languages": ("语言", "语言能力"),
    "activities": ("兴趣爱好", "课外活动"),
}
for _sid, _extra in CHINESE_HEADINGS.items():
    SECTION_HEADINGS[_sid] = (*SECTION_HEADINGS[_sid], *_extra)

_HEADING_LOOKUP = {h: sid for sid, hs in SECTION_HEADINGS.items() for h in hs}
_CLEAN_RE = re.compile(r"[^\w&' ]+")
_WORDS_LOOKUP = {
    h: sid for sid, hs in SECTION_HEADINGS.items() for h in hs if h not in ("tools", "about")
}


def _key(line: str) -> str:
    key = _CLEAN_RE.sub(" ", line.lower()).strip()
    return re.sub(r"\s+", " ", key)


def heading_section(line: str) -> str | None:
    """The section id when ``line`` is a section heading ("TECHNICAL SKILLS", "Experience:"),
    else ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40:
        return None
    return _HEADING_LOOKUP.get(_key(stripped))


def styled_heading_section(line: str) -> str | None:
    """The section of a line that *looks* like a heading (bigger, bold or capitals): a known
    heading, or a short one that contains one ("Work Experience & Internships",
    "Skills and Interests"); the first keyword wins."""
    found = heading_section(line)
    if found is not None:
        return found
    key = _key(line)
    words = key.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in line) or "," in line:
        return None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            sid = _WORDS_LOOKUP.get(" ".join(words[i : i + size]))
            if sid is not None:
                return sid
    return None
