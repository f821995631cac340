"""Time and peak memory of every hostile input, each read in a fresh process, both engines.

    python bench/ingest_hostile.py          # writes bench/ingest_hostile.md

The inputs are generated (tests/ingest_fixtures.py), bigger than the test suite's copies:
a 1,000,000-deep nested array, a 5,000-page PDF, a 300,000-character page, a 10 MB PDF whose
content stream inflates to 10 GB, a page showing a 500 MB Flate image, a DOCX that unpacks to
1 GB, a 21 MB file. The budget for each is 30 s and 1.5 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import ingest_fixtures as fx  # noqa: E402

# Peak memory is this process's VmHWM: ru_maxrss would carry over the parent's peak (it
# survives fork and exec), and the parent holds every generated input.
CHILD = """
import sys, time
from cvgap.errors import InputError
from cvgap.ingest import load_resume
start = time.perf_counter()
try:
    resume = load_resume(sys.argv[1], pdf_engine=sys.argv[2], password=sys.argv[3] or None)
    outcome = f"read ({len(resume.lines)} lines)"
except InputError as exc:
    outcome = exc.message
seconds = time.perf_counter() - start
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(x.split()[1]) for x in status if x.startswith("VmHWM")) / 1024
print(f"{seconds:.2f}\\t{peak:.0f}\\t{outcome}")
"""


def make_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, password)"""
    good = fx.text_pdf(folder / "good.pdf", ["Python and OpenCV developer"] * 3)
    raw: dict[str, bytes] = {
        "empty.pdf": b"",
        "random.bin": os.urandom(1 << 20),
        "truncated.pdf": good.read_bytes()[:600],
        "text-named.pdf": b"Python developer\n" * 100,
        "binary-named.txt": b"\x00\xff" * 50_000,
        "legacy.doc": fx.ole_doc_bytes(),
        "nested-1M.pdf": fx.nested_pdf(1_000_000),
        "cyclic-pages.pdf": fx.cyclic_pages_pdf(),
        "xobject-loop.pdf": fx.xobject_loop_pdf(),
        "5000-pages.pdf": fx.many_pages_pdf(5000),
        "300k-chars.pdf": fx.char_flood_pdf(300_000),
        "flate-bomb-10GB.pdf": fx.flate_bomb_pdf(10_240),
        "big-flate-image.pdf": fx.flate_bomb_pdf(500, as_image=True),
    }
    inputs = {}
    for name, data in raw.items():
        (folder / name).write_bytes(data)
        inputs[name] = (folder / name, "")
    inputs["missing.pdf"] = (folder / "missing.pdf", "")
    inputs["folder"] = (folder, "")
    inputs["scan.pdf"] = (fx.image_only_pdf(folder / "scan.pdf"), "")
    locked = fx.text_pdf(
        folder / "locked.pdf", ["Python and OpenCV developer"] * 3, password="s3cret"
    )
    inputs["encrypted.pdf"] = (locked, "")
    inputs["encrypted.pdf --password"] = (locked, "s3cret")
    inputs["zip-bomb-1GB.docx"] = (fx.zip_bomb_docx(folder / "bomb.docx", unpacked_mb=1024), "")
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(21_000_000)
    inputs["21MB.txt"] = (huge, "")
    return inputs


def main() -> None:
    rows = ["| input | engine | seconds | peak MB | outcome |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, (path, password) in make_inputs(Path(tmp)).items():
            engines = ("pdfplumber", "pdfium") if ".pdf" in name else ("pdfplumber",)
            for engine in engines:
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(path), engine, password],
                    capture_output=True,
                    text=True,
                    timeout=120,
                    cwd=ROOT,
                    check=False,
                )
                seconds, peak, outcome = (out.stdout.strip() or f"-\t-\t{out.stderr[-200:]}").split(
                    "\t", 2
                )
                label = engine if ".pdf" in name else "-"
                rows.append(f"| {name} | {label} | {seconds} | {peak} | {outcome} |")
                print(rows[-1], flush=True)
    (Path(__file__).parent / "ingest_hostile.md").write_text(
        "\n".join(rows) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
