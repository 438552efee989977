"""Legal basis: only what the request is made under."""

from __future__ import annotations


def _instruments(document):
    return [basis.instrument for basis in document.extract.legal_basis]


def test_convention_and_reciprocity_as_basis(fixture_document):
    assert _instruments(fixture_document("en_ph_to_vn_mla.txt")) == ["untoc", "reciprocity"]


def test_bilateral_treaty_between_two_states_in_the_source(fixture_document):
    document = fixture_document("vi_vn_to_la_mla.txt")
    assert _instruments(document) == ["bilateral_treaty"]
    assert document.extract.legal_basis[0].evidence.source.startswith("Hiệp định tương trợ")


def test_treaty_signed_at_kuala_lumpur_is_the_asean_mlat(letter):
    document = letter(
        "This request is made under the Treaty on Mutual Legal Assistance in Criminal Matters "
        "signed at Kuala Lumpur on 29 November 2004.\n"
    )
    assert _instruments(document) == ["asean_mlat"]


def test_undertakings_designations_and_own_laws_are_not_a_basis(letter):
    document = letter(
        "SINGAPORE\n"
        "To: The Central Authority of Malaysia\n\n"
        "The Attorney-General's Chambers, as the Central Authority of Singapore under the Mutual "
        "Assistance in Criminal Matters Act 2000, requests assistance under the Convention on "
        "Cybercrime. This request is also made in accordance with the Mutual Assistance in Criminal "
        "Matters Act 2000 of Singapore.\n"
        "Singapore undertakes to provide similar assistance on the basis of reciprocity.\n"
    )
    assert _instruments(document) == ["budapest_convention"]


def test_requested_states_law_is_a_basis(letter):
    document = letter(
        "MALAYSIA\nTo: The Attorney General of Brunei Darussalam\n\n"
        "This request is made under the Mutual Assistance in Criminal Matters Order 2005 of "
        "Brunei Darussalam.\n"
    )
    assert _instruments(document) == ["domestic_law"]
