"""TBX export and import: a round trip keeps every column."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.exceptions import DataError, UsageError
from pipeline.glossary import Entry, load_glossary
from pipeline.glossary_tbx import export_tbx, import_tbx

BUNDLED = Path(__file__).parent / "fixtures" / "bundled"

ENTRIES = [
    Entry("tương trợ tư pháp", "mutual legal assistance", "procedure", "", "", "vn-law s.1"),
    Entry(
        "Viện kiểm sát nhân dân tối cao",
        "Supreme People's Procuracy",
        "authority",
        "other",
        "  “Central Authority” & <MLA>\n  second  line ",
        "official name",
    ),
    Entry("dẫn độ", "extradition", "procedure", "surrender", "Điều 4", "vn-law-103-2025 Điều 4(2)"),
]


def round_trip(entries: list[Entry], lang: str, tmp_path: Path) -> list[Entry]:
    path = tmp_path / "glossary.tbx"
    path.write_bytes(export_tbx(entries, lang))
    return import_tbx(path)


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    back = round_trip(ENTRIES, "vi", tmp_path)
    assert [entry.row() for entry in back] == [entry.row() for entry in ENTRIES]


@pytest.mark.parametrize("lang", ["id", "vi", "th", "km", "lo", "my", "zh"])
def test_round_trip_of_each_fixture_glossary(lang: str, tmp_path: Path) -> None:
    entries = load_glossary(lang, glossary_dir=BUNDLED).entries
    assert [entry.row() for entry in round_trip(list(entries), lang, tmp_path)] == [
        entry.row() for entry in entries
    ]


def test_export_uses_tbx_elements(tmp_path: Path) -> None:
    text = export_tbx(ENTRIES[2:], "vi").decode()
    assert '<martif type="TBX" xml:lang="vi">' in text
    assert '<langSet xml:lang="en"><tig><term>extradition</term></tig></langSet>' in text
    assert '<descrip type="category">surrender</descrip>' in text
    assert "<note>Điều 4</note>" in text


def test_import_checks_the_glossary_rules(tmp_path: Path) -> None:
    broken = [*ENTRIES, Entry("dẫn độ", "surrender", "procedure", "", "", "x")]
    path = tmp_path / "broken.tbx"
    path.write_bytes(export_tbx(broken, "vi"))
    with pytest.raises(DataError, match=r"broken\.tbx:\d+: conflicting renderings of 'dẫn độ'"):
        import_tbx(path)


def test_import_takes_an_explicit_language(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tbx"
    undeclared = export_tbx(ENTRIES, "vi").replace(b'"TBX" xml:lang="vi"', b'"TBX"')
    path.write_bytes(undeclared)
    with pytest.raises(UsageError, match="does not declare its source language"):
        import_tbx(path)
    assert len(import_tbx(path, "vi")) == len(ENTRIES)


def test_import_rejects_files_that_are_not_tbx(tmp_path: Path) -> None:
    path = tmp_path / "notes.tbx"
    path.write_text("source,english\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a TBX file"):
        import_tbx(path)
