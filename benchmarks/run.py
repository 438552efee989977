"""Reproduce every figure in benchmarks/RESULTS.md with one command.

Runs each benchmark script with --write, one after another (they measure
side by side within themselves, so the machine's load affects both sides of
each ratio alike).  Takes about half an hour on two cores.

    .venv/bin/python benchmarks/run.py [NAME ...]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "ocr": ["ocr_langid.py", "--write"],
    "probes": ["script_probes.py", "--write"],
    "translation": ["translation.py", "--write"],
    "extract": ["score_extract.py", "--write"],
    "batch": ["batch_scaling.py", "--write"],
    "memory": ["memory.py", "--write"],
}


def main() -> int:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    failed = []
    for name in names:
        script, *args = BENCHMARKS[name]
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script), *args], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
