"""Offences: common names, provisions as cited, and what is not an offence."""

from __future__ import annotations


def _offences(document):
    return [(offence.name, offence.provision) for offence in document.extract.offences]


def test_offence_with_provision(fixture_document):
    assert _offences(fixture_document("en_ph_to_vn_mla.txt")) == [
        ("trafficking in persons", "Section 4(a) of Republic Act")
    ]


def test_source_offences_through_the_glossary_and_keywords(fixture_document):
    assert _offences(fixture_document("vi_vn_to_la_mla.txt")) == [("drug trafficking", "Điều 251")]
    assert _offences(fixture_document("th_th_to_kh_extradition.txt")) == [
        ("drug trafficking", "มาตรา ๙๐")
    ]


def test_statute_and_convention_titles_name_no_offence(letter):
    document = letter(
        "2. Offences\n"
        "(a) cheating, under section 420 of the Penal Code 1871, punishable with imprisonment "
        "for a term which may extend to 10 years; and\n"
        "(b) laundering the benefits of criminal conduct, under section 54(1) of the Corruption, "
        "Drug Trafficking and Other Serious Crimes (Confiscation of Benefits) Act 1992.\n"
        "This request is made under the United Nations Convention against Corruption.\n"
    )
    assert _offences(document) == [
        ("fraud", "section 420 of the Penal Code 1871"),
        ("money laundering", "section 54(1)"),
    ]


def test_crimes_in_the_facts_are_not_charges(letter):
    document = letter(
        "3. Summary of facts\n"
        "The callers told the victims that their accounts were linked to drug trafficking.\n\n"
        "4. Offence\n"
        "Public fraud under Section 343 of the Criminal Code.\n"
    )
    assert _offences(document) == [("fraud", "Section 343 of the Criminal Code")]
