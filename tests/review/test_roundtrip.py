"""The post-editing round trip with the real pipeline: intake, export, edit, import.

The request is Indonesian text translated by the small test model
(models/translate-id_en-test.argosmodel), whose drafts of these sentences
are poor; the translator's English is what extraction then reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.api import intake
from pipeline.cli import cli
from pipeline.models import install_from_file
from pipeline.options import OcrOptions, PipelineOptions, TranslationOptions

pytestmark = pytest.mark.slow

TEST_MODEL = Path(__file__).resolve().parents[2] / "models" / "translate-id_en-test.argosmodel"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
REQUEST = """KEJAKSAAN AGUNG REPUBLIK INDONESIA

Nomor: B-1234/F.2/Fjp/03/2026
Jakarta, 2 Maret 2026

Kepada: Attorney-General's Chambers Malaysia

Perihal: Permintaan Bantuan Timbal Balik dalam Masalah Pidana

1. Bantuan yang Diminta

Pihak Peminta mohon agar Pihak Diminta dapat memperoleh catatan bank atas rekening nomor 49890444137 di Maybank untuk periode 4 April 2009 sampai dengan 21 September 2012.

Pihak Peminta mohon agar Pihak Diminta melakukan pemblokiran rekening nomor 5512093311 atas nama PT Inti Jaya Semesta.

2. Jangka Waktu

Hasil pelaksanaan permintaan ini mohon disampaikan selambat-lambatnya pada tanggal 30 Juni 2026.
"""
BANK_RECORDS = (
    "The Requesting Party asks that the Requested Party obtain the bank records of account "
    "number 49890444137 at Maybank for the period from 4 April 2009 to 21 September 2012."
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    models = tmp_path / "models"
    install_from_file(TEST_MODEL, models)
    request = tmp_path / "id_request.txt"
    request.write_text(REQUEST, encoding="utf-8")
    options = PipelineOptions(
        ocr=OcrOptions(jobs=1), translation=TranslationOptions(models_dirs=(models,))
    )
    [outcome] = intake([request], tmp_path / "out", options)
    assert outcome.error is None
    return outcome.folder


def segment_with(extract: dict, words: str) -> dict:
    return next(segment for segment in extract["segments"] if words in segment["source"])


def test_translators_english_changes_the_extract(
    runner: CliRunner, folder: Path, tmp_path: Path
) -> None:
    before = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    assert before["processing"]["translation"]["status"] == "machine"
    records = segment_with(before, "catatan bank")
    assert records["english"] != BANK_RECORDS
    categories = {item["category"] for item in before["assistance_sought"]}
    assert "providing_documents_records" not in categories, "precondition: the draft hides it"

    result = runner.invoke(cli, ["export-xliff", str(folder), "--out", str(tmp_path / "sent")])
    assert result.exit_code == 0, result.output
    sent = tmp_path / "sent" / f"{folder.name}.xlf"
    tree = etree.parse(str(sent))
    target = tree.find(f".//x:trans-unit[@id='{records['id']}']/x:target", NS)
    assert target.get("state-qualifier") == "mt-suggestion"
    target.text = BANK_RECORDS
    target.set("state", "translated")
    tree.write(str(sent), xml_declaration=True, encoding="UTF-8")

    result = runner.invoke(cli, ["import-xliff", str(sent), "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    after = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    assert segment_with(after, "catatan bank")["english"] == BANK_RECORDS
    found = [
        item
        for item in after["assistance_sought"]
        if item["category"] == "providing_documents_records"
    ]
    assert found and found[0]["evidence"]["segment"] == records["id"]
    assert any(item["evidence"]["segment"] == records["id"] for item in after["assistance_sought"])
    assert after["deadlines"] == before["deadlines"]
    assert any(
        "post-edited by translator" in warning for warning in after["processing"]["warnings"]
    )
    assert "providing" in (folder / "summary.md").read_text(encoding="utf-8").lower()
    history = (folder / "history.jsonl").read_text(encoding="utf-8").splitlines()
    assert [change["segment"] for change in json.loads(history[0])["changed"]] == [records["id"]]
