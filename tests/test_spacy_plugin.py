"""The spaCy components are real plugins: a saved pipeline loads through the entry points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any


def test_saved_pipeline_loads_with_spacy_load_in_a_fresh_process(nlp: Any, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('Trained detectors in PyTorch with OpenCV')\n"
        "print(nlp.pipe_names)\n"
        "print(sorted(set(doc._.cvgap_skills)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    names, skills = proc.stdout.splitlines()
    assert names == "['cvgap_skill_ruler', 'cvgap_skill_variants']"
    assert skills == "['object-detection', 'opencv', 'pytorch']"  # detectors
