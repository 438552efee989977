"""Loading glossaries: validation errors, user overrides, the bundled folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.exceptions import DataError, UsageError
from pipeline.glossary import (
    HEADER,
    bundled_glossary_dir,
    language_of_file,
    load_glossary,
    read_glossary_file,
)

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = FIXTURES / "bundled"
USER = FIXTURES / "user"
HEADER_LINE = ",".join(HEADER)


def problems_in(tmp_path: Path, *rows: str, header: str = HEADER_LINE) -> str:
    """The DataError message for a th glossary made of `rows`."""
    path = tmp_path / "th-en.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_glossary_file(path, "th")
    return str(raised.value)


@pytest.mark.parametrize(
    ("row", "line", "problem"),
    [
        (
            "ศาล,court,authority,,,common usage\nศาล,court,authority,,,x",
            3,
            "duplicate source 'ศาล', already on line 2",
        ),
        (
            "ศาล,court,authority,,,x\nศาล,tribunal,authority,,,x",
            3,
            "conflicting renderings of 'ศาล': 'tribunal' here, 'court' on line 2",
        ),
        ("ศาล,,authority,,,common usage", 2, "english is empty"),
        (",court,authority,,,common usage", 2, "source is empty"),
        ("ศาล,court,authority,,,", 2, "source_ref is empty"),
        ("ศาล,court,,,,common usage", 2, "kind is empty"),
        ("ศาล,court,court,,,common usage", 2, "unknown kind 'court'"),
        ("ศาล,court,authority,mlat,,common usage", 2, "unknown category 'mlat'"),
        ("ศาล,court,authority,,common usage", 2, "expected 6 fields"),
        ("ศาล ,court,authority,,,common usage", 2, "source has leading or trailing spaces"),
    ],
)
def test_each_problem_is_reported_with_file_and_line(
    tmp_path: Path, row: str, line: int, problem: str
) -> None:
    message = problems_in(tmp_path, row)
    assert f"{tmp_path / 'th-en.csv'}:{line}: {problem}" in message


def test_not_nfc_is_reported(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "tư pháp")
    path = tmp_path / "vi-en.csv"
    path.write_text(f"{HEADER_LINE}\n{decomposed},justice,other,,,common usage\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"vi-en\.csv:2: source is not in Unicode NFC form"):
        read_glossary_file(path, "vi")


def test_bad_header_is_reported_on_line_one(tmp_path: Path) -> None:
    message = problems_in(tmp_path, "ศาล,court,authority,,,x", header="source,english,kind")
    assert (
        f"{tmp_path / 'th-en.csv'}:1: header is 'source,english,kind', expected '{HEADER_LINE}'"
        in message
    )


def test_latin_duplicates_are_found_after_case_folding(tmp_path: Path) -> None:
    path = tmp_path / "id-en.csv"
    path.write_text(
        f"{HEADER_LINE}\nKPK,Commission,authority,,,x\nkpk,Commission,authority,,,x\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"id-en\.csv:3: duplicate source 'kpk', already on line 2"):
        read_glossary_file(path, "id")


def test_all_problems_come_in_one_error_with_a_count(tmp_path: Path) -> None:
    rows = [f"term{number},,bad,,,x" for number in range(13)]
    message = problems_in(tmp_path, *rows)
    assert message.startswith("invalid glossary data (26 problems):")
    assert message.count("th-en.csv:") == 20
    assert message.endswith("... and 6 more")


def test_multi_line_rows_are_reported_at_their_first_line(tmp_path: Path) -> None:
    message = problems_in(tmp_path, 'ศาล,court,authority,,"two\nlines",x', "ศาลอาญา,,authority,,,x")
    assert f"{tmp_path / 'th-en.csv'}:4: english is empty" in message


def test_user_glossaries_override_bundled_and_later_ones_win() -> None:
    only_office = load_glossary("th", [USER / "office-th-en.csv"], glossary_dir=BUNDLED)
    assert only_office.get("ศาล").english == "the court"
    assert only_office.get("ผู้เสียหาย").english == "injured person"
    assert only_office.get("ศาลอาญา").english == "Criminal Court"

    both = load_glossary(
        "th", [USER / "office-th-en.csv", USER / "team-th-en.csv"], glossary_dir=BUNDLED
    )
    assert both.get("ศาล").english == "Court"
    assert both.get("ศาล").origin == "team-th-en.csv:2"
    assert both.get("ผู้เสียหาย").english == "injured person"
    assert len(both) == len(load_glossary("th", glossary_dir=BUNDLED)) + 1


def test_user_glossaries_for_other_languages_are_skipped() -> None:
    loaded = load_glossary("th", [USER / "office-vi-en.csv"], glossary_dir=BUNDLED)
    assert loaded.user_files == ()
    assert loaded.label == "th-en.csv (bundled)"


def test_label_names_the_files_applied_in_order() -> None:
    files = [USER / "office-th-en.csv", (USER / "terms.csv", "th")]
    loaded = load_glossary("th", files, glossary_dir=BUNDLED)
    assert loaded.label == "th-en.csv (bundled) + office-th-en.csv + terms.csv"
    assert loaded.get("ศาล").english == "Court"


def test_a_user_file_needs_a_language() -> None:
    with pytest.raises(UsageError, match=r"name it <lang>-en\.csv"):
        load_glossary("th", [USER / "terms.csv"], glossary_dir=BUNDLED)


def test_a_missing_user_file_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no such glossary file"):
        load_glossary("th", [USER / "missing-th-en.csv"], glossary_dir=BUNDLED)


def test_problems_in_user_files_are_reported_too(tmp_path: Path) -> None:
    user = tmp_path / "mine-th-en.csv"
    user.write_text(f"{HEADER_LINE}\nศาล,court,nonsense,,,x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"mine-th-en\.csv:2: unknown kind 'nonsense'"):
        load_glossary("th", [user], glossary_dir=BUNDLED)


def test_unknown_languages_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        load_glossary("xx", glossary_dir=BUNDLED)
    with pytest.raises(UsageError):
        load_glossary("en", glossary_dir=BUNDLED)


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("th-en.csv", "th"),
        ("office-th-en.csv", "th"),
        ("Office_VI-en.csv", "vi"),
        ("terms.csv", None),
        ("en-en.csv", None),
    ],
)
def test_language_of_file(name: str, lang: str | None) -> None:
    assert language_of_file(Path(name)) == lang


def test_bundled_glossaries_live_in_the_top_level_folder() -> None:
    assert bundled_glossary_dir() == Path(__file__).resolve().parents[2] / "glossaries"
