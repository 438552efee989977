"""References: the letter's own and the case numbers it cites, never accounts or telephones."""

from __future__ import annotations


def _references(document):
    return [reference.value for reference in document.extract.references]


def test_letter_and_case_references(fixture_document):
    assert _references(fixture_document("en_ph_to_vn_mla.txt")) == [
        "OCSC-MLA-2027-0088",
        "TIP-2026-3391",
    ]


def test_thai_reference_line_and_warrant_number(fixture_document):
    document = fixture_document("th_th_to_kh_extradition.txt")
    assert _references(document) == ["อส ๐๐๐๙(วท)/๓๓๐๕", "๗๗/๒๕๖๙"]
    assert document.extract.references[0].evidence.source == "ที่ อส ๐๐๐๙(วท)/๓๓๐๕"


def test_numbers_that_are_not_references(letter):
    document = letter(
        "Our Ref: AGC/INT/2027/15\n"
        "The money went to account No. 5140-2298-7731 and passport No. AC7714520 was used; "
        "call +60 12-555 0193. The office is at No. 45, Persiaran Perdana. "
        "The offence is under Republic Act No. 9208. File reference D7/KS/1189/2026.\n"
    )
    assert _references(document) == ["AGC/INT/2027/15", "D7/KS/1189/2026"]


def test_chinese_document_numbers(letter):
    document = letter(
        "中华人民共和国司法部\n司协刑〔2026〕0871号\n立案编号为厦公（刑）立字〔2026〕10452号。\n"
    )
    assert _references(document) == ["司协刑〔2026〕0871号", "厦公（刑）立字〔2026〕10452号"]
