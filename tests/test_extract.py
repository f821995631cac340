"""Extraction as a recruiter reads it: traps yield nothing, hard positives are found,
intents never count, guards stay on their own line, typos are marked fuzzy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cvgap.extract import FACTORY, SPANS_KEY, VARIANTS_FACTORY, extract_skills
from cvgap.ingest import resume_from_text
from cvgap.score import score
from cvgap.taxonomy import get_role
from cvgap.types import SkillMention, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


def mentions(text: str, nlp: Language, taxonomy: Taxonomy) -> list[SkillMention]:
    return extract_skills(resume_from_text(text), nlp, taxonomy)


def found(text: str, nlp: Language, taxonomy: Taxonomy) -> set[str]:
    """Skill ids credited (not negated), like the report does."""
    return {m.skill_id for m in mentions(text, nlp, taxonomy) if not m.negated}


TRAPS = [
    "Barista, Java House Coffee",
    "Received a C in patience",
    "Go-to person for CAD drawings",
    "Ready to go from idea to prototype",
    "Led R&D on sensor housings",
    "CV available on request",
    "Attached my CV below",
    "Volunteer at the zoo feeding the ball pythons",
    "Fan of Monty Python sketches",
    "Olympic torch relay volunteer",
    "Finished the crème brûlée with a blow torch",
    "Sleep with a soft pillow",
    "Trattoria Pillow & Torch, sous-chef",
    "Hiking trip to Keras village in Crete",
    "Composed a nocturne in C# minor",
    "Shipped iOS apps in Objective-C",
    "Pipetted 5 ml of reagent per sample",
    "Customer segmentation for the newsletter",
    "Played Go and chess in the city club",
    "Grade: C+ in chemistry",
    "Team C won the hackathon",
    "Agile learner who adapts quickly",
    "Relocated two invasive pythons from a canal",
    "Longshoreman and docker at the container wharf",
    "Coordinator, Cardiovascular (CV) Outcomes Unit, clinical research",
    "Backend intern at Brightline Software Pvt Ltd",
    "Took AP Computer Science in high school",
    "Iced java and a bagel every morning",
]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_yields_no_skill(text: str, nlp: Language, taxonomy: Taxonomy) -> None:
    assert found(text, nlp, taxonomy) == set()


def test_a_subject_taught_is_not_a_degree(nlp: Language, taxonomy: Taxonomy) -> None:
    # tutoring shows communication; the subject tutored is not a degree
    assert found("Mathematics tutor for high-school students", nlp, taxonomy) == {"communication"}


def test_guard_window_stays_on_its_line(nlp: Language, taxonomy: Taxonomy) -> None:
    text = "Languages: Python, C++\nBarista, Java House Coffee\nreceived a C in patience"
    assert found(text, nlp, taxonomy) == {"python", "cpp"}


HARD_POSITIVES = [
    ("Frameworks: Py Torch, Tensor Flow", {"pytorch", "tensorflow"}),
    ("Tools: scikit learn, Open-CV, Num Py", {"scikit-learn", "opencv", "numpy"}),
    ("Languages: C / C++, Python3", {"c", "cpp", "python"}),
    ("Deployed TensorFlow 2.x models", {"tensorflow"}),
    ("Trained YOLOv5 on drone imagery", {"yolo"}),
    ("Fine-tuned ResNet-50 on X-rays", {"resnet"}),
    ("Swin backbone for retrieval", {"vision-transformer"}),
    ("Trained a U-Net for tumour masks", {"unet"}),
    ("Frame grabbing with cv2", {"opencv"}),
    ("Frameworks: Tensorﬂow, SkLearn", {"tensorflow", "scikit-learn"}),
    ("Fine-tuned Mask R-CNN and Faster R-CNN", {"rcnn-family"}),
    ("Compared VGG16, EfficientNet-B0 and MobileNetV2", {"classic-cnns"}),
    ("Segmentation with DeepLabv3+ and SAM", {"unet", "segmentation-transformers"}),
    ("Detectors: SSD, RetinaNet, DETR", {"rcnn-family"}),
    ("Pretrained ViT-B/16 and DeiT encoders", {"vision-transformer"}),
    ("DINO features for retrieval with PyTorch", {"vision-transformer", "pytorch"}),
    ("Zero-shot retrieval with CLIP embeddings", {"clip"}),
    ("Trained GANs and diffusion models for inpainting", {"generative-models"}),
    ("Collected 4,000 drone images", {"data-collection"}),
    ("Languages: Python, Go, R, C", {"python", "go", "r-lang", "c"}),
    ("Built a Unity simulator in C#", {"csharp"}),
    ("Backend in Node.js and .NET", {"javascript", "csharp"}),
    ("Interests: ML, CV, NLP", {"machine-learning", "computer-vision", "nlp"}),
    # list separators written without spaces
    (
        "Stack: Python|PyTorch|OpenCV;NumPy·Docker",
        {"python", "pytorch", "opencv", "numpy", "docker"},
    ),
    ("Libraries: cv2 · np · PIL", {"opencv", "numpy", "pillow"}),
    ("Statistical modelling in R (lme4, ggplot2)", {"r-lang"}),
    ("B.E. Computer Engg., Western Institute of Technology, CGPA 8.4", {"cs-degree"}),
    ("Part of a 12-person team building a rover", {"teamwork"}),
    ("Tutored first-year students in calculus; wrote the lab report template", {"communication"}),
    ("Wrote two posts for the lab blog", {"communication"}),
    ("Soft skills: good comunication", {"communication"}),
    ("Classifier reached Acc 91% on the held-out set", {"model-evaluation"}),
    ("Handwritten digit recogniser in Keras", {"image-classification", "keras"}),
    ("Licence plate recognition on a Raspberry Pi camera", {"computer-vision"}),
    ("Curated a 12k-image dataset of street signs", {"data-collection"}),
    ("Worked with the mapping team on road extraction", {"teamwork"}),
    ("Trained new volunteers on the booking system", {"communication"}),
    ("Sensitivity and specificity on 300 held-back cases", {"model-evaluation"}),
    ("Small CNN, 88.5% test accuracy after 20 epochs", {"model-evaluation"}),
    ("Trained on 3,000 photos we took around the harbour", {"data-collection"}),
    ("9k frames captured with a stereo rig", {"data-collection"}),
    ("Traffic-sign recogniser with a webcam and MobileNet", {"image-classification"}),
    ("Built the app with three other students", {"teamwork"}),
    ("Weekly sprints with the platform team", {"teamwork"}),
    ("Co-organised a reading group on diffusion models", {"teamwork"}),
    ("Ran two Python workshops for first-year students", {"communication"}),
]


@pytest.mark.parametrize(("text", "expected"), HARD_POSITIVES)
def test_hard_positive_is_found(
    text: str, expected: set[str], nlp: Language, taxonomy: Taxonomy
) -> None:
    assert expected <= found(text, nlp, taxonomy)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Wrote a Pytroch training loop", "pytorch"),
        ("Tensorlfow object detection API", "tensorflow"),
        ("Pyhton scripting for data cleaning", "python"),
    ],
)
def test_typo_is_found_and_marked_fuzzy(
    text: str, skill: str, nlp: Language, taxonomy: Taxonomy
) -> None:
    hits = [m for m in mentions(text, nlp, taxonomy) if m.skill_id == skill]
    assert [m.kind for m in hits] == ["fuzzy"]


@pytest.mark.parametrize(
    "text",
    ["Fed the pythons daily", "Dockers and chinos dress code", "Visited Jupiter's moons exhibit"],
)
def test_inflections_and_real_words_are_not_typos(
    text: str, nlp: Language, taxonomy: Taxonomy
) -> None:
    assert not [m for m in mentions(text, nlp, taxonomy) if m.kind == "fuzzy"]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("No experience with PyTorch", "pytorch"),
        ("Never used CUDA", "cuda"),
        ("Not familiar with Docker yet", "docker"),
        ("Want to learn OpenCV this summer", "opencv"),
        ("Planned: Kubernetes", "docker"),
        ("Docker (planned)", "docker"),
        ("Languages: Python, Rust - learning", "rust"),
        ("Curious about computer vision", "computer-vision"),
        ("Baseline in TF2 with a custom loop (no Keras)", "keras"),
        ("Not (yet): PyTorch, I know what it is", "pytorch"),
        ("Have not taken linear algebra yet", "linear-algebra"),
        ("Read about YOLO, but have not built anything with it", "yolo"),
        ("Maybe a small CNN later, haven't trained anything yet", "cnn"),
        ("Next goal: learn OpenCV", "opencv"),
        ("Seeking a computer vision internship for summer 2026", "computer-vision"),
        ("Looking to transition into computer vision", "computer-vision"),
        ("C++ basics (halfway through an evening class)", "cpp"),
        ("I plan to start learning PyTorch over the summer", "pytorch"),
        ("A designer who wants to move toward computer vision", "computer-vision"),
        ("I would like an internship alongside a computer vision team", "computer-vision"),
        (
            "I hope to bring my physics background to a computer vision internship",
            "computer-vision",
        ),
        ("why I am applying: the Computer Vision Intern role at Acme", "computer-vision"),
    ],
)
def test_negated_or_aspirational_mention_is_an_intent(
    text: str, skill: str, nlp: Language, taxonomy: Taxonomy
) -> None:
    hits = [m for m in mentions(text, nlp, taxonomy) if m.skill_id == skill]
    assert hits
    assert all(m.negated for m in hits)


def test_negation_stops_at_a_contrast(nlp: Language, taxonomy: Taxonomy) -> None:
    text = "No experience with TensorFlow, but I use scikit-learn daily"
    by_skill = {m.skill_id: m.negated for m in mentions(text, nlp, taxonomy)}
    assert by_skill == {"tensorflow": True, "scikit-learn": False}


def test_a_job_wanted_is_an_intent_but_experience_in_it_is_not(
    nlp: Language, taxonomy: Taxonomy
) -> None:
    assert "pytorch" in found("Seeking a role where I can use PyTorch daily", nlp, taxonomy)
    assert "computer-vision" in found("Computer vision internship at Acme, 2025", nlp, taxonomy)
    assert "validated" not in found("Validated the CAD models against test data", nlp, taxonomy)
    assert "model-evaluation" not in found(
        "Validated them against the test-bench data", nlp, taxonomy
    )


def test_a_degree_in_communication_engineering_is_a_degree(
    nlp: Language, taxonomy: Taxonomy
) -> None:
    text = "B.Tech, Electronics and Communication Engineering, Riverbend Institute, 2024"
    assert found(text, nlp, taxonomy) == {"cs-degree"}
    assert "data-annotation" not in found("5-fold CV with pseudo-labelling", nlp, taxonomy)


def test_learning_after_a_skill_is_not_an_intent(nlp: Language, taxonomy: Taxonomy) -> None:
    assert "self-supervised-learning" in found(
        "Self-supervised learning with PyTorch", nlp, taxonomy
    )
    assert "pytorch" in found("PyTorch learning-rate schedules", nlp, taxonomy)


def test_usage_applied_in_a_bullet_listed_in_skills(nlp: Language, taxonomy: Taxonomy) -> None:
    text = (
        "Experience\n- Trained detectors in PyTorch\nSkills\nPyTorch, OpenCV\n"
        "Summary\nBuilt an OpenCV pipeline for a robot"
    )
    usage = {(m.skill_id, m.line): m.usage for m in mentions(text, nlp, taxonomy)}
    assert usage[("pytorch", 2)] == "applied"
    assert usage[("pytorch", 4)] == "listed"
    assert usage[("opencv", 4)] == "listed"
    assert usage[("opencv", 6)] == "applied"  # an action bullet outside a known section


def test_implied_skills_show_their_source_line(nlp: Language, taxonomy: Taxonomy) -> None:
    resume = resume_from_text("Projects\n- Trained YOLOv8 on drone imagery\nSkills\nGit")
    report = score(
        resume, extract_skills(resume, nlp, taxonomy), get_role(taxonomy, "cv-intern"), taxonomy
    )
    by_id = {s.id: s for s in report.skills}
    for sid in ("object-detection", "cnn", "computer-vision", "deep-learning"):
        assert by_id[sid].status == "implied"
        evidence = by_id[sid].evidence[0]
        assert evidence.text == "- Trained YOLOv8 on drone imagery"
        assert evidence.line == 2
        assert evidence.via is not None


def test_pipeline_is_blank_english_plus_our_components(nlp: Language) -> None:
    assert nlp.pipe_names == [FACTORY, VARIANTS_FACTORY]
    assert nlp.meta["lang"] == "en"
    doc = nlp("Trained CNNs in Py Torch with C#")
    assert {"CNNs", "C#", "Py Torch"} <= {span.text for span in doc.spans[SPANS_KEY]}
    assert "C#" in [t.text for t in doc]
    assert set(doc._.cvgap_skills) == {"cnn", "csharp", "pytorch"}
