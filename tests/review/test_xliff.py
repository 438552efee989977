"""XLIFF 1.2 export and import, TBX alongside, TMX of approved segments."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from translate.storage import tmx

from pipeline.cli import cli
from pipeline.exceptions import DataError, ExitCode, UsageError
from pipeline.glossary import load_glossary
from pipeline.glossary_tbx import import_tbx
from pipeline.review.xliff import build_xliff, export_tmx, export_xliff, import_xliff

SCHEMA = Path(__file__).parent / "xliff12" / "xliff-core-1.2-subset.xsd"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
WHEN = datetime(2025, 2, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def xliff_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture
def folder(tmp_path: Path, extract_with_gaps: dict[str, Any]) -> Path:
    """A request folder as intake writes it, from the hand-made Thai extract."""
    folder = tmp_path / "out" / "th_request"
    folder.mkdir(parents=True)
    pages: dict[int, list[str]] = {1: [], 2: []}
    for segment in extract_with_gaps["segments"]:
        pages[segment["page"]].append(segment["source"])
    (folder / "source.txt").write_text(
        "\f".join("\n".join(p) for p in pages.values()) + "\n", encoding="utf-8"
    )
    (folder / "extract.json").write_text(
        json.dumps(extract_with_gaps, ensure_ascii=False), encoding="utf-8"
    )
    return folder


def units(xliff_bytes: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(xliff_bytes)
    return {unit.get("id"): unit for unit in root.iterfind(".//x:trans-unit", NS)}


def edit_target(path: Path, segment: str, english: str, state: str = "translated") -> None:
    """What a translator's CAT tool does: new target text, state moved on."""
    tree = etree.parse(str(path))
    target = tree.find(f".//x:trans-unit[@id='{segment}']/x:target", NS)
    target.text = english
    target.set("state", state)
    del target.attrib["state-qualifier"]
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_export_validates_against_the_xliff_schema(
    extract_with_gaps: dict[str, Any], xliff_schema: etree.XMLSchema
) -> None:
    document = etree.fromstring(build_xliff(extract_with_gaps, ["th_request.th-en.tbx"]))
    xliff_schema.assertValid(document)


def test_the_schema_check_can_fail(
    extract_with_gaps: dict[str, Any], xliff_schema: etree.XMLSchema
) -> None:
    document = etree.fromstring(build_xliff(extract_with_gaps))
    document.find(".//x:target", NS).set("state", "machine-translated")
    assert not xliff_schema.validate(document)
    duplicate = etree.fromstring(build_xliff(extract_with_gaps))
    for unit in duplicate.iterfind(".//x:trans-unit", NS):
        unit.set("id", "p1-s1")
    assert not xliff_schema.validate(duplicate)


def test_one_unit_per_segment_with_machine_draft_for_review(
    extract_with_gaps: dict[str, Any],
) -> None:
    xliff_bytes = build_xliff(extract_with_gaps)
    found = units(xliff_bytes)
    assert list(found) == [segment["id"] for segment in extract_with_gaps["segments"]]
    unit = found["p2-s1"]
    assert unit.findtext("x:source", namespaces=NS) == extract_with_gaps["segments"][7]["source"]
    target = unit.find("x:target", NS)
    assert target.text.startswith("This case concerns the offence of money laundering")
    assert (target.get("state"), target.get("state-qualifier")) == (
        "needs-review-translation",
        "mt-suggestion",
    )
    assert unit.get("approved") is None
    notes = [note.text for note in unit.iterfind("x:note", NS)]
    assert "glossary: ฟอกเงิน = money laundering" in notes
    assert "low OCR confidence (58%): check the source against the scan" in notes
    assert "check: English length unusual: check for omissions" in notes
    header = etree.fromstring(xliff_bytes).find(".//x:header", NS)
    assert f"source-sha256: {'3f' * 32}" in [note.text for note in header.iterfind("x:note", NS)]
    file_node = etree.fromstring(xliff_bytes).find("x:file", NS)
    assert (file_node.get("source-language"), file_node.get("target-language")) == ("th", "en")
    assert file_node.get("original") == "th_th_to_mm_request.pdf"


def test_segments_without_english_have_no_target(complete_extract: dict[str, Any]) -> None:
    found = units(build_xliff(complete_extract))
    assert all(unit.find("x:target", NS) is None for unit in found.values())


def test_english_segments_are_not_for_translation(extract_with_gaps: dict[str, Any]) -> None:
    extract_with_gaps["segments"][0].update(
        language="en", source="Ref. OAG 0017/2568", english="Ref. OAG 0017/2568"
    )
    unit = units(build_xliff(extract_with_gaps))["p1-s1"]
    assert unit.get("translate") == "no"
    assert unit.find("x:source", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert unit.find("x:target", NS).get("state") is None


def test_export_writes_xliff_and_tbx(folder: Path) -> None:
    exported = export_xliff(folder)
    assert exported.xliff == folder / "th_request.xlf"
    assert exported.tbx == [folder / "th_request.th-en.tbx"]
    assert import_tbx(exported.tbx[0]) == list(load_glossary("th").entries)
    header = etree.parse(str(exported.xliff)).find(".//x:header", NS)
    assert header.find("x:glossary/x:external-file", NS).get("href") == "th_request.th-en.tbx"


def test_import_takes_the_translators_english(folder: Path) -> None:
    exported = export_xliff(folder)
    edit_target(exported.xliff, "p2-s4", "The trial is scheduled for 10 April 2025.")
    edit_target(exported.xliff, "p1-s2", "Office of the Attorney General", state="signed-off")
    imported = import_xliff(exported.xliff, now=WHEN)
    assert [change.segment for change in imported.changed] == ["p2-s4"]
    assert imported.approved == ["p1-s2", "p2-s4"]

    extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    segment = next(s for s in extract["segments"] if s["id"] == "p2-s4")
    assert segment["english"] == "The trial is scheduled for 10 April 2025."
    assert segment["flags"] == ["post-edited"]
    assert "1 segment post-edited by translator on 2025-02-25" in extract["processing"]["warnings"]
    assert "The trial is scheduled for 10 April 2025." in (folder / "review.html").read_text(
        encoding="utf-8"
    )
    assert (folder / "summary.md").is_file()
    assert exported.xliff.is_file() and exported.tbx[0].is_file(), "import keeps the exported files"

    history = [
        json.loads(line)
        for line in (folder / "history.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert history == [
        {
            "imported_at": "2025-02-25T09:30:00+00:00",
            "file": "th_request.xlf",
            "file_sha256": history[0]["file_sha256"],
            "changed": [
                {
                    "segment": "p2-s4",
                    "old": "The trial trial is scheduled for 10 April 2025.",
                    "new": "The trial is scheduled for 10 April 2025.",
                }
            ],
            "approved": ["p1-s2", "p2-s4"],
        }
    ]


def test_second_import_appends_to_history(folder: Path) -> None:
    exported = export_xliff(folder)
    edit_target(exported.xliff, "p2-s4", "The trial is scheduled for 10 April 2025.")
    import_xliff(exported.xliff, now=WHEN)
    edit_target(exported.xliff, "p2-s5", "Please reply within 30 days of receipt of this request.")
    imported = import_xliff(exported.xliff, now=WHEN)
    assert [change.segment for change in imported.changed] == ["p2-s5"]
    lines = (folder / "history.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    fixed = next(s for s in extract["segments"] if s["id"] == "p2-s5")
    assert fixed["flags"] == ["post-edited"], "the glossary term is now rendered"


def test_import_refuses_another_documents_xliff(folder: Path, tmp_path: Path) -> None:
    exported = export_xliff(folder)
    text = exported.xliff.read_text(encoding="utf-8").replace("3f" * 32, "ab" * 32)
    other = tmp_path / "other.xlf"
    other.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="exported from another document"):
        import_xliff(other, folder)


@pytest.mark.parametrize(
    "content",
    [
        b"not xml at all",
        b"<html><body/></html>",
        b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>',
    ],
)
def test_import_refuses_files_that_are_not_xliff(folder: Path, content: bytes) -> None:
    bad = folder / "bad.xlf"
    bad.write_bytes(content)
    with pytest.raises(DataError, match=r"not an XLIFF 1\.2 file"):
        import_xliff(bad)


def test_import_needs_a_request_folder(tmp_path: Path, folder: Path) -> None:
    exported = export_xliff(folder, tmp_path / "to-translator")
    with pytest.raises(UsageError, match="not a request folder"):
        import_xliff(exported.xliff)


def test_tmx_holds_the_approved_segments(folder: Path) -> None:
    with pytest.raises(UsageError, match="no translator-approved segments"):
        export_tmx(folder)
    exported = export_xliff(folder)
    edit_target(exported.xliff, "p2-s4", "The trial is scheduled for 10 April 2025.")
    import_xliff(exported.xliff, now=WHEN)
    path, count = export_tmx(folder)
    assert (path, count) == (folder / "th_request.tmx", 1)
    memory = tmx.tmxfile.parsestring(path.read_bytes())
    assert [(unit.source, unit.target) for unit in memory.units] == [
        ("การพิจารณาคดีกำหนดวันที่ 10 เมษายน 2568", "The trial is scheduled for 10 April 2025.")
    ]


def test_cli_round_trip(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export-xliff", str(folder), "--out", str(tmp_path / "sent")])
    assert result.exit_code == 0, result.output
    sent = tmp_path / "sent" / "th_request.xlf"
    edit_target(sent, "p2-s4", "The trial is scheduled for 10 April 2025.")
    result = runner.invoke(cli, ["import-xliff", str(sent), "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    assert "1 segment(s) post-edited, 1 approved" in result.stderr
    result = runner.invoke(cli, ["export-tmx", str(folder)])
    assert result.exit_code == 0 and "1 approved segment(s)" in result.stderr


def test_cli_reports_bad_xliff_in_one_line(runner: CliRunner, folder: Path) -> None:
    bad = folder / "bad.xlf"
    bad.write_text("garbage", encoding="utf-8")
    result = runner.invoke(cli, ["import-xliff", str(bad)])
    assert result.exit_code == ExitCode.bad_data
    assert result.stderr.startswith(f"mla: error: {bad}: not an XLIFF 1.2 file")
    assert len(result.stderr.strip().splitlines()) == 1


def test_confirmed_units_count_as_approved_unchanged_ones_do_not(folder: Path) -> None:
    exported = export_xliff(folder)
    tree = etree.parse(str(exported.xliff))
    tree.find(".//x:trans-unit[@id='p1-s4']", NS).set("approved", "yes")
    tree.find(".//x:trans-unit[@id='p1-s5']/x:target", NS).set("state", "final")
    tree.write(str(exported.xliff), xml_declaration=True, encoding="UTF-8")
    imported = import_xliff(exported.xliff, now=WHEN)
    assert imported.changed == []
    assert imported.approved == ["p1-s4", "p1-s5"]
    extract = json.loads((folder / "extract.json").read_text(encoding="utf-8"))
    assert not any("post-edited" in warning for warning in extract["processing"]["warnings"])


def test_import_refuses_units_of_another_request(folder: Path) -> None:
    exported = export_xliff(folder)
    text = exported.xliff.read_text(encoding="utf-8")
    text = text.replace('id="p', 'id="q').replace(f"source-sha256: {'3f' * 32}", "")
    exported.xliff.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="none of its 12 trans-unit ids"):
        import_xliff(exported.xliff)
