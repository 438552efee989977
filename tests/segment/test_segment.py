"""Segmentation into sentences and header lines, in spaced and unspaced scripts."""

from __future__ import annotations

from pipeline.document import Page
from pipeline.segment import paragraphs, segment_pages, split_sentences


def test_ids_are_per_page_and_stable() -> None:
    pages = [Page(1, "First sentence here. Second one follows."), Page(2, "Page two text.")]
    first = [(s.id, s.source) for s in segment_pages(pages)]
    again = [(s.id, s.source) for s in segment_pages(pages)]
    assert first == again
    assert [segment_id for segment_id, _ in first] == ["p1-s1", "p1-s2", "p2-s1"]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Tan of Art. 6 and s. 19 met Dr. A. Rahman. He left on 5 May."
    assert split_sentences(text) == [
        "Mr. Tan of Art. 6 and s. 19 met Dr. A. Rahman.",
        "He left on 5 May.",
    ]


def test_short_header_lines_stay_apart_and_wrapped_lines_join() -> None:
    text = (
        "Ref: AGC/MLA/2026/0412\n"
        "Date: 5 March 2026\n"
        "The Central Authority of Singapore requests the assistance of the\n"
        "Kingdom of Thailand under the ASEAN Treaty on Mutual Legal Assistance\n"
        "in Criminal Matters 2004 in a money laundering investigation today.\n"
    )
    assert paragraphs(text) == [
        "Ref: AGC/MLA/2026/0412",
        "Date: 5 March 2026",
        "The Central Authority of Singapore requests the assistance of the Kingdom of Thailand "
        "under the ASEAN Treaty on Mutual Legal Assistance in Criminal Matters 2004 in a money "
        "laundering investigation today.",
    ]


def test_paragraph_numbers_stay_with_their_paragraph() -> None:
    text = "2. The suspect opened the account. 3.1. He then moved the funds. IV. Annexes follow."
    assert split_sentences(text) == [
        "2. The suspect opened the account.",
        "3.1. He then moved the funds.",
        "IV. Annexes follow.",
    ]


def test_hyphenated_line_ends_are_rejoined() -> None:
    text = (
        "The requesting State seeks informa-\ntion about the accounts held by the suspect abroad."
    )
    assert paragraphs(text) == [
        "The requesting State seeks information about the accounts held by the suspect abroad."
    ]


def test_thai_wrapped_lines_join_without_space_and_split_at_sentence_spaces() -> None:
    first = "สำนักงานอัยการสูงสุดในฐานะผู้ประสานงานกลางขอความช่วยเหลือซึ่งกันและกันในเรื่องทางอาญา"
    second = "เพื่อสืบสวนคดีฟอกเงินและขอให้จัดส่งเอกสารทางการเงินของบัญชีธนาคารที่เกี่ยวข้องทั้งหมด"
    text = f"{first} {second[:30]}\n{second[30:]}"
    segments = segment_pages([Page(1, text)])
    assert [s.source for s in segments] == [first, second]


def test_thai_short_spaced_phrases_are_not_split() -> None:
    text = "ที่ อส ๐๐๑๒/๒๕๖๙ นายสมชาย ใจดี ผู้ต้องหา"
    assert split_sentences(text) == [text]


def test_khmer_burmese_chinese_sentence_marks() -> None:
    khmer = "ក្រសួងយុត្តិធម៌សូមស្នើសុំជំនួយ។ យើងសូមអរគុណ។"
    burmese = "အကူအညီ တောင်းခံပါသည်။ ကျေးဇူးတင်ပါသည်။"
    chinese = "请求提供银行记录。请于三十日内答复！谢谢。"
    assert split_sentences(khmer) == ["ក្រសួងយុត្តិធម៌សូមស្នើសុំជំនួយ។", "យើងសូមអរគុណ។"]
    assert split_sentences(burmese) == ["အကူအညီ တောင်းခံပါသည်။", "ကျေးဇူးတင်ပါသည်။"]
    assert split_sentences(chinese) == ["请求提供银行记录。", "请于三十日内答复！", "谢谢。"]


def test_segments_carry_page_ocr_confidence() -> None:
    page = Page(3, "Scanned text line one is here.", from_ocr=True, ocr_confidence=87.5)
    assert segment_pages([page])[0].ocr_confidence == 87.5
