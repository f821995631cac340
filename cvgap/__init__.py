"""cvgap: how far is a résumé from what Computer Vision Intern roles ask for?

>>> import cvgap
>>> report = cvgap.analyze("resume.pdf", role="cv-intern")
>>> report.score, [gap.name for gap in report.gaps][:3]
"""

from cvgap.api import analyze
from cvgap.errors import CvgapError, InputError, TaxonomyError, UnknownRoleError
from cvgap.extract import build_nlp, extract_skills
from cvgap.ingest import load_resume, resume_from_text
from cvgap.job import read_job
from cvgap.score import score
from cvgap.taxonomy import get_role, load_taxonomy
from cvgap.types import Report, Resume, SkillMention, SkillResult, Taxonomy

__version__ = "0.1.0"

__all__ = [
    "CvgapError",
    "InputError",
    "Report",
    "Resume",
    "SkillMention",
    "SkillResult",
    "Taxonomy",
    "TaxonomyError",
    "UnknownRoleError",
    "__version__",
    "analyze",
    "build_nlp",
    "extract_skills",
    "get_role",
    "load_resume",
    "load_taxonomy",
    "read_job",
    "resume_from_text",
    "score",
]
