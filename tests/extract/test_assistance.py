"""Assistance sought: categories from the request's items, in English and in the source."""

from __future__ import annotations


def _categories(document):
    return [fact.category for fact in document.extract.assistance_sought]


def test_items_of_an_english_request(fixture_document):
    assistance = fixture_document("en_ph_to_vn_mla.txt").extract.assistance_sought
    by_category = {fact.category: fact for fact in assistance}
    assert set(by_category) == {
        "search_and_seizure",
        "taking_evidence",
        "arranging_testimony",
        "service_of_documents",
    }
    assert by_category["service_of_documents"].description == (
        "Serve the enclosed summons on Mr Benjamin Cruz Aquino."
    )
    assert all("\n" not in fact.description for fact in assistance)


def test_items_the_segmenter_left_in_one_sentence(letter):
    document = letter(
        "3. Assistance requested\n"
        "The Central Authority requests the competent authorities to:\n"
        "(a) obtain certified copies of the statements of account of account No. 123-456;\n"
        "(b) obtain from Island Mobile Inc. the subscriber details of +63 917 555 0101; and\n"
        "(c) freeze the balance of that account, pending a request for confiscation.\n"
    )
    assert _categories(document) == [
        "providing_documents_records",
        "disclosure_of_electronic_data",
        "freezing_restraint",
    ]


def test_facts_are_not_requests(letter):
    document = letter(
        "2. Summary of facts\n"
        "The police searched the house and seized 2 kg of heroin; the accounts were frozen.\n\n"
        "3. Assistance requested\n"
        "Please locate Mr Tony Lim and inform us of his current address.\n"
    )
    assert _categories(document) == ["locating_persons"]


def test_source_items_without_translation(fixture_document):
    assistance = fixture_document("vi_vn_to_la_mla.txt").extract.assistance_sought
    assert [fact.category for fact in assistance] == [
        "taking_evidence",
        "providing_documents_records",
        "freezing_restraint",
    ]
    freezing = assistance[-1]
    assert freezing.evidence.source.startswith("Phong tỏa")
    assert freezing.description.startswith("Freezing or restraint of property")


def test_list_announced_by_a_thai_sentence(letter):
    document = letter(
        "สำนักงานอัยการสูงสุด\n\n"
        "สำนักงานอัยการสูงสุดจึงขอให้หน่วยงานที่มีอำนาจของมาเลเซียดำเนินการ ดังนี้\n"
        "๑. จัดส่งสำเนาเอกสารการเปิดบัญชีและรายการเคลื่อนไหวทางบัญชี\n"
        "๒. สืบหาที่อยู่ปัจจุบันของนายอาหมัด ฟาริซ\n"
    )
    assert _categories(document) == ["providing_documents_records", "locating_persons"]


def test_extradition_acts(fixture_document):
    assert _categories(fixture_document("th_th_to_kh_extradition.txt")) == [
        "surrender",
        "provisional_arrest",
    ]
