"""Deadlines through the extraction path: every date form ends up with a kind and its words.

The date parser has its own tests (tests/dates); these check which dates are
deadlines, of what kind, and the evidence they carry.
"""

from __future__ import annotations

import datetime

import pytest

LETTERS = {
    "thai_buddhist_era_thai_digits": (
        "สำนักงานอัยการสูงสุด\n๒๐ มกราคม ๒๕๗๐\n\nจึงขอให้จัดส่งพยานหลักฐานภายในวันที่ ๒๘ กุมภาพันธ์ ๒๕๗๐\n",
        datetime.date(2027, 2, 28),
        "ภายในวันที่ ๒๘ กุมภาพันธ์ ๒๕๗๐",
    ),
    "vietnamese": (
        "BỘ CÔNG AN\nHà Nội, ngày 05 tháng 01 năm 2027\n\n"
        "Đề nghị phía Lào gửi kết quả trước ngày 15 tháng 02 năm 2027.\n",
        datetime.date(2027, 2, 15),
        "trước ngày 15 tháng 02 năm 2027",
    ),
    "indonesian": (
        "KEMENTERIAN HUKUM\nJakarta, 5 Januari 2027\n\n"
        "Kami mohon agar bantuan ini diberikan selambat-lambatnya tanggal 31 Januari 2027.\n",
        datetime.date(2027, 1, 31),
        "selambat-lambatnya tanggal 31 Januari 2027",
    ),
    "malay": (
        "JABATAN PEGUAM NEGARA MALAYSIA\nTarikh: 4 Januari 2027\n\n"
        "Kami memohon supaya dokumen dikemukakan sebelum 15 Mac 2027.\n",
        datetime.date(2027, 3, 15),
        "sebelum 15 Mac 2027",
    ),
    "filipino": (
        "KAGAWARAN NG KATARUNGAN\nPetsa: Ika-5 ng Enero 2027\n\n"
        "Hinihiling naming maibigay ang tulong bago sumapit ang ika-26 ng Pebrero 2027.\n",
        datetime.date(2027, 2, 26),
        "bago sumapit ang ika-26 ng Pebrero 2027",
    ),
    "chinese_deadline_word_after": (
        "中华人民共和国司法部\n2027年1月5日\n\n请泰方于2027年3月20日之前提供上述材料。\n",
        datetime.date(2027, 3, 20),
        "2027年3月20日之前",
    ),
    "khmer_digits": (
        "ក្រសួងយុត្តិធម៌\nរាជធានីភ្នំពេញ ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៧\n\nសូមផ្ញើលទ្ធផលមុនថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៧។\n",
        datetime.date(2027, 2, 15),
        "មុនថ្ងៃទី១៥ ខែកុម្ភៈ ឆ្នាំ២០២៧",
    ),
    "lao": (
        "ອົງການໄອຍະການປະຊາຊົນສູງສຸດ\nນະຄອນຫຼວງວຽງຈັນ, ວັນທີ 5 ມັງກອນ 2027\n\nຂໍໃຫ້ສົ່ງຜົນກ່ອນວັນທີ 26 ກຸມພາ 2027.\n",
        datetime.date(2027, 2, 26),
        "ກ່ອນວັນທີ 26 ກຸມພາ 2027",
    ),
    "burmese_digits_deadline_word_after": (
        "ပြည်ထဲရေးဝန်ကြီးဌာန\nရက်စွဲ။ ၂၀၂၇ ခုနှစ်၊ ဇန်နဝါရီလ ၅ ရက်\n\n"
        "ဤအကူအညီကို ၂၀၂၇ ခုနှစ်၊ မတ်လ ၁၅ ရက်နေ့ မတိုင်မီ ဆောင်ရွက်ပေးရန် မေတ္တာရပ်ခံအပ်ပါသည်။\n",
        datetime.date(2027, 3, 15),
        "၂၀၂၇ ခုနှစ်၊ မတ်လ ၁၅ ရက်နေ့ မတိုင်မီ",
    ),
}


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_response_deadline_in_each_form(letter, name):
    text, date, words = LETTERS[name]
    deadlines = letter(text).extract.deadlines
    assert [(deadline.date, deadline.relative, deadline.kind) for deadline in deadlines] == [
        (date, None, "response")
    ]
    assert deadlines[0].evidence.source == words
    assert deadlines[0].evidence.segment.startswith("p1-s")


def test_letter_date_and_dates_of_the_facts_are_not_deadlines(fixture_document):
    deadlines = fixture_document("en_ph_to_vn_mla.txt").extract.deadlines
    assert [(d.date, d.kind) for d in deadlines] == [
        (datetime.date(2027, 3, 15), "response"),
        (datetime.date(2027, 4, 22), "hearing"),
    ]
    assert deadlines[0].evidence.source == "no later than 15 March 2027"


def test_limitation_date_in_buddhist_era(fixture_document):
    deadlines = fixture_document("th_th_to_kh_extradition.txt").extract.deadlines
    assert [(d.date, d.kind) for d in deadlines] == [
        (datetime.date(2041, 8, 5), "limitation"),
        (datetime.date(2027, 2, 28), "response"),
    ]


def test_relative_time_limit_in_the_source(fixture_document):
    deadlines = fixture_document("vi_vn_to_la_mla.txt").extract.deadlines
    assert [(d.date, d.relative, d.kind) for d in deadlines] == [
        (None, "within 45 days of receipt", "response")
    ]
    assert deadlines[0].evidence.source.startswith("trong thời hạn 45 ngày")


def test_preservation_period_and_facts(letter):
    document = letter(
        "Date: 2 February 2027\n\n"
        "The funds were moved to other accounts within 48 hours.\n"
        "We request the expedited preservation of the traffic data for a period of 90 days.\n"
        "The trial is scheduled to begin on 12 April 2027.\n"
        "The arrest warrant is valid until 27 May 2033.\n"
    )
    assert [(d.date, d.relative, d.kind) for d in document.extract.deadlines] == [
        (None, "for a period of 90 days", "preservation_expiry"),
        (datetime.date(2027, 4, 12), None, "trial"),
    ]


def test_ambiguous_numeric_date_is_flagged(letter):
    document = letter(
        "Date: 05/01/2027\n\nWe request that the records be provided by 03/04/2027.\n"
    )
    assert [d.date for d in document.extract.deadlines] == [datetime.date(2027, 4, 3)]
    assert any(
        "03/04/2027" in warning and "month first" in warning for warning in document.warnings
    )
