"""Language identification: all ten languages, Malay vs Indonesian, mixed letters."""

from __future__ import annotations

import pytest

from pipeline.document import Segment
from pipeline.langid import detect_segment_language, identify_languages, load_malay_markers

SENTENCES = {
    "en": "The Central Authority requests the production of bank records relating to the suspect.",
    "th": "สำนักงานอัยการสูงสุดขอความช่วยเหลือในการสืบพยานและจัดส่งเอกสารทางการเงินของผู้ต้องหา",
    "vi": "Viện kiểm sát nhân dân tối cao đề nghị phía Bạn cung cấp hồ sơ ngân hàng của bị can.",
    "id": "Kementerian Hukum meminta bantuan untuk memperoleh catatan bank milik tersangka dalam perkara pencucian uang.",
    "ms": "Jabatan Peguam Negara memohon bantuan bagi mendapatkan rekod bank suspek dalam kes pengubahan wang haram bahawa kerajaan telah menyiasat.",
    "tl": "Hinihiling ng Kagawaran ng Katarungan ang tulong upang makuha ang mga rekord ng bangko ng suspek sa kasong ito.",
    "km": "ក្រសួងយុត្តិធម៌សូមស្នើសុំជំនួយគតិយុត្តទៅវិញទៅមកក្នុងវិស័យព្រហ្មទណ្ឌ ដើម្បីទទួលបានឯកសារធនាគារ។",
    "lo": "ອົງການໄອຍະການປະຊາຊົນສູງສຸດ ຂໍຄວາມຊ່ວຍເຫຼືອທາງດ້ານກົດໝາຍ ໃນການສືບສວນຄະດີອາຍາ.",
    "my": "ပြည်ထဲရေးဝန်ကြီးဌာနသည် ရာဇဝတ်မှုဆိုင်ရာ အပြန်အလှန် အကူအညီ တောင်းခံပါသည်။",
    "zh": "中华人民共和国司法部请求贵方提供犯罪嫌疑人的银行账户记录。",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_each_language_is_identified(language: str) -> None:
    assert detect_segment_language(SENTENCES[language]).language == language


def test_document_malay_versus_indonesian_decided_from_vocabulary() -> None:
    malay = [
        "Kerajaan Malaysia memohon bantuan bersama dalam perkara jenayah.",
        "Polis Diraja Malaysia sedang menyiasat kes ini di bawah seksyen 4 Akta tersebut.",
        "Peguam Negara menyatakan bahawa wang tersebut telah dipindahkan.",
    ]
    indonesian = [
        "Pemerintah Republik Indonesia meminta bantuan timbal balik dalam masalah pidana.",
        "Kepolisian sedang menyidik perkara ini berdasarkan Pasal 3 Undang-Undang tersebut.",
        "Jaksa menyatakan bahwa uang tersebut telah dipindahkan.",
    ]
    for sentences, expected in ((malay, "ms"), (indonesian, "id")):
        segments = [Segment(id=f"p1-s{i}", page=1, source=text) for i, text in enumerate(sentences)]
        summary = identify_languages(segments)
        assert summary.primary == expected
        assert {segment.language for segment in segments} == {expected}


def test_markers_are_data_in_glossaries() -> None:
    markers = load_malay_markers()
    assert "bahawa" in markers.malay and "bahwa" in markers.indonesian
    assert not markers.malay & markers.indonesian


def test_english_heading_does_not_flip_a_thai_letter() -> None:
    texts = [
        "REQUEST FOR MUTUAL LEGAL ASSISTANCE IN CRIMINAL MATTERS",
        "Ref: AGO/MLA/2026/0412",
        SENTENCES["th"],
        "ผู้ต้องหาได้โอนเงินจำนวนมากไปยังบัญชีธนาคารในต่างประเทศระหว่างเดือนมกราคมถึงเดือนมีนาคม",
        "จึงขอให้ผู้ประสานงานกลางของประเทศมาเลเซียดำเนินการตามคำร้องขอนี้โดยเร็ว",
    ]
    segments = [Segment(id=f"p1-s{i}", page=1, source=text) for i, text in enumerate(texts)]
    summary = identify_languages(segments)
    assert summary.primary == "th"
    assert segments[0].language == "en"
    assert summary.segments_by_language["th"] == 3
    assert 0.5 < summary.confidence < 1


def test_short_latin_segment_inherits_latin_primary() -> None:
    texts = [SENTENCES["id"], "No. 12/2026", SENTENCES["id"].replace("tersangka", "saksi")]
    segments = [Segment(id=f"p1-s{i}", page=1, source=text) for i, text in enumerate(texts)]
    summary = identify_languages(segments)
    assert summary.primary == "id"
    assert segments[1].language == "id"


def test_unknown_language_is_reported_not_forced() -> None:
    german = "Die Staatsanwaltschaft ersucht um Rechtshilfe in einer Strafsache wegen Betrugs."
    assert detect_segment_language(german).language == "de"


def test_text_without_letters_is_undetermined() -> None:
    segments = [Segment(id="p1-s1", page=1, source="12/04/2026 — 555")]
    summary = identify_languages(segments)
    assert summary.primary == "und"
    assert summary.confidence == 0


def test_detection_is_deterministic() -> None:
    text = "Permohonan bantuan hukum timbal balik mengenai rekening bank."
    assert len({detect_segment_language(text) for _ in range(5)}) == 1
