"""The batch job store: one SQLite row per input file, in `OUT/jobs.sqlite`.

The store is what makes a batch resumable and free of double work: each state
change (pending → running → done | failed) is one committed transaction, so a
crash or `kill -9` at any moment leaves a consistent record; the next run
settles the rows that were `running` (done if their output folder holds their
result, else pending again) and carries on.  WAL journaling lets `mla status`
read while a batch writes.  Only the batch's main process writes here;
workers report to it.

Identity is the file's path; its sha256 links files with the same content, so
a renamed copy is recorded as a duplicate of the first one's result instead
of being processed again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from pipeline.exceptions import DataError

STORE_NAME = "jobs.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id                INTEGER PRIMARY KEY,
    path              TEXT NOT NULL UNIQUE,       -- absolute path of the input as found
    sha256            TEXT,                       -- NULL only when the file could not be read
    size              INTEGER NOT NULL,
    mtime_ns          INTEGER NOT NULL,           -- with size: rehash only changed files
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'running', 'done', 'failed')),
    error             TEXT,                       -- one line, naming the file
    error_detail      TEXT,                       -- traceback of an internal error
    attempts          INTEGER NOT NULL DEFAULT 0, -- times handed to a worker
    output_folder     TEXT,                       -- name of the folder under OUT
    duplicate_of      INTEGER REFERENCES jobs (id),
    pages             INTEGER,
    discovered_at     TEXT NOT NULL,              -- ISO 8601, UTC
    started_at        TEXT,
    finished_at       TEXT,
    seconds           REAL,                       -- processing wall time
    worker_pid        INTEGER,
    worker_max_rss_kb INTEGER                     -- the worker's peak RSS when it finished
);
CREATE INDEX IF NOT EXISTS jobs_by_sha256 ON jobs (sha256);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status);
CREATE UNIQUE INDEX IF NOT EXISTS one_content_per_folder ON jobs (output_folder)
    WHERE output_folder IS NOT NULL AND duplicate_of IS NULL;
"""


class JobStatus(StrEnum):
    pending = "pending"
    running = "running"
    done = "done"
    failed = "failed"


@dataclass(frozen=True)
class Job:
    """One input file's row."""

    id: int
    path: Path
    sha256: str | None
    size: int
    mtime_ns: int
    status: JobStatus
    error: str | None
    error_detail: str | None
    attempts: int
    output_folder: str | None
    duplicate_of: int | None
    pages: int | None
    discovered_at: str
    started_at: str | None
    finished_at: str | None
    seconds: float | None
    worker_pid: int | None
    worker_max_rss_kb: int | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Job:
        values = dict(row)
        values["path"] = Path(values["path"])
        values["status"] = JobStatus(values["status"])
        return cls(**values)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class JobStore:
    """Read and change job rows; every method that writes is one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise DataError(f"job store is unreadable ({error})", path) from error

    @classmethod
    def in_folder(cls, out_dir: Path) -> JobStore:
        return cls(out_dir / STORE_NAME)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise DataError(
                f"job store has schema version {version}, newer than this mla "
                f"understands ({SCHEMA_VERSION}); upgrade mla",
                self.path,
            )
        self._db.executescript(
            f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self._db.in_transaction:  # left open by Ctrl-C landing right after a BEGIN
            self._db.execute("ROLLBACK")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _one(self, sql: str, *params: object) -> Job | None:
        row = self._db.execute(sql, params).fetchone()
        return Job.from_row(row) if row else None

    def get(self, job_id: int) -> Job:
        job = self._one("SELECT * FROM jobs WHERE id = ?", job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    def lookup(self, path: Path) -> Job | None:
        return self._one("SELECT * FROM jobs WHERE path = ?", str(path))

    def jobs(self) -> list[Job]:
        return [Job.from_row(row) for row in self._db.execute("SELECT * FROM jobs ORDER BY id")]

    def counts(self) -> dict[JobStatus, int]:
        counts = dict.fromkeys(JobStatus, 0)
        for status, count in self._db.execute("SELECT status, count(*) FROM jobs GROUP BY status"):
            counts[JobStatus(status)] = count
        return counts

    def taken_folders(self) -> set[str]:
        rows = self._db.execute("SELECT output_folder FROM jobs WHERE output_folder IS NOT NULL")
        return {folder for (folder,) in rows}

    def register(
        self, path: Path, size: int, mtime_ns: int, sha256: str | None, error: str | None = None
    ) -> Job:
        """Add a file as pending (or failed, with `error`); changed content starts afresh.

        Files linked to this file's old content keep it: the first becomes the
        owner of the old result (nothing is processed again).  A file being
        processed is left alone; its change is seen once it has finished.
        """
        status = JobStatus.failed if error else JobStatus.pending
        with self._transaction() as db:
            known = db.execute(
                "SELECT id, sha256, status FROM jobs WHERE path = ?", (str(path),)
            ).fetchone()
            if known is None:
                db.execute(
                    "INSERT INTO jobs (path, sha256, size, mtime_ns, status, error, discovered_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (str(path), sha256, size, mtime_ns, status, error, now()),
                )
            elif known["status"] == JobStatus.running:
                pass
            elif known["sha256"] == sha256 and sha256 is not None:
                db.execute(
                    "UPDATE jobs SET size = ?, mtime_ns = ? WHERE id = ?",
                    (size, mtime_ns, known["id"]),
                )
            else:
                db.execute(
                    "UPDATE jobs SET sha256 = ?, size = ?, mtime_ns = ?, status = ?, error = ?,"
                    " error_detail = NULL, attempts = 0, output_folder = NULL,"
                    " duplicate_of = NULL, pages = NULL, discovered_at = ?, started_at = NULL,"
                    " finished_at = NULL, seconds = NULL, worker_pid = NULL,"
                    " worker_max_rss_kb = NULL WHERE id = ?",
                    (sha256, size, mtime_ns, status, error, now(), known["id"]),
                )
                _hand_over_duplicates(db, known["id"], known["status"])
        job = self.lookup(path)
        assert job is not None
        return job

    def next_job(self) -> Job | None:
        """The first pending file whose content is neither being processed nor finished.

        Of several pending files with the same content only the first is
        handed out; the others wait and are linked to its result.
        """
        return self._one(
            "SELECT * FROM jobs AS j WHERE j.status = 'pending' AND NOT EXISTS ("
            " SELECT 1 FROM jobs AS o WHERE o.sha256 = j.sha256 AND o.id <> j.id AND ("
            "  o.status = 'running'"
            "  OR (o.status = 'pending' AND o.id < j.id)"
            "  OR (o.status IN ('done', 'failed') AND o.duplicate_of IS NULL)))"
            " ORDER BY j.id LIMIT 1"
        )

    def link_duplicates(self) -> list[Job]:
        """Record pending files whose content is finished as duplicates of that result."""
        with self._transaction() as db:
            pairs = db.execute(
                "SELECT j.id AS job, o.id AS original, o.status, o.output_folder, o.pages,"
                " o.path, o.error FROM jobs AS j JOIN jobs AS o ON o.sha256 = j.sha256"
                " AND o.id <> j.id AND o.duplicate_of IS NULL"
                " AND o.status IN ('done', 'failed') WHERE j.status = 'pending'"
            ).fetchall()
            for pair in pairs:
                if pair["status"] == JobStatus.done:
                    db.execute(
                        "UPDATE jobs SET status = 'done', duplicate_of = ?, output_folder = ?,"
                        " pages = ?, error = NULL, finished_at = ? WHERE id = ?",
                        (
                            pair["original"],
                            pair["output_folder"],
                            pair["pages"],
                            now(),
                            pair["job"],
                        ),
                    )
                else:
                    db.execute(
                        "UPDATE jobs SET status = 'failed', duplicate_of = ?, error = ?,"
                        " finished_at = ? WHERE id = ?",
                        (
                            pair["original"],
                            f"{pair['path']} has the same content and failed: {pair['error']}",
                            now(),
                            pair["job"],
                        ),
                    )
        return [self.get(pair["job"]) for pair in pairs]

    def start(self, job_id: int, output_folder: str, worker_pid: int) -> Job:
        with self._transaction() as db:
            changed = db.execute(
                "UPDATE jobs SET status = 'running', output_folder = ?, worker_pid = ?,"
                " attempts = attempts + 1, started_at = ?, finished_at = NULL, seconds = NULL,"
                " error = NULL, error_detail = NULL WHERE id = ? AND status = 'pending'",
                (output_folder, worker_pid, now(), job_id),
            ).rowcount
        if changed != 1:
            raise RuntimeError(f"job {job_id} was not pending")
        return self.get(job_id)

    def finish(
        self, job_id: int, sha256: str, pages: int, seconds: float, worker_max_rss_kb: int
    ) -> Job:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET status = 'done', sha256 = ?, pages = ?, seconds = ?,"
                " worker_max_rss_kb = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                (sha256, pages, seconds, worker_max_rss_kb, now(), job_id),
            )
        return self.get(job_id)

    def fail(
        self, job_id: int, error: str, seconds: float | None = None, detail: str | None = None
    ) -> Job:
        with self._transaction() as db:
            db.execute(
                "UPDATE jobs SET status = 'failed', error = ?, error_detail = ?, seconds = ?,"
                " output_folder = NULL, finished_at = ? WHERE id = ?",
                (error, detail, seconds, now(), job_id),
            )
        return self.get(job_id)

    def retry_failed(self) -> int:
        """Put every failed file back in the queue (`--retry-failed`)."""
        with self._transaction() as db:
            return db.execute(
                "UPDATE jobs SET status = 'pending', duplicate_of = NULL, error = NULL,"
                " error_detail = NULL WHERE status = 'failed'"
            ).rowcount

    def settle_interrupted(self, out_dir: Path) -> int:
        """After a crash or Ctrl-C: `running` rows become done or pending again.

        Output folders appear atomically, so a folder whose extract.json has
        the row's sha256 is the finished result of a run that died before
        recording it; anything else is processed again.
        """
        with self._transaction() as db:
            rows = db.execute(
                "SELECT id, sha256, output_folder FROM jobs WHERE status = 'running'"
            ).fetchall()
            for row in rows:
                folder = row["output_folder"]
                if folder and _holds_result(out_dir / folder, row["sha256"]):
                    db.execute(
                        "UPDATE jobs SET status = 'done', finished_at = ? WHERE id = ?",
                        (now(), row["id"]),
                    )
                else:
                    db.execute(
                        "UPDATE jobs SET status = 'pending', output_folder = NULL WHERE id = ?",
                        (row["id"],),
                    )
        return len(rows)


def _hand_over_duplicates(db: sqlite3.Connection, former: int, former_status: str) -> None:
    """The first copy of a finished file inherits its result; copies of a failure retry."""
    heirs = [
        heir
        for (heir,) in db.execute(
            "SELECT id FROM jobs WHERE duplicate_of = ? ORDER BY id", (former,)
        )
    ]
    if not heirs:
        return
    if former_status == JobStatus.done:
        db.execute("UPDATE jobs SET duplicate_of = NULL WHERE id = ?", (heirs[0],))
        db.execute("UPDATE jobs SET duplicate_of = ? WHERE duplicate_of = ?", (heirs[0], former))
    else:
        db.execute(
            "UPDATE jobs SET status = 'pending', duplicate_of = NULL, output_folder = NULL,"
            " error = NULL WHERE duplicate_of = ?",
            (former,),
        )


def _holds_result(folder: Path, sha256: str | None) -> bool:
    try:
        extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
        return sha256 is not None and extract["source"]["sha256"] == sha256
    except (OSError, ValueError, KeyError, TypeError):
        return False
