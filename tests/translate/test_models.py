"""Model packages: install from a file (good and every bad kind), list, remove."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.exceptions import DataError, ExitCode
from pipeline.models import find_model, install_from_file, list_models, remove_model


def test_install_list_and_remove(tmp_path: Path, test_package: Path) -> None:
    installed = install_from_file(test_package, tmp_path)
    assert (installed.from_code, installed.to_code) == ("id", "en")
    assert "TEST MODEL" in installed.name
    assert [model.label for model in list_models([tmp_path])] == [installed.label]
    assert install_from_file(test_package, tmp_path).path == installed.path  # reinstall replaces
    assert len(list_models([tmp_path])) == 1
    remove_model("id", tmp_path)
    assert find_model("id", [tmp_path]) is None


def test_shared_folders_are_searched_after_the_users_own(
    tmp_path: Path, test_package: Path
) -> None:
    own, shared = tmp_path / "own", tmp_path / "shared"
    install_from_file(test_package, shared)
    assert find_model("id", [own, shared]).path.parent == shared


def _member_named(name: str):
    def edit(info: zipfile.ZipInfo, data: bytes):
        return None if info.filename.endswith(name) else (info, data)

    return edit


def _metadata(change):
    def edit(info: zipfile.ZipInfo, data: bytes):
        if info.filename.endswith("metadata.json"):
            return info, json.dumps(change(json.loads(data))).encode()
        return info, data

    return edit


def _keep(info: zipfile.ZipInfo, data: bytes):
    return info, data


def _extra(name: str, data: bytes = b"x", mode: int | None = None) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.external_attr = mode << 16
    return info, data


BAD_PACKAGES = {
    "no metadata": (_member_named("metadata.json"), None, "lacks"),
    "no tokenizer": (_member_named("sentencepiece.model"), None, "lacks"),
    "no model": (_member_named("model.bin"), None, "lacks"),
    "no language code": (_metadata(lambda m: {**m, "from_code": ""}), None, "from_code"),
    "metadata not an object": (_metadata(lambda m: ["id", "en"]), None, "not a JSON object"),
    "absolute path": (_keep, _extra("/etc/evil"), "unsafe path"),
    "parent path": (_keep, _extra("translate-id_en-test/../../evil"), "unsafe path"),
    "symlink": (
        _keep,
        _extra("translate-id_en-test/link", b"/etc/passwd", stat.S_IFLNK | 0o777),
        "symbolic link",
    ),
    "two folders": (_keep, _extra("other/file.txt"), "exactly one top-level folder"),
}


@pytest.mark.parametrize("kind", sorted(BAD_PACKAGES))
def test_bad_packages_are_refused_and_leave_nothing(
    tmp_path: Path, test_package: Path, rewrite_package, kind: str
) -> None:
    edit, extra, message = BAD_PACKAGES[kind]
    package = rewrite_package(test_package, tmp_path / "bad.argosmodel", edit, extra)
    models = tmp_path / "models"
    with pytest.raises(DataError, match=message):
        install_from_file(package, models)
    assert not models.exists() or not list(models.iterdir())


def test_non_zip_and_oversized_members_are_refused(tmp_path: Path) -> None:
    not_zip = tmp_path / "fake.argosmodel"
    not_zip.write_bytes(b"%PDF-1.7 not a zip")
    with pytest.raises(DataError, match="not a zip archive"):
        install_from_file(not_zip, tmp_path / "models")
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/model/model.bin", b"\0" * 50_000_000)
    with pytest.raises(DataError, match="oversized"):
        install_from_file(bomb, tmp_path / "models")


def test_corrupt_model_files_are_refused(
    tmp_path: Path, test_package: Path, rewrite_package
) -> None:
    def garble(info: zipfile.ZipInfo, data: bytes):
        return (info, b"garbage") if info.filename.endswith("sentencepiece.model") else (info, data)

    package = rewrite_package(test_package, tmp_path / "garbled.argosmodel", garble)
    with pytest.raises(DataError, match="SentencePiece"):
        install_from_file(package, tmp_path / "models")
    assert not list((tmp_path / "models").iterdir())


def test_models_commands(tmp_path: Path, test_package: Path) -> None:
    runner = CliRunner()
    models = ["--models-dir", str(tmp_path)]
    result = runner.invoke(cli, ["models", "install", str(test_package), *models])
    assert result.exit_code == 0, result.stderr
    listed = runner.invoke(cli, ["models", "list", *models])
    assert "id→en" in listed.stdout and "TEST MODEL" in listed.stdout
    assert runner.invoke(cli, ["models", "remove", "id", *models]).exit_code == 0
    missing = runner.invoke(cli, ["models", "remove", "id", *models])
    assert missing.exit_code == ExitCode.bad_args
    assert "no id→en model is installed" in missing.stderr
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    refused = runner.invoke(cli, ["models", "install", str(bad), *models])
    assert refused.exit_code == ExitCode.bad_data
    assert refused.stderr.startswith(f"mla: error: {bad}: not a translation package")
