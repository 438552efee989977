"""The requesting and the requested State.

A request names both States many times (letterhead, addressee, treaty,
facts), so each mention is scored for the role its place and wording give
it, and the best-scored State wins each role:

* the sender's letterhead (the first State named before the addressee) and
  wording such as "X presents its compliments", "the Requesting State" point
  to the requesting State;
* the addressee block (To:, เรียน, Kính gửi, Kepada, 致 ...), "the
  competent authorities of X", "the competent X authorities" and "the
  Requested State" point to the requested State;
* the request's language is a weak hint for the requesting State.

States are found in English text by name (see `countries`) and in the source
through the glossary (kind ``state``), so a request without a translation
still gets both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.countries import BY_ISO, Country, country_named, find_countries
from pipeline.extract.model import Evidence, State

REQUESTING = "requesting"
REQUESTED = "requested"

LETTERHEAD = 2.0
ADDRESSEE = 3.0
EXPLICIT = 4.0
LANGUAGE_HINT = 1.0
ADDRESSEE_SPAN = 3  # units after an addressee marker that may hold the address
LETTERHEAD_SPAN = 12
ADDRESS_LINE_CHARS = 120  # units searched for a letterhead when there is no addressee

LANGUAGE_STATES = {
    "th": "TH",
    "vi": "VN",
    "km": "KH",
    "lo": "LA",
    "my": "MM",
    "zh": "CN",
    "tl": "PH",
    "id": "ID",
}

# Words that open the addressee block of a letter, per language.
ADDRESSEE_MARKERS = re.compile(
    r"^\s*(?:to\s*:|to\s+(?=the\b|his\b|her\b|h\.?e\.?\b)|attention\s*:|attn\.?\s*:|addressee\s*:"
    r"|เรียน|kính\s+gửi|kepada(?:\s+yang\s+\w+)?|yth\.?|ybhg\.?|yang\s+(?:terhormat|berbahagia)"
    r"|para\s+(?:sa|kay)\s*:?|sa\s*:|致\s*[:：]?|尊敬的|សូមគោរពជូន|គោរពជូន|ជូនចំពោះ|ຮຽນ|ເຖິງ)",
    re.IGNORECASE,
)
# Burmese puts the marker after the addressee: "... သို့".
ADDRESSEE_SUFFIX = re.compile(r"သို့\s*$")

_STATE = r"(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?"
EXPLICIT_BEFORE = {
    REQUESTED: re.compile(
        r"(?:requested\s+(?:state|party|country)\s*(?:\)|:|-|–|is)?\s*"
        r"|competent\s+(?:\w+\s+)?authorit(?:y|ies)\s+(?:of|in)\s+"
        r"|(?:request(?:s|ed)?|seek(?:s|ing)?|ask(?:s|ing)?)\s+(?:the\s+)?(?:assistance|cooperation|help)\s+(?:of|from)\s+"
        r"|(?:respectfully\s+|hereby\s+)?requests\s+"
        r"|compliments\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?of\s+"
        r"|(?:addressed|submitted|sent|transmitted)\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?of\s+)"
        + _STATE
        + r"$",
        re.IGNORECASE,
    ),
    REQUESTING: re.compile(
        r"(?:requesting\s+(?:state|party|country)\s*(?:\)|:|-|–|is)?\s*|on\s+behalf\s+of\s+)"
        + _STATE
        + r"$",
        re.IGNORECASE,
    ),
}
EXPLICIT_AFTER = {
    REQUESTED: re.compile(
        r"^\s*(?:\(|,)?\s*(?:the\s+)?[\"“]?requested\s+(?:state|party)"
        r"|^\s*(?:competent\s+|relevant\s+|law\s+enforcement\s+)?authorities\b(?!\s+of)",
        re.IGNORECASE,
    ),
    REQUESTING: re.compile(
        r"^\s*(?:\(|,)?\s*(?:the\s+)?[\"“]?requesting\s+(?:state|party)"
        r"|^[^.;]{0,40}?\b(?:presents?\s+its\s+compliments|has\s+the\s+honou?r\s+to\s+(?:request|submit|transmit|seek))",
        re.IGNORECASE,
    ),
}
ADJECTIVE_REQUESTED_BEFORE = re.compile(r"\b(?:competent|relevant|the)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class StateMention:
    unit: Unit
    country: Country
    start: int
    end: int
    text: str
    in_english: bool
    adjective: bool

    @property
    def evidence(self) -> Evidence:
        if self.in_english:
            return self.unit.evidence(
                english_words=self.text, source_words=None if self.unit.translated else self.text
            )
        return Evidence(
            self.unit.segment.id,
            self.unit.segment.page,
            self.text,
            self.unit.english if self.unit.translated else self.country.name,
        )

    @property
    def context(self) -> str:
        return (self.unit.english if self.in_english else self.unit.source) or ""


def find_states(context: ExtractContext) -> tuple[State | None, State | None]:
    """The requesting and the requested State, each with the mention that decided it."""
    mentions = [mention for unit in context.units for mention in _mentions(unit)]
    if not mentions:
        return _from_language(context, None), None
    scores: dict[str, dict[str, float]] = {
        REQUESTING: defaultdict(float),
        REQUESTED: defaultdict(float),
    }
    best: dict[tuple[str, str], tuple[float, StateMention]] = {}

    def vote(role: str, mention: StateMention, weight: float) -> None:
        iso = mention.country.iso
        scores[role][iso] += weight
        if weight > best.get((role, iso), (0.0, mention))[0]:
            best[role, iso] = (weight, mention)

    addressee = addressee_units(context)
    for mention in mentions:
        for role in (REQUESTING, REQUESTED):
            if _explicit(mention, role):
                vote(role, mention, EXPLICIT)
    addressed = next(
        (
            mention
            for mention in mentions
            if mention.unit.index in addressee and not mention.adjective
        ),
        None,
    )
    if addressed is not None:
        vote(REQUESTED, addressed, ADDRESSEE)
    letterhead = _letterhead(mentions, addressee)
    if letterhead is not None:
        vote(REQUESTING, letterhead, LETTERHEAD)
    primary = context.document.language.primary if context.document.language else "und"
    hinted = LANGUAGE_STATES.get(primary)
    for mention in mentions:
        if mention.country.iso == hinted and not mention.adjective:
            vote(REQUESTING, mention, LANGUAGE_HINT)
            break

    requesting, requested = _assign(
        scores, [mention for mention in mentions if not mention.adjective]
    )
    if requesting is None and requested is not None:
        return _from_language(context, requested), _state(requested, REQUESTED, best, mentions)
    return (
        _state(requesting, REQUESTING, best, mentions),
        _state(requested, REQUESTED, best, mentions),
    )


def _from_language(context: ExtractContext, requested: str | None) -> State | None:
    """A letter that never names its own State: the State whose language it is written in.

    Only languages spoken as the official language of one State count (not
    Malay or Chinese); the evidence is the letter's first line, with a warning
    that the State was inferred.
    """
    primary = context.document.language.primary if context.document.language else "und"
    iso = LANGUAGE_STATES.get(primary)
    if iso is None or iso == requested or primary == "zh" or not context.units:
        return None
    country = BY_ISO[iso]
    context.warn(
        f"requesting State not named; {country.name} inferred from the language of the letter"
    )
    return State(country.name, iso, context.units[0].evidence())


def _mentions(unit: Unit) -> list[StateMention]:
    found = []
    if unit.english:
        found += [
            StateMention(unit, hit.country, hit.start, hit.end, hit.text, True, hit.adjective)
            for hit in find_countries(unit.english)
        ]
    for match in unit.terms("state"):
        country = country_named(match.entry.english)
        if country is not None:
            found.append(
                StateMention(unit, country, match.start, match.end, match.text, False, False)
            )
    if not unit.english:
        # English names the glossary does not hold, e.g. "(Malaysia)" in a Thai sentence.
        taken = [(mention.start, mention.end) for mention in found]
        found += [
            StateMention(unit, hit.country, hit.start, hit.end, hit.text, False, False)
            for hit in find_countries(unit.source)
            if not hit.adjective and not any(s < hit.end and hit.start < e for s, e in taken)
        ]
    return found


def _explicit(mention: StateMention, role: str) -> bool:
    text = mention.context
    before = text[max(0, mention.start - 80) : mention.start]
    after = text[mention.end : mention.end + 60]
    if mention.adjective:
        return role == REQUESTED and bool(
            ADJECTIVE_REQUESTED_BEFORE.search(before) and EXPLICIT_AFTER[REQUESTED].match(after)
        )
    return bool(EXPLICIT_BEFORE[role].search(before) or EXPLICIT_AFTER[role].match(after))


def addressee_units(context: ExtractContext) -> set[int]:
    """Indexes of the units that hold the addressee block: the marker's line and the short lines after it."""
    for unit in context.units:
        texts = [unit.source] + ([unit.english] if unit.english and unit.translated else [])
        if any(ADDRESSEE_MARKERS.match(text) for text in texts):
            block = {unit.index}
            for following in context.units[unit.index + 1 : unit.index + 1 + ADDRESSEE_SPAN]:
                if len(following.source) > ADDRESS_LINE_CHARS:
                    break
                block.add(following.index)
            return block
        if ADDRESSEE_SUFFIX.search(unit.source):
            return set(range(max(0, unit.index - 1), unit.index + 1))
    return set()


def _letterhead(mentions: list[StateMention], addressee: set[int]) -> StateMention | None:
    """The first State named before the addressee block (or near the top)."""
    limit = min(addressee) if addressee else LETTERHEAD_SPAN
    for mention in mentions:
        if mention.unit.index >= limit:
            return None
        if not mention.adjective:
            return mention
    return None


def _assign(
    scores: dict[str, dict[str, float]], named: list[StateMention]
) -> tuple[str | None, str | None]:
    """The pair of different States with the highest total score for the two roles.

    A State named but never scored can still fill a role nobody else fills:
    the most often named one, as requests name the other party again and again.
    """
    counts: dict[str, int] = defaultdict(int)
    for mention in named:
        counts[mention.country.iso] += 1
    candidates = sorted(set(counts) | set(scores[REQUESTING]) | set(scores[REQUESTED]))
    best: tuple[float, int, str | None, str | None] = (0.0, 0, None, None)
    for requesting in [*candidates, None]:
        for requested in [*candidates, None]:
            if requesting is not None and requesting == requested:
                continue
            score = scores[REQUESTING].get(requesting, 0.0) + scores[REQUESTED].get(requested, 0.0)
            mentioned = counts.get(requesting, 0) + counts.get(requested, 0)
            if (score, mentioned) > best[:2]:
                best = (score, mentioned, requesting, requested)
    return best[2], best[3]


def _state(
    iso: str | None,
    role: str,
    best: dict[tuple[str, str], tuple[float, StateMention]],
    mentions: list[StateMention],
) -> State | None:
    if iso is None:
        return None
    mention = best.get((role, iso), (0.0, None))[1] or next(
        mention for mention in mentions if mention.country.iso == iso
    )
    country = BY_ISO[iso]
    return State(country.name, country.iso, mention.evidence)
