"""`mla models convert`: a Hugging Face Marian checkpoint becomes an installable package.

Tested on the Marian checkpoint the test-model build produces
(models/test-marian-id-en); needs the `convert` extra (transformers, torch).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.exceptions import ExitCode
from pipeline.models import find_model
from pipeline.options import TranslationOptions
from pipeline.translate import load_model

MARIAN = Path(__file__).resolve().parents[2] / "models" / "test-marian-id-en"


@pytest.mark.slow
def test_converted_checkpoint_installs_and_translates_like_the_shipped_package(
    tmp_path: Path,
) -> None:
    package = tmp_path / "converted.argosmodel"
    models = tmp_path / "models"
    result = CliRunner().invoke(
        cli,
        [
            "models",
            "convert",
            str(MARIAN),
            "--from",
            "id",
            "--out",
            str(package),
            "--install",
            "--models-dir",
            str(models),
        ],
    )
    assert result.exit_code == 0, result.stderr
    converted = find_model("id", [models])
    assert converted is not None and converted.label == "translate-id_en-converted"
    rows = (MARIAN.parent / "test_model_heldout.tsv").read_text("utf-8").splitlines()
    pairs = [row.split("\t")[:2] for row in rows if row.endswith("heldout_combos")][:20]
    loaded = load_model(converted, 0)
    outputs = loaded.translate([loaded.encode(source) for source, _ in pairs], TranslationOptions())
    exact = sum(
        loaded.decode(best[0]) == reference
        for best, (_, reference) in zip(outputs, pairs, strict=True)
    )
    assert exact >= 5  # the package built from the same weights (35 %+ exact) does as well


def test_a_folder_that_is_not_a_marian_checkpoint_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "models",
            "convert",
            str(tmp_path),
            "--from",
            "vi",
            "--out",
            str(tmp_path / "x.argosmodel"),
        ],
    )
    assert result.exit_code == ExitCode.bad_data
    assert "not a Marian checkpoint: config.json is missing" in result.stderr
