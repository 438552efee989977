"""No copy of a request is left in the temporary folder, nor readable by others while there.

`mla intake` runs with TMPDIR pointing to an empty folder of the test's own:
afterwards it must be empty again, after successes, failures, an OCR page
timeout and Ctrl-C; while it runs, nothing in it may be readable by group
or others.  (Page images go to Tesseract in memory; the test guards
against any stage starting to use temporary files carelessly.)
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from pipeline.exceptions import ExitCode

MLA = Path(sys.executable).with_name("mla")


@contextmanager
def watch_permissions(folder: Path) -> Iterator[list[str]]:
    """Poll `folder` while the block runs; collect entries that group or others could read."""
    exposed: list[str] = []
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            for path in list(folder.rglob("*")):
                try:
                    mode = path.lstat().st_mode
                except FileNotFoundError:
                    continue
                if stat.S_IMODE(mode) & 0o077 and not _inside_private_folder(path, folder):
                    exposed.append(f"{path.relative_to(folder)} {stat.filemode(mode)}")
            time.sleep(0.01)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    try:
        yield exposed
    finally:
        done.set()
        watcher.join()


def _inside_private_folder(path: Path, root: Path) -> bool:
    """A file in a 0700 folder is out of others' reach, whatever its own mode."""
    for parent in path.parents:
        if parent == root:
            return False
        try:
            if not stat.S_IMODE(parent.lstat().st_mode) & 0o077:
                return True
        except FileNotFoundError:
            return True
    return False


def leftovers(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.slow
def test_temporary_folder_is_clean_after_successes_and_failures(
    run_mla: Callable[..., Any], inputs: dict[str, Path], tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    names = ["letter.txt", "image_only.pdf", "rotated_90.pdf", "pages.tiff", "truncated.png"]
    out = tmp_path / "out"
    with watch_permissions(temp) as exposed:
        run = run_mla("intake", *(inputs[name] for name in names), "--out", out, "--jobs", "2")
    assert run.returncode == ExitCode.some_inputs_failed, run.stderr
    assert "4 of 5 file(s) processed" in run.stderr
    assert "rotated 90°" in (out / "rotated_90" / "extract.json").read_text(encoding="utf-8")
    assert not exposed
    assert leftovers(temp) == []
    assert not [path.name for path in out.iterdir() if path.name.startswith(".")]


SLOW_SCAN = Path(__file__).resolve().parents[2] / "samples" / "th_th_to_my_mla_scan.pdf"


def two_page_scan(folder: Path) -> Path:
    """The Thai sample scan twice: pages that take seconds each to OCR."""
    writer = PdfWriter()
    for _ in range(2):
        writer.append(str(SLOW_SCAN))
    path = folder / "scan.pdf"
    writer.write(path)
    return path


def test_temporary_folder_is_clean_after_a_page_timeout(
    run_mla: Callable[..., Any], tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    run = run_mla(
        "intake",
        SLOW_SCAN,
        "--out",
        tmp_path / "out",
        "--jobs",
        "1",
        "--lang",
        "th",
        "--page-timeout",
        "1",
        timeout=60,
    )
    assert run.returncode == ExitCode.input_file, run.stderr
    assert "page 1: OCR timed out after 1 s" in run.stderr
    assert leftovers(temp) == []


def test_temporary_folder_is_clean_after_ctrl_c(inputs: dict[str, Path], tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, as in a terminal, while pages are being OCRed."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    scan = two_page_scan(tmp_path)
    command = [str(MLA), "intake", str(inputs["image_only.pdf"]), str(scan), "--lang", "th"]
    process = subprocess.Popen(
        [*command, "--out", str(tmp_path / "out"), "--jobs", "2"],
        env={**os.environ, "TMPDIR": str(temp)},
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stderr is not None
    first_outcome = process.stderr.readline()
    assert "image_only.pdf -> " in first_outcome, first_outcome
    time.sleep(2)  # the scan's two pages are now in the OCR workers (about 5 s each)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == ExitCode.ctrl_c, stderr
    assert not (tmp_path / "out" / "scan").exists()
    assert leftovers(temp) == []
