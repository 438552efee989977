"""The extraction dev set is well formed, and the scorer's matching behaves.

These tests check the annotations against their own texts (every labelled
name, reference and date can be found in the request) and the scorer against
hand-made extracts.  They set no extraction targets: how well `mla intake`
does on the set is measured by `benchmarks/score_extract.py`, not asserted.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.languages import LANGUAGES, SCRIPT_LANGUAGE, script_of

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import score_extract as scorer  # noqa: E402

DEVSET = Path(__file__).parent
SCHEMA_PATHS = (
    ROOT.parent / "shared" / "schema" / "request-extract.schema.json",
    ROOT / "tests" / "request-extract.schema.json",
)
REQUIRED_KEYS = {
    "request_type",
    "urgent",
    "requesting_state",
    "requested_state",
    "requesting_authority",
    "persons",
    "organisations",
    "assistance",
    "offences",
    "legal_basis",
    "deadline_dates",
    "deadline_relative",
    "references",
    "completeness",
}
OPTIONAL_KEYS = {"reference_aliases"}
CANONICAL_OFFENCES = {
    "money laundering",
    "fraud",
    "drug trafficking",
    "trafficking in persons",
    "migrant smuggling",
    "corruption",
    "bribery",
    "embezzlement",
    "cybercrime",
    "terrorism",
    "terrorist financing",
    "wildlife trafficking",
    "forgery",
    "online gambling",
    "murder",
    "theft",
    "organised crime",
}

REQUESTS = scorer.load_devset(DEVSET)


def _schema() -> dict[str, Any]:
    path = next(path for path in SCHEMA_PATHS if path.exists())
    return json.loads(path.read_text(encoding="utf-8"))


def _enum(*path: str) -> set[str]:
    node: Any = _schema()
    for key in path:
        node = node[key]
    return set(node["enum"])


ASSISTANCE = _enum("properties", "assistance_sought", "items", "properties", "category")
INSTRUMENTS = _enum("properties", "legal_basis", "items", "properties", "instrument")
REQUEST_TYPES = _enum("properties", "request_type")
PERSON_ROLES = _enum(
    "properties", "parties", "properties", "persons", "items", "properties", "role"
)
ORGANISATION_ROLES = _enum(
    "properties", "parties", "properties", "organisations", "items", "properties", "role"
)


def _ids(requests: list[scorer.DevRequest]) -> list[str]:
    return [request.name for request in requests]


def _english(request: scorer.DevRequest) -> str:
    return request.english.read_text(encoding="utf-8")


def _both_texts(request: scorer.DevRequest) -> str:
    return _english(request) + "\n" + request.source.read_text(encoding="utf-8")


# --- the set as a whole ---------------------------------------------------------


def test_the_set_covers_the_languages_types_and_gaps_it_promises() -> None:
    languages = [request.language for request in REQUESTS]
    assert len(REQUESTS) >= 18
    assert set(languages) == set(LANGUAGES)
    assert languages.count("en") == 3
    extraditions = [r for r in REQUESTS if r.gold["request_type"] == "extradition"]
    assert len(extraditions) >= 4
    mla = [r for r in REQUESTS if r.gold["request_type"] == "mla"]
    for item in "dhij":
        assert any(not r.gold["completeness"][item] for r in mla), f"no request lacks item {item}"
    assert any(all(r.gold["completeness"].values()) for r in mla)
    assert any(not all(r.gold["completeness"].values()) for r in extraditions)
    assert {r.gold["urgent"] for r in REQUESTS} == {True, False}


def test_the_set_covers_the_kinds_of_assistance_offences_and_legal_bases() -> None:
    assistance = {category for r in REQUESTS for category in r.gold["assistance"]}
    offences = {offence for r in REQUESTS for offence in r.gold["offences"]}
    bases = {basis for r in REQUESTS for basis in r.gold["legal_basis"]}
    assert assistance >= ASSISTANCE - {"other"}
    assert offences >= CANONICAL_OFFENCES - {"terrorism", "theft"}
    assert bases >= INSTRUMENTS
    assert any(r.gold["deadline_relative"] for r in REQUESTS)


# --- each request ---------------------------------------------------------------


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_folder_holds_the_source_the_english_and_the_gold(request_: scorer.DevRequest) -> None:
    folder = request_.source.parent
    assert request_.language in LANGUAGES
    assert re.fullmatch(r"\d\d-[a-z]{2}-[a-z0-9-]+", folder.name)
    assert folder.name.split("-")[1] == request_.language
    has_english = (folder / "english.txt").exists()
    assert has_english == (request_.language != "en"), "english.txt only for translated requests"
    for path in (request_.source, request_.english):
        text = path.read_text(encoding="utf-8")
        assert text.strip()
        assert "\r" not in text


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_source_is_written_in_its_language_script(request_: scorer.DevRequest) -> None:
    scripts = {script_of(char) for char in request_.source.read_text(encoding="utf-8")}
    expected = {script for script, code in SCRIPT_LANGUAGE.items() if code == request_.language}
    if expected:
        assert expected <= scripts
    else:
        assert scripts <= {None, "Latin"}


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_gold_has_every_key_with_valid_values(request_: scorer.DevRequest) -> None:
    gold = request_.gold
    assert REQUIRED_KEYS <= set(gold) <= REQUIRED_KEYS | OPTIONAL_KEYS
    assert gold["request_type"] in REQUEST_TYPES - {"unknown", "other"}
    assert isinstance(gold["urgent"], bool)
    for key in ("requesting_state", "requested_state"):
        assert re.fullmatch(r"[A-Z]{2}", gold[key])
    assert gold["requesting_state"] != gold["requested_state"]
    assert isinstance(gold["requesting_authority"], str) and gold["requesting_authority"]
    assert {person["role"] for person in gold["persons"]} <= PERSON_ROLES
    assert {org["role"] for org in gold["organisations"]} <= ORGANISATION_ROLES
    assert set(gold["assistance"]) <= ASSISTANCE
    assert set(gold["offences"]) <= CANONICAL_OFFENCES
    assert set(gold["legal_basis"]) <= INSTRUMENTS
    for key in ("assistance", "offences", "legal_basis", "references"):
        assert gold[key], f"{key} is empty"
        assert len(set(gold[key])) == len(gold[key]), f"{key} has duplicates"
    assert set(gold.get("reference_aliases", {})) <= set(gold["references"])


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_completeness_has_the_checklist_items_of_its_type(request_: scorer.DevRequest) -> None:
    gold = request_.gold
    items = scorer.MLA_ITEMS if gold["request_type"] == "mla" else scorer.EXTRADITION_ITEMS
    assert list(gold["completeness"]) == list(items)
    assert all(isinstance(value, bool) for value in gold["completeness"].values())


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_extradition_requests_ask_for_surrender(request_: scorer.DevRequest) -> None:
    surrender = {"surrender", "provisional_arrest"} & set(request_.gold["assistance"])
    assert bool(surrender) == (request_.gold["request_type"] == "extradition")


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_every_labelled_name_appears_in_the_request(request_: scorer.DevRequest) -> None:
    english, both = _english(request_).casefold(), _both_texts(request_).casefold()
    for entry in request_.gold["persons"] + request_.gold["organisations"]:
        assert entry["name"].casefold() in english, entry["name"]
        for alias in entry.get("aliases", []):
            assert alias.casefold() in both, alias
    assert request_.gold["requesting_authority"].casefold() in english


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_names_are_listed_once(request_: scorer.DevRequest) -> None:
    for key, name_key in (("persons", scorer.name_key), ("organisations", scorer.organisation_key)):
        keys = [name_key(entry["name"]) for entry in request_.gold[key]]
        assert len(set(keys)) == len(keys), key


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_references_appear_in_the_request(request_: scorer.DevRequest) -> None:
    english, source = _english(request_), request_.source.read_text(encoding="utf-8")
    aliases = request_.gold.get("reference_aliases", {})
    for reference in request_.gold["references"]:
        assert reference in english, reference
        in_source = [reference, *aliases.get(reference, [])]
        assert any(
            scorer.reference_key(value) in scorer.reference_key(source) for value in in_source
        )


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_deadline_dates_are_iso_dates_written_in_the_english(request_: scorer.DevRequest) -> None:
    english = _english(request_)
    for value in request_.gold["deadline_dates"]:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", value)
        date = datetime.date.fromisoformat(value)
        assert f"{date.day} {calendar.month_name[date.month]} {date.year}" in english, value


@pytest.mark.parametrize("request_", REQUESTS, ids=_ids(REQUESTS))
def test_relative_deadlines_name_a_period_the_english_states(request_: scorer.DevRequest) -> None:
    english = _english(request_)
    for text in request_.gold["deadline_relative"]:
        number, unit = scorer.relative_key(text).split(" ", 1)
        assert re.search(rf"\b{number}\b[^.]{{0,20}}\b{unit}s?\b", english), text


# --- the scorer's matching ------------------------------------------------------


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [
        ("Mr Somchai Jaidee", "Somchai Jaidee"),
        ("JAIDEE, Somchai", "Somchai Jaidee"),
        ("Pol. Col. Thanawat Phromsuk", "Thanawat Phromsuk"),
        ("Dr. Widodo Santoso, S.H., M.H.", "Widodo Santoso"),
        ("Dato' Ahmad Kamal bin Othman", "Ahmad Kamal bin Othman"),
        ("Nguyen Van Hung", "Nguyễn Văn Hùng"),
        ("Thiếu tá Đỗ Minh Tuấn", "Đỗ Minh Tuấn"),
        ("นายกิตติพงษ์ แสงทอง", "กิตติพงษ์ แสงทอง"),
        ("พ.ต.อ. ธนวัฒน์ พรหมสุข", "ธนวัฒน์ พรหมสุข"),
        ("ဦးအောင်ကျော်မိုး", "အောင်ကျော်မိုး"),
        ("លោកស្រី ម៉ៅ ចាន់ធីតា", "ម៉ៅ ចាន់ធីតា"),
        ("U Aung Kyaw Moe", "Aung Kyaw Moe"),
    ],
)
def test_names_match_without_titles_case_or_punctuation(extracted: str, gold: str) -> None:
    assert scorer.names_match(extracted, [gold], scorer.name_key)


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [
        ("Somchai Jaidee Wong", "Somchai Jaidee"),
        ("Somchai", "Somchai Jaidee"),
        ("Mr", "Mr Somchai"),
        ("", "Somchai Jaidee"),
        ("Nguyễn Văn Hưng", "Nguyễn Văn Hùng Anh"),
    ],
)
def test_different_names_do_not_match(extracted: str, gold: str) -> None:
    assert not scorer.names_match(extracted, [gold], scorer.name_key)


def test_a_name_matches_through_its_alias() -> None:
    assert scorer.names_match("นายอนุชา ศรีสุข", ["Anucha Srisuk", "อนุชา ศรีสุข"], scorer.name_key)
    assert not scorer.names_match("นายอนุชา", ["Anucha Srisuk", "อนุชา ศรีสุข"], scorer.name_key)


def test_organisation_names_ignore_articles_hyphens_and_apostrophes() -> None:
    key = scorer.organisation_key
    assert key("Attorney-General's Chambers, Malaysia") == key(
        "Attorney General's Chambers of Malaysia"
    )
    assert key("the Royal Thai Police") == key("Royal Thai Police")
    assert key("Golden Lotus Trading Sdn Bhd") == key("Golden Lotus Trading Sdn. Bhd.")
    assert key("Royal Malaysia Police") != key("Royal Thai Police")


@pytest.mark.parametrize(
    ("gold", "extracted", "expected"),
    [
        ("fraud", "public fraud", True),
        ("fraud", "Fraud", True),
        ("money laundering", "laundering", True),
        ("trafficking in persons", "qualified trafficking in persons", True),
        ("terrorism", "terrorist financing", False),
        ("fraud", "defraud", False),
        ("migrant smuggling", "smuggling of migrants", False),
        ("fraud", "", False),
    ],
)
def test_offences_match_when_one_name_contains_the_other(
    gold: str, extracted: str, expected: bool
) -> None:
    assert scorer.offence_matches(gold, extracted) is expected


def test_references_match_across_digits_spacing_and_prefixes() -> None:
    assert scorer.reference_matches(["412/2569"], "คดีอาญาที่ ๔๑๒/๒๕๖๙")
    assert scorer.reference_matches(
        ["AGC/INT/MLA/2026/0317"], "Our Reference: AGC/INT/MLA/2026/0317"
    )
    assert scorer.reference_matches(["45/QĐ-CSĐT"], "45/QD-CSDT")
    assert scorer.reference_matches(["1462/2026"], "សំណុំរឿងលេខ ១៤៦២/២០២៦")
    assert not scorer.reference_matches(["412/2569"], "413/2569")
    assert not scorer.reference_matches(["412/2569"], "")


def test_relative_deadlines_compare_by_amount_and_unit() -> None:
    key = scorer.relative_key
    assert key("within 30 days of receipt") == key(
        "within thirty (30) days from the date of receipt"
    )
    assert key("for a period of 90 days") == key("preserve the data for 90 days") == "90 day"
    assert key("within 30 days") != key("within 30 working days")
    assert key("within 14 days") != key("within 30 days")


def test_matching_is_one_to_one() -> None:
    same = scorer.offence_matches
    assert scorer.matching(["corruption", "bribery"], ["corruption and bribery"], same) == {0: 0}
    assert len(scorer.matching(["fraud"], ["fraud", "public fraud"], same)) == 1
    # A greedy match of "fraud" to "public fraud" would leave "public fraud" unmatched.
    assert scorer.matching(["fraud", "public fraud"], ["public fraud", "wire fraud"], same) == {
        0: 1,
        1: 0,
    }


def test_item_ids_ignore_brackets_and_case() -> None:
    assert scorer.item_id("(a)") == scorer.item_id("A") == "a"
    assert scorer.item_id("X1") == "x1"


# --- scoring hand-made extracts -------------------------------------------------


def _evidence(segment: str = "p1-s1") -> dict[str, Any]:
    return {"segment": segment, "page": 1, "source": "words", "english": None}


def perfect_extract(gold: dict[str, Any], use_aliases: bool = False) -> dict[str, Any]:
    """The extract a flawless extractor would write for this gold."""

    def name(entry: dict[str, Any]) -> str:
        return entry.get("aliases", [entry["name"]])[0] if use_aliases else entry["name"]

    def state(code: str) -> dict[str, Any]:
        return {"name": code, "iso3166": code, "evidence": _evidence()}

    items = scorer.MLA_ITEMS if gold["request_type"] == "mla" else scorer.EXTRADITION_ITEMS
    return {
        "request_type": gold["request_type"],
        "urgent": gold["urgent"],
        "parties": {
            "requesting_state": state(gold["requesting_state"]),
            "requested_state": state(gold["requested_state"]),
            "requesting_authority": {"name": gold["requesting_authority"], "evidence": _evidence()},
            "persons": [
                {"name": name(p), "role": p["role"], "evidence": _evidence()}
                for p in gold["persons"]
            ],
            "organisations": [
                {"name": name(o), "role": o["role"], "evidence": _evidence()}
                for o in gold["organisations"]
            ],
        },
        "assistance_sought": [
            {"category": c, "description": c, "evidence": _evidence()} for c in gold["assistance"]
        ],
        "deadlines": [
            {"date": d, "relative": None, "kind": "response", "evidence": _evidence()}
            for d in gold["deadline_dates"]
        ]
        + [
            {"date": None, "relative": r, "kind": "response", "evidence": _evidence()}
            for r in gold["deadline_relative"]
        ],
        "offences": [
            {"name": o, "provision": None, "evidence": _evidence()} for o in gold["offences"]
        ],
        "legal_basis": [{"instrument": i, "evidence": _evidence()} for i in gold["legal_basis"]],
        "references": [{"value": f"No. {r}", "evidence": _evidence()} for r in gold["references"]],
        "completeness": [
            {
                "item": f"({item})",
                "label": item,
                "present": gold["completeness"][item],
                "evidence": None,
            }
            for item in items
        ],
        "segments": [
            {"id": "p1-s1", "page": 1, "language": "en", "source": "words", "english": None}
        ],
    }


def _score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> scorer.Scores:
    scores = scorer.Scores()
    for gold, extract in pairs:
        scorer.score_request(gold, extract, scores)
    return scores


@pytest.mark.parametrize("use_aliases", [False, True], ids=["english names", "source names"])
def test_a_perfect_extract_scores_one_everywhere(use_aliases: bool) -> None:
    scores = _score([(r.gold, perfect_extract(r.gold, use_aliases)) for r in REQUESTS])
    for name, counts in scores.counts.items():
        assert counts.fp == counts.fn == 0, name
    for name, tally in scores.tallies.items():
        assert tally.correct == tally.total > 0, name
    assert scores.facts_without_evidence == 0
    assert scores.facts > 0


def test_an_empty_extract_scores_zero_without_failing() -> None:
    scores = _score([(r.gold, {}) for r in REQUESTS])
    assert all(counts.tp == counts.fp == 0 for counts in scores.counts.values())
    assert scores.tallies["request_type"].correct == 0
    assert scores.tallies["completeness"].correct == 0
    assert scores.facts == 0


def test_malformed_extract_fields_count_as_missing() -> None:
    gold = REQUESTS[0].gold
    extract = {
        "parties": ["not", "a", "dict"],
        "offences": "fraud",
        "deadlines": [None, 3],
        "urgent": "yes",
    }
    scores = _score([(gold, extract)])
    assert scores.counts["offences"].fn == len(gold["offences"])
    assert scores.tallies["urgent"].correct == 0


def test_wrong_roles_count_for_names_only_and_extra_items_lower_precision() -> None:
    gold = REQUESTS[0].gold
    extract = perfect_extract(gold)
    extract["parties"]["persons"][0]["role"] = "witness"
    extract["offences"].append({"name": "murder", "evidence": _evidence()})
    scores = scorer.Scores()
    scorer.score_request(gold, extract, scores, "request")
    assert scores.counts["persons"].fn == scores.counts["persons"].fp == 1
    assert scores.counts["persons_name_only"].fn == 0
    assert scores.counts["offences"].fp == 1
    assert scores.counts["offences"].recall == 1.0
    person = gold["persons"][0]
    assert scores.details["request"]["persons"] == {
        "missed": [f"{person['name']} ({person['role']})"],
        "extra": [f"{person['name']} (witness)"],
    }
    assert scores.details["request"]["offences"] == {"missed": [], "extra": ["murder"]}
    assert set(scores.details["request"]) == {"persons", "offences"}


def test_facts_without_evidence_are_counted() -> None:
    gold = REQUESTS[0].gold
    extract = perfect_extract(gold)
    del extract["offences"][0]["evidence"]
    extract["legal_basis"][0]["evidence"]["segment"] = "p9-s9"
    extract["references"][0]["evidence"]["source"] = " "
    assert _score([(gold, extract)]).facts_without_evidence == 3


def test_completeness_scores_every_item_and_the_gaps_separately() -> None:
    request = next(
        r for r in REQUESTS if r.gold["request_type"] == "mla" and not r.gold["completeness"]["d"]
    )
    extract = perfect_extract(request.gold)
    extract["completeness"] = [item for item in extract["completeness"] if item["item"] != "(d)"]
    scores = _score([(request.gold, extract)])
    assert scores.tallies["completeness"].total == 11
    assert scores.tallies["completeness"].correct == 10
    assert scores.tallies["completeness_gaps"].correct < scores.tallies["completeness_gaps"].total


def test_micro_average_sums_counts_across_requests() -> None:
    first, second = REQUESTS[0].gold, REQUESTS[1].gold
    missing_one = perfect_extract(second)
    missing_one["parties"]["persons"].pop()
    scores = _score([(first, perfect_extract(first)), (second, missing_one)])
    total = len(first["persons"]) + len(second["persons"])
    assert scores.counts["persons"].recall == pytest.approx((total - 1) / total)


# --- the scorer's output --------------------------------------------------------


def test_table_has_a_column_per_version_and_the_evidence_row() -> None:
    english = _score([(r.gold, perfect_extract(r.gold)) for r in REQUESTS])
    source = _score([(r.gold, {}) for r in REQUESTS])
    table = scorer.markdown_table(english, source)
    assert table.splitlines()[0].count("|") == 4
    assert f"English versions (n={len(REQUESTS)})" in table
    assert "| facts without evidence (must be 0) |" in table
    assert "1.00 / 1.00 / 1.00 | 0.00 / 0.00 / 0.00" in table


def test_results_section_replaces_only_its_own_block(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmarks\n\nOCR figures.\n", encoding="utf-8")
    scorer.write_results(scorer.results_section("| table one |", 1.0), results)
    scorer.write_results(scorer.results_section("| table two |", 2.0), results)
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nOCR figures.\n")
    assert text.count(scorer.START_MARKER) == text.count(scorer.END_MARKER) == 1
    assert "| table two |" in text and "| table one |" not in text


def test_scorer_runs_intake_on_a_request_end_to_end(tmp_path: Path) -> None:
    request = REQUESTS[0]
    shutil.copytree(request.source.parent, tmp_path / request.name)
    requests = scorer.load_devset(tmp_path)
    for version in ("english", "source"):
        scores = scorer.score_version(requests, version, tmp_path / "work")
        assert scores.requests == 1
        assert scores.failed == {}
        assert scores.facts_without_evidence == 0


def test_a_file_intake_fails_on_is_scored_empty_and_listed(tmp_path: Path) -> None:
    request = REQUESTS[0]
    shutil.copytree(request.source.parent, tmp_path / request.name)
    (tmp_path / request.name / "english.txt").write_bytes(b"")
    scores = scorer.score_version(scorer.load_devset(tmp_path), "english", tmp_path / "work")
    assert list(scores.failed) == [request.name]
    assert "empty" in scores.failed[request.name]
    assert scores.requests == 1
    assert scores.counts["persons"].fn == len(request.gold["persons"])
