"""No dates from reference, case, account, phone and statute numbers, amounts or partial dates."""

from __future__ import annotations

import datetime

import pytest

from pipeline.dates import find_dates

NOT_DATES = [
    ("en", "Our Ref: AGO/MLA/2026/0412"),
    ("en", "Our Ref: AGC/IAD/MLA/2026/0412"),
    ("en", "a bribe of 1,250,000 Singapore dollars"),
    ("en", "S$2,846,500 and RM9,372,450.00"),
    ("en", "account No. 104-2-77531-9"),
    ("en", "Tel: +65 6000 1234 and +66 81 555 0142"),
    ("en", "Section 420 of the Penal Code B.E. 2499"),
    ("en", "section 54(1) of the Act 1992, see paragraph 6(d)"),
    ("en", "Case No. 12/03/2026"),
    ("en", "Ref: 12/03/2026"),
    ("en", "server IP 10.12.2026.1"),
    ("en", "between June and November 2025"),
    ("en", "1 January to"),
    ("id", "Surat Perintah Penyidikan Nomor Sprin.Dik/72/DIK.00/01/09/2026"),
    ("id", "Undang-Undang Nomor 31 Tahun 1999"),
    ("id", "Rp48.000.000.000"),
    ("id", "Laporan Polisi Nomor LP/A/0391/VIII/2026/Bareskrim"),
    ("id", "Nomor: AHU.4.AH.10.01-412"),
    ("ms", "seksyen 420 Kanun Keseksaan [Akta 574]"),
    ("ms", "Tel: 03-8000 0000"),
    ("vi", "Số: 412/VKSTC-V13"),
    ("vi", "Quyết định truy nã số 19/QĐ-CQĐT"),
    ("vi", "Điều 174 Bộ luật Hình sự năm 2015"),
    ("vi", "Từ tháng 4 đến tháng 10 năm 2025"),
    ("th", "ที่ อส ๐๐๑๖/๐๔๑๒"),
    ("th", "คดีอาญาที่ ๔๑๒/๒๕๖๙"),
    ("th", "หมายจับที่ ๑๑๒๓/๒๕๖๙"),
    ("th", "พระราชบัญญัติป้องกันและปราบปรามการฟอกเงิน พ.ศ. ๒๕๔๒ มาตรา ๕"),
    ("th", "ประมวลกฎหมายอาญา มาตรา ๓๔๓"),
    ("th", "บัตรประจำตัวประชาชนเลขที่ ๓-๕๐๙๙-๐๐๘๑๒-๔๔-๑"),
    ("th", "รวมความเสียหายประมาณ ๔๘,๖๐๐,๐๐๐ บาท"),
    ("th", "โทรศัพท์ ๐ ๒๑๔๒ ๑๖๓๐"),
    ("th", "ระหว่างเดือนกรกฎาคมถึงเดือนธันวาคม ๒๕๖๘"),
    ("th", "วันที่ 5 มีนาคม เวลา 10.30 น."),
    ("th", "5 มีนาคม 69"),  # a two-digit year goes with abbreviated months only
    ("km", "លេខ៖ ៤១២ យ.ក/អ.ក សម្ងាត់"),
    # the lunar date line of a Khmer letter: no solar month, and a Khmer B.E. year
    ("km", "ថ្ងៃព្រហស្បតិ៍ ៨កើត ខែផល្គុន ឆ្នាំម្សាញ់ សប្តស័ក ព.ស.២៥៦៩"),
    ("km", "ចាប់ពីខែឧសភា ដល់ខែកញ្ញា ឆ្នាំ២០២៥"),
    ("lo", "ເລກທີ 412/ອອປສ.ກຮສ"),
    ("lo", "ບັນຊີ ເລກທີ 0711-0045-5521"),
    ("lo", "ອາຍຸ 46 ປີ"),
    ("my", "စာအမှတ်၊ ပထ/MLA-၀၄၁၂/၂၀၂၆"),
    ("my", "၂၀၂၅ ခုနှစ်၊ ဇူလိုင်လတွင်"),
    ("my", "ဘဏ်စာရင်းအမှတ် 215-8-44093-7"),
    ("zh", "文号：司国合刑协〔2026〕第0412号"),
    ("zh", "《中华人民共和国刑法》第二百六十六条"),
    ("zh", "2025年2月至11月"),
    ("zh", "电话：+86 10 5555 0412"),
    ("zh", "账号：0102-33-8841-07"),
    ("tl", "Blg. ng Sanggunian: DOJ-OCSC/MLA/2026/0412"),
    ("tl", "Republic Act No. 10175 (Cybercrime Prevention Act of 2012)"),
    ("tl", "₱85,000 hanggang ₱150,000"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_DATES)
def test_numbers_that_are_not_dates_yield_nothing(lang: str, text: str) -> None:
    assert find_dates(text, lang) == []


def test_a_statute_year_beside_a_real_date_is_left_alone() -> None:
    text = "ตามพระราชบัญญัติ พ.ศ. ๒๔๙๙ มาตรา ๔๒๐ ลงวันที่ ๑๒ มีนาคม ๒๕๖๙"

    assert [(m.text, m.date) for m in find_dates(text, "th")] == [
        ("วันที่ ๑๒ มีนาคม ๒๕๖๙", datetime.date(2026, 3, 12))
    ]


def test_a_full_letter_yields_exactly_its_dates_and_limits() -> None:
    letter = (
        "Our Ref: AGC/IAD/MLA/2026/0412\nDate: 5 March 2026\n"
        "1. Treaty done at Kuala Lumpur on 29 November 2004. Offences under section 420 of the "
        "Penal Code 1871, punishable with imprisonment for a term which may extend to 10 years.\n"
        "3. Victims transferred S$2,846,500. Within days, the funds were remitted to account "
        "No. 104-2-77531-9; mobile number +66 81 555 0142.\n"
        "6. Records for the period 1 May 2025 to 31 January 2026.\n"
        "7. The freezing measures should be taken as a matter of urgency, and the records "
        "provided by 30 April 2026, in any event within 30 days of receipt of this request."
    )

    found = [
        (m.text, m.date.isoformat() if m.date else m.relative) for m in find_dates(letter, "en")
    ]

    assert found == [
        ("5 March 2026", "2026-03-05"),
        ("29 November 2004", "2004-11-29"),
        ("1 May 2025", "2025-05-01"),
        ("31 January 2026", "2026-01-31"),
        ("as a matter of urgency", "without delay"),
        ("30 April 2026", "2026-04-30"),
        ("within 30 days of receipt of this request", "within 30 days of receipt"),
    ]
