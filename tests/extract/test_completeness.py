"""Completeness: ASEAN MLAT Art. 6(1) (a)–(k) for MLA requests, x1–x6 for extradition requests."""

from __future__ import annotations

from pipeline.extract.completeness import EXTRADITION_ITEMS, MLA_ITEMS


def _present(document):
    return {item.item: item.present for item in document.extract.completeness}


def test_mla_checklist_items_and_labels(fixture_document):
    completeness = fixture_document("en_ph_to_vn_mla.txt").extract.completeness
    assert [(item.item, item.label) for item in completeness] == list(MLA_ITEMS.items())
    assert all(item.present for item in completeness)
    assert MLA_ITEMS["j"].startswith("any special requirements for confidentiality")


def test_missing_items_carry_no_evidence(fixture_document):
    document = fixture_document("vi_vn_to_la_mla.txt")
    present = _present(document)
    assert [item for item, found in present.items() if not found] == ["h", "j"]
    for item in document.extract.completeness:
        assert (item.evidence is not None) == item.present


def test_extradition_checklist(fixture_document):
    document = fixture_document("th_th_to_kh_extradition.txt")
    assert list(_present(document)) == list(EXTRADITION_ITEMS)
    assert all(_present(document).values())
    x5 = next(item for item in document.extract.completeness if item.item == "x5")
    assert "อายุความ" in x5.evidence.source


def test_short_letter_lacks_most_items(letter):
    document = letter(
        "Request for mutual legal assistance\n\nPlease provide the bank records of Mr Lee Kah Wai.\n"
    )
    present = _present(document)
    assert present["b"] and present["g"]
    assert not any(present[item] for item in "cdefhijk")
