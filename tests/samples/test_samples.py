"""The bundled samples end to end: every one gives a schema-valid extract in its language.

Also guards OCR quality on the scans (and on the Khmer PDF, whose garbled
text layer is OCRed instead): the character error rate against the
committed source text must stay below the level measured when the samples
were made (benchmarks/RESULTS.md), with a margin.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.exceptions import ExitCode

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
sys.path.insert(0, str(SAMPLES.parent / "benchmarks"))

from ocr_langid import cer, sample_files, source_stem  # noqa: E402

MAX_CER = {
    "th_th_to_my_mla_scan.pdf": 0.08,
    "ms_my_to_id_mla_scan.pdf": 0.04,
    "km_kh_to_th_mla.pdf": 0.06,
    "km_kh_to_th_mla_rotated.pdf": 0.06,
    "my_mm_to_th_mla_scan.pdf": 0.40,
    "zh_cn_to_la_mla_photo.jpg": 0.15,
    "vi_vn_to_kh_mla_scan.tiff": 0.03,
}


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples-out")
    result = CliRunner().invoke(
        cli, ["intake", *map(str, sample_files()), "--out", str(out), "--jobs", "2"]
    )
    assert result.exit_code == ExitCode.ok, result.stderr
    return out


@pytest.mark.slow
def test_every_sample_gives_a_valid_extract_in_its_language(
    processed: Path, schema_validator: jsonschema.Draft202012Validator
) -> None:
    for path in sample_files():
        extract = json.loads((processed / path.stem / "extract.json").read_text("utf-8"))
        schema_validator.validate(extract)
        assert extract["language"]["primary"] == source_stem(path).split("_")[0], path.name
        assert extract["segments"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(MAX_CER))
def test_scan_ocr_error_rate_stays_low(processed: Path, name: str) -> None:
    ours = (processed / Path(name).stem / "source.txt").read_text("utf-8")
    truth = (SAMPLES / "src" / f"{source_stem(Path(name))}.txt").read_text("utf-8")
    assert cer(ours, truth) <= MAX_CER[name]


def test_cer_counts_edits_against_the_truth() -> None:
    assert cer("abc d", "abcd") == 0
    assert cer("abxd", "abcd") == 0.25
    assert cer(unicodedata.normalize("NFD", "Việt"), "Việt") == 0
