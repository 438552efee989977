"""Request type and urgency."""

from __future__ import annotations


def test_types_and_urgency_of_the_fixtures(fixture_document):
    extracts = {
        name: fixture_document(name).extract
        for name in ("en_ph_to_vn_mla.txt", "th_th_to_kh_extradition.txt", "vi_vn_to_la_mla.txt")
    }
    assert {name: (e.request_type, e.urgent) for name, e in extracts.items()} == {
        "en_ph_to_vn_mla.txt": ("mla", True),
        "th_th_to_kh_extradition.txt": ("extradition", True),
        "vi_vn_to_la_mla.txt": ("mla", False),
    }
    assert extracts["th_th_to_kh_extradition.txt"].urgent_evidence.source == "ด่วนที่สุด"


def test_urgent_request_in_the_text(letter):
    document = letter(
        "Request for mutual legal assistance\n\n"
        "We ask that the freezing be carried out as a matter of urgency.\n"
    )
    assert (document.extract.request_type, document.extract.urgent) == ("mla", True)


def test_secretary_is_not_secret_and_urgency_in_the_facts_is_not_urgency(letter):
    document = letter(
        "Request for mutual legal assistance\n\n"
        "The suspect immediately transferred the money. Signed by the Secretary of State.\n"
    )
    assert document.extract.urgent is False
    assert next(item for item in document.extract.completeness if item.item == "j").present is False


def test_letter_that_asks_nothing(letter):
    assert letter("Thank you for your letter of 3 March.\n").extract.request_type == "other"
