"""Fixtures for the hardening tests: hostile files, `mla` in a subprocess, a network guard."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import make_fixtures
import pytest

ROOT = Path(__file__).resolve().parents[2]
MLA = Path(sys.executable).with_name("mla")
SECRET = b"ATTACHED-WITNESS-LIST-7f3a9c"
# Runs a command and writes the largest resident set (kB) of any process it
# started (Tesseract included) to the file named first.
PEAK_RSS_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as report:
    report.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Broken and hostile inputs by name (see tests/fixtures/make_fixtures.py)."""
    target = tmp_path_factory.mktemp("hostile")
    files = {
        "3000_pages.pdf": make_fixtures.blank_pages_pdf(3000),
        "1900_blank_pages.pdf": make_fixtures.blank_pages_pdf(1900),
        "enormous_page.pdf": make_fixtures.large_page_pdf(14_400, 14_400),
        "large_page.pdf": make_fixtures.large_page_pdf(5_000, 5_000),
        "looping_page_tree.pdf": make_fixtures.looping_page_tree_pdf(),
        "deep_page_tree.pdf": make_fixtures.deep_page_tree_pdf(5_000),
        "page_count_lie.pdf": make_fixtures.page_count_lie_pdf(1_500),
        "javascript_attachment.pdf": make_fixtures.javascript_attachment_pdf(SECRET),
        "bomb.png": make_fixtures.png_with_declared_size(60_000, 60_000),
        "zero_bytes.pdf": b"",
        **make_fixtures.malformed_tiffs(),
    }
    for name, data in files.items():
        (target / name).write_bytes(data)
    (target / "a folder.pdf").mkdir()
    return {path.name: path for path in target.iterdir()}


@pytest.fixture(scope="session")
def attachment_secret() -> bytes:
    """The content of the file attached to javascript_attachment.pdf."""
    return SECRET


@dataclass(frozen=True)
class Run:
    """A finished `mla` subprocess."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float


@pytest.fixture
def run_mla(tmp_path: Path) -> Callable[..., Run]:
    """Run `mla ARGS` in a fresh process with a time limit; `prefix` wraps the command.

    TMPDIR points to an empty folder of the test's own (see test_temp_files).
    Peak memory is the largest resident set of any process the run started.
    """

    def run(
        *args: str | Path,
        timeout: float = 120,
        prefix: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> Run:
        report = tmp_path / "peak-rss-kb"
        wrapper = (sys.executable, "-c", PEAK_RSS_WRAPPER, str(report))
        command = [*prefix, *wrapper, str(MLA), *map(str, args)]
        environment = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), **(env or {})}
        Path(environment["TMPDIR"]).mkdir(exist_ok=True)
        started = time.monotonic()
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=environment, check=False
        )
        seconds = time.monotonic() - started
        peak_mb = int(report.read_text()) / 1024 if report.exists() else float("nan")
        return Run(completed.returncode, completed.stdout, completed.stderr, seconds, peak_mb)

    return run


class NetworkUsed(AssertionError):
    """Raised where processing tried to open a network connection."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Turn every socket connection attempt, and every name lookup, into a failure.

    Attempts are also written to a file, so one that the code swallows, or
    that happens in a forked worker process, still fails the test.  Local
    (AF_UNIX) sockets and socket pairs, which multiprocessing uses between
    processes on this machine, are allowed.
    """
    log = tmp_path / "network-attempts.log"

    def refuse(what: str) -> NoReturn:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {what}\n")
        raise NetworkUsed(f"network use while processing: {what}")

    def connect(self: socket.socket, address: object) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        refuse(f"connect {address!r}")

    def connect_ex(self: socket.socket, address: object) -> int:
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        refuse(f"connect_ex {address!r}")

    def sendto(self: socket.socket, *args: object) -> int:
        if self.family == socket.AF_UNIX:
            return real_sendto(self, *args)
        refuse(f"sendto {args[-1]!r}")

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(
        socket,
        "create_connection",
        lambda address, *a, **k: refuse(f"create_connection {address!r}"),
    )
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: refuse(f"getaddrinfo {host!r}")
    )
    monkeypatch.setattr(socket, "gethostbyname", lambda host: refuse(f"gethostbyname {host!r}"))
    yield log
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    assert not attempts, f"network connection attempts:\n{attempts}"
