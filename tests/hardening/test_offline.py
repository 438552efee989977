"""No network while processing: a socket guard in this process, and a network namespace.

The guard (conftest `no_network`) covers Python code here and in forked
worker processes; `unshare --net` runs the installed `mla` where no network
exists at all, which also covers Tesseract and native libraries.
"""

from __future__ import annotations

import ast
import contextlib
import multiprocessing
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.api import intake
from pipeline.batch_cli import batch_command
from pipeline.cli import cli
from pipeline.exceptions import ExitCode
from pipeline.models import install_from_file
from pipeline.options import OcrOptions, PipelineOptions, TranslationOptions

ROOT = Path(__file__).resolve().parents[2]
INDONESIAN = ROOT / "samples" / "id_id_to_ms_mla.pdf"
TEST_MODEL = ROOT / "models" / "translate-id_en-test.argosmodel"
ONLINE_MODULES = {
    *("urllib", "http", "socket", "ssl", "requests", "httpx", "urllib3", "ftplib", "smtplib"),
    *("argostranslate", "huggingface_hub", "transformers"),
}
# The one module allowed to go online: `mla models install LANG`.
NETWORK_MODULE = ROOT / "pipeline" / "models.py"


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test Indonesian→English model, installed the normal way."""
    if not TEST_MODEL.exists():
        pytest.skip(f"test translation model {TEST_MODEL.name} not built")
    folder = tmp_path_factory.mktemp("models")
    install_from_file(TEST_MODEL, folder)
    return folder


@pytest.fixture
def requests_folder(inputs: dict[str, Path], tmp_path: Path) -> Path:
    """A text, a born-digital PDF, a scan and an Indonesian request, in one folder."""
    folder = tmp_path / "requests"
    folder.mkdir()
    for name in ("letter.txt", "text_layer.pdf", "image_only.pdf"):
        shutil.copy(inputs[name], folder / name)
    shutil.copy(INDONESIAN, folder / INDONESIAN.name)
    return folder


def test_guard_fails_connections_here_and_in_workers(no_network: Path) -> None:
    """The guard itself: a refused attempt is raised and logged, also from a forked worker."""
    with pytest.raises(AssertionError, match="network use while processing"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(AssertionError), socket.socket() as raw:
        raw.connect(("192.0.2.1", 80))
    worker = multiprocessing.get_context("fork").Process(target=_swallowed_lookup)
    worker.start()
    worker.join(30)
    attempts = no_network.read_text(encoding="utf-8").splitlines()
    assert len(attempts) == 3
    assert f"{worker.pid} getaddrinfo 'example.org'" in attempts
    no_network.unlink()  # the attempts above were the test's own


def _swallowed_lookup() -> None:
    with contextlib.suppress(AssertionError):
        socket.getaddrinfo("example.org", 443)


@pytest.mark.slow
def test_intake_api_translates_without_network(
    no_network: Path, requests_folder: Path, models: Path, tmp_path: Path
) -> None:
    options = PipelineOptions(
        ocr=OcrOptions(jobs=2), translation=TranslationOptions(models_dirs=(models,))
    )
    outcomes = intake(sorted(requests_folder.iterdir()), tmp_path / "out", options)
    assert [outcome.error for outcome in outcomes] == [None] * 4
    documents = {outcome.path.name: outcome.document for outcome in outcomes}
    assert documents["image_only.pdf"].ocr_pages == [1]
    translation = documents[INDONESIAN.name].translation
    assert (translation.status, translation.model) == ("machine", "translate-id_en-test")


@pytest.mark.slow
def test_intake_command_runs_without_network(
    no_network: Path, runner: CliRunner, requests_folder: Path, models: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    files = [str(path) for path in sorted(requests_folder.iterdir())]
    arguments = ["intake", *files, "--out", str(out), "--jobs", "2", "--models-dir", str(models)]
    result = runner.invoke(cli, arguments)
    assert result.exit_code == ExitCode.ok, result.stderr
    assert "4 of 4 file(s) processed" in result.stderr


def test_intake_command_translates_with_the_installed_model(
    no_network: Path, runner: CliRunner, models: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    arguments = ["intake", str(INDONESIAN), "--out", str(out), "--models-dir", str(models)]
    assert runner.invoke(cli, arguments).exit_code == ExitCode.ok
    extract = (out / INDONESIAN.stem / "extract.json").read_text(encoding="utf-8")
    assert '"status": "machine"' in extract


@pytest.mark.slow
def test_batch_command_runs_without_network(
    no_network: Path, runner: CliRunner, requests_folder: Path, models: Path, tmp_path: Path
) -> None:
    """`mla batch` (the command object; its workers are forked, so the guard reaches them)."""
    out = tmp_path / "out"
    arguments = [
        str(requests_folder),
        "--out",
        str(out),
        "--jobs",
        "2",
        "--models-dir",
        str(models),
    ]
    result = runner.invoke(batch_command, arguments)
    assert result.exit_code == ExitCode.ok, result.stderr
    folders = {path.name for path in out.iterdir() if (path / "extract.json").exists()}
    assert folders == {path.stem for path in requests_folder.iterdir()}


def network_namespace() -> tuple[str, ...]:
    """`unshare --net`: a new network namespace holding only a loopback that is down."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"unshare --net not permitted here: {probe.stderr.decode().strip()}")
    return ("unshare", "--net")


def test_network_namespace_has_no_network() -> None:
    """What the runs below rely on: inside, even a numeric address is unreachable."""
    probe = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)"
    run = subprocess.run(
        [*network_namespace(), sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "Network is unreachable" in run.stderr


@pytest.mark.slow
def test_installed_mla_works_in_a_namespace_without_network(
    run_mla: Callable[..., Any], requests_folder: Path, models: Path, tmp_path: Path
) -> None:
    prefix = network_namespace()
    files = sorted(requests_folder.iterdir())
    out = tmp_path / "out"
    intake_run = run_mla(
        "intake", *files, "--out", out, "--jobs", "2", "--models-dir", models, prefix=prefix
    )
    assert intake_run.returncode == ExitCode.ok, intake_run.stderr
    assert "4 of 4 file(s) processed" in intake_run.stderr
    batch = [sys.executable, "-c", "from pipeline.batch_cli import batch_command; batch_command()"]
    options = ["--out", str(tmp_path / "batch"), "--jobs", "2", "--models-dir", str(models)]
    batch_run = subprocess.run(
        [*prefix, *batch, str(requests_folder), *options],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert batch_run.returncode == ExitCode.ok, batch_run.stderr


def test_only_the_model_installer_imports_network_modules() -> None:
    """A static check that keeps networking code out of the processing path."""
    offenders = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        if path == NETWORK_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[0] in ONLINE_MODULES
            ]
    assert not offenders


def test_help_says_which_command_goes_online(runner: CliRunner) -> None:
    assert "only `mla models install LANG` goes online" in " ".join(
        runner.invoke(cli, ["--help"]).output.split()
    )
    install_help = " ".join(runner.invoke(cli, ["models", "install", "--help"]).output.split())
    assert "the only networked operation of the tool" in install_help


def test_model_install_from_the_index_without_network_is_one_clear_line(
    run_mla: Callable[..., Any], tmp_path: Path
) -> None:
    """argostranslate logs each failure and, with no index on disk, recursed until Python's limit."""
    home = tmp_path / "home"
    home.mkdir()
    run = run_mla(
        "models",
        "install",
        "th",
        "--models-dir",
        tmp_path / "models",
        prefix=network_namespace(),
        env={"HOME": str(home), "XDG_DATA_HOME": str(home / "data")},
    )
    assert run.returncode == ExitCode.missing_dependency, run.stderr
    assert run.stdout == ""
    assert run.stderr.startswith("mla: error: cannot reach the Argos package index (https://")
    assert "mla models install FILE.argosmodel" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
