"""Requesting authority, persons with roles, organisations with roles."""

from __future__ import annotations


def _persons(document):
    return {person.name: person.role for person in document.extract.parties.persons}


def _organisations(document):
    return {
        organisation.name: organisation.role
        for organisation in document.extract.parties.organisations
    }


def test_persons_and_roles_in_english(fixture_document):
    assert _persons(fixture_document("en_ph_to_vn_mla.txt")) == {
        "Benjamin Cruz Aquino": "suspect",
        "Lorenzo Diaz Ramos": "officer",
        "Rodel Santos Pineda": "victim",
        "Tran Thi Ngoc Anh": "witness",
        "Maria Elena Santos": "officer",
    }


def test_requesting_authority_speaks_in_the_first_person(fixture_document):
    authority = fixture_document("en_ph_to_vn_mla.txt").extract.parties.requesting_authority
    assert authority.name == "Department of Justice of the Republic of the Philippines"
    assert authority.evidence.source == authority.name


def test_organisation_roles(fixture_document):
    organisations = _organisations(fixture_document("en_ph_to_vn_mla.txt"))
    assert organisations["Saigon Ocean Fishing Joint Stock Company"] == "company"
    assert organisations["National Bureau of Investigation"] == "authority"
    assert organisations["Regional Trial Court of Manila"] == "authority"
    assert not any(name.startswith(("Central Authority", "Government")) for name in organisations)


def test_bank_and_service_provider(letter):
    document = letter(
        "ATTORNEY-GENERAL'S CHAMBERS\n\n"
        "4. Assistance requested\n"
        "(a) obtain statements of account from Meridian Pacific Bank Berhad;\n"
        "(b) obtain subscriber details from Nusantara Telecom Sdn Bhd.\n"
    )
    organisations = _organisations(document)
    assert organisations["Meridian Pacific Bank Berhad"] == "bank"
    assert organisations["Nusantara Telecom Sdn Bhd"] == "service_provider"
    assert document.extract.parties.requesting_authority.name == "Attorney-General's Chambers"


def test_role_words_explicit_forms(letter):
    document = letter(
        "Persons concerned\n"
        "(a) Mr Arjun Pillai, Malaysian national: suspect;\n"
        "(b) the witness Ms Farah Aziz;\n"
        "(c) the accused Wong Mei Lin, who has been charged with cheating.\n"
        "The suspects Halim Osman and Rizal Ahmad fled to Thailand.\n"
        "Daniel Tay, the suspect's brother, owns the flat.\n"
    )
    persons = _persons(document)
    assert persons["Arjun Pillai"] == "suspect"
    assert persons["Farah Aziz"] == "witness"
    assert persons["Wong Mei Lin"] == "accused"
    assert persons["Halim Osman"] == persons["Rizal Ahmad"] == "suspect"
    assert persons.get("Daniel Tay", "other") == "other"


def test_names_cut_by_the_segmenter_and_in_capitals_are_one_person(letter):
    document = letter(
        "REQUEST CONCERNING SOMCHAI RAKDEE\n\n"
        "The inquiry official in charge is Pol. Col. Anan Srisawat. "
        "The suspect Mr Somchai Rakdee was arrested on 3 October 2026.\n"
    )
    persons = _persons(document)
    assert persons["Anan Srisawat"] == "officer"
    assert persons["Somchai Rakdee"] == "suspect"
    assert len([name for name in persons if "Somchai" in name]) == 1


def test_places_and_companies_are_not_persons(letter):
    document = letter(
        "The funds were sent from Khon Kaen to Preah Sihanouk city through "
        "PT Borneo Karya Konstruksi, whose director is Mr Agus Salim.\n"
    )
    assert _persons(document) == {"Agus Salim": "other"}


def test_source_names_without_translation(fixture_document):
    thai = _persons(fixture_document("th_th_to_kh_extradition.txt"))
    assert thai == {"สมศักดิ์ ใจดี": "person_sought", "ประยุทธ์ มั่นคง": "officer"}
    vietnamese = _persons(fixture_document("vi_vn_to_la_mla.txt"))
    assert vietnamese["Phommachanh Souliya"] == "witness"


def test_chinese_names_opening_a_clause(letter):
    document = letter(
        "中华人民共和国公安部\n\n"
        "二、涉案人员。刘志强，男，1985年6月11日出生，犯罪嫌疑人；赵丽萍，女，被害人。\n"
    )
    assert _persons(document) == {"刘志强": "suspect", "赵丽萍": "victim"}
