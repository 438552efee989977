"""One place that writes a section of benchmarks/RESULTS.md between its markers."""

from __future__ import annotations

import os
import platform
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{platform.machine()}, {os.cpu_count()} cores{', ' + model if model else ''}"


def replace_block(block: str, start: str, end: str, path: Path = RESULTS) -> None:
    """Put `block` (from `start` to `end` marker) in place of the old one, or append it."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = f"{text.rstrip()}\n\n{block}\n"
    path.write_text(text, "utf-8")


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or append, under `title`) the section marked `<!-- name:start/end -->`."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n_Measured {date.today().isoformat()} on {machine()}._\n\n{body}\n{end}"
    existing = RESULTS.read_text("utf-8") if RESULTS.exists() else ""
    replace_block(block if start in existing else f"## {title}\n\n{block}", start, end)
