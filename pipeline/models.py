"""Translation model packages: list, install (from a file or the Argos index), remove.

Packages are Argos Translate `.argosmodel` files: a zip holding one folder
with `metadata.json`, a CTranslate2 model in `model/` and a SentencePiece
model.  A package file is untrusted input (it is copied between machines), so
it is validated before anything is written, and installed atomically.

Model folders are searched in order: the user's own models directory first,
then any shared read-only directories an intake desk configures.
"""

from __future__ import annotations

import json
import logging
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.exceptions import DataError, MissingDependencyError, UsageError

METADATA = "metadata.json"
SENTENCEPIECE = "sentencepiece.model"
MAX_MEMBER_BYTES = 2 << 30
MAX_TOTAL_BYTES = 4 << 30
MAX_COMPRESSION_RATIO = 200
MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class InstalledModel:
    """A package installed in a models directory."""

    path: Path
    from_code: str
    to_code: str
    name: str
    version: str
    target_prefix: str

    @property
    def label(self) -> str:
        """How extract.json names the model, e.g. `translate-th_en-1_9`."""
        return self.path.name

    @property
    def ctranslate2_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_file(self) -> Path:
        return self.path / SENTENCEPIECE


def read_installed(path: Path) -> InstalledModel:
    """Read an installed package folder; DataError if it is not one."""
    try:
        metadata = json.loads((path / METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(
            f"not a translation package: cannot read {METADATA} ({error})", path
        ) from error
    _check_metadata(metadata, path)
    return InstalledModel(
        path=path,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        name=str(metadata.get("name") or path.name),
        version=str(metadata.get("package_version", "")),
        target_prefix=str(metadata.get("target_prefix", "")),
    )


def _check_metadata(metadata: object, path: Path) -> None:
    if not isinstance(metadata, dict):
        raise DataError(f"{METADATA} is not a JSON object", path)
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.isalpha() or not 2 <= len(value) <= 3:
            raise DataError(f"{METADATA} has no valid {key!r} language code", path)


def list_models(directories: list[Path]) -> list[InstalledModel]:
    """Installed packages in search order; folders that are not packages are skipped."""
    models = []
    for directory in directories:
        if not directory.is_dir():
            continue
        for child in sorted(directory.iterdir()):
            if child.is_dir() and not child.name.startswith(".") and (child / METADATA).exists():
                try:
                    models.append(read_installed(child))
                except DataError:
                    continue
    return models


def find_model(
    from_code: str, directories: list[Path], to_code: str = "en"
) -> InstalledModel | None:
    """The first installed package for the pair, in search order."""
    for model in list_models(directories):
        if model.from_code == from_code and model.to_code == to_code:
            return model
    return None


def install_from_file(package: Path, models_dir: Path) -> InstalledModel:
    """Validate an `.argosmodel` file and install it, replacing the same pair."""
    if not package.is_file():
        raise UsageError("no such package file", package)
    top = validate_package(package)
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=models_dir))
    try:
        with zipfile.ZipFile(package) as archive:
            archive.extractall(staging)
        installed = read_installed(staging / top)
        _check_model_files(installed.path, package)
        previous = find_model(installed.from_code, [models_dir], installed.to_code)
        target = models_dir / top
        if previous is not None:
            shutil.rmtree(previous.path)
        if target.exists():
            shutil.rmtree(target)
        (staging / top).rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_installed(target)


def validate_package(package: Path) -> str:
    """Check a package zip without extracting it; returns its top-level folder name."""
    if not zipfile.is_zipfile(package):
        raise DataError("not a translation package: the file is not a zip archive", package)
    try:
        with zipfile.ZipFile(package) as archive:
            members = archive.infolist()
            top = _check_members(members, package)
            names = {member.filename.rstrip("/") for member in members}
            for required in (METADATA, SENTENCEPIECE, "model/model.bin"):
                if f"{top}/{required}" not in names:
                    raise DataError(f"package lacks {top}/{required}", package)
            metadata = json.loads(archive.read(f"{top}/{METADATA}").decode("utf-8"))
    except (zipfile.BadZipFile, ValueError, UnicodeDecodeError) as error:
        raise DataError(f"not a valid translation package ({error})", package) from error
    _check_metadata(metadata, package)
    return top


def _check_members(members: list[zipfile.ZipInfo], package: Path) -> str:
    if not members or len(members) > MAX_MEMBERS:
        raise DataError(f"package has {len(members)} members", package)
    tops = set()
    total = 0
    for member in members:
        name = PurePosixPath(member.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in member.filename:
            raise DataError(f"package member {member.filename!r} has an unsafe path", package)
        if stat.S_ISLNK(member.external_attr >> 16):
            raise DataError(f"package member {member.filename!r} is a symbolic link", package)
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or ratio > MAX_COMPRESSION_RATIO:
            raise DataError(f"package member {member.filename!r} is oversized", package)
        total += member.file_size
        tops.add(name.parts[0])
    if total > MAX_TOTAL_BYTES:
        raise DataError("package is larger than 4 GiB unpacked", package)
    if len(tops) != 1:
        raise DataError("package must hold exactly one top-level folder", package)
    top = tops.pop()
    if top.startswith("."):
        raise DataError("package folder name must not start with a dot", package)
    return top


def _check_model_files(path: Path, package: Path) -> None:
    """Load the tokenizer and check CTranslate2 can read the model folder."""
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(path / SENTENCEPIECE))
    except (OSError, RuntimeError) as error:
        raise DataError(
            f"package's SentencePiece model is unreadable ({error})", package
        ) from error
    if not ctranslate2.contains_model(str(path / "model")):
        raise DataError("package's model/ folder is not a CTranslate2 model", package)


def remove_model(from_code: str, models_dir: Path, to_code: str = "en") -> InstalledModel:
    model = find_model(from_code, [models_dir], to_code)
    if model is None:
        raise UsageError(f"no {from_code}→{to_code} model is installed in {models_dir}")
    shutil.rmtree(model.path)
    return model


@contextmanager
def _argos_log_silenced() -> Iterator[None]:
    """argostranslate prints each network error as a tuple on stdout; our one-line error says it."""
    logger = logging.getLogger("argostranslate.utils")
    previous = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = previous


def install_from_index(from_code: str, models_dir: Path, to_code: str = "en") -> InstalledModel:
    """Download a package from the Argos index (the only networked operation)."""
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    index = Path(argos_settings.local_package_index)
    fetched_before = index.stat().st_mtime_ns if index.exists() else None
    with _argos_log_silenced():
        argos_package.update_package_index()
    if not index.exists() or index.stat().st_mtime_ns == fetched_before:
        # argostranslate logs the failure and carries on; without an index its
        # get_available_packages() recurses until Python's limit.
        raise MissingDependencyError(
            f"cannot reach the Argos package index ({argos_settings.remote_package_index}); on an "
            "air-gapped machine copy the package file over and run "
            "`mla models install FILE.argosmodel`"
        )
    available = argos_package.get_available_packages()
    matches = [p for p in available if p.from_code == from_code and p.to_code == to_code]
    if not matches:
        raise MissingDependencyError(
            f"the Argos index has no {from_code}→{to_code} package; convert an OPUS-MT model "
            "with `mla models convert MARIAN_DIR --from " + from_code + "`"
        )
    try:
        downloaded = Path(matches[0].download())
    except Exception as error:
        raise MissingDependencyError(
            f"download of the {from_code}→{to_code} package failed ({error})"
        ) from error
    return install_from_file(downloaded, models_dir)
