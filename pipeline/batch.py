"""Batch processing of a backlog folder, and an inbox that is watched.

Files are found under the input folder, recorded in the job store
(`pipeline.jobstore`) and handed, one document at a time, to a pool of
long-lived worker processes.  Parallelism is across documents: inside a
worker, OCR runs in-process, and the models a stage needs (translation,
glossaries …) are loaded through per-process caches in their modules, so
each worker loads them once, not once per document: a worker first
processes a small built-in request (loading what every document needs,
seconds' worth) and only then takes files, so `--timeout-per-file` measures
the file.  A worker is replaced only when it has to be killed (a file over
`--timeout-per-file`) or dies.

Nothing is lost or done twice, whatever happens to the run:
- the main process alone writes the job store, one transaction per state
  change, and decides each output folder before a worker starts, so two
  workers never pick the same name;
- a worker writes a request's folder atomically (`write_outputs`), so after a
  crash a folder is either complete or absent; the hidden staging folders a
  killed worker leaves behind are removed when the next run starts;
- workers die with the main process (Linux `PR_SET_PDEATHSIG`) and run in
  their own process group, so a `kill -9` leaves no orphan writing into OUT,
  a timed-out worker is killed (Tesseract runs inside it), and Ctrl-C in a terminal
  reaches only the main process, which stops the workers and leaves every
  unfinished file pending;
- an exclusive lock on `OUT/jobs.lock` keeps two runs off the same OUT.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import multiprocessing
import os
import pickle
import re
import resource
import shutil
import signal
import stat
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Literal

from pipeline.api import process_document
from pipeline.document import Document, SourceFile
from pipeline.exceptions import InputFileError, MlaError, UsageError
from pipeline.ingest import sniff_media_type
from pipeline.jobstore import Job, JobStatus, JobStore
from pipeline.options import PipelineOptions
from pipeline.outputs import make_output_dir, output_folder, write_outputs
from pipeline.triage import write_backlog

LOCK_NAME = "jobs.lock"
STAGING_NAME = re.compile(r"\.(?P<folder>.+)\.[a-z0-9_]{8}")
HEARTBEAT_S = 60.0
SNIFF_BYTES = 8192
DEFAULT_TIMEOUT_PER_FILE_S = 3600.0
PR_SET_PDEATHSIG = 1
STOP_GRACE_S = 5.0
MAX_START_FAILURES = 3
READY = "ready"
WARM_UP_TEXT = (
    "Ref: MLA/2026/0001\nDate: 5 March 2026\n\nThe Central Authority of Singapore requests "
    "the assistance of the Kingdom of Thailand under the ASEAN Treaty on Mutual Legal "
    "Assistance in Criminal Matters. We request the bank records of the suspect, Mr Tan Wei "
    "Ming, held at Bangkok Bank, by 30 April 2026.\n"
)


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs; `pipeline` is what each document is processed with."""

    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout_per_file_s: float = DEFAULT_TIMEOUT_PER_FILE_S
    retry_failed: bool = False


@dataclass(frozen=True)
class Progress:
    """Counts over the whole job store, and this run's own work."""

    total: int
    done: int
    failed: int
    pending: int
    running: int
    finished_this_run: int
    pages_this_run: int
    elapsed_s: float
    unreadable_folders: int = 0

    @property
    def to_do(self) -> int:
        """Files this run has settled or still has to (grows as an inbox fills)."""
        return self.finished_this_run + self.pending + self.running

    @property
    def eta_s(self) -> float | None:
        """Time left at this run's pace so far; None until a file has finished."""
        if not self.finished_this_run:
            return None
        return self.elapsed_s / self.finished_this_run * (self.pending + self.running)


EventKind = Literal["started", "done", "failed", "duplicate", "waiting", "unreadable_folder"]


@dataclass(frozen=True)
class BatchEvent:
    """Something happened to a file, or a folder could not be read (`message` says which).

    "waiting" is sent when nothing has finished for a while.
    """

    kind: EventKind
    job: Job | None
    progress: Progress
    message: str | None = None


EventCallback = Callable[[BatchEvent], None]


def discover(
    input_dir: Path,
    exclude: Path | None = None,
    on_error: Callable[[OSError], None] | None = None,
) -> list[Path]:
    """Regular, non-hidden files under `input_dir`, in path order.

    Symbolic links are followed only to files inside `input_dir` (their
    content is then usually a duplicate of the target's); FIFOs, sockets and
    devices are never opened; `exclude` (the output folder, when it lies
    inside the input) is not entered.  A folder that cannot be listed is
    passed to `on_error`, so its files are not silently missed.
    """
    root = input_dir.resolve()
    excluded = exclude.resolve() if exclude is not None else None
    found = []
    for directory, subdirectories, names in os.walk(root, onerror=on_error):
        here = Path(directory)
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and (here / name).resolve() != excluded
        )
        found += [
            here / name
            for name in sorted(names)
            if not name.startswith(".") and _is_regular_file_inside(here / name, root)
        ]
    return found


def _is_regular_file_inside(path: Path, root: Path) -> bool:
    try:
        target = path.resolve(strict=True)
        return target.is_relative_to(root) and stat.S_ISREG(target.stat().st_mode)
    except (OSError, RuntimeError):
        return False


def register_files(store: JobStore, paths: Iterable[Path]) -> list[Job]:
    """Record new or changed files; unchanged ones (same size and mtime) keep their row.

    The type is sniffed from the content here, so a file the tool cannot
    read at all (unsupported type, empty, unreadable) is listed as failed
    with its reason rather than silently left out; those rows are returned.
    """
    refused = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        known = store.lookup(path)
        if known and (known.size, known.mtime_ns) == (info.st_size, info.st_mtime_ns):
            continue
        sha256, error = None, None
        try:
            with path.open("rb") as handle:
                sniff_media_type(path, handle.read(SNIFF_BYTES))
                handle.seek(0)
                sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
        except InputFileError as unsupported:
            error = str(unsupported)
            sha256 = _sha256_or_none(path)
        except OSError as unreadable:
            error = f"{path}: cannot read ({unreadable.strerror})"
        job = store.register(path, info.st_size, info.st_mtime_ns, sha256, error)
        if error:
            refused.append(job)
    return refused


def _sha256_or_none(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


@contextmanager
def open_output(out_dir: Path) -> Iterator[JobStore]:
    """Lock OUT, open its job store and settle what an earlier run left unfinished."""
    make_output_dir(out_dir)
    with (out_dir / LOCK_NAME).open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise UsageError(
                "another `mla batch` or `mla watch` is already using this folder", out_dir
            ) from error
        with JobStore.in_folder(out_dir) as store:
            _clean_up_after_workers(store, out_dir)
            yield store


def _clean_up_after_workers(store: JobStore, out_dir: Path) -> None:
    """Remove staging a killed worker left, then settle its `running` row."""
    remove_staging_folders(out_dir, store.taken_folders())
    store.settle_interrupted(out_dir)


def remove_staging_folders(out_dir: Path, folder_names: set[str]) -> None:
    """Remove `write_outputs` staging (`.<folder>.XXXXXXXX`, `.<folder>.old.XXXXXXXX`).

    Only for folders the job store has handed out, so pointing --out at a
    folder with unrelated hidden entries never deletes them.
    """
    for entry in out_dir.iterdir():
        match = STAGING_NAME.fullmatch(entry.name)
        if match is None or entry.is_symlink() or not entry.is_dir():
            continue
        if {match["folder"], match["folder"].removesuffix(".old")} & folder_names:
            shutil.rmtree(entry, ignore_errors=True)


def run_batch(
    input_dir: Path, out_dir: Path, options: BatchOptions, on_event: EventCallback | None = None
) -> Progress:
    """Process every file under `input_dir` not yet finished; write the backlog at the end."""
    with open_output(out_dir) as store:
        if options.retry_failed:
            store.retry_failed()
        try:
            with _Runner(store, out_dir, options, on_event) as runner:
                runner.register(runner.find(input_dir))
                while runner.step(wait_s=HEARTBEAT_S):
                    pass
                return runner.progress()
        finally:
            write_backlog(store, out_dir)


def watch(
    inbox: Path,
    out_dir: Path,
    options: BatchOptions,
    on_event: EventCallback | None = None,
    poll_interval_s: float = 5.0,
    should_stop: Callable[[], bool] = lambda: False,
) -> Progress:
    """Process files as they arrive in `inbox` until `should_stop()` or Ctrl-C.

    A file is taken once its size and modification time have not changed
    between two polls, so a request still being copied in is not read half
    written.  The backlog is rewritten whenever files have finished.
    """
    with open_output(out_dir) as store:
        if options.retry_failed:
            store.retry_failed()
        seen: dict[Path, tuple[int, int]] = {}
        try:
            with _Runner(store, out_dir, options, on_event) as runner:
                while not should_stop():
                    seen = _register_settled(runner, runner.find(inbox), seen)
                    finished_before = runner.finished
                    poll_at = time.monotonic() + poll_interval_s
                    while (left := poll_at - time.monotonic()) > 0:
                        if not runner.step(wait_s=left):
                            time.sleep(left)
                    if runner.finished != finished_before:
                        write_backlog(store, out_dir)
                return runner.progress()
        finally:
            write_backlog(store, out_dir)


def _register_settled(
    runner: _Runner, found: list[Path], seen: dict[Path, tuple[int, int]]
) -> dict[Path, tuple[int, int]]:
    current = {}
    for path in found:
        try:
            info = path.stat()
        except OSError:
            continue
        current[path] = (info.st_size, info.st_mtime_ns)
    runner.register([path for path, state in current.items() if seen.get(path) == state])
    return current


@dataclass(frozen=True)
class _Task:
    job_id: int
    path: Path
    folder: Path


@dataclass(frozen=True)
class _Result:
    job_id: int
    sha256: str | None = None
    pages: int = 0
    seconds: float = 0.0
    max_rss_kb: int = 0
    error: str | None = None
    detail: str | None = None


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    ready: bool = False
    job: Job | None = None
    started: float = 0.0

    @property
    def idle(self) -> bool:
        return self.ready and self.job is None and self.process.exitcode is None


class _Runner:
    """Hands pending jobs to workers, records results, enforces the per-file timeout."""

    def __init__(
        self,
        store: JobStore,
        out_dir: Path,
        options: BatchOptions,
        on_event: EventCallback | None,
    ) -> None:
        self.store = store
        self.out_dir = out_dir
        self.options = options
        self.on_event = on_event
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []
        self.began = time.monotonic()
        self.finished = 0
        self.pages = 0
        self.unreadable: set[str] = set()
        self.start_failures = 0
        self.last_event = self.began

    def __enter__(self) -> _Runner:
        return self

    def __exit__(self, *_exc: object) -> None:
        """Idle workers are told to stop; busy ones (Ctrl-C, an error) are killed."""
        for worker in self.workers:
            if worker.idle:
                _send_quietly(worker.connection, None)
                worker.process.join(STOP_GRACE_S)
            worker.connection.close()
            _kill(worker.process)
        self.workers.clear()
        _clean_up_after_workers(self.store, self.out_dir)

    def progress(self) -> Progress:
        counts = self.store.counts()
        return Progress(
            total=sum(counts.values()),
            done=counts[JobStatus.done],
            failed=counts[JobStatus.failed],
            pending=counts[JobStatus.pending],
            running=counts[JobStatus.running],
            finished_this_run=self.finished,
            pages_this_run=self.pages,
            elapsed_s=time.monotonic() - self.began,
            unreadable_folders=len(self.unreadable),
        )

    def _emit(self, kind: EventKind, job: Job | None, message: str | None = None) -> None:
        self.last_event = time.monotonic()
        if self.on_event is not None:
            self.on_event(BatchEvent(kind, job, self.progress(), message))

    def find(self, input_dir: Path) -> list[Path]:
        """The files under `input_dir`; each unreadable folder is reported once."""
        errors: list[OSError] = []
        found = discover(input_dir, exclude=self.out_dir, on_error=errors.append)
        for error in errors:
            message = (
                f"{error.filename}: cannot read this folder ({error.strerror}); "
                "the files in it were not processed"
            )
            if message not in self.unreadable:
                self.unreadable.add(message)
                self._emit("unreadable_folder", None, message)
        return found

    def register(self, paths: Iterable[Path]) -> None:
        """Record files; those refused on sight count as finished before any is reported."""
        refused = register_files(self.store, paths)
        self.finished += len(refused)
        for job in refused:
            self._emit("failed", job)

    def step(self, wait_s: float) -> bool:
        """Start what can start, wait up to `wait_s` for results; False when nothing is left."""
        for job in self.store.link_duplicates():
            self.finished += 1
            self._emit("duplicate", job)
        self._start_jobs()
        active = [worker for worker in self.workers if worker.job is not None or not worker.ready]
        if not active:
            return False
        timeout = self.options.timeout_per_file_s
        deadlines = [worker.started + timeout for worker in active if worker.job is not None]
        limit = max(0.0, min([wait_s, *(deadline - time.monotonic() for deadline in deadlines)]))
        ready = set(
            wait([w.connection for w in active] + [w.process.sentinel for w in active], limit)
        )
        for worker in active:
            if worker.connection in ready or worker.process.sentinel in ready:
                self._collect(worker)
            elif worker.job is not None and time.monotonic() >= worker.started + timeout:
                self._replace(
                    worker,
                    f"timed out after {timeout:g} s (--timeout-per-file)",
                    seconds=time.monotonic() - worker.started,
                )
        if time.monotonic() - self.last_event >= HEARTBEAT_S:
            self._emit("waiting", None)
        return True

    def _start_jobs(self) -> None:
        while (job := self.store.next_job()) is not None:
            worker = next((worker for worker in self.workers if worker.idle), None)
            if worker is None:
                self._grow_pool()
                return
            folder = self._choose_folder(job)
            job = self.store.start(job.id, folder.name, worker.process.pid or 0)
            try:
                worker.connection.send(_Task(job.id, job.path, folder))
            except OSError:
                worker.job = job
                self._replace(worker, "worker process could not be reached")
                continue
            worker.job, worker.started = job, time.monotonic()
            self._emit("started", job)

    def _grow_pool(self) -> None:
        """Start workers up to --jobs, or as many as there are files left to process."""
        for worker in [w for w in self.workers if w.job is None and w.process.exitcode is not None]:
            worker.connection.close()
            self.workers.remove(worker)
        busy = sum(worker.job is not None for worker in self.workers)
        wanted = min(self.options.jobs, busy + self.store.counts()[JobStatus.pending])
        while len(self.workers) < wanted:
            self.workers.append(self._start_worker())

    def _start_worker(self) -> _Worker:
        parent_end, worker_end = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main,
            args=(worker_end, self.options.pipeline, os.getpid()),
            name=f"mla-batch-worker-{len(self.workers) + 1}",
            daemon=True,
        )
        process.start()
        worker_end.close()
        return _Worker(process, parent_end)

    def _choose_folder(self, job: Job) -> Path:
        """The intake naming rule, with every folder the store has handed out counted as taken."""
        placeholder = Document(source=SourceFile(job.path, job.sha256 or "", ""))
        taken = {self.out_dir / name for name in self.store.taken_folders()}
        return output_folder(self.out_dir, placeholder, taken)

    def _collect(self, worker: _Worker) -> None:
        job = worker.job
        try:
            if not worker.connection.poll():
                raise EOFError
            result: _Result | str = worker.connection.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            worker.process.join(1)
            code = worker.process.exitcode
            if job is None:
                self._lost_at_start(worker, code)
            else:
                self._replace(worker, f"worker process died while processing it (exit code {code})")
            return
        if result == READY:
            worker.ready = True
            return
        assert job is not None and isinstance(result, _Result)
        worker.job = None
        self.finished += 1
        if result.error is None:
            assert result.sha256 is not None
            self.pages += result.pages
            done = self.store.finish(
                job.id, result.sha256, result.pages, result.seconds, result.max_rss_kb
            )
            self._emit("done", done)
        else:
            failed = self.store.fail(job.id, result.error, result.seconds, result.detail)
            self._emit("failed", failed)

    def _lost_at_start(self, worker: _Worker, code: int | None) -> None:
        """A worker died before it was ready: try another, but not forever."""
        worker.connection.close()
        self.workers.remove(worker)
        self.start_failures += 1
        if self.start_failures > MAX_START_FAILURES:
            raise MlaError(f"worker processes keep dying while they start (exit code {code})")

    def _replace(self, worker: _Worker, reason: str, seconds: float | None = None) -> None:
        """Kill the worker and fail its file; a fresh worker starts when one is needed."""
        job = worker.job
        assert job is not None
        _kill(worker.process)
        worker.connection.close()
        self.workers.remove(worker)
        if job.output_folder:
            remove_staging_folders(self.out_dir, {job.output_folder})
        self.finished += 1
        self._emit("failed", self.store.fail(job.id, f"{job.path}: {reason}", seconds))


def _send_quietly(connection: Connection, message: object) -> None:
    with suppress(OSError):
        connection.send(message)


def _kill(process: BaseProcess) -> None:
    """Kill a worker and its process group (its Tesseract too)."""
    if process.exitcode is None and process.pid is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            process.kill()
    process.join(5)


def _worker_main(connection: Connection, options: PipelineOptions, parent_pid: int) -> None:
    """Warm up, say so, then process documents sent by the main process until it sends None."""
    os.setpgrp()
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _warm_up(options)
    connection.send(READY)
    while True:
        try:
            task: _Task | None = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        connection.send(_process(task, options))


def _warm_up(options: PipelineOptions) -> None:
    """Load what every document needs before taking work.

    Every request's English goes through the same extraction models, and
    loading them takes seconds; done here, once per worker, it is not
    charged to the first file's `--timeout-per-file`.  Failures are left for
    the real files to report.
    """
    with tempfile.TemporaryDirectory(prefix="mla-warm-up-") as scratch:
        sample = Path(scratch) / "request.txt"
        sample.write_text(WARM_UP_TEXT, encoding="utf-8")
        with suppress(Exception):
            process_document(sample, options)


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(1)


def _process(task: _Task, options: PipelineOptions) -> _Result:
    """One document, as `mla intake` does it; every failure becomes a result.

    Unexpected exceptions are caught too: a bug triggered by one file must
    not end an overnight run; the traceback is kept in the job store.
    """
    started = time.monotonic()
    try:
        document = process_document(task.path, options)
        write_outputs(document, task.folder, output=options.output)
        return _Result(
            task.job_id,
            sha256=document.source.sha256,
            pages=len(document.pages),
            seconds=time.monotonic() - started,
            max_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        )
    except MlaError as error:
        return _Result(task.job_id, seconds=time.monotonic() - started, error=str(error))
    except OSError as error:
        return _Result(
            task.job_id,
            seconds=time.monotonic() - started,
            error=f"{task.path}: cannot read or write ({error.strerror or error})",
        )
    except Exception as error:
        return _Result(
            task.job_id,
            seconds=time.monotonic() - started,
            error=f"{task.path}: internal error ({type(error).__name__}: {error}); please report it",
            detail=traceback.format_exc(),
        )
