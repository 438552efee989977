"""`mla batch` killed or interrupted mid-run, then resumed; `mla watch` on an inbox.

These run the real command in a subprocess and stop it with real signals.
The run is made slow enough to interrupt with real work: scanned pages that
need OCR.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import make_fixtures
import pytest

from pipeline.exceptions import ExitCode
from pipeline.jobstore import JobStatus, JobStore

pytestmark = pytest.mark.slow

MLA = [sys.executable, "-c", "from pipeline.cli import cli; cli(prog_name='mla')"]
SCANS = 3
TEXTS = 3


def start(*args: str | Path, log: Path) -> subprocess.Popen:
    with log.open("ab") as handle:
        return subprocess.Popen([*MLA, *map(str, args)], stderr=handle, stdout=handle)


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def statuses(out: Path) -> list[str]:
    """Read the store the way `mla status` does, while the batch writes it."""
    if not (out / "jobs.sqlite").exists():
        return []
    try:
        with sqlite3.connect(out / "jobs.sqlite", timeout=5) as db:
            return [status for (status,) in db.execute("SELECT status FROM jobs")]
    except sqlite3.OperationalError:
        return []


@pytest.fixture
def backlog(tmp_path: Path) -> Path:
    """Distinct one-page scans (a few seconds of OCR each) and quick text requests."""
    folder = tmp_path / "backlog"
    folder.mkdir()
    for number in range(SCANS):
        lines = [f"Request number {number}", *make_fixtures.ENGLISH_LINES[1:]]
        make_fixtures.page_image(lines).save(folder / f"scan-{number}.png", dpi=(300, 300))
    for number in range(TEXTS):
        text = make_fixtures.ENGLISH_TEXT.replace("0412", f"{number:04d}")
        (folder / f"letter-{number}.txt").write_text(text, encoding="utf-8")
    (folder / "copy of scan-0.png").write_bytes((folder / "scan-0.png").read_bytes())
    return folder


def assert_every_file_done_once(out: Path) -> None:
    with JobStore.in_folder(out) as store:
        jobs = store.jobs()
    assert len(jobs) == SCANS + TEXTS + 1
    assert {job.status for job in jobs} == {JobStatus.done}
    owners = [job for job in jobs if job.duplicate_of is None]
    folders = sorted(entry.name for entry in out.iterdir() if entry.is_dir())
    assert folders == sorted(job.output_folder for job in owners), "one folder per content"
    for job in owners:
        extract = json.loads((out / job.output_folder / "extract.json").read_text("utf-8"))
        assert extract["source"]["sha256"] == job.sha256
        assert (out / job.output_folder / "source.txt").is_file()
    assert not [entry for entry in out.iterdir() if entry.name.startswith(".")]


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def test_kill_9_mid_run_then_resume_does_every_file_exactly_once(
    backlog: Path, tmp_path: Path
) -> None:
    out, log = tmp_path / "out", tmp_path / "mla.log"
    run = start("batch", backlog, "--out", out, "--jobs", "2", log=log)
    wait_for(lambda: statuses(out).count("done") >= 2 and "running" in statuses(out))
    run.send_signal(signal.SIGKILL)
    run.wait()

    with JobStore.in_folder(out) as store:
        before = {job.path: job for job in store.jobs()}
    interrupted = [job for job in before.values() if job.status == JobStatus.running]
    finished = [job for job in before.values() if job.status == JobStatus.done]
    assert interrupted and finished and len(finished) < len(before)
    for job in interrupted:
        wait_for(lambda pid=job.worker_pid: gone(pid), timeout=5)
    inodes = {
        job.path: (out / job.output_folder / "extract.json").stat().st_ino
        for job in finished
        if job.duplicate_of is None
    }
    written_unrecorded = {
        job.path for job in interrupted if (out / job.output_folder / "extract.json").exists()
    }

    resumed = start("batch", backlog, "--out", out, "--jobs", "2", log=log)
    assert resumed.wait(timeout=120) == ExitCode.ok, log.read_text()

    assert_every_file_done_once(out)
    with JobStore.in_folder(out) as store:
        after = {job.path: job for job in store.jobs()}
    for job in finished:
        assert after[job.path] == job, "finished before the kill: not touched again"
    for path, inode in inodes.items():
        assert (out / after[path].output_folder / "extract.json").stat().st_ino == inode
    for job in interrupted:
        assert after[job.path].attempts == (1 if job.path in written_unrecorded else 2)


def test_ctrl_c_stops_cleanly_and_the_next_run_finishes(backlog: Path, tmp_path: Path) -> None:
    out, log = tmp_path / "out", tmp_path / "mla.log"
    run = start("batch", backlog, "--out", out, "--jobs", "2", log=log)
    wait_for(lambda: "done" in statuses(out) and "running" in statuses(out))
    run.send_signal(signal.SIGINT)
    assert run.wait(timeout=30) == ExitCode.ctrl_c
    assert "mla: interrupted" in log.read_text()
    left = statuses(out)
    assert "running" not in left and "pending" in left, "unfinished files wait for the next run"
    assert not [entry for entry in out.iterdir() if entry.name.startswith(".")]
    assert (out / "backlog.csv").is_file()

    resumed = start("batch", backlog, "--out", out, "--jobs", "2", log=log)
    assert resumed.wait(timeout=120) == ExitCode.ok, log.read_text()
    assert_every_file_done_once(out)


def test_watch_processes_files_as_they_arrive_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    inbox, out, log = tmp_path / "inbox", tmp_path / "out", tmp_path / "mla.log"
    inbox.mkdir()
    (inbox / "early.txt").write_text(make_fixtures.ENGLISH_TEXT, encoding="utf-8")
    run = start("watch", inbox, "--out", out, "--jobs", "1", "--interval", "0.2", log=log)
    try:
        wait_for(lambda: statuses(out) == ["done"])
        (inbox / "sub").mkdir()
        (inbox / "sub" / "late.txt").write_text(make_fixtures.GERMAN_TEXT, encoding="utf-8")
        (inbox / "renamed early.txt").write_text(make_fixtures.ENGLISH_TEXT, encoding="utf-8")
        wait_for(lambda: statuses(out) == ["done"] * 3)
        wait_for(lambda: "late.txt" in (out / "backlog.csv").read_text(encoding="utf-8-sig"))
    finally:
        run.send_signal(signal.SIGINT)
        code = run.wait(timeout=30)
    assert code == ExitCode.ok, log.read_text()
    assert "watch stopped; 3 done, 0 failed, 0 pending" in log.read_text()
    with JobStore.in_folder(out) as store:
        jobs = {job.path.name: job for job in store.jobs()}
    assert jobs["renamed early.txt"].duplicate_of == jobs["early.txt"].id
    assert sorted(entry.name for entry in out.iterdir() if entry.is_dir()) == ["early", "late"]
    assert [path.name for path in (inbox / "sub").iterdir()] == ["late.txt"], "inbox untouched"


def test_a_worker_that_dies_fails_only_its_file(backlog: Path, tmp_path: Path) -> None:
    """As when the kernel's out-of-memory killer picks a worker."""
    out, log = tmp_path / "out", tmp_path / "mla.log"
    run = start("batch", backlog, "--out", out, "--jobs", "2", log=log)

    def running_scan() -> int | None:
        with sqlite3.connect(out / "jobs.sqlite", timeout=5) as db:
            row = db.execute(
                "SELECT worker_pid FROM jobs WHERE status = 'running' AND path LIKE '%scan-%'"
            ).fetchone()
        return row[0] if row else None

    wait_for(lambda: bool(statuses(out)) and running_scan() is not None)
    victim = running_scan()
    os.kill(victim, signal.SIGKILL)
    assert run.wait(timeout=120) == ExitCode.some_inputs_failed, log.read_text()

    with JobStore.in_folder(out) as store:
        jobs = store.jobs()
    [failed] = [job for job in jobs if job.status == JobStatus.failed and not job.duplicate_of]
    assert failed.worker_pid == victim
    assert failed.error == f"{failed.path}: worker process died while processing it (exit code -9)"
    for job in jobs:
        if job != failed:
            assert job.status == JobStatus.done or job.duplicate_of == failed.id, job
    assert not [entry for entry in out.iterdir() if entry.name.startswith(".")]
