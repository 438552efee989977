"""Absolute dates in every supported language, with native digits and era conversion."""

from __future__ import annotations

import datetime

import pytest

from pipeline.dates import find_dates

# (lang, text, the date's source words, ISO date)
CASES = [
    # English
    ("en", "Date: 5 March 2026", "5 March 2026", "2026-03-05"),
    ("en", "Dated March 5, 2026.", "March 5, 2026", "2026-03-05"),
    ("en", "by 30th April, 2026", "30th April, 2026", "2026-04-30"),
    ("en", "this 5th day of March 2026", "5th day of March 2026", "2026-03-05"),
    ("en", "on 05-Mar-2026", "05-Mar-2026", "2026-03-05"),
    ("en", "Sept. 9, 2025", "Sept. 9, 2025", "2025-09-09"),
    ("en", "issued 2026-03-05", "2026-03-05", "2026-03-05"),
    ("en", "received 13/04/2026", "13/04/2026", "2026-04-13"),
    ("en", "Date: 12 November B.E. 2569", "12 November B.E. 2569", "2026-11-12"),
    # Thai: full and abbreviated months, Thai digits, Buddhist and Christian eras
    ("th", "๑๒ มีนาคม ๒๕๖๙", "๑๒ มีนาคม ๒๕๖๙", "2026-03-12"),
    ("th", "เมื่อวันที่ ๒๙ พฤศจิกายน ๒๕๔๗ ณ", "วันที่ ๒๙ พฤศจิกายน ๒๕๔๗", "2004-11-29"),
    ("th", "ภายในวันที่ ๓๐ มกราคม พ.ศ. ๒๕๗๐", "วันที่ ๓๐ มกราคม พ.ศ. ๒๕๗๐", "2027-01-30"),
    ("th", "ลงวันที่ 5 มี.ค. 2569", "วันที่ 5 มี.ค. 2569", "2026-03-05"),
    ("th", "ลงวันที่ 5 มี.ค. 69", "วันที่ 5 มี.ค. 69", "2026-03-05"),
    ("th", "๑ ธ.ค. ๒๕๖๘ ถึง", "๑ ธ.ค. ๒๕๖๘", "2025-12-01"),
    ("th", "ทำที่กรุงเทพฯ 5 มีนาคม ค.ศ. 2026", "5 มีนาคม ค.ศ. 2026", "2026-03-05"),
    ("th", "ลงนามเมื่อ 29 พฤศจิกายน 2004", "29 พฤศจิกายน 2004", "2004-11-29"),
    ("th", "วันที่ ๕ เดือนมีนาคม พ.ศ. ๒๕๖๙", "วันที่ ๕ เดือนมีนาคม พ.ศ. ๒๕๖๙", "2026-03-05"),
    ("th", "ลงวันที่ ๐๕/๐๓/๒๕๖๙", "๐๕/๐๓/๒๕๖๙", "2026-03-05"),
    ("en", "Date: 20 มีนาคม 2569", "20 มีนาคม 2569", "2026-03-20"),
    # Vietnamese
    ("vi", "Hà Nội, ngày 5 tháng 3 năm 2026", "ngày 5 tháng 3 năm 2026", "2026-03-05"),
    ("vi", "Ngày 02 tháng 02 năm 2024, Thắng", "Ngày 02 tháng 02 năm 2024", "2024-02-02"),
    ("vi", "vào 5 tháng Ba năm 2026", "5 tháng Ba năm 2026", "2026-03-05"),
    ("vi", "ngày 1 tháng Giêng năm 2027", "ngày 1 tháng Giêng năm 2027", "2027-01-01"),
    ("vi", "sinh ngày 05/3/2026", "05/3/2026", "2026-03-05"),
    # Indonesian, Malay, Filipino
    ("id", "Jakarta, 5 Maret 2026", "5 Maret 2026", "2026-03-05"),
    ("id", "paling lambat tanggal 31 Januari 2027", "31 Januari 2027", "2027-01-31"),
    ("id", "tanggal 17 Agustus 2026", "17 Agustus 2026", "2026-08-17"),
    ("ms", "Tarikh: 9 Mac 2026", "9 Mac 2026", "2026-03-09"),
    ("ms", "bertarikh 9hb Ogos 2026", "9hb Ogos 2026", "2026-08-09"),
    ("ms", "hingga 31 Disember 2025;", "31 Disember 2025", "2025-12-31"),
    ("tl", "Petsa: Ika-10 ng Marso 2026", "Ika-10 ng Marso 2026", "2026-03-10"),
    (
        "tl",
        "noong ika-29 ng Nobyembre, 2004 (ASEAN MLAT)",
        "ika-29 ng Nobyembre, 2004",
        "2004-11-29",
    ),
    ("tl", "Maynila, Marso 5, 2026", "Marso 5, 2026", "2026-03-05"),
    ("tl", "ika-5 ng Marso, taong 2026", "ika-5 ng Marso, taong 2026", "2026-03-05"),
    # Khmer
    ("km", "រាជធានីភ្នំពេញ ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៦", "ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៦", "2026-03-12"),
    ("km", "ថ្ងៃទី ៥ ខែមីនា ឆ្នាំ២០២៦", "ថ្ងៃទី ៥ ខែមីនា ឆ្នាំ២០២៦", "2026-03-05"),
    ("km", "នាថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០០៤", "ថ្ងៃទី២៩ ខែវិច្ឆិកា ឆ្នាំ២០០៤", "2004-11-29"),
    (
        "km",
        "ថ្ងៃទី\u200b៥ ខែ\u200bកុម្ភៈ ឆ្នាំ\u200b២០២៦",
        "ថ្ងៃទី\u200b៥ ខែ\u200bកុម្ភៈ ឆ្នាំ\u200b២០២៦",
        "2026-02-05",
    ),
    ("km", "ថ្ងៃទី០៥ ខែ០៣ ឆ្នាំ២០២៦", "ថ្ងៃទី០៥ ខែ០៣ ឆ្នាំ២០២៦", "2026-03-05"),
    # Lao
    ("lo", "ນະຄອນຫຼວງວຽງຈັນ, ວັນທີ 12 ມີນາ 2026", "ວັນທີ 12 ມີນາ 2026", "2026-03-12"),
    ("lo", "ວັນທີ 5 ເດືອນມີນາ 2026", "ວັນທີ 5 ເດືອນມີນາ 2026", "2026-03-05"),
    ("lo", "ວັນທີ ໑໗ ພຶດສະພາ ໒໐໑໗", "ວັນທີ ໑໗ ພຶດສະພາ ໒໐໑໗", "2017-05-17"),
    ("lo", "ວັນທີ 5 ເດືອນ 3 ປີ 2026", "ວັນທີ 5 ເດືອນ 3 ປີ 2026", "2026-03-05"),
    # Burmese
    ("my", "ရက်စွဲ၊ ၂၀၂၆ ခုနှစ်၊ မတ်လ ၁၂ ရက်", "၂၀၂၆ ခုနှစ်၊ မတ်လ ၁၂ ရက်", "2026-03-12"),
    ("my", "၂၀၂၆ ခုနှစ် မတ်လ ၅ ရက်", "၂၀၂၆ ခုနှစ် မတ်လ ၅ ရက်", "2026-03-05"),
    ("my", "၂၀၂၆ ခုနှစ်၊ ဧပြီလ ၃၀ ရက်နေ့ မတိုင်မီ", "၂၀၂၆ ခုနှစ်၊ ဧပြီလ ၃၀ ရက်နေ့", "2026-04-30"),
    ("my", "၅ ရက် ဒီဇင်ဘာလ ၂၀၂၅ ခုနှစ်", "၅ ရက် ဒီဇင်ဘာလ ၂၀၂၅ ခုနှစ်", "2025-12-05"),
    # Chinese
    ("zh", "日期：2026年3月5日", "2026年3月5日", "2026-03-05"),
    ("zh", "二〇二六年三月五日", "二〇二六年三月五日", "2026-03-05"),
    ("zh", "二〇二五年十二月三十一日", "二〇二五年十二月三十一日", "2025-12-31"),
    ("zh", "１９８５年６月１１日出生", "１９８５年６月１１日", "1985-06-11"),
    ("zh", "于2026 年 4 月 30 号前", "2026 年 4 月 30 号", "2026-04-30"),
    ("zh", "落款 2026/3/5", "2026/3/5", "2026-03-05"),
]


@pytest.mark.parametrize(("lang", "text", "words", "iso"), CASES)
def test_date_is_found_with_its_source_words(lang: str, text: str, words: str, iso: str) -> None:
    mentions = find_dates(text, lang)

    assert [(m.text, m.date, m.relative) for m in mentions] == [
        (words, datetime.date.fromisoformat(iso), None)
    ]
    assert text[mentions[0].start : mentions[0].end] == words


def test_several_dates_come_in_text_order() -> None:
    text = "bagi tempoh 1 Februari 2025 hingga 31 Disember 2025, dan ditangkap pada 14 Januari 2026"

    dates = [m.date for m in find_dates(text, "ms")]

    assert dates == [
        datetime.date(2025, 2, 1),
        datetime.date(2025, 12, 31),
        datetime.date(2026, 1, 14),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("ลงวันที่ 05/03/2569", "th", "2026-03-05"),  # Thai letters: a bare year >= 2400 is B.E.
        ("ວັນທີ 05/03/2569", "lo", "2026-03-05"),
        (
            "5 มีนาคม 2569",
            "en",
            "2026-03-05",
        ),  # a Thai month makes it a Thai date whatever lang says
    ],
)
def test_buddhist_era_years_are_converted(text: str, lang: str, iso: str) -> None:
    assert [m.date for m in find_dates(text, lang)] == [datetime.date.fromisoformat(iso)]


@pytest.mark.parametrize("lang", ["en", "vi", "km"])
def test_a_bare_buddhist_year_outside_thai_and_lao_is_no_date(lang: str) -> None:
    assert find_dates("dated 05/03/2569", lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2026",
        "ngày 30 tháng 2 năm 2026",
        "2026年2月30日",
        "๓๑ เมษายน ๒๕๖๙",
        "31/04/2026",
    ],
)
def test_impossible_calendar_dates_are_dropped(text: str) -> None:
    assert find_dates(text, "en") == []


def test_dates_in_a_language_other_than_lang_are_found() -> None:
    """Letters quote other languages: an English date inside a Thai letter, and the reverse."""
    text = "หนังสือลงวันที่ ๑๒ มีนาคม ๒๕๖๙ (12 March 2026)"

    assert [m.date for m in find_dates(text, "th")] == [datetime.date(2026, 3, 12)] * 2
    assert [m.date for m in find_dates(text, "en")] == [datetime.date(2026, 3, 12)] * 2
