"""Matching glossary terms in text, script by script."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from pipeline.glossary import Entry, Glossary, load_glossary, normalise

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = FIXTURES / "bundled"


def found(lang: str, text: str) -> list[tuple[str, str]]:
    """(text as found, English) for every match in the fixture glossary."""
    glossary = load_glossary(lang, glossary_dir=BUNDLED)
    return [(match.text, match.entry.english) for match in glossary.match(text)]


def found_with(lang: str, sources: list[str], text: str) -> list[str]:
    """The matched texts for a glossary of just `sources` (to test one rule)."""
    glossary = Glossary(lang, [Entry(source, source, "other") for source in sources])
    return [match.text for match in glossary.match(text)]


def test_offsets_index_the_original_text() -> None:
    text = "Dalam  Tindak\nPidana ini"
    glossary = load_glossary("id", glossary_dir=BUNDLED)
    [match] = glossary.match(text)
    assert (match.start, match.end) == (7, 20)
    assert text[match.start : match.end] == match.text == "Tindak\nPidana"
    assert match.entry.english == "criminal offence"


def test_indonesian_longest_match_wins_and_case_is_folded() -> None:
    text = "Perkara TINDAK PIDANA PENCUCIAN UANG diperiksa KPK."
    assert found("id", text) == [
        ("TINDAK PIDANA PENCUCIAN UANG", "money laundering offence"),
        ("KPK", "Corruption Eradication Commission"),
    ]


def test_spaced_script_never_matches_inside_a_word() -> None:
    assert found("id", "kepidanaan dan pidanaku") == []
    assert found("id", "hukum pidana.") == [("pidana", "criminal")]


def test_vietnamese_keeps_diacritics_and_folds_case() -> None:
    text = "Yêu cầu TƯƠNG TRỢ TƯ PHÁP VỀ HÌNH SỰ của Bộ Công An"
    assert found("vi", text) == [
        ("TƯƠNG TRỢ TƯ PHÁP VỀ HÌNH SỰ", "mutual legal assistance in criminal matters"),
        ("Bộ Công An", "Ministry of Public Security"),
    ]
    assert found("vi", "tuong tro tu phap, tu phap, tư phap") == []


def test_vietnamese_decomposed_text_matches_with_original_offsets() -> None:
    text = unicodedata.normalize("NFD", "về dẫn độ")
    [(matched, english)] = found("vi", text)
    assert matched == unicodedata.normalize("NFD", "dẫn độ")
    assert english == "extradition"


def test_thai_unspaced_longest_match() -> None:
    text = "ศาลอาญาออกหมายจับผู้ต้องหาตามคำร้องของอัยการสูงสุด"
    assert found("th", text) == [
        ("ศาลอาญา", "Criminal Court"),
        ("หมายจับ", "warrant of arrest"),
        ("ผู้ต้องหา", "suspect"),
        ("อัยการสูงสุด", "Attorney General"),
    ]
    assert found("th", "สำนักงาน ป.ป.ช.") == [("ป.ป.ช.", "National Anti-Corruption Commission")]


def test_thai_never_splits_a_syllable() -> None:
    assert found("th", "ศาลา") == []  # before a following vowel
    assert found_with("th", ["ขา"], "เขา") == []  # after a leading vowel
    assert found_with("th", ["กร"], "กรุง") == []  # before a vowel sign
    assert found_with("th", ["ศาสต"], "นิติศาสตร์") == []  # before a silent final
    assert found_with("th", ["ศาล"], "ให้ศาลมีคำสั่ง") == ["ศาล"]


def test_thai_ocr_split_sara_am_still_matches() -> None:
    ocr_text = "คำสั่ง".replace("\u0e33", "\u0e4d\u0e32")
    assert found_with("th", ["คำสั่ง"], ocr_text) == [ocr_text]


def test_khmer_unspaced() -> None:
    text = "តុលាការកំពូលនិងក្រសួងយុត្តិធម៌ពីការលាងលុយកខ្វក់"
    assert found("km", text) == [
        ("តុលាការកំពូល", "Supreme Court"),
        ("ក្រសួងយុត្តិធម៌", "Ministry of Justice"),
        ("ការលាងលុយកខ្វក់", "money laundering"),
    ]
    assert found_with("km", ["រធាន"], "ប្រធាន") == []  # after a coeng
    assert found_with("km", ["ប"], "ប្រធាន") == []  # before a coeng
    assert found_with("km", ["ដា"], "ដាក់") == []  # before a final with bantoc


def test_lao_unspaced() -> None:
    text = "ສານປະຊາຊົນສູງສຸດພິຈາລະນາການຟອກເງິນ"
    assert found("lo", text) == [
        ("ສານປະຊາຊົນສູງສຸດ", "People's Supreme Court"),
        ("ການຟອກເງິນ", "money laundering"),
    ]
    assert found_with("lo", ["ງິນ"], "ເງິນ") == []  # after a leading vowel
    assert found("lo", "ສານາ") == []  # before a following vowel


def test_burmese_unspaced() -> None:
    text = "မြန်မာနိုင်ငံတရားရုံးချုပ်သို့ငွေကြေးခဝါချမှု"
    assert found("my", text) == [
        ("မြန်မာ", "Myanmar"),
        ("တရားရုံးချုပ်", "Supreme Court"),
        ("ငွေကြေးခဝါချမှု", "money laundering"),
    ]
    assert found_with("my", ["မြ"], "မြန်မာ") == []  # before a final with asat
    assert found_with("my", ["မာ"], "မြန်မာ") == ["မာ"]  # a whole syllable
    assert found_with("my", ["မ"], "မြန်မာ") == []  # not without its medial or vowel
    assert found_with("my", ["ဘာ"], "ကမ္ဘာ") == []  # after a virama


def test_chinese_plain_longest_match() -> None:
    text = "最高人民法院请求刑事司法协助，冻结洗钱罪所得"
    assert found("zh", text) == [
        ("最高人民法院", "Supreme People's Court"),
        ("刑事司法协助", "mutual legal assistance in criminal matters"),
        ("冻结", "freezing"),
        ("洗钱", "money laundering"),
    ]


def test_longest_match_wins_over_an_earlier_overlapping_one() -> None:
    assert found_with(
        "id", ["bantuan hukum", "hukum timbal balik"], "bantuan hukum timbal balik"
    ) == ["hukum timbal balik"]


def test_zero_width_spaces_between_words_do_not_stop_a_match() -> None:
    assert found_with("km", ["តុលាការកំពូល"], "តុលាការ\u200bកំពូល") == ["តុលាការ\u200bកំពូល"]


def test_normalise_is_nfc_and_folds_latin_only() -> None:
    assert normalise(unicodedata.normalize("NFD", "TƯ PHÁP"), "vi") == "tư pháp"
    assert normalise("DSI ศาล", "th") == "DSI ศาล"
    assert normalise("a \n\t b", "id") == "a b"


def test_only_marks_compose_with_a_preceding_character() -> None:
    """The claim that lets each cluster be normalised on its own."""
    composing = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = chr(int(parts[1], 16))
            if len(unicodedata.normalize("NFC", chr(int(parts[0], 16)) + second)) == 1:
                composing.add(second)
    assert {char for char in composing if unicodedata.category(char)[0] != "M"} == set()


def test_vietnamese_tone_on_either_vowel_of_oa_oe_uy_is_one_word() -> None:
    """ "Tòa án" (old style) and "Toà án" (new style) are the same court."""
    sources = ["tòa án", "thuỷ sản", "khỏe"]
    text = "Toà án xử vụ thủy sản; sức khoẻ; hoàn tất"
    assert found_with("vi", sources, text) == ["Toà án", "thủy sản", "khoẻ"]
    assert normalise("Tòa", "vi") == normalise("toà", "vi") == "toà"
    assert normalise("hoàn", "vi") == "hoàn"  # a tone before a final consonant stays put
