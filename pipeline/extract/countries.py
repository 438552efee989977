"""States a request may name, in English, with ISO 3166 alpha-2 codes.

Source-language names come from the glossaries (kind ``state``), whose
English column is looked up here; English text is matched against the names,
formal names and adjectives below.  Adjectives ("the Thai authorities") are
kept apart because they also describe people ("a Thai national").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()


COUNTRIES = (
    Country(
        "BN",
        "Brunei Darussalam",
        ("Brunei Darussalam", "Negara Brunei Darussalam", "Brunei"),
        ("Bruneian",),
    ),
    Country("KH", "Cambodia", ("Kingdom of Cambodia", "Cambodia"), ("Cambodian", "Khmer")),
    Country("ID", "Indonesia", ("Republic of Indonesia", "Indonesia"), ("Indonesian",)),
    Country(
        "LA",
        "Lao PDR",
        ("Lao People's Democratic Republic", "Lao People’s Democratic Republic", "Lao PDR", "Laos"),
        ("Lao", "Laotian"),
    ),
    Country("MY", "Malaysia", ("Malaysia",), ("Malaysian",)),
    Country(
        "MM",
        "Myanmar",
        ("Republic of the Union of Myanmar", "Myanmar", "Burma"),
        ("Myanmar", "Burmese"),
    ),
    Country(
        "PH",
        "Philippines",
        ("Republic of the Philippines", "Philippines"),
        ("Philippine", "Filipino"),
    ),
    Country(
        "SG", "Singapore", ("Republic of Singapore", "Singapore"), ("Singaporean", "Singapore")
    ),
    Country("TH", "Thailand", ("Kingdom of Thailand", "Thailand"), ("Thai",)),
    Country(
        "VN",
        "Viet Nam",
        ("Socialist Republic of Viet Nam", "Socialist Republic of Vietnam", "Viet Nam", "Vietnam"),
        ("Vietnamese",),
    ),
    Country(
        "TL",
        "Timor-Leste",
        ("Democratic Republic of Timor-Leste", "Timor-Leste", "East Timor"),
        ("Timorese",),
    ),
    Country(
        "CN",
        "China",
        ("People's Republic of China", "People’s Republic of China", "China", "PRC"),
        ("Chinese",),
    ),
    Country(
        "HK", "Hong Kong", ("Hong Kong Special Administrative Region", "Hong Kong SAR", "Hong Kong")
    ),
    Country("MO", "Macao", ("Macao Special Administrative Region", "Macao SAR", "Macao", "Macau")),
    Country("TW", "Taiwan", ("Taiwan",), ("Taiwanese",)),
    Country("JP", "Japan", ("Japan",), ("Japanese",)),
    Country("KR", "Republic of Korea", ("Republic of Korea", "South Korea", "Korea"), ("Korean",)),
    Country("IN", "India", ("Republic of India", "India"), ("Indian",)),
    Country("BD", "Bangladesh", ("Bangladesh",), ("Bangladeshi",)),
    Country("LK", "Sri Lanka", ("Sri Lanka",), ("Sri Lankan",)),
    Country("PK", "Pakistan", ("Pakistan",), ("Pakistani",)),
    Country("NP", "Nepal", ("Nepal",), ("Nepalese",)),
    Country("AU", "Australia", ("Commonwealth of Australia", "Australia"), ("Australian",)),
    Country("NZ", "New Zealand", ("New Zealand",)),
    Country(
        "US",
        "United States",
        ("United States of America", "United States", "USA", "U.S.A."),
        ("American",),
    ),
    Country("CA", "Canada", ("Canada",), ("Canadian",)),
    Country(
        "GB",
        "United Kingdom",
        (
            "United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom",
            "Great Britain",
            "Britain",
            "UK",
        ),
        ("British",),
    ),
    Country("FR", "France", ("French Republic", "France"), ("French",)),
    Country("DE", "Germany", ("Federal Republic of Germany", "Germany"), ("German",)),
    Country("NL", "Netherlands", ("Kingdom of the Netherlands", "Netherlands"), ("Dutch",)),
    Country("CH", "Switzerland", ("Swiss Confederation", "Switzerland"), ("Swiss",)),
    Country("IT", "Italy", ("Italy",), ("Italian",)),
    Country("ES", "Spain", ("Spain",), ("Spanish",)),
    Country("RU", "Russian Federation", ("Russian Federation", "Russia"), ("Russian",)),
    Country("AE", "United Arab Emirates", ("United Arab Emirates", "UAE")),
    Country("SA", "Saudi Arabia", ("Kingdom of Saudi Arabia", "Saudi Arabia"), ("Saudi",)),
)

BY_ISO = {country.iso: country for country in COUNTRIES}


@dataclass(frozen=True)
class CountryMention:
    country: Country
    start: int
    end: int
    text: str
    adjective: bool


@functools.cache
def _name_index() -> dict[str, Country]:
    return {name.casefold(): country for country in COUNTRIES for name in country.names}


@functools.cache
def _name_pattern() -> re.Pattern[str]:
    names = sorted({name for country in COUNTRIES for name in country.names}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.IGNORECASE
    )


@functools.cache
def _adjective_pattern(ignore_case: bool) -> re.Pattern[str]:
    adjectives = sorted(
        {adjective for country in COUNTRIES for adjective in country.adjectives},
        key=len,
        reverse=True,
    )
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, adjectives)) + r")(?![\w-])", flags
    )


@functools.cache
def _adjective_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in COUNTRIES:
        for adjective in country.adjectives:
            index.setdefault(adjective.casefold(), country)
    return index


def country_named(english: str) -> Country | None:
    """The country an English name stands for (a glossary's rendering, say)."""
    cleaned = re.sub(r"^the\s+", "", english.strip(), flags=re.IGNORECASE)
    return _name_index().get(cleaned.casefold())


def find_countries(text: str) -> list[CountryMention]:
    """Country names and adjectives in English text.

    Names match in any case (headings are often capitals); adjectives only
    capitalised, unless the whole text is in capitals.
    """
    mentions = [
        CountryMention(
            _name_index()[found.group().casefold()],
            found.start(),
            found.end(),
            found.group(),
            False,
        )
        for found in _name_pattern().finditer(text)
        if len(found.group()) > 3 or found.group().isupper()
    ]
    taken = [(mention.start, mention.end) for mention in mentions]
    for found in _adjective_pattern(text.isupper()).finditer(text):
        if not any(start < found.end() and found.start() < end for start, end in taken):
            country = _adjective_index()[found.group().casefold()]
            mentions.append(
                CountryMention(country, found.start(), found.end(), found.group(), True)
            )
    return sorted(mentions, key=lambda mention: mention.start)
