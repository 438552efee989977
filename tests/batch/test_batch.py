"""`mla batch` and `mla status` in-process: mixed inputs, duplicates, reruns, timeouts."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
from pathlib import Path

import jsonschema
import make_fixtures
import pytest
from click.testing import CliRunner

from pipeline.batch import discover
from pipeline.cli import cli
from pipeline.exceptions import ExitCode
from pipeline.jobstore import Job, JobStatus, JobStore

GOOD = ["a-request.txt", "b-request.txt", "nested/c-request.txt"]
BAD = {"corrupt.pdf": "corrupt", "empty.pdf": "empty", "zip_named.pdf": "unsupported file type"}


def request_text(number: int) -> str:
    return make_fixtures.ENGLISH_TEXT.replace("0412", f"{number:04d}")


@pytest.fixture
def backlog(tmp_path: Path, inputs: dict[str, Path]) -> Path:
    """Good text requests, bad files, and a copy of a good one under another name."""
    folder = tmp_path / "backlog"
    for number, name in enumerate(GOOD):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(request_text(number), encoding="utf-8")
    for name in BAD:
        shutil.copy(inputs[name], folder / name)
    (folder / "nested" / "copy of a.txt").write_text(request_text(0), encoding="utf-8")
    return folder


def batch(runner: CliRunner, *args: str | Path) -> tuple[int, str]:
    result = runner.invoke(cli, ["batch", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def jobs_by_name(out: Path) -> dict[str, Job]:
    with JobStore.in_folder(out) as store:
        return {job.path.name: job for job in store.jobs()}


def output_folders(out: Path) -> list[str]:
    return sorted(entry.name for entry in out.iterdir() if entry.is_dir())


def test_mixed_batch_processes_good_files_fails_bad_ones_and_links_copies(
    runner: CliRunner,
    backlog: Path,
    tmp_path: Path,
    schema_validator: jsonschema.Draft202012Validator,
) -> None:
    out = tmp_path / "out"
    code, stderr = batch(runner, backlog, "--out", out, "--jobs", "2")
    assert code == ExitCode.some_inputs_failed, stderr
    jobs = jobs_by_name(out)
    assert len(jobs) == len(GOOD) + len(BAD) + 1
    for name in GOOD:
        job = jobs[Path(name).name]
        assert (job.status, job.attempts, job.duplicate_of) == (JobStatus.done, 1, None)
        extract = json.loads((out / job.output_folder / "extract.json").read_text("utf-8"))
        schema_validator.validate(extract)
        assert extract["source"]["sha256"] == job.sha256
        assert job.pages == 1 and job.seconds is not None and job.worker_max_rss_kb > 0
    for name, reason in BAD.items():
        job = jobs[name]
        assert job.status == JobStatus.failed
        assert job.error.startswith(str(backlog / name)) and reason in job.error
        assert f"failed: {job.error}" in stderr
    copy = jobs["copy of a.txt"]
    original = jobs["a-request.txt"]
    assert (copy.status, copy.duplicate_of, copy.output_folder) == (
        "done",
        original.id,
        "a-request",
    )
    assert copy.attempts == 0, "a copy is linked, never processed"
    assert output_folders(out) == ["a-request", "b-request", "c-request"]
    assert not [entry for entry in out.iterdir() if entry.name.startswith(".")]
    assert (out / "backlog.csv").is_file() and (out / "backlog.html").is_file()
    processed = [job for job in jobs.values() if job.attempts]
    workers = {job.worker_pid for job in processed}
    assert len(workers) <= 2 < len(processed), "long-lived workers, not a process per file"
    assert "4 of 7 file(s) done, 3 failed" in stderr


def test_a_rerun_redoes_nothing_and_picks_up_new_and_changed_files(
    runner: CliRunner, backlog: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch(runner, backlog, "--out", out)
    before = jobs_by_name(out)
    extract_inode = (out / "b-request" / "extract.json").stat().st_ino

    code, stderr = batch(runner, backlog, "--out", out)
    assert code == ExitCode.some_inputs_failed
    assert jobs_by_name(out) == before
    assert (out / "b-request" / "extract.json").stat().st_ino == extract_inode
    assert "(0 in this run" in stderr

    (backlog / "a-request.txt").write_text(request_text(7), encoding="utf-8")
    (backlog / "late-arrival.txt").write_text(request_text(8), encoding="utf-8")
    batch(runner, backlog, "--out", out)
    after = jobs_by_name(out)
    assert after["late-arrival.txt"].status == JobStatus.done
    changed = after["a-request.txt"]
    assert changed.status == JobStatus.done and changed.sha256 != before["a-request.txt"].sha256
    assert changed.output_folder == f"a-request-{changed.sha256[:8]}", "the old result is kept"
    copy = after["copy of a.txt"]
    assert (copy.status, copy.duplicate_of, copy.attempts) == ("done", None, 0)
    assert copy.output_folder == "a-request", "the copy inherits the old content's result"
    assert output_folders(out) == sorted(
        ["a-request", changed.output_folder, "b-request", "c-request", "late-arrival"]
    )
    assert after["b-request.txt"] == before["b-request.txt"]


def test_discovery_skips_hidden_files_fifos_links_leaving_the_folder_and_the_output(
    tmp_path: Path,
) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden-dir").mkdir()
    outside = tmp_path / "outside.txt"
    for path in (root / "a.txt", root / "sub" / "b.pdf", root / ".hidden.txt", outside):
        path.write_text("x", encoding="utf-8")
    (root / ".hidden-dir" / "c.txt").write_text("x", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "escapes.txt").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "linked-dir").symlink_to(tmp_path)
    out = root / "out"
    (out / "request").mkdir(parents=True)
    (out / "request" / "source.txt").write_text("x", encoding="utf-8")

    found = [path.relative_to(root.resolve()).as_posix() for path in discover(root, exclude=out)]
    assert found == ["a.txt", "inside.txt", "sub/b.pdf"]


@pytest.mark.slow
def test_a_file_over_the_timeout_fails_alone_and_retry_failed_redoes_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # Three OCR pages take seconds, the letter hundredths: workers load their
    # models before taking files, so the limit measures the file alone.
    pages = [make_fixtures.page_image(make_fixtures.ENGLISH_LINES[start:]) for start in range(3)]
    pages[0].save(folder / "a-scan.tiff", save_all=True, append_images=pages[1:], dpi=(300, 300))
    (folder / "b-letter.txt").write_text(make_fixtures.THAI_PARAGRAPH, encoding="utf-8")
    out = tmp_path / "out"

    code, stderr = batch(runner, folder, "--out", out, "--jobs", "1", "--timeout-per-file", "0.5")
    assert code == ExitCode.some_inputs_failed
    jobs = jobs_by_name(out)
    assert jobs["b-letter.txt"].status == JobStatus.done, "a timeout never stops the others"
    scan = jobs["a-scan.tiff"]
    assert scan.status == JobStatus.failed
    assert scan.error == f"{folder / 'a-scan.tiff'}: timed out after 0.5 s (--timeout-per-file)"
    assert 0.5 <= scan.seconds < 5
    assert output_folders(out) == ["b-letter"]
    assert not [entry for entry in out.iterdir() if entry.name.startswith(".")]

    batch(runner, folder, "--out", out)
    assert jobs_by_name(out)["a-scan.tiff"].attempts == 1, "failures wait for --retry-failed"

    code, stderr = batch(runner, folder, "--out", out, "--retry-failed")
    assert code == ExitCode.ok, stderr
    retried = jobs_by_name(out)["a-scan.tiff"]
    assert (retried.status, retried.attempts, retried.error, retried.pages) == ("done", 2, None, 3)
    assert jobs_by_name(out)["b-letter.txt"].attempts == 1
    assert output_folders(out) == ["a-scan", "b-letter"]


def test_status_summarises_and_rewrites_the_backlog(
    runner: CliRunner, backlog: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch(runner, backlog, "--out", out)
    (out / "backlog.csv").unlink()
    result = runner.invoke(cli, ["status", str(out)])
    assert result.exit_code == 0, result.output
    assert "7 file(s): 4 done (1 duplicate(s), 3 page(s)), 3 failed, 0 running, 0 pending" in (
        result.stdout
    )
    assert f"failed: {backlog / 'empty.pdf'}: file is empty (0 bytes)" in result.stdout
    assert (out / "backlog.csv").is_file()


def test_status_without_a_job_store_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["status", str(tmp_path)])
    assert result.exit_code == ExitCode.bad_args
    assert result.stderr == (
        f"mla: error: {tmp_path}: no job store (jobs.sqlite) here; "
        f"run `mla batch INPUT_DIR --out {tmp_path}` first\n"
    )
    assert not (tmp_path / "jobs.sqlite").exists()


def test_a_second_run_on_the_same_output_is_refused(
    runner: CliRunner, backlog: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / "jobs.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, stderr = batch(runner, backlog, "--out", out)
    assert code == ExitCode.bad_args
    assert stderr == (
        f"mla: error: {out}: another `mla batch` or `mla watch` is already using this folder\n"
    )


def test_staging_left_by_a_killed_worker_is_removed_but_nothing_else(
    runner: CliRunner, backlog: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch(runner, backlog, "--out", out)
    leftovers = [out / ".a-request.k2j4x9_q", out / ".b-request.old.abcdefgh"]
    unrelated = [out / ".git", out / ".notes.abcdefgh"]
    for folder in leftovers + unrelated:
        folder.mkdir()
    with sqlite3.connect(out / "jobs.sqlite") as db:
        db.execute("UPDATE jobs SET status = 'running' WHERE output_folder = 'a-request'")
    batch(runner, backlog, "--out", out)
    assert [folder.exists() for folder in leftovers + unrelated] == [False, False, True, True]
    assert jobs_by_name(out)["a-request.txt"].status == JobStatus.done


def test_a_folder_that_cannot_be_read_is_reported_not_skipped_silently(
    runner: CliRunner, backlog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions cannot hide a folder from root, so listing it fails as it would for a user."""
    walk = os.walk

    def walk_without_nested(top: Path, onerror=None, **kwargs):
        for directory, subdirectories, names in walk(top, onerror=onerror, **kwargs):
            if "nested" in subdirectories:
                subdirectories.remove("nested")
                error = PermissionError(13, "Permission denied", str(Path(directory) / "nested"))
                onerror(error)
            yield directory, subdirectories, names

    monkeypatch.setattr(os, "walk", walk_without_nested)
    out = tmp_path / "out"
    code, stderr = batch(runner, backlog, "--out", out)
    assert code == ExitCode.some_inputs_failed
    assert (
        f"mla: warning: {backlog.resolve() / 'nested'}: cannot read this folder "
        "(Permission denied); the files in it were not processed\n"
    ) in stderr
    assert "c-request.txt" not in jobs_by_name(out)
