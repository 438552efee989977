"""Throughput of `mla batch` with 1 and 2 jobs on the same documents, side by side.

The documents are the bundled samples (`samples/*.pdf`, `*.jpg`, `*.tiff`:
scans that need OCR and born-digital PDFs), copied into a scratch folder.
`mla batch` runs as a subprocess, alternating `--jobs 1` and `--jobs 2`
(each into a fresh OUT), so the machine's load affects both alike; the
speed-up compares the best run of each.  Per run: wall time, files and pages
per minute, CPU time of the run's whole process tree and the CPU time other
processes used meanwhile (from /proc/stat: other work on the machine shows
there), the peak RSS of each worker
(recorded in the job store when it finishes a file) and of the largest
process in the run (main, worker or Tesseract: `wait4` of the run).

    .venv/bin/python benchmarks/batch_scaling.py [--repeat 2] [--write]

Run it on an otherwise idle machine: while other sessions keep the CPUs
busy, the kernel's per-session fair share (autogroup scheduling) holds the
batch to about one core whatever `--jobs` is, and `nice` does not change
that.  The report flags runs during which other processes used the CPUs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from results_file import replace_block

from pipeline.jobstore import JobStatus, JobStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARKER = "<!-- batch-scaling:start -->"
END_MARKER = "<!-- batch-scaling:end -->"
MLA = [sys.executable, "-c", "from pipeline.cli import cli; cli(prog_name='mla')"]
JOBS = (1, 2)
NOISE_SHARE = 0.1


@dataclass(frozen=True)
class Run:
    jobs: int
    wall_s: float
    cpu_s: float
    others_cpu_s: float
    files: int
    pages: int
    ocr_pages: int
    worker_peak_mb: list[float]
    largest_process_mb: float

    @property
    def files_per_min(self) -> float:
        return self.files / self.wall_s * 60

    @property
    def pages_per_min(self) -> float:
        return self.pages / self.wall_s * 60


def documents(target: Path) -> Path:
    target.mkdir()
    for pattern in ("*.pdf", "*.jpg", "*.tiff"):
        for path in sorted(SAMPLES.glob(pattern)):
            shutil.copy(path, target / path.name)
    return target


def run_batch(inputs: Path, out: Path, jobs: int, log: Path) -> Run:
    busy_before = busy_cpu_seconds()
    started = time.monotonic()
    with log.open("ab") as handle:
        process = subprocess.Popen(
            [*MLA, "batch", str(inputs), "--out", str(out), "--jobs", str(jobs)],
            stdout=handle,
            stderr=handle,
        )
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    others = busy_cpu_seconds() - busy_before - (usage.ru_utime + usage.ru_stime)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"mla batch --jobs {jobs} exited with {process.returncode}; see {log}")
    with JobStore.in_folder(out) as store:
        done = [job for job in store.jobs() if job.status == JobStatus.done]
    peaks: dict[int, int] = {}
    ocr_pages = 0
    for job in done:
        if job.worker_pid is not None and job.worker_max_rss_kb is not None:
            peaks[job.worker_pid] = max(peaks.get(job.worker_pid, 0), job.worker_max_rss_kb)
        if job.duplicate_of is None:
            extract = json.loads((out / job.output_folder / "extract.json").read_text("utf-8"))
            ocr_pages += len(extract["processing"]["ocr_pages"])
    return Run(
        jobs=jobs,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        others_cpu_s=max(0.0, others),
        files=len(done),
        pages=sum(job.pages or 0 for job in done),
        ocr_pages=ocr_pages,
        worker_peak_mb=[kb / 1024 for _, kb in sorted(peaks.items())],
        largest_process_mb=usage.ru_maxrss / 1024,
    )


def busy_cpu_seconds() -> float:
    """CPU time all processes have used since boot (every non-idle field of /proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def report(runs: list[Run], total_s: float) -> str:
    best = {jobs: min(run.wall_s for run in runs if run.jobs == jobs) for jobs in JOBS}
    speedup = best[1] / best[2]
    first = runs[0]
    rows = [
        f"| {index} | {run.jobs} | {run.wall_s:.1f} | {run.files_per_min:.1f} | "
        f"{run.pages_per_min:.1f} | {run.cpu_s:.1f} | {run.others_cpu_s:.1f} | "
        f"{' / '.join(f'{mb:.0f}' for mb in run.worker_peak_mb)} | {run.largest_process_mb:.0f} |"
        for index, run in enumerate(runs, start=1)
    ]
    noisy = any(run.others_cpu_s > NOISE_SHARE * run.wall_s for run in runs)
    return "\n".join(
        [
            START_MARKER,
            "## Batch throughput, 1 and 2 jobs (`benchmarks/batch_scaling.py`)",
            "",
            f"Machine: {platform.machine()}, nproc {len(os.sched_getaffinity(0))}, {cpu_model()}. "
            f"Date: {date.today().isoformat()}. Run time: {total_s:.0f} s.",
            f"Documents: the {first.files} bundled samples (`samples/*.pdf *.jpg *.tiff`), "
            f"{first.pages} pages of which {first.ocr_pages} need OCR; `mla batch` as a "
            "subprocess, `--jobs 1` and `--jobs 2` alternating, each into a fresh OUT.",
            "",
            "| run | --jobs | wall s | files/min | pages/min | CPU s, this run "
            "| CPU s, other processes meanwhile | peak RSS per worker, MB "
            "| largest process, MB |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"**Speed-up with 2 jobs: {speedup:.2f}×** (best {best[1]:.1f} s with 1 job, "
            f"best {best[2]:.1f} s with 2; target ≥ 1.7× on 2 cores).",
            "",
            "Peak RSS per worker is the worker process's own peak (`ru_maxrss`, "
            "including what it shares with the main process from `fork`); Tesseract runs "
            "inside the worker, so its memory is part of that peak.",
            *(
                [
                    "",
                    "Other processes used the CPUs during some runs (more than "
                    f"{NOISE_SHARE:.0%} of a core on average): those wall times are noisy, and "
                    "a speed-up from them is lower than on an idle machine, where each worker "
                    "gets a core of its own.",
                ]
                if noisy
                else []
            ),
            END_MARKER,
        ]
    )


def write_results(section: str, path: Path = RESULTS) -> None:
    """Insert the section between the markers, replacing any earlier one."""
    replace_block(section, START_MARKER, END_MARKER, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each --jobs setting")
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.name}")
    arguments = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mla-batch-scaling-") as scratch:
        inputs = documents(Path(scratch) / "in")
        log = Path(scratch) / "mla.log"
        runs = []
        for repetition in range(arguments.repeat):
            for jobs in JOBS:
                out = Path(scratch) / f"out-{repetition}-{jobs}"
                runs.append(run_batch(inputs, out, jobs, log))
                print(runs[-1], file=sys.stderr)
    section = report(runs, time.monotonic() - started)
    print(section)
    if arguments.write:
        write_results(section)


if __name__ == "__main__":
    main()
