"""Agreement with dateparser where it covers a form, no network, speed, and the dev set."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from dateparser.date import DateDataParser

from pipeline.dates import find_dates

DEVSET = Path(__file__).resolve().parent.parent / "devset"

# Forms dateparser reads correctly on its own; our reading must be the same.
DATEPARSER_FORMS = [
    ("en", "en", "5 March 2026"),
    ("en", "en", "March 5, 2026"),
    ("en", "en", "29 November 2004"),
    ("id", "id", "5 Maret 2026"),
    ("id", "id", "17 Agustus 2026"),
    ("ms", "ms", "9 Mac 2026"),
    ("ms", "ms", "31 Disember 2025"),
    ("tl", "fil", "Marso 5, 2026"),
    ("vi", "vi", "5 tháng 3 năm 2026"),
    ("vi", "vi", "5 tháng Ba năm 2026"),
    ("lo", "lo", "12 ມີນາ 2026"),
    ("lo", "lo", "31 ທັນວາ 2025"),
    ("zh", "zh", "2026年3月5日"),
]


@pytest.mark.parametrize(("lang", "dateparser_lang", "text"), DATEPARSER_FORMS)
def test_our_reading_agrees_with_dateparser(lang: str, dateparser_lang: str, text: str) -> None:
    parser = DateDataParser(
        languages=[dateparser_lang],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    expected = parser.get_date_data(text).date_obj

    [mention] = find_dates(text, lang)

    assert expected is not None
    assert mention.date == expected.date()


def test_finding_dates_opens_no_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    for lang, text in [("en", "5 March 2026"), ("th", "๑๒ มีนาคม ๒๕๖๙"), ("zh", "三十日内")]:
        assert find_dates(text, lang)


def _devset_cases() -> list[Path]:
    return sorted(path for path in DEVSET.glob("*/gold.json")) if DEVSET.is_dir() else []


@pytest.mark.parametrize("gold_path", _devset_cases(), ids=lambda path: path.parent.name)
def test_dev_set_deadlines_are_found(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = next(gold_path.parent.glob("source.*.txt"))
    lang = source.name.split(".")[1]

    mentions = find_dates(source.read_text(encoding="utf-8"), lang)

    dates = {m.date.isoformat() for m in mentions if m.date}
    relatives = {m.relative for m in mentions if m.relative}
    assert set(gold["deadline_dates"]) <= dates
    assert set(gold["deadline_relative"]) <= relatives
