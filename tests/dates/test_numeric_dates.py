"""Native digits, numeric dates, their day/month order and the ambiguity flag, and offsets."""

from __future__ import annotations

import datetime
import itertools

import pytest

from pipeline.dates import find_dates, to_ascii_digits


@pytest.mark.parametrize(
    ("native", "ascii_digits"),
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),  # Thai
        ("໐໑໒໓໔໕໖໗໘໙", "0123456789"),  # Lao
        ("០១២៣៤៥៦៧៨៩", "0123456789"),  # Khmer
        ("၀၁၂၃၄၅၆၇၈၉", "0123456789"),  # Burmese
        ("０１２３４５６７８９", "0123456789"),  # full width
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),  # Arabic-Indic, as another Unicode Nd
        ("ที่ อส ๐๐๑๖/๐๔๑๒", "ที่ อส 0016/0412"),
        ("二〇二六年", "二〇二六年"),  # Chinese numerals are words, not digits
    ],
)
def test_native_digits_become_ascii_one_for_one(native: str, ascii_digits: str) -> None:
    converted = to_ascii_digits(native)

    assert converted == ascii_digits
    assert len(converted) == len(native)


@pytest.mark.parametrize(
    ("text", "lang", "iso", "ambiguous"),
    [
        ("03/04/2026", "en", "2026-04-03", True),  # 3 April read first; 4 March also possible
        ("03/04/2026", "tl", "2026-04-03", True),
        ("13/04/2026", "en", "2026-04-13", False),  # only one valid reading
        ("04/13/2026", "en", "2026-04-13", False),
        ("04/04/2026", "en", "2026-04-04", False),  # both readings are the same day
        ("03.04.2026", "en", "2026-04-03", True),
        ("03-04-2026", "en", "2026-04-03", True),
        # Vietnamese, Thai, Indonesian … write day first only: nothing to flag
        ("03/04/2026", "vi", "2026-04-03", False),
        ("๐๓/๐๔/๒๕๖๙", "th", "2026-04-03", False),
    ],
)
def test_numeric_dates_read_day_first_and_flag_ambiguity(
    text: str, lang: str, iso: str, ambiguous: bool
) -> None:
    [mention] = find_dates(text, lang)

    assert mention.date == datetime.date.fromisoformat(iso)
    assert mention.ambiguous is ambiguous


def test_a_day_first_date_in_the_text_settles_the_order() -> None:
    text = "born 17/09/1989, arrested 08/01/2026"

    mentions = find_dates(text, "en")

    assert [(m.date, m.ambiguous) for m in mentions] == [
        (datetime.date(1989, 9, 17), False),
        (datetime.date(2026, 1, 8), False),
    ]


def test_a_month_first_date_in_the_text_switches_the_order() -> None:
    text = "Petsa: 12/25/2025; natanggap noong 03/04/2026"

    mentions = find_dates(text, "tl")

    assert [(m.date, m.ambiguous) for m in mentions] == [
        (datetime.date(2025, 12, 25), False),
        (datetime.date(2026, 3, 4), False),
    ]


def test_contradicting_orders_keep_day_first_and_the_flag() -> None:
    text = "17/09/1989, 12/25/2025 and 03/04/2026"

    mentions = find_dates(text, "en")

    assert [(m.date, m.ambiguous) for m in mentions] == [
        (datetime.date(1989, 9, 17), False),
        (datetime.date(2025, 12, 25), False),
        (datetime.date(2026, 4, 3), True),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("เรื่อง ขอความช่วยเหลือ\n๑๒ มีนาคม ๒๕๖๙ และภายใน ๓๐ วันนับแต่วันที่ได้รับ โดยเร็วที่สุด", "th"),
        ("លេខ៖ ៤១២\nថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៦ ក្នុងរយៈពេល ៣០ ថ្ងៃ ជាបន្ទាន់", "km"),
        ("ເລກທີ 412\nວັນທີ ໑໒ ມີນາ ໒໐໒໖ ພາຍໃນ ໓໐ ວັນ ໂດຍໄວທີ່ສຸດ", "lo"),
        ("စာအမှတ်\n၂၀၂၆ ခုနှစ်၊ မတ်လ ၁၂ ရက် ရက်ပေါင်း ၃၀ အတွင်း အမြန်ဆုံး", "my"),
        ("文号：第0412号\n二〇二六年三月五日 收到本请求书之日起三十日内 尽快", "zh"),
        ("Số: 412\nngày 5 tháng 3 năm 2026; trong thời hạn 30 ngày, 05/03/2026", "vi"),
    ],
)
def test_offsets_point_into_the_original_text(text: str, lang: str) -> None:
    mentions = find_dates(text, lang)

    assert len(mentions) == 3
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.text.strip() == mention.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
