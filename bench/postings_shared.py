"""Second check of the posting reader on the team's 22 real CV-intern postings (facts only).

    python bench/postings_shared.py [/work/shared/postings/postings.jsonl]

Each line of the file has the posting's requirement text and its required / preferred /
duties-only skills as counted by hand, in the counter's own categories ("Deep learning",
"Degree field CS/EE/DS/Math", "Transformers / ViT"). :data:`CATEGORIES` maps the categories
that have a taxonomy counterpart to a key and the skill ids that stand for it; the rest
(domains, "Real-time / embedded", degree levels) are left out on both sides. Scored per
posting over those keys: micro P/R/F1 of required ∪ preferred, tier accuracy on the keys
found, and duties-only keys counted as requirements; the keyword baseline of
:mod:`cvgap.job.evaluate` is scored the same way. Nothing of the file is copied.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cvgap.evaluate import Scores
from cvgap.job import read_job
from cvgap.job.evaluate import Reading, baseline_reading, reading_of

DEFAULT = Path("/work/shared/postings/postings.jsonl")
# key -> (the counter's categories, the taxonomy ids that stand for it)
KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cs-degree": (("Degree field CS/EE/DS/Math",), ("cs-degree",)),
    "model-evaluation": (
        ("Model evaluation", "Evaluation metrics (general)", "Precision / recall", "IoU", "mAP"),
        ("model-evaluation",),
    ),
    "3d-vision": (("3D vision / point clouds",), ("3d-vision", "open3d")),
    "cnn-architectures": (
        ("CNN architectures (ResNet/YOLO/U-Net)",),
        ("resnet", "yolo", "unet", "classic-cnns"),
    ),
    "vision-transformer": (("Transformers / ViT",), ("vision-transformer", "transformers")),
    "vision-language": (("Vision-language / multimodal",), ("vision-language", "clip")),
    "research-experience": (
        ("Publications (CVPR/ICCV/ECCV/NeurIPS...)", "Research experience"),
        ("research-experience",),
    ),
    "scipy-matplotlib": (("SciPy / Matplotlib",), ("scipy", "matplotlib")),
    "slam": (("SLAM / visual odometry / state estimation",), ("slam",)),
    "software-engineering": (
        ("Software engineering practices / testing",),
        ("software-engineering",),
    ),
    "problem-solving": (("Problem solving / critical thinking",), ("problem-solving",)),
    "teamwork": (("Teamwork / collaboration",), ("teamwork",)),
    "data-preprocessing": (("Preprocessing",), ("data-preprocessing",)),
    "data-annotation": (("Annotation / labeling",), ("data-annotation",)),
    "data-augmentation": (("Augmentation",), ("data-augmentation",)),
    "image-segmentation": (("Segmentation",), ("image-segmentation",)),
    "image-classification": (("Classification",), ("image-classification",)),
    "object-tracking": (("Tracking",), ("object-tracking",)),
    "camera-calibration": (("Camera calibration / geometry",), ("camera-calibration",)),
    "image-processing": (("Image processing (classical)",), ("image-processing",)),
    "computer-vision": (("Computer vision (general)",), ("computer-vision",)),
    "git": (("Git / version control",), ("git",)),
    "cloud": (("Cloud (AWS/GCP/Azure)",), ("cloud",)),
    "mlops": (("MLflow",), ("mlops",)),
    "bash": (("Bash / shell",), ("bash",)),
    "build-tools": (("Build tools (Bazel/CMake)",), ("build-tools",)),
    "cpp": (("C++",), ("cpp",)),
    "cnn": (("CNNs",), ("cnn",)),
    "rnn": (("RNNs",), ("rnn",)),
    "probability-statistics": (("Probability / statistics",), ("probability-statistics",)),
}
SAME_NAME = {
    "CUDA": "cuda", "Communication": "communication", "Deep learning": "deep-learning",
    "Docker": "docker", "Generative models": "generative-models", "Java": "java",
    "Keras": "keras", "Linear algebra": "linear-algebra", "Linux": "linux", "MATLAB": "matlab",
    "Machine learning": "machine-learning", "NumPy": "numpy", "Object detection":
    "object-detection", "OpenCV": "opencv", "Optimization": "optimization", "Pose estimation":
    "pose-estimation", "PyTorch": "pytorch", "Python": "python", "Rust": "rust",
    "Self-supervised learning": "self-supervised-learning", "Signal processing":
    "signal-processing", "TensorFlow": "tensorflow", "Transfer learning": "transfer-learning",
    "Video understanding": "video-understanding", "scikit-learn": "scikit-learn",
}  # fmt: skip
for _name, _sid in SAME_NAME.items():
    KEYS[_sid] = ((_name,), (_sid,))
CATEGORY_KEY = {cat: key for key, (cats, _) in KEYS.items() for cat in cats}


def keys_of(categories: list[str]) -> set[str]:
    return {CATEGORY_KEY[c] for c in categories if c in CATEGORY_KEY}


def read_keys(reading: Reading) -> dict[str, str]:
    """key -> tier (required wins) of what a system read."""
    found: dict[str, str] = {}
    for key, (_, ids) in KEYS.items():
        tiers = [reading.tiers[sid] for sid in ids if sid in reading.tiers]
        if tiers:
            found[key] = "required" if "required" in tiers else "preferred"
    return found


def main(path: Path) -> None:
    from cvgap.extract import build_nlp
    from cvgap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    nlp = build_nlp(taxonomy)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for system in ("cvgap", "baseline"):
        tp = fp = fn = right = total = duties = 0
        for row in rows:
            text = str(row.get("requirements_text") or "") + "\n"
            if system == "cvgap":
                reading = reading_of(read_job(text, taxonomy=taxonomy, nlp=nlp))
            else:
                reading = baseline_reading(text, taxonomy)
            found = read_keys(reading)
            required, preferred = keys_of(row["required_skills"]), keys_of(row["preferred_skills"])
            gold = required | preferred
            tp += len(gold & set(found))
            fp += len(set(found) - gold)
            fn += len(gold - set(found))
            for key in gold & set(found):
                total += 1
                right += found[key] == ("required" if key in required else "preferred")
            duties += len((keys_of(row["duties_only_skills"]) - gold) & set(found))
        s = Scores(tp=tp, fp=fp, fn=fn)
        print(
            f"{system:<9} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}  "
            f"tiers {right / max(total, 1):.3f} ({right}/{total})  duties counted as "
            f"requirements {duties}  ({len(rows)} postings)"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
