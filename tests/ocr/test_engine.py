"""The in-process Tesseract engine: one thread, typed errors, no leftovers in the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.exceptions import ExitCode

MLA = Path(sys.executable).with_name("mla")

SINGLE_THREADED_AFTER_TORCH = """
import ctypes, os, sys
import pipeline
import spacy
try:
    import torch  # ships its own libgomp.so.1
except ImportError:
    pass
from PIL import Image, ImageDraw
from pipeline._exec import tesseract
image = Image.new("L", (1200, 200), 255)
ImageDraw.Draw(image).text((20, 80), "Mutual legal assistance in criminal matters", fill=0)
tesseract.recognise(image, "eng", 300, None, 60, 6)
assert "OMP_THREAD_LIMIT" not in os.environ, "the limit leaked into the environment"
print(ctypes.CDLL("libgomp.so.1").omp_get_thread_limit())
"""


def test_tesseract_runs_single_threaded_even_when_torch_is_loaded() -> None:
    """torch's libgomp would otherwise run Tesseract multi-threaded and hang forked OCR workers."""
    environment = {key: value for key, value in os.environ.items() if key != "OMP_THREAD_LIMIT"}
    run = subprocess.run(
        [sys.executable, "-c", SINGLE_THREADED_AFTER_TORCH],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"


def test_missing_tesseract_library_is_a_one_line_error(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    fake = tmp_path / "site" / "tesserocr"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        'raise ImportError("libtesseract.so.5: cannot open shared object file")\n'
    )
    run = subprocess.run(
        [str(MLA), "intake", str(inputs["page.png"]), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(fake.parent)},
        timeout=120,
        check=False,
    )
    assert run.returncode == ExitCode.missing_dependency, run.stderr
    assert "the Tesseract library cannot be loaded" in run.stderr
    assert "pip install --no-binary tesserocr tesserocr" in run.stderr
    assert "Traceback" not in run.stderr
