"""People named in a request, and their role.

Where a segment has English, names come from several places, since the
small spaCy model misses or splits many Asian names:

* after an honorific or rank (Mr, Daw, U, H.E., Pol. Col., Atty., ASP …);
* after a label (Name:, Contact person:, Investigating officer:);
* after a role word ("the suspect Lin Xiaoyan", "His accomplice, Keo Dara");
* spaCy PERSON spans, widened over the capitalised words they cut off;
* capitalised runs of two to five words that no entity claims (not a
  place, organisation or date), kept only when a role word supports them;
* name lines of the signature block.

Where a segment has no English, from the source: names after an honorific
(นาย, Ông, Encik …) or after a role term from the glossary ("Bị can: Trần
Quốc Bảo", "saksi Wong Kah Seng", "犯罪嫌疑人张伟").

A mention's role comes from the role words of its clause, weighed by
distance, with explicit forms ("the witness X", "X: suspect", "X, the
victim", "the suspects X and Y") weighing most; a rank or the signature
block makes an officer.  A person's role is the heaviest over all their
mentions; mentions of one person (in capitals, without honorific, by
surname alone) are merged.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.dates import ENGLISH_MONTHS
from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.countries import country_named, find_countries
from pipeline.extract.model import Evidence, Person
from pipeline.extract.nlp import Entity
from pipeline.extract.roles import (
    CORPORATE_OFFICER,
    OFFICER_TITLES,
    PERSON_ROLE_PATTERNS,
    ROLE_WEIGHTS,
    person_role_of_term,
)

HONORIFICS = (
    r"(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Mme|Dr|Prof|Sir|Dato'?|Datuk|Datin|Tan\s+Sri|Puan|Encik|Tuan|Hajjah|Haji|Hj"
    r"|Atty|H\.\s?E|Daw|Pol\.?\s*(?:Gen|Lt\.?\s*Gen|Maj\.?\s*Gen|Col|Lt\.?\s*Col|Maj|Capt|Lt|Sgt|Sub-Lt)"
    r"|Police\s+(?:Adjunct\s+)?(?:Senior\s+)?(?:General|Colonel|Lieutenant\s+Colonel|Major|Captain|Lieutenant|Sergeant"
    r"|Inspector|Commissioner)|(?:Lieutenant\s+|Major\s+|Brigadier\s+)?(?:General|Colonel)|Major|Captain"
    r"|(?:Detective\s+)?(?:Sergeant|Constable)|ASP|DSP|ACP|SAC|DCP|Supt"
    r"|(?:Assistant\s+|Deputy\s+|Senior\s+)?(?:Superintendent|Inspector|Commissioner)"
    r"|(?:Senior\s+)?(?:Special\s+)?Investigator|Judge|Justice|Prosecutor|Agent)\.?"
)
HONORIFIC = re.compile(rf"(?<![\w.])(?:{HONORIFICS})\s+|(?<![\w.])U\s+(?=[A-Z][a-z])")
SOURCE_HONORIFIC = re.compile(
    r"(?<![\w.])(?:Ông|Bà|Bapak|Bpk\.|Ibu|Sdr\.|Sdri\.|Saudara|Saudari|Tn\.|Ny\.|Encik|En\.|Puan|Pn\."
    r"|Cik|Tuan|Dato'?|Datuk|G\.|Gng\.|Bb\.|Mr\.?|Ms\.?|Mrs\.?)\s+"
)
LABELS = re.compile(
    r"(?:full\s+)?name\s*:|(?:contact(?:\s+(?:person|officer|point))?|investigating\s+officer|case\s+officer"
    r"|officer\s+in\s+charge)\s*:",
    re.IGNORECASE,
)
NAME_PARTICLES = frozenset(
    [
        "bin",
        "binti",
        "bte",
        "binte",
        "a/l",
        "a/p",
        "de",
        "dela",
        "del",
        "delos",
        "van",
        "von",
        "der",
        "da",
        "dos",
        "al",
        "el",
        "y",
        "ng",
    ]
)
NOT_NAME_WORDS = frozenset(
    (
        "road",
        "street",
        "soi",
        "jalan",
        "jln",
        "avenue",
        "lane",
        "tel",
        "fax",
        "email",
        "annex",
        "schedule",
        "bank",
        "branch",
        "co",
        "ltd",
        "limited",
        "company",
        "department",
        "office",
        "court",
        "police",
        "act",
        "code",
        "section",
        "article",
        "treaty",
        "convention",
        "province",
        "district",
        "city",
        "ministry",
        "bureau",
        "agency",
        "division",
        "chambers",
        "authority",
        "state",
        "republic",
        "kingdom",
        "government",
        "centre",
        "center",
        "building",
        "tower",
        "floor",
        "unit",
        "plaza",
        "house",
        "road.",
        "st.",
        "dear",
        "sir",
        "madam",
        "yours",
        "faithfully",
        "sincerely",
        "respectfully",
        "subject",
        "re",
        "ref",
        "no",
        "date",
        "attention",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "request",
        "mutual",
        "legal",
        "assistance",
        "criminal",
        "matters",
        "central",
        "international",
        "affairs",
        "public",
        "prosecutor",
        "counsel",
        "penal",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "one",
        "both",
        "after",
        "before",
        "between",
        "during",
        "since",
        "under",
        "according",
        "contact",
        "name",
        "nationality",
        "sex",
        *ENGLISH_MONTHS,
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "locating",
        "serving",
        "providing",
        "obtaining",
        "taking",
        "tracing",
        "freezing",
        "examining",
        "questioning",
        "interviewing",
        "identifying",
        "search",
        "seize",
        "take",
        "obtain",
        "provide",
        "locate",
        "serve",
        "question",
        "examine",
        "trace",
        "freeze",
        "inform",
        "arrange",
        "certified",
        "copies",
        "records",
        "statements",
        "summary",
        "facts",
        "offence",
        "offences",
        "person",
        "persons",
        "sought",
        "identity",
        "location",
        "procedure",
        "confidentiality",
        "undertakings",
        "time",
        "limit",
        "telephone",
        "passport",
        "photographs",
        "fingerprints",
        "male",
        "female",
        "born",
        "general",
        "attorney",
        "director",
        "deputy",
        "head",
        "secretary",
        "permanent",
        "assistant",
        "chief",
        "financial",
        "minister",
        "commissariat",
        "president",
        "chairman",
        "officer",
        "procurator",
        "because",
        "as",
        "when",
        "while",
        "although",
        "if",
        "where",
        "who",
        "whose",
        "which",
        "upon",
        "following",
        "pursuant",
        "however",
        "therefore",
        "also",
        "data",
        "computer",
        "stored",
        "information",
        "account",
        "accounts",
        "united",
        "nations",
        "royal",
        "supreme",
        "people",
        "provincial",
        "foundation",
        "facility",
        "resources",
        "sessions",
        "instance",
        "cooperation",
        "crime",
        "storage",
        "paper",
        "report",
        "investigation",
        "transnational",
        "organized",
        "organised",
        "living",
        "natural",
        "cold",
        "border",
        "gate",
        "crossing",
        "checkpoint",
        "port",
        "airport",
        "market",
        "hotel",
        "lounge",
        "shop",
        "warehouse",
        "truck",
        "vessel",
        "boat",
        "platform",
        "website",
        "group",
        "syndicate",
        "network",
        "gang",
        "concerning",
        "regarding",
        "against",
        "re:",
        "bareskrim",
        "polri",
        "polda",
        "polres",
        "kpk",
        "pdrm",
        "nbi",
        "amlo",
        "dsi",
    )
)
TOKEN = re.compile(r"[^\W\d_][\w'’\-]*\.?|[A-Z]\.")
THAI_NAME = re.compile(
    r"(?:นางสาว|นาย|นาง|น\.ส\.|(?:พล\.)?[พร]\.ต\.[อทต]\.|ด\.ต\.|จ\.ส\.ต\.|ส\.ต\.[อทต]\.)\s?"
    r"([\u0E01-\u0E4E]+\s[\u0E01-\u0E4E]+)(?:\s?\(([A-Za-z][A-Za-z .'\-]+)\))?"
)
LAO_NAME = re.compile(r"(?:ທ້າວ|ນາງ|ທ່ານ)\s?([\u0E81-\u0EDF]+(?:\s[\u0E81-\u0EDF]+)?)")
BURMESE_NAME = re.compile(r"(?:ဦး|ဒေါ်|မောင်)\s?([\u1000-\u109F]+)")
# The commonest Chinese surnames: a name after a role term starts with one ("犯罪嫌疑人张伟").
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Burmese particles and punctuation that cling to a name ("နန္ဒာဝင်း၏", "ကျော်ဇင်ထွန်း၊").
BURMESE_TAIL = re.compile(r"(?:၏|သည်|နှင့်(?:အတူ)?|တို့(?:သည်)?|ကို|မှ|[၊။,])+$")
CLOSINGS = re.compile(
    r"^\s*(?:yours\s+(?:faithfully|sincerely|truly)|respectfully(?:\s+yours)?|sincerely|\(?signed\)?"
    r"|with\s+(?:highest\s+)?(?:regards|consideration)|ขอแสดงความนับถือ|trân\s+trọng|hormat\s+kami"
    r"|saya\s+yang\s+(?:menjalankan|menurut)|lubos\s+na\s+gumagalang|此致|ຂໍສະແດງຄວາມນັບຖື)",
    re.IGNORECASE,
)
# A rank or honorific the segmenter cut off from its name ("… is Pol." | "Col." | "Thanawat …").
TRAILING_HONORIFIC = re.compile(
    r"(?<![\w.])(?:Pol|Col|Lt|Gen|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|Atty|Hon)\.?\s*$"
)
RANKS = re.compile(r"^(?:Pol|Col|Lt|Gen|Maj|Capt|Sgt|Atty)\b")
ADDRESS = re.compile(
    r"\b(?:Road|Street|St\.|Soi|Jalan|Jln\.?|Avenue|Lane|District|Province|Subdistrict)\b|\b\d{5}\b"
)
# What follows a place or a vessel, not a person: "Preah Sihanouk city", "KM Sinar Bahari 07".
NOT_PERSON_AFTER = re.compile(
    r"^\s*(?:city|province|district|town|village|township|municipality|state|island|port|street|road|market"
    r"|river|\d)",
    re.IGNORECASE,
)
NOT_PERSON_BEFORE = re.compile(r"\b(?:in|at|from|near|of\s+the\s+city\s+of)\s+$", re.IGNORECASE)
CORPORATE_NAME = re.compile(
    r"^(?:PT|CV|KM|MV)\b|\b(?:Sdn|Bhd|Ltd|Inc|Pte|Pty|Tbk|Corporation|Company|LLC|JSC|Foundation)\b"
)
POST_NOMINALS = re.compile(
    r"(?:,\s*(?:S\.H|M\.H|LL\.M|S\.E|M\.M|M\.Si|Ph\.D|S\.I\.K|MBA|Esq)\.?)+\s*$"
)
# Entities that rule a capitalised run out as a name (the model often calls Asian names ORG, so not ORG).
NOT_NAME_ENTITIES = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT", "ORDINAL"}
)
SIGNATURE_SPAN = 8
NAME_LINE_SHARE = 0.6
LAST_UNITS = 6
SIGNATURE_NAME_CHARS = 60
CLAUSE_BREAK = re.compile(r";|\n|(?:^|\s)\(?[a-z0-9ivx]{1,3}\)\s|\s[—–]\s(?=\S)|\.\s+(?=[A-Z(])")
SOURCE_CLAUSE_BREAK = re.compile(
    r"[;；。]|[、，]?(?=[一二三四五六七八九十]+、)|\.\s+(?=[A-Z])|(?<=\s)(?=\(?[a-z]\)\s)"
)
NEGATION = re.compile(
    r"\b(?:not|never|nor)\s+(?:yet\s+)?(?:been\s+|be\s+)?$|n't\s+(?:been\s+)?$|\bto\s+be\s+$",
    re.IGNORECASE,
)
ROLE_INTRO_GAP = re.compile(r"\s*(?:in\s+charge\s+)?(?:is\s+|was\s+)?[:,]?\s*(?:the\s+)?")
COORDINATION = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)")
EXPLICIT_WEIGHT = 3.0
TITLE_WEIGHT = 3.0
SIGNATURE_WEIGHT = 3.0
MIN_RUN_TOKENS = 2
MAX_RUN_TOKENS = 5


@dataclass
class PersonMention:
    unit: Unit
    name: str
    start: int
    end: int
    text: str
    in_english: bool
    roles: dict[str, float] = field(default_factory=dict)
    needs_role: bool = (
        False  # found by the model or as a bare capitalised run: kept only with a role
    )

    @property
    def evidence(self) -> Evidence:
        if self.in_english:
            return self.unit.evidence(
                english_words=self.text, source_words=None if self.unit.translated else self.text
            )
        return Evidence(self.unit.segment.id, self.unit.segment.page, self.text, self.unit.english)


Spans = dict[int, list[tuple[int, int]]]


def find_persons(
    context: ExtractContext, entities: dict[int, list[Entity]], organisations: Spans
) -> list[Person]:
    """Everyone named, once, with a role (``other`` when nothing says more).

    `organisations` holds, per unit, the spans of organisation names in its
    English, which no bare capitalised run may overlap.
    """
    signature = _signature_units(context)
    sought_section = _person_sought_sections(context)
    mentions: list[PersonMention] = []
    seen_in_section: set[int] = set()
    previous = ""
    for unit in context.units:
        if unit.english:
            claimed = organisations.get(unit.index, []) + [
                (entity.start, entity.end)
                for entity in entities.get(unit.index, [])
                if entity.label in NOT_NAME_ENTITIES
            ]
            found = _english_mentions(unit, entities.get(unit.index, []), previous, claimed)
            for mention in found:
                _english_roles(mention, found)
                if unit.index in sought_section and LABELS.match(unit.english):
                    _add(mention.roles, "person_sought", EXPLICIT_WEIGHT)
        else:
            found = _source_mentions(unit)
            if (
                unit.index in sought_section
                and found
                and not any(index in sought_section for index in seen_in_section)
            ):
                _add(
                    found[0].roles, "person_sought", EXPLICIT_WEIGHT
                )  # the first name under "person sought"
            if found and unit.index in sought_section:
                seen_in_section.add(unit.index)
        for mention in found:
            if unit.index in signature and _is_name_line(unit, mention):
                _add(mention.roles, "officer", SIGNATURE_WEIGHT)
        mentions += found
        previous = unit.english or ""
    return _merge(mentions)


# --- names in English ---------------------------------------------------------


def _english_mentions(
    unit: Unit, entities: list[Entity], previous: str, claimed: list[tuple[int, int]]
) -> list[PersonMention]:
    """Name mentions in a unit's English; `claimed` spans (organisations, places,
    dates, States) hold no name unless an honorific or label introduces it."""
    text = unit.english or ""
    found: list[PersonMention] = []
    claimed = claimed + [(hit.start, hit.end) for hit in find_countries(text)]

    def add(
        start: int, end: int, name: str, needs_role: bool = False, introduced: bool = False
    ) -> PersonMention | None:
        if any(m.start < end and start < m.end for m in found) or not _plausible(
            text, start, end, name
        ):
            return None
        if not introduced and any(s < end and start < e for s, e in claimed):
            return None
        mention = PersonMention(
            unit, name, start, end, text[start:end], True, needs_role=needs_role
        )
        found.append(mention)
        return mention

    cut_off = TRAILING_HONORIFIC.search(previous)
    if cut_off and not HONORIFIC.match(text):
        end, tokens = _name_run(text, 0, minimum=MIN_RUN_TOKENS)
        mention = add(0, end, " ".join(tokens), introduced=True) if tokens else None
        if mention and RANKS.match(cut_off.group()):
            _add(mention.roles, "officer", TITLE_WEIGHT)
    for honorific in HONORIFIC.finditer(text):
        end, tokens = _name_run(text, honorific.end())
        mention = add(honorific.start(), end, " ".join(tokens), introduced=True) if tokens else None
        if mention and OFFICER_TITLES.match(honorific.group()):
            _add(mention.roles, "officer", TITLE_WEIGHT)
    for label in LABELS.finditer(text):
        start = label.end() + len(text[label.end() :]) - len(text[label.end() :].lstrip())
        end, tokens = _name_run(text, start, minimum=MIN_RUN_TOKENS)
        mention = add(start, end, " ".join(tokens), introduced=True) if tokens else None
        mention = mention or next((m for m in found if m.start == start), None)
        if mention and not label.group().lower().startswith(("name", "full")):
            _add(mention.roles, "officer", EXPLICIT_WEIGHT)
    for pattern in PERSON_ROLE_PATTERNS.values():
        for word in pattern.finditer(text):
            gap = ROLE_INTRO_GAP.match(text, word.end())
            start = gap.end() if gap else word.end()
            end, tokens = _name_run(text, start, minimum=MIN_RUN_TOKENS)
            if tokens and not re.match(r"['’]s\b", text[word.end() :]):
                add(start, end, " ".join(tokens))
    for entity in entities:
        if entity.label == "PERSON":
            start, end = _widen(text, entity.start, entity.end)
            name = _clean_name(text[start:end])
            if name and not ADDRESS.search(text):
                add(start, end, name, needs_role=True)
    for start, end in _capitalised_runs(text):
        if not ADDRESS.search(text):
            name = _clean_name(text[start:end])
            if name:
                add(start, end, name, needs_role=True)
    return sorted(found, key=lambda mention: mention.start)


def _name_run(text: str, position: int, minimum: int = 1) -> tuple[int, list[str]]:
    """The capitalised words (and name particles) starting at `position`."""
    tokens: list[str] = []
    end = position
    while len(tokens) < MAX_RUN_TOKENS + 1:
        gap = re.match(r"[ \t]*", text[end:])
        start = end + (gap.end() if gap else 0)
        token = TOKEN.match(text, start)
        if not token or (tokens and start == end):
            break
        word = token.group()
        bare = word.rstrip(".")
        folded = bare.casefold()
        if folded in NOT_NAME_WORDS and not (tokens and folded in NAME_PARTICLES):
            break
        if tokens and any(pattern.fullmatch(bare) for pattern in PERSON_ROLE_PATTERNS.values()):
            break
        if not (word[0].isupper() or (tokens and folded in NAME_PARTICLES)):
            break
        if word.endswith(".") and len(bare) > 1 and not bare.isupper():
            tokens.append(bare)
            end = token.start() + len(bare)
            break
        tokens.append(word)
        end = token.end()
    while tokens and tokens[-1].casefold() in NAME_PARTICLES:
        tokens.pop()
    if len(tokens) > MAX_RUN_TOKENS:
        return position, []
    return (end, tokens) if len(tokens) >= minimum else (position, [])


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Runs of two to five capitalised words, each a candidate name."""
    runs = []
    position = 0
    while True:
        word = re.compile(r"(?<![\w'’-])[A-Z]").search(text, position)
        if not word:
            return runs
        end, tokens = _name_run(text, word.start(), minimum=MIN_RUN_TOKENS)
        if tokens:
            runs.append((word.start(), end))
            position = end
        else:
            position = word.start() + 1


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a model's name span over the capitalised words it left out ("Hoàng Đức| Thắng")."""
    run_end, tokens = _name_run(text, start)
    if tokens and run_end > end:
        end = run_end
    for _ in range(2):
        before = re.search(r"([^\W\d_][\w'’\-]*)\s+$", text[:start])
        if not before or not _may_be_name_word(before.group(1)):
            break
        start = before.start(1)
    return start, end


def _may_be_name_word(word: str) -> bool:
    return (
        word[0].isupper()
        and word.casefold() not in NOT_NAME_WORDS
        and not any(pattern.fullmatch(word) for pattern in PERSON_ROLE_PATTERNS.values())
        and not HONORIFIC.match(word + " ")
    )


def _clean_name(text: str) -> str | None:
    """A span as a name, or None when it is not one (a title, a company, a place)."""
    words = (
        POST_NOMINALS.sub("", HONORIFIC.sub("", text)).replace("’s", "").replace("'s", "").split()
    )
    if not words or any(char.isdigit() for char in text):
        return None
    if any(word.strip(".,").casefold() in NOT_NAME_WORDS for word in words):
        return None
    if len(words) < MIN_RUN_TOKENS or not all(
        word[0].isupper() or word.casefold() in NAME_PARTICLES for word in words
    ):
        return None
    return " ".join(words)


def _plausible(text: str, start: int, end: int, name: str) -> bool:
    """Not a company, a State, a place or a vessel."""
    if not name or CORPORATE_NAME.search(name) or country_named(name):
        return False
    if text[max(0, start - 1) : start] in ('"', "“", "'", "‘"):
        return False  # a quoted name is a platform's or a nickname
    return not (NOT_PERSON_AFTER.match(text[end:]) or NOT_PERSON_BEFORE.search(text[:start]))


# --- roles ------------------------------------------------------------------


def _english_roles(mention: PersonMention, others: list[PersonMention]) -> None:
    """Weigh each role word in the mention's clause by how close it is."""
    text = mention.unit.english or ""
    start, end = _clause(text, mention.start, mention.end)
    for role, pattern in PERSON_ROLE_PATTERNS.items():
        for word in pattern.finditer(text, start, end):
            if word.start() < mention.end and word.end() > mention.start:
                continue  # the role word is part of the name's title
            if re.match(r"['’]s\b", text[word.end() :]):
                continue  # "the suspect's wife"
            if role == "accused" and NEGATION.search(
                text[max(0, word.start() - 20) : word.start()]
            ):
                continue  # "has not been charged"
            actual = role
            if role == "officer" and CORPORATE_OFFICER.search(
                text[max(0, word.start() - 15) : word.start()]
            ):
                actual = "other"
            weight = _weight(text, mention, word, others)
            if weight:
                _add(mention.roles, actual, weight * ROLE_WEIGHTS.get(actual, 1.0))


def _weight(
    text: str, mention: PersonMention, word: re.Match[str], others: list[PersonMention]
) -> float:
    """Explicit forms ("the witness X", "X: suspect", "X, victim", "the suspects X and Y") weigh most;
    a word with another person between it and this one does not count."""
    if word.end() <= mention.start:
        between = [o for o in others if word.end() <= o.start and o.end <= mention.start]
        gap = text[word.end() : mention.start]
        if not between and re.fullmatch(r"\s*[:,]?\s*(?:the\s+|a\s+|an\s+)?", gap, re.IGNORECASE):
            return EXPLICIT_WEIGHT
        if between and _coordinated(text, word.end(), between, mention):
            return EXPLICIT_WEIGHT
        if between:
            return 0.0
    else:
        between = [o for o in others if mention.end <= o.start and o.end <= word.start()]
        gap = text[mention.end : word.start()]
        if between and _coordinated_after(text, mention, between, word.start()):
            return 1.0 / (1.0 + len(text[between[-1].end : word.start()]) / 30.0)
        if between:
            return 0.0
        if re.fullmatch(r"[^;:]{0,60}:\s*(?:the\s+|a\s+|main\s+|prime\s+)?", gap) or re.fullmatch(
            r"\s*(?:,|—|–|-|\()\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?", gap, re.IGNORECASE
        ):
            return EXPLICIT_WEIGHT
    return 1.0 / (1.0 + len(gap) / 30.0)


def _coordinated(
    text: str, start: int, between: list[PersonMention], mention: PersonMention
) -> bool:
    """Whether only names joined by commas and "and" stand between a plural role word and this name."""
    position = start
    rest = ROLE_INTRO_GAP.match(text, position)
    position = rest.end() if rest else position
    for other in sorted(between, key=lambda m: m.start):
        if text[position : other.start].strip():
            return False
        joint = COORDINATION.match(text, other.end)
        if not joint:
            return False
        position = joint.end()
    return position == mention.start


def _coordinated_after(
    text: str, mention: PersonMention, between: list[PersonMention], end: int
) -> bool:
    """Whether this name and the names after it form one subject ("X and Y fled")."""
    position = mention.end
    for other in sorted(between, key=lambda m: m.start):
        joint = COORDINATION.match(text, position)
        if not joint or joint.end() != other.start:
            return False
        position = other.end
    return not CLAUSE_BREAK.search(text, position, end)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    before = [found.end() for found in CLAUSE_BREAK.finditer(text, 0, start)]
    after = CLAUSE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _person_sought_sections(context: ExtractContext) -> set[int]:
    """Units under a heading about the person sought (where "Name:" introduces them)."""
    inside: set[int] = set()
    active = False
    for unit in context.units:
        text = unit.english or unit.source
        if (
            len(text) <= SIGNATURE_NAME_CHARS
            and not LABELS.match(text)
            and not re.search(r":\s*\S", text)
        ):
            words = [text] + [match.entry.english for match in unit.matches]
            active = any(
                re.search(r"person\s+sought|identity", word, re.IGNORECASE) for word in words
            )
        elif active:
            inside.add(unit.index)
    return inside


def _is_name_line(unit: Unit, mention: PersonMention) -> bool:
    """A line of the signature block that is only a name ("(U Than Htaik Oo)", "Priya Raman")."""
    line = re.sub(r"[\W\d_]+", "", unit.english or unit.source)
    name = re.sub(r"[\W\d_]+", "", mention.text)
    return bool(line) and len(name) >= NAME_LINE_SHARE * len(line)


def _signature_units(context: ExtractContext) -> set[int]:
    """The units after the closing formula, and the last lines of the letter."""
    last = set(range(max(0, len(context.units) - LAST_UNITS), len(context.units)))
    for unit in reversed(context.units):
        if any(CLOSINGS.match(text) for text in (unit.source, unit.english or "")):
            return last | set(range(unit.index + 1, unit.index + 1 + SIGNATURE_SPAN))
    return last


# --- names in the source ------------------------------------------------------


def _source_mentions(unit: Unit) -> list[PersonMention]:
    text = unit.source
    found: list[PersonMention] = []
    for pattern in (THAI_NAME, LAO_NAME, BURMESE_NAME):
        for match in pattern.finditer(text):
            name = (
                match.group(2) if pattern is THAI_NAME and match.group(2) else match.group(1)
            ).strip()
            name = BURMESE_TAIL.sub("", name)
            if name:
                found.append(
                    PersonMention(unit, name, match.start(), match.end(), match.group(), False)
                )
    for honorific in SOURCE_HONORIFIC.finditer(text):
        end, tokens = _name_run(text, honorific.end(), minimum=MIN_RUN_TOKENS)
        if tokens:
            found.append(
                PersonMention(
                    unit,
                    " ".join(tokens),
                    honorific.start(),
                    end,
                    text[honorific.start() : end],
                    False,
                )
            )
    role_terms = [(match, person_role_of_term(match.entry.english)) for match in unit.terms("role")]
    for match, role in role_terms:
        if role is None or any(m.start <= match.end <= m.end for m in found):
            continue
        name, end = _name_after_term(text, match.end)
        if name:
            mention = PersonMention(unit, name, match.start, end, text[match.start : end], False)
            _add(mention.roles, role, EXPLICIT_WEIGHT)
            found.append(mention)
    for start, end in _clauses(text):
        name, name_end = _name_at_clause_start(text, start)
        if not name or any(m.start < name_end and start < m.end for m in found):
            continue
        role = next(
            (role for match, role in role_terms if role and name_end <= match.start < end), None
        )
        if role:  # "Ramon Dela Cruz Villanueva — suspek, …", "刘志强，男，…，犯罪嫌疑人"
            mention = PersonMention(unit, name, start, name_end, text[start:name_end], False)
            _add(mention.roles, role, EXPLICIT_WEIGHT)
            found.append(mention)
    for mention in found:
        if mention.roles:
            continue
        for match, role in role_terms:
            if role is None:
                continue
            clause = _clause(text, mention.start, mention.end)
            if clause[0] <= match.start and match.end <= clause[1]:
                distance = (
                    match.start - mention.end
                    if match.start >= mention.end
                    else mention.start - match.end
                )
                _add(mention.roles, role, 1.0 / (1.0 + max(distance, 0) / 30.0))
    return sorted(found, key=lambda mention: mention.start)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans, cut at semicolons, list markers and sentence ends (also 。；)."""
    cuts = [0] + [found.end() for found in SOURCE_CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(start, end) for start, end in itertools.pairwise(cuts) if end > start]


def _name_at_clause_start(text: str, start: int) -> tuple[str | None, int]:
    """A name opening a clause: Latin capitalised words, or a Chinese name before a comma."""
    gap = re.match(r"\s*(?:[-•]\s*|\(?[a-zA-Z0-9]{1,2}[.)]\s*)?", text[start:])
    offset = start + (gap.end() if gap else 0)
    han = re.match(r"[\u4e00-\u9fff]{2,3}(?=[，,（(])", text[offset:])
    if han and han.group()[0] in CHINESE_SURNAMES:
        return han.group(), offset + han.end()
    end, tokens = _name_run(text, offset, minimum=MIN_RUN_TOKENS)
    return (" ".join(tokens), end) if tokens else (None, start)


def _name_after_term(text: str, position: int) -> tuple[str | None, int]:
    """The name a role term introduces: "Bị can: Trần Quốc Bảo", "证人李明", "សាក្សី កែវ ដារ៉ា"."""
    rest = text[position:]
    gap = re.match(r"\s*[:：]?\s*(?:si\s+|ni\s+|kay\s+|ឈ្មោះ\s*)?", rest)
    offset = position + (gap.end() if gap else 0)
    han = re.match(r"[\u4e00-\u9fff]{2,3}(?=[，,、。；;：:（(\s]|等|$)", text[offset:])
    if han and gap and gap.end() <= 2 and han.group()[0] in CHINESE_SURNAMES:
        return han.group(), offset + han.end()
    khmer = re.match(
        r"([\u1780-\u17D2]{1,12})\s([\u1780-\u17D2]{1,12})(?![\u1780-\u17DD])", text[offset:]
    )
    if khmer:
        return khmer.group(), offset + khmer.end()
    end, tokens = _name_run(text, offset, minimum=MIN_RUN_TOKENS)
    if tokens:
        return " ".join(tokens), end
    return None, position


# --- one person per name ------------------------------------------------------


def _add(roles: dict[str, float], role: str, weight: float) -> None:
    roles[role] = roles.get(role, 0.0) + weight


def _merge(mentions: list[PersonMention]) -> list[Person]:
    """One person per name: capitals, honorifics and partial names fold into the fullest form."""
    groups: list[list[PersonMention]] = []
    keys: list[tuple[str, ...]] = []
    for mention in sorted(mentions, key=lambda m: -len(_key(m.name))):
        key = _key(mention.name)
        same = [index for index, existing in enumerate(keys) if existing == key]
        wider = [index for index, existing in enumerate(keys) if set(key) < set(existing)]
        if same:
            groups[same[0]].append(mention)
        elif len(wider) == 1:
            groups[wider[0]].append(mention)
        elif not wider:
            keys.append(key)
            groups.append([mention])
    persons = []
    for group in sorted(groups, key=lambda g: min((m.unit.index, m.start) for m in g)):
        totals: dict[str, float] = defaultdict(float)
        for mention in group:
            for role, weight in mention.roles.items():
                totals[role] += weight
        if all(mention.needs_role for mention in group) and not _called_a_person(totals):
            continue  # a bare capitalised phrase nothing calls a person
        first = min(group, key=lambda m: (m.unit.index, m.start))
        role = max(totals, key=lambda r: totals[r]) if totals else "other"
        deciding = max(group, key=lambda m: m.roles.get(role, 0.0)) if totals else first
        persons.append(Person(_display(group), role, deciding.evidence))
    return persons


def _called_a_person(totals: dict[str, float]) -> bool:
    """A role word other than a descriptor ("director", "owner"), or a descriptor right beside the name."""
    return (
        any(weight > 0 for role, weight in totals.items() if role != "other")
        or totals.get("other", 0.0) >= EXPLICIT_WEIGHT * ROLE_WEIGHTS["other"]
    )


def _key(name: str) -> tuple[str, ...]:
    return tuple(word.casefold().strip(".,") for word in name.split())


def _display(group: list[PersonMention]) -> str:
    longest = max(len(_key(mention.name)) for mention in group)
    full = [mention.name for mention in group if len(_key(mention.name)) == longest]
    mixed = [name for name in full if not name.isupper()]
    name = (mixed or full)[0]
    return name.title() if name.isupper() else name
