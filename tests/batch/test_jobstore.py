"""The job store on its own: states, duplicates, recovery after a crash, schema version."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.exceptions import DataError
from pipeline.jobstore import SCHEMA_VERSION, Job, JobStatus, JobStore

SHA_A = "a" * 64
SHA_B = "b" * 64


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    with JobStore.in_folder(tmp_path) as opened:
        yield opened


def add(store: JobStore, name: str, sha256: str | None, error: str | None = None) -> Job:
    return store.register(Path("/in") / name, 10, 1, sha256, error)


def test_store_uses_wal_and_records_its_schema_version(store: JobStore, tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_from_a_newer_mla_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "jobs.sqlite") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DataError, match="newer than this mla"):
        JobStore.in_folder(tmp_path)


def test_a_file_goes_pending_running_done(store: JobStore) -> None:
    job = add(store, "a.pdf", SHA_A)
    assert job.status == JobStatus.pending
    assert store.next_job() == job
    running = store.start(job.id, "a", worker_pid=123)
    assert (running.status, running.attempts, running.output_folder) == ("running", 1, "a")
    assert store.next_job() is None
    done = store.finish(job.id, SHA_A, pages=3, seconds=1.5, worker_max_rss_kb=1000)
    assert (done.status, done.pages, done.seconds) == ("done", 3, 1.5)
    assert done.started_at and done.finished_at


def test_same_content_is_processed_once_and_linked(store: JobStore) -> None:
    first, copy = add(store, "a.pdf", SHA_A), add(store, "renamed.pdf", SHA_A)
    other = add(store, "b.pdf", SHA_B)
    assert store.next_job() == first
    store.start(first.id, "a", 1)
    assert store.next_job() == other, "the copy waits while its content is being processed"
    store.finish(first.id, SHA_A, 2, 1.0, 1)
    [linked] = store.link_duplicates()
    assert linked.id == copy.id
    assert (linked.status, linked.duplicate_of, linked.output_folder) == ("done", first.id, "a")
    assert linked.attempts == 0


def test_a_copy_of_a_failed_file_fails_with_its_error(store: JobStore) -> None:
    first, copy = add(store, "a.pdf", SHA_A), add(store, "copy.pdf", SHA_A)
    store.start(first.id, "a", 1)
    store.fail(first.id, "/in/a.pdf: PDF is corrupt")
    [linked] = store.link_duplicates()
    assert linked.id == copy.id and linked.status == JobStatus.failed
    assert "PDF is corrupt" in linked.error and linked.duplicate_of == first.id


def test_retry_failed_puts_failures_back_in_the_queue(store: JobStore) -> None:
    job = add(store, "empty.pdf", SHA_A, error="/in/empty.pdf: file is empty")
    assert job.status == JobStatus.failed and store.next_job() is None
    assert store.retry_failed() == 1
    assert store.next_job().id == job.id


def test_changed_content_at_a_path_starts_afresh(store: JobStore) -> None:
    job = add(store, "a.pdf", SHA_A)
    copy = add(store, "copy.pdf", SHA_A)
    store.start(job.id, "a", 1)
    store.finish(job.id, SHA_A, 1, 1.0, 1)
    store.link_duplicates()
    changed = add(store, "a.pdf", SHA_B)
    assert (changed.status, changed.output_folder, changed.attempts) == ("pending", None, 0)
    heir = store.get(copy.id)
    assert (heir.status, heir.duplicate_of, heir.output_folder) == ("done", None, "a")


def test_copies_of_a_changed_failure_are_tried_again(store: JobStore) -> None:
    job = add(store, "a.pdf", SHA_A)
    copy = add(store, "copy.pdf", SHA_A)
    store.start(job.id, "a", 1)
    store.fail(job.id, "/in/a.pdf: broken")
    store.link_duplicates()
    add(store, "a.pdf", SHA_B)
    assert store.get(copy.id).status == JobStatus.pending
    assert store.next_job().id == job.id


def test_a_file_being_processed_is_not_re_registered(store: JobStore) -> None:
    job = add(store, "a.pdf", SHA_A)
    store.start(job.id, "a", 1)
    assert add(store, "a.pdf", SHA_B).sha256 == SHA_A


def test_interrupted_jobs_are_settled_from_what_is_on_disk(store: JobStore, tmp_path: Path) -> None:
    written, unwritten = add(store, "a.pdf", SHA_A), add(store, "b.pdf", SHA_B)
    store.start(written.id, "a", 1)
    store.start(unwritten.id, "b", 2)
    (tmp_path / "a").mkdir()
    extract = {"source": {"sha256": SHA_A}}
    (tmp_path / "a" / "extract.json").write_text(json.dumps(extract), encoding="utf-8")
    assert store.settle_interrupted(tmp_path) == 2
    assert store.get(written.id).status == JobStatus.done
    assert store.get(unwritten.id).status == JobStatus.pending
    assert store.get(unwritten.id).output_folder is None


def test_two_contents_can_never_share_a_folder(store: JobStore) -> None:
    first, second = add(store, "a/request.pdf", SHA_A), add(store, "b/request.pdf", SHA_B)
    store.start(first.id, "request", 1)
    with pytest.raises(sqlite3.IntegrityError):
        store.start(second.id, "request", 2)
