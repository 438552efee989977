"""Organisations named in a request: authorities, banks, service providers, companies.

In English, an organisation's name is a run of capitalised words (with "of",
"the", "and" between them) that holds a head word: an authority's (Office,
Ministry, Police, Court, Bureau …), a bank's, or a corporate suffix (Co., Ltd.,
Sdn. Bhd., PT, Tbk …).  spaCy's ORG spans are taken only when they pass the
same test, which drops its many false spans (section headings, currencies,
treaty titles).  In the source, organisations come from the glossary (kind
``authority``, proper names only) and from Latin-script names with a
corporate suffix, which requests keep untranslated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.model import Evidence, Organisation
from pipeline.extract.nlp import Entity
from pipeline.extract.roles import organisation_role

CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du"})
CORPORATE_SUFFIX = re.compile(
    r",?\s*(?:Public\s+Company\s+Limited|Company\s+Limited|Co\.?,?\s*Ltd\.?|Sdn\.?\s*Bhd\.?|Pte\.?\s*Ltd\.?"
    r"|Pty\.?\s*Ltd\.?|Ltd\.?|Limited|Berhad|Bhd\.?|Tbk\.?|Plc\.?|PLC|Inc\.?|LLC|JSC|Corp\.?)(?![\w])"
)
WORD = re.compile(r"[A-Z][\w'’\-]*(?:\.(?=\s*[A-Z]))?|[A-Z]{2,}|[a-z]+|&")
INSTRUMENT_WORDS = frozenset(
    [
        "act",
        "acts",
        "code",
        "treaty",
        "convention",
        "protocol",
        "decree",
        "regulation",
        "regulations",
        "article",
        "section",
        "annex",
        "schedule",
        "form",
        "agreement",
        "memorandum",
        "constitution",
        "ordinance",
        "order",
        "rules",
        "paragraph",
        "chapter",
        "part",
        "report",
        "decision",
        "warrant",
        "letter",
        "note",
        "judgment",
        "request",
        "paper",
        "no",
        "number",
    ]
)
NOT_NAMES = re.compile(
    r"^(?:(?:the\s+)?central\s+authorit(?:y|ies)\b.*|(?:the\s+)?government(?:\s+of\b.*)?"
    r"|(?:the\s+)?(?:competent|requested|requesting)\b.*|(?:the\s+)?(?:kingdom|republic)\s+of\b.*)$",
    re.IGNORECASE,
)
BANK_WORD = re.compile(r"bank", re.IGNORECASE)
CORPORATE = re.compile(
    r"\b(?:PT|CV)\s+[A-Z]|\b(?:Corporation|Company|Holdings|Group|Enterprises?)\b"
)
PERSON_WORDS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Commissioner|Inspector|Superintendent|Colonel|Lieutenant|Major|Captain|Sergeant)\b"
)
LEADING_WORDS = re.compile(
    r"^(?:(?:For|To|From|By|On|At|In|Dear|Attention|Attn)\s+)+(?:the\s+)?", re.IGNORECASE
)
LOCATION_AFTER_COMPANY = re.compile(r"\s+in\s+[A-Z][\w\s]*$")
GENERIC_AUTHORITIES = frozenset(
    {"central authority", "government", "competent authority", "court", "police", "embassy"}
)
SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "a", "an"})


@dataclass(frozen=True)
class OrganisationMention:
    unit: Unit
    name: str
    start: int
    end: int
    text: str
    in_english: bool
    english: str | None = None
    from_glossary: bool = False

    @property
    def role(self) -> str:
        """A glossary authority is an authority even when its name is a title ("Attorney General")."""
        role = organisation_role(self.name)
        return "authority" if self.from_glossary and role in ("other", "company") else role

    @property
    def evidence(self) -> Evidence:
        if self.in_english:
            return self.unit.evidence(
                english_words=self.text, source_words=None if self.unit.translated else self.text
            )
        return Evidence(self.unit.segment.id, self.unit.segment.page, self.text, self.english)


def find_organisations(
    context: ExtractContext, entities: dict[int, list[Entity]]
) -> list[OrganisationMention]:
    """Every organisation mention, in document order (merged by `unique`)."""
    mentions: list[OrganisationMention] = []
    for unit in context.units:
        if unit.english:
            mentions += english_organisations(unit, entities.get(unit.index, []))
        mentions += _source_organisations(unit)
    return mentions


def english_organisations(unit: Unit, entities: list[Entity]) -> list[OrganisationMention]:
    text = unit.english or ""
    spans = [
        refined
        for start, end in _capitalised_runs(text)
        if (refined := _refine(text, start, end))
        and _is_organisation(text[refined[0] : refined[1]])
    ]
    for entity in entities:
        if entity.label != "ORG":
            continue
        start, end = _strip_article(text, entity.start, entity.end)
        suffix = CORPORATE_SUFFIX.match(text, end)
        refined = _refine(text, start, suffix.end() if suffix else end)
        if not refined:
            continue
        start, end = refined
        if PERSON_WORDS.match(text[end:].lstrip()):
            continue  # a rank before a name ("Police Adjunct Senior| Commissioner X")
        if _is_organisation(text[start:end]) and not any(s < end and start < e for s, e in spans):
            spans.append((start, end))
    return [
        OrganisationMention(unit, _display(text[start:end]), start, end, text[start:end], True)
        for start, end in sorted(spans)
    ]


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by connectors, with any corporate suffix."""
    runs = []
    position = 0
    while position < len(text):
        word = WORD.search(text, position)
        if not word:
            break
        if not word.group()[0].isupper():
            position = word.end()
            continue
        start = end = word.start()
        cursor = word.start()
        words: list[tuple[int, int, str]] = []
        while True:
            found = WORD.match(text, cursor)
            if not found:
                break
            token = found.group()
            if not (token[0].isupper() or token.casefold() in CONNECTORS):
                break
            words.append((found.start(), found.end(), token))
            gap = re.match(r"[ \t]+", text[found.end() :])
            cursor = found.end() + (gap.end() if gap else 0)
            if not gap:
                break
        while words and words[-1][2].casefold() in CONNECTORS:
            words.pop()
        if not words:
            position = word.end()
            continue
        end = words[-1][1]
        suffix = CORPORATE_SUFFIX.match(text, end)
        if suffix:
            end = suffix.end()
        start, end = _strip_article(text, start, end)
        runs.append((start, end))
        position = max(end, word.end())
    return runs


def _refine(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim what a capitalised run holds besides the name.

    Leading prepositions ("For the …"), an office holder before "of" ("Head
    of the …", "Attorney General of …", "Agent X of the NBI": the part
    before "of" has no organisation word), and the place after a company
    ("… Sdn Bhd in Johor Bahru").
    """
    leading = LEADING_WORDS.match(text[start:end])
    if leading:
        start += leading.end()
    name = text[start:end]
    head = re.match(r"(.+?)\s+of\s+(?:the\s+)?", name, re.IGNORECASE)
    if head and not _has_head_word(head.group(1)):
        start += head.end()
        name = text[start:end]
    if CORPORATE_SUFFIX.search(name) or CORPORATE.search(name):
        place = LOCATION_AFTER_COMPANY.search(name)
        if place:
            end = start + place.start()
    return (start, end) if end > start else None


def _has_head_word(words: str) -> bool:
    return bool(
        CORPORATE_SUFFIX.search(words)
        or CORPORATE.search(words)
        or BANK_WORD.search(words)
        or organisation_role(words) in ("authority", "service_provider")
    )


def _strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    article = re.match(r"(?:the|The|THE)\s+", text[start:end])
    if article:
        start += article.end()
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _is_organisation(name: str) -> bool:
    """Whether a capitalised run names an organisation (not a law, heading or State)."""
    words = [word.strip(".,’'").casefold() for word in name.split()]
    if not words or NOT_NAMES.match(name) or PERSON_WORDS.search(name):
        return False
    if any(word in INSTRUMENT_WORDS for word in words):
        return False
    corporate = bool(CORPORATE_SUFFIX.search(name) or CORPORATE.search(name))
    if len(words) < 2 and not (BANK_WORD.search(name) and name[0].isupper()):
        return False
    if corporate or BANK_WORD.search(name):
        return True
    return organisation_role(name) in ("authority", "service_provider") and _headed(words)


def _headed(words: list[str]) -> bool:
    """An authority's head word must be a name word, not the whole name ("Police" alone)."""
    return sum(1 for word in words if word not in SMALL_WORDS) >= 2


def _source_organisations(unit: Unit) -> list[OrganisationMention]:
    found = []
    for match in unit.terms("authority"):
        english = match.entry.english
        if (
            english[:1].isupper()
            and english.casefold() not in GENERIC_AUTHORITIES
            and not NOT_NAMES.match(english)
        ):
            found.append(
                OrganisationMention(
                    unit, english, match.start, match.end, match.text, False, english, True
                )
            )
    text = unit.source
    for start, end in _capitalised_runs(text):
        name = text[start:end]
        named = len(name.split()) >= 2 and (CORPORATE_SUFFIX.search(name) or BANK_WORD.search(name))
        if named and not any(m.start < end and start < m.end for m in found):
            found.append(OrganisationMention(unit, _display(name), start, end, name, False, None))
    return found


def unique(mentions: list[OrganisationMention]) -> list[Organisation]:
    """One entry per organisation; a name that starts another ("Bank X" / "Bank X Ltd") folds in."""
    kept: list[tuple[str, OrganisationMention]] = []
    for mention in mentions:
        key = _key(mention.name)
        index = next(
            (
                index
                for index, (existing, _) in enumerate(kept)
                if key == existing
                or existing.startswith(key + " ")
                or key.startswith(existing + " ")
            ),
            None,
        )
        if index is None:
            kept.append((key, mention))
        elif len(key) > len(kept[index][0]):
            kept[index] = (key, mention)
    return [Organisation(mention.name, mention.role, mention.evidence) for _, mention in kept]


def _key(name: str) -> str:
    cleaned = re.sub(r"[.,’']", "", name.casefold())
    cleaned = re.sub(r"^the\s+", "", cleaned)
    return re.sub(r"\s+", " ", cleaned).strip()


def _display(name: str) -> str:
    """Names in capitals (letterheads) in title case, small words lower."""
    name = re.sub(r"\s+", " ", name).strip()
    if not name.isupper():
        return name
    words = []
    for index, word in enumerate(name.split(" ")):
        lower = word.lower()
        if index and lower in SMALL_WORDS:
            words.append(lower)
        elif len(word) <= 4 and word.isalpha() and index and not re.search(r"[AEIOUY]", word):
            words.append(word)  # acronyms: CIMB, KPK
        else:
            words.append(re.sub(r"(^|[-/])(\w)", lambda m: m.group(1) + m.group(2).upper(), lower))
    return " ".join(words)
