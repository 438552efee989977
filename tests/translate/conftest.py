"""Fixtures for the translation tests: the test model package and variants of it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parents[2] / "models"
TEST_PACKAGE = MODELS / "translate-id_en-test.argosmodel"


@pytest.fixture(scope="session")
def test_package() -> Path:
    """The small Indonesian→English model we build (for tests only)."""
    return TEST_PACKAGE


@pytest.fixture(scope="session")
def installed_models(tmp_path_factory: pytest.TempPathFactory, test_package: Path) -> Path:
    """A models folder with the test package installed through the real path."""
    from pipeline.models import install_from_file

    folder = tmp_path_factory.mktemp("models")
    install_from_file(test_package, folder)
    return folder


@pytest.fixture
def rewrite_package():
    """Copy a package zip member by member; `edit(info, data)` changes or drops each."""

    def rewrite(
        source: Path, target: Path, edit, extra: tuple[zipfile.ZipInfo, bytes] | None = None
    ) -> Path:
        with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
            if extra is not None:
                copy.writestr(*extra)
            for info in original.infolist():
                result = edit(info, original.read(info))
                if result is not None:
                    copy.writestr(*result)
        return target

    return rewrite
