"""The `mla batch`, `mla status` and `mla watch` commands.

The main CLI registers them (`cli.add_command(...)`); its root group turns
the typed errors raised here into one-line messages and exit codes.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import click

from pipeline.batch import (
    DEFAULT_TIMEOUT_PER_FILE_S,
    BatchEvent,
    BatchOptions,
    Progress,
    run_batch,
    watch,
)
from pipeline.cli_options import build_pipeline_options, processing_options
from pipeline.exceptions import ExitCode, UsageError
from pipeline.jobstore import STORE_NAME, JobStatus, JobStore
from pipeline.triage import write_backlog


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `batch` and `watch`; the processing options are `intake`'s."""
    options = [
        click.option(
            "--out",
            "out_dir",
            required=True,
            type=click.Path(path_type=Path, file_okay=False),
            help="Folder for the results, the job store (jobs.sqlite) and the backlog.",
        ),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            default=os.cpu_count() or 1,
            show_default="cores",
            help="Process this many documents at once, each in its own worker process.",
        ),
        click.option(
            "--timeout-per-file",
            type=click.FloatRange(min=0, min_open=True),
            default=DEFAULT_TIMEOUT_PER_FILE_S,
            show_default=True,
            metavar="S",
            help="Seconds allowed for one file; a file over it is stopped and marked failed.",
        ),
        click.option(
            "--retry-failed", is_flag=True, help="Process files that failed in earlier runs again."
        ),
    ]
    command = processing_options(command)
    for option in reversed(options):
        command = option(command)
    return command


def _batch_options(
    jobs: int, timeout_per_file: float, retry_failed: bool, **processing: Any
) -> BatchOptions:
    """Each worker processes one document at a time: OCR in-process, threads split by --jobs."""
    pipeline = build_pipeline_options(
        ocr_jobs=1, translation_threads_default=max(1, (os.cpu_count() or 1) // jobs), **processing
    )
    return BatchOptions(
        pipeline=pipeline, jobs=jobs, timeout_per_file_s=timeout_per_file, retry_failed=retry_failed
    )


@click.command(name="batch")
@click.argument("input_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@batch_options
def batch_command(input_dir: Path, out_dir: Path, **options: Any) -> None:
    """Process every request file under INPUT_DIR into OUT, resumably.

    Finds the PDF, PNG, JPEG, TIFF and text files under INPUT_DIR (all
    sub-folders; hidden files are skipped) and processes each as `mla intake`
    does, into OUT/<name>/, several at a time.  OUT/jobs.sqlite records every
    file; run the same command again after a crash or Ctrl-C and it finishes
    the rest without redoing anything.  A file with the same content as one
    already processed is linked to that result.  At the end OUT/backlog.csv
    and OUT/backlog.html list every request, urgent and soonest deadline first.

    Exit status 8 when any file failed (listed with its error in the backlog)
    or a folder could not be read.

    Example: mla batch backlog/ --out results --jobs 2
    """
    settings = _batch_options(**options)
    report = _ProgressReport(interactive=sys.stderr.isatty())
    with _sigterm_as_interrupt():
        progress = run_batch(input_dir, out_dir, settings, on_event=report)
    report.close()
    _print_summary(progress, out_dir)
    if progress.failed or progress.unreadable_folders:
        sys.exit(ExitCode.some_inputs_failed)


@click.command(name="watch")
@click.argument("inbox", type=click.Path(path_type=Path, exists=True, file_okay=False))
@batch_options
@click.option(
    "--interval",
    type=click.FloatRange(min=0.1),
    default=5.0,
    show_default=True,
    metavar="S",
    help="Seconds between looks at INBOX.",
)
def watch_command(inbox: Path, out_dir: Path, interval: float, **options: Any) -> None:
    """Process request files as they arrive in INBOX, until Ctrl-C.

    Same processing, job store and backlog as `mla batch`: a file is taken
    once it has stopped changing between two looks (so a file still being
    copied in is not read half written), and OUT/backlog.csv and
    OUT/backlog.html are rewritten as requests finish.  Ctrl-C (or SIGTERM)
    stops cleanly; unfinished files are taken up by the next run.

    Example: mla watch /srv/mla/inbox --out /srv/mla/results
    """
    settings = _batch_options(**options)
    report = _ProgressReport(interactive=False)
    click.echo(f"mla: watching {inbox} (every {interval:g} s); Ctrl-C to stop", err=True)
    try:
        with _sigterm_as_interrupt():
            watch(inbox, out_dir, settings, report, poll_interval_s=interval)
    except KeyboardInterrupt:
        with JobStore.in_folder(out_dir) as store:
            counts = store.counts()
        click.echo(
            f"mla: watch stopped; {counts[JobStatus.done]} done, "
            f"{counts[JobStatus.failed]} failed, {counts[JobStatus.pending]} pending",
            err=True,
        )


@click.command(name="status")
@click.argument("out_dir", metavar="OUT", type=click.Path(path_type=Path, file_okay=False))
def status_command(out_dir: Path) -> None:
    """Show where a batch stands and rewrite OUT/backlog.csv and OUT/backlog.html.

    Safe to run while `mla batch` or `mla watch` is working on OUT.

    Example: mla status results
    """
    if not (out_dir / STORE_NAME).is_file():
        raise UsageError(
            f"no job store ({STORE_NAME}) here; run `mla batch INPUT_DIR --out {out_dir}` first",
            out_dir,
        )
    with JobStore.in_folder(out_dir) as store:
        jobs = store.jobs()
        csv_path, html_path = write_backlog(store, out_dir)
    counts = {status: sum(job.status == status for job in jobs) for status in JobStatus}
    duplicates = sum(job.duplicate_of is not None and job.status == JobStatus.done for job in jobs)
    pages = sum(job.pages or 0 for job in jobs if job.duplicate_of is None)
    click.echo(
        f"{len(jobs)} file(s): {counts[JobStatus.done]} done ({duplicates} duplicate(s), "
        f"{pages} page(s)), {counts[JobStatus.failed]} failed, "
        f"{counts[JobStatus.running]} running, {counts[JobStatus.pending]} pending"
    )
    for job in jobs:
        if job.status == JobStatus.failed:
            click.echo(f"failed: {job.error}")
    click.echo(f"backlog: {csv_path} {html_path}")


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (a service manager stopping us) stops as cleanly as Ctrl-C."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _ProgressReport:
    """A progress bar on a terminal; otherwise one line per finished file and a heartbeat."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive
        self.bar: Any = None
        self.reported = 0
        self.failures: list[str] = []

    def __call__(self, event: BatchEvent) -> None:
        if self.interactive:
            self._update_bar(event)
        else:
            self._log(event)

    def _update_bar(self, event: BatchEvent) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=event.progress.to_do,
                label="mla batch",
                file=sys.stderr,
                show_eta=True,
                show_pos=True,
                item_show_func=lambda line: line,
            )
            self.bar.render_progress()
        if event.kind == "failed" and event.job is not None:
            self.failures.append(f"mla: failed: {event.job.error}")
        if event.message:
            self.failures.append(f"mla: warning: {event.message}")
        finished = event.kind in ("done", "failed", "duplicate")
        self.bar.update(1 if finished else 0, _counts(event.progress, with_eta=False))

    def _log(self, event: BatchEvent) -> None:
        progress, job = event.progress, event.job
        if event.kind == "started":
            return
        if event.message:
            click.echo(f"mla: warning: {event.message}", err=True)
            return
        if job is not None:
            self.reported += 1
        position = f"[{self.reported}/{progress.to_do}]"
        if job is None:
            line = f"still working, {progress.running} file(s) running"
        elif event.kind == "failed":
            line = f"failed: {job.error}"
        elif event.kind == "duplicate":
            line = f"{job.path}: same content as an earlier file, linked to {job.output_folder}"
        else:
            line = (
                f"{job.path} -> {job.output_folder} ({job.pages} page(s), {job.seconds or 0:.1f} s)"
            )
        click.echo(f"mla: {position} {line}; {_counts(progress)}", err=True)

    def close(self) -> None:
        """End the bar, then list the failures it could only count."""
        if self.bar is not None:
            self.bar.render_finish()
        for line in self.failures:
            click.echo(line, err=True)


def _counts(progress: Progress, with_eta: bool = True) -> str:
    eta = progress.eta_s
    parts = [f"{progress.pages_this_run} pages", f"{progress.failed} failed"]
    if with_eta and eta is not None and (progress.pending or progress.running):
        parts.append(f"ETA {_duration(eta)}")
    return ", ".join(parts)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def _print_summary(progress: Progress, out_dir: Path) -> None:
    click.echo(
        f"mla: {progress.done} of {progress.total} file(s) done, {progress.failed} failed "
        f"({progress.finished_this_run} in this run, {progress.pages_this_run} pages, "
        f"{progress.elapsed_s:.1f} s); backlog in {out_dir / 'backlog.html'}",
        err=True,
    )
