"""Requesting and requested State: letterhead, addressee, wording, glossary names."""

from __future__ import annotations


def test_english_letterhead_and_addressee(fixture_document):
    parties = fixture_document("en_ph_to_vn_mla.txt").extract.parties
    assert (parties.requesting_state.iso3166, parties.requested_state.iso3166) == ("PH", "VN")
    assert parties.requesting_state.name == "Philippines"
    assert "PHILIPPINES" in parties.requesting_state.evidence.source
    assert "Viet Nam" in parties.requested_state.evidence.source


def test_source_names_through_the_glossary(fixture_document):
    document = fixture_document("vi_vn_to_la_mla.txt")
    parties = document.extract.parties
    assert (parties.requesting_state.iso3166, parties.requested_state.iso3166) == ("VN", "LA")
    assert parties.requested_state.evidence.source == "Cộng hòa Dân chủ Nhân dân Lào"
    assert parties.requested_state.evidence.english == "Lao PDR"


def test_unnamed_requesting_state_is_inferred_from_the_language_with_a_warning(fixture_document):
    document = fixture_document("th_th_to_kh_extradition.txt")
    parties = document.extract.parties
    assert (parties.requesting_state.iso3166, parties.requested_state.iso3166) == ("TH", "KH")
    assert any("inferred from the language" in warning for warning in document.warnings)


def test_compliments_formula_without_letterhead(letter):
    document = letter(
        "Note No. 77/2027\n\n"
        "The Embassy of the Republic of Singapore presents its compliments to the Ministry of "
        "Foreign Affairs of the Republic of Indonesia and has the honour to request the "
        "assistance of the competent Indonesian authorities in obtaining bank records.\n"
    )
    parties = document.extract.parties
    assert (parties.requesting_state.iso3166, parties.requested_state.iso3166) == ("SG", "ID")


def test_explicit_roles_override_order(letter):
    document = letter(
        "MEMORANDUM\n\n"
        "Requested State: Malaysia\nRequesting State: Brunei Darussalam\n\n"
        "Malaysia is asked to provide the records described below by 1 March 2027.\n"
    )
    parties = document.extract.parties
    assert (parties.requesting_state.iso3166, parties.requested_state.iso3166) == ("BN", "MY")


def test_no_state_named_in_an_english_letter(letter):
    document = letter("Please find the attached records.\n")
    assert document.extract.parties.requesting_state is None
    assert document.extract.parties.requested_state is None
