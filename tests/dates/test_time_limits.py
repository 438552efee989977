"""Relative time limits and "as soon as possible" in every supported language."""

from __future__ import annotations

import pytest

from pipeline.dates import find_dates

# (lang, text, the limit's source words, English rendering)
CASES = [
    # English
    ("en", "within 30 days of receipt.", "within 30 days of receipt", "within 30 days of receipt"),
    (
        "en",
        "within thirty (30) days from the date of receipt of this request",
        "within thirty (30) days from the date of receipt of this request",
        "within 30 days of receipt",
    ),
    (
        "en",
        "within 30 days from the date of this letter",
        "within 30 days from the date of this letter",
        "within 30 days of the date of this letter",
    ),
    ("en", "within 14 working days", "within 14 working days", "within 14 working days"),
    ("en", "within two weeks", "within two weeks", "within 2 weeks"),
    ("en", "within a month", "within a month", "within 1 month"),
    ("en", "within 48 hours", "within 48 hours", "within 48 hours"),
    (
        "en",
        "not later than 21 days after receipt",
        "not later than 21 days after receipt",
        "within 21 days of receipt",
    ),
    ("en", "as soon as possible", "as soon as possible", "as soon as possible"),
    ("en", "at your earliest convenience", "at your earliest convenience", "as soon as possible"),
    ("en", "taken as a matter of urgency", "as a matter of urgency", "without delay"),
    (
        "en",
        "preserved for a period of 90 days",
        "for a period of 90 days",
        "for a period of 90 days",
    ),
    # Thai
    (
        "th",
        "ภายใน ๓๐ วันนับแต่วันที่ได้รับหนังสือฉบับนี้",
        "ภายใน ๓๐ วันนับแต่วันที่ได้รับหนังสือฉบับนี้",
        "within 30 days of receipt",
    ),
    ("th", "ภายในสามสิบวัน", "ภายในสามสิบวัน", "within 30 days"),
    ("th", "ภายใน ๑๔ วันทำการ", "ภายใน ๑๔ วันทำการ", "within 14 working days"),
    # Tesseract writes SARA AM as NIKHAHIT + SARA AA
    ("th", "ภายใน 7 วันท\u0e4d\u0e32การ", "ภายใน 7 วันท\u0e4d\u0e32การ", "within 7 working days"),
    ("th", "ภายในระยะเวลาไม่เกิน ๒ สัปดาห์", "ภายในระยะเวลาไม่เกิน ๒ สัปดาห์", "within 2 weeks"),
    ("th", "ดำเนินการโดยเร็วที่สุด", "โดยเร็วที่สุด", "as soon as possible"),
    ("th", "โปรดพิจารณาดำเนินการโดยเร็วเท่าที่จะทำได้", "โดยเร็วเท่าที่จะทำได้", "as soon as possible"),
    ("th", "อายัดเงินโดยด่วนที่สุด", "โดยด่วนที่สุด", "without delay"),
    (
        "th",
        "ภายในสิบห้าปีนับแต่วันกระทำความผิด",
        "ภายในสิบห้าปีนับแต่วันกระทำความผิด",
        "within 15 years of the commission of the offence",
    ),
    ("th", "เก็บรักษาไว้เป็นระยะเวลา ๙๐ วัน", "เป็นระยะเวลา ๙๐ วัน", "for a period of 90 days"),
    # Vietnamese
    (
        "vi",
        "trong thời hạn 30 ngày kể từ ngày nhận được yêu cầu này.",
        "trong thời hạn 30 ngày kể từ ngày nhận được yêu cầu này",
        "within 30 days of receipt",
    ),
    ("vi", "trong vòng ba mươi ngày", "trong vòng ba mươi ngày", "within 30 days"),
    (
        "vi",
        "trong thời hạn mười lăm ngày làm việc",
        "trong thời hạn mười lăm ngày làm việc",
        "within 15 working days",
    ),
    ("vi", "càng sớm càng tốt", "càng sớm càng tốt", "as soon as possible"),
    ("vi", "lưu giữ trong thời gian 90 ngày", "trong thời gian 90 ngày", "for a period of 90 days"),
    # Indonesian and Malay
    (
        "id",
        "dalam waktu 30 (tiga puluh) hari sejak diterimanya permintaan ini.",
        "dalam waktu 30 (tiga puluh) hari sejak diterimanya permintaan ini",
        "within 30 days of receipt",
    ),
    (
        "id",
        "selambat-lambatnya 14 hari kerja",
        "selambat-lambatnya 14 hari kerja",
        "within 14 working days",
    ),
    (
        "id",
        "pemblokiran mohon dilaksanakan sesegera mungkin.",
        "sesegera mungkin",
        "as soon as possible",
    ),
    ("id", "secepatnya", "secepatnya", "as soon as possible"),
    (
        "ms",
        "dalam tempoh 30 hari dari tarikh penerimaan permintaan ini.",
        "dalam tempoh 30 hari dari tarikh penerimaan permintaan ini",
        "within 30 days of receipt",
    ),
    ("ms", "dalam tempoh tiga puluh hari", "dalam tempoh tiga puluh hari", "within 30 days"),
    ("ms", "diambil dengan segera kerana", "dengan segera", "without delay"),
    ("ms", "secepat mungkin", "secepat mungkin", "as soon as possible"),
    ("ms", "selama tempoh 90 hari sementara", "selama tempoh 90 hari", "for a period of 90 days"),
    # Filipino
    ("tl", "sa loob ng 30 araw", "sa loob ng 30 araw", "within 30 days"),
    ("tl", "sa loob ng tatlumpung (30) araw", "sa loob ng tatlumpung (30) araw", "within 30 days"),
    ("tl", "sa loob ng apat na linggo", "sa loob ng apat na linggo", "within 4 weeks"),
    (
        "tl",
        "sa loob ng 30 araw mula sa pagtanggap nito",
        "sa loob ng 30 araw mula sa pagtanggap nito",
        "within 30 days of receipt",
    ),
    ("tl", "sa lalong madaling panahon", "sa lalong madaling panahon", "as soon as possible"),
    # Chinese
    (
        "zh",
        "请贵方在收到本请求书之日起30日内予以执行",
        "收到本请求书之日起30日内",
        "within 30 days of receipt",
    ),
    ("zh", "收到本请求之日起三十日内", "收到本请求之日起三十日内", "within 30 days of receipt"),
    ("zh", "请于30日内答复", "30日内", "within 30 days"),
    ("zh", "十五个工作日内", "十五个工作日内", "within 15 working days"),
    ("zh", "请尽快执行", "尽快", "as soon as possible"),
    ("zh", "数据保存为期90日", "为期90日", "for a period of 90 days"),
    # Khmer
    ("km", "ក្នុងរយៈពេល ៣០ ថ្ងៃ", "ក្នុងរយៈពេល ៣០ ថ្ងៃ", "within 30 days"),
    (
        "km",
        "ក្នុងរយៈពេល ៣០ ថ្ងៃ គិតចាប់ពីថ្ងៃទទួលបានសំណើនេះ",
        "ក្នុងរយៈពេល ៣០ ថ្ងៃ គិតចាប់ពីថ្ងៃទទួលបានសំណើនេះ",
        "within 30 days of receipt",
    ),
    ("km", "ក្នុងរយៈពេល សាមសិប ថ្ងៃ", "ក្នុងរយៈពេល សាមសិប ថ្ងៃ", "within 30 days"),
    ("km", "សូមអនុវត្តជាបន្ទាន់", "ជាបន្ទាន់", "without delay"),
    # Lao
    ("lo", "ພາຍໃນ 30 ວັນ", "ພາຍໃນ 30 ວັນ", "within 30 days"),
    ("lo", "ພາຍໃນ ໓໐ ວັນ ນັບແຕ່ວັນທີ່ໄດ້ຮັບ", "ພາຍໃນ ໓໐ ວັນ ນັບແຕ່ວັນທີ່ໄດ້ຮັບ", "within 30 days of receipt"),
    ("lo", "ພາຍໃນສາມສິບວັນ", "ພາຍໃນສາມສິບວັນ", "within 30 days"),
    ("lo", "ດຳເນີນການໂດຍໄວທີ່ສຸດ", "ໂດຍໄວທີ່ສຸດ", "as soon as possible"),
    # Burmese
    ("my", "ရက်ပေါင်း ၃၀ အတွင်း", "ရက်ပေါင်း ၃၀ အတွင်း", "within 30 days"),
    ("my", "၃၀ ရက်အတွင်း ပေးပို့ပါရန်", "၃၀ ရက်အတွင်း", "within 30 days"),
    (
        "my",
        "ဤစာကို လက်ခံရရှိသည့်နေ့မှ စ၍ ရက်ပေါင်း ၃၀ အတွင်း",
        "ဤစာကို လက်ခံရရှိသည့်နေ့မှ စ၍ ရက်ပေါင်း ၃၀ အတွင်း",
        "within 30 days of receipt",
    ),
    ("my", "အမြန်ဆုံး ပေးပို့ပါရန်", "အမြန်ဆုံး", "as soon as possible"),
]


@pytest.mark.parametrize(("lang", "text", "words", "english"), CASES)
def test_time_limit_is_found_and_rendered(lang: str, text: str, words: str, english: str) -> None:
    mentions = find_dates(text, lang)

    assert [(m.text, m.date, m.relative) for m in mentions] == [(words, None, english)]
    assert text[mentions[0].start : mentions[0].end] == words


def test_an_absolute_deadline_is_not_read_as_a_time_limit() -> None:
    """ "ภายในวันที่ ๓๐ เมษายน" is "by 30 April": a date, not "within 30 days"."""
    mentions = find_dates("จัดส่งพยานหลักฐานภายในวันที่ ๓๐ เมษายน ๒๕๖๙", "th")

    assert [(m.text, m.relative) for m in mentions] == [("วันที่ ๓๐ เมษายน ๒๕๖๙", None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "punishable with imprisonment for a term which may extend to 10 years"),
        ("en", "imprisonment for a period of 10 years"),
        ("en", "Within days, the funds were remitted"),
        ("id", "pidana penjara paling lama 20 (dua puluh) tahun"),
        ("id", "pidana penjara selama 5 tahun"),
        ("ms", "penjara selama tempoh tidak melebihi lima tahun"),
        ("vi", "có khung hình phạt tù từ 12 năm đến 20 năm"),
        ("vi", "bị phạt tù trong thời gian 3 năm"),
        ("th", "ระวางโทษจำคุกไม่เกินห้าปี หรือปรับไม่เกินหนึ่งแสนบาท"),
        ("th", "จำคุกเป็นเวลา ๕ ปี"),
        ("th", "ภายในไม่กี่ชั่วโมงหลังการฝาก"),
        ("km", "ទោសដាក់ពន្ធនាគារពី ៧ឆ្នាំ ដល់ ១៥ឆ្នាំ"),
        ("my", "ထောင်ဒဏ် အများဆုံး ၁၀ နှစ်အထိ"),
        ("zh", "判处十年以上有期徒刑"),
        ("zh", "请于4月30日内答复"),
        ("zh", "于2026年内完成"),
        ("tl", "pagkakakulong na hindi lalampas sa anim na taon"),
    ],
)
def test_penalties_and_vague_durations_are_no_time_limits(lang: str, text: str) -> None:
    assert find_dates(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("th", "ลับ – ด่วนที่สุด"),
        ("vi", "MẬT - KHẨN"),
        ("id", "Sifat: Segera"),
        ("zh", "紧急程度：特急"),
        ("my", "အရေးတကြီး"),
    ],
)
def test_urgency_labels_are_left_to_the_urgency_extractor(lang: str, label: str) -> None:
    assert find_dates(label, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "within twenty-one days"),
        ("id", "dalam waktu dua puluh satu hari"),
        ("ms", "dalam tempoh dua puluh satu hari"),
        ("vi", "trong thời hạn hai mươi mốt ngày"),
        ("tl", "sa loob ng dalawampu't isang araw"),
        ("th", "ภายในยี่สิบเอ็ดวัน"),
        ("zh", "二十一日内"),
        ("km", "ក្នុងរយៈពេល ម្ភៃមួយ ថ្ងៃ"),
        ("lo", "ພາຍໃນຊາວເອັດວັນ"),
        ("my", "ရက်ပေါင်း နှစ်ဆယ့်တစ် အတွင်း"),
    ],
)
def test_numbers_in_words_are_read(lang: str, text: str) -> None:
    assert [m.relative for m in find_dates(text, lang)] == ["within 21 days"]


def test_an_english_limit_counted_from_receiving_the_request() -> None:
    mentions = find_dates("the 5th of March 2026, or within 30 days after receiving it", "en")

    assert [(m.text, m.relative) for m in mentions] == [
        ("5th of March 2026", None),
        ("within 30 days after receiving", "within 30 days of receipt"),
    ]


def test_unsupported_language_codes_are_read_like_english() -> None:
    assert [m.relative for m in find_dates("within 14 days", "de")] == ["within 14 days"]
