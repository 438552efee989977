"""The parties: both States, the requesting authority, persons and organisations.

The requesting authority is the organisation that speaks in the first
person of the request ("X, as the Central Authority of …", "X has the
honour to request …", "X presents its compliments …"), or else the first
authority of the letterhead, above the addressee.
"""

from __future__ import annotations

import re

from pipeline.extract.context import ExtractContext
from pipeline.extract.model import Authority, Parties
from pipeline.extract.nlp import Entity
from pipeline.extract.organisations import OrganisationMention, find_organisations, unique
from pipeline.extract.persons import find_persons
from pipeline.extract.states import LETTERHEAD_SPAN, addressee_units, find_states

SPEAKER_CUE = re.compile(
    r"^[\s,]*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:acting\s+)?(?:as|in\s+its\s+capacity\s+as)\s+(?:the\s+)?central\s+authority"
    r"|(?:hereby\s+|respectfully\s+)?(?:has\s+the\s+honou?r|presents\s+its\s+compliments|requests|submits|seeks|makes))",
    re.IGNORECASE,
)


def find_parties(context: ExtractContext, entities: dict[int, list[Entity]]) -> Parties:
    requesting_state, requested_state = find_states(context)
    mentions = find_organisations(context, entities)
    spans: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        if mention.in_english:
            spans.setdefault(mention.unit.index, []).append((mention.start, mention.end))
    return Parties(
        requesting_state=requesting_state,
        requested_state=requested_state,
        requesting_authority=_requesting_authority(context, mentions),
        persons=find_persons(context, entities, spans),
        organisations=unique(mentions),
    )


def _requesting_authority(
    context: ExtractContext, mentions: list[OrganisationMention]
) -> Authority | None:
    authorities = [mention for mention in mentions if mention.role == "authority"]
    for mention in authorities:
        text = mention.unit.english if mention.in_english else mention.unit.source
        if mention.start <= 4 and SPEAKER_CUE.match((text or "")[mention.end :]):
            return Authority(mention.name, mention.evidence)
    addressee = addressee_units(context)
    limit = min(addressee) if addressee else LETTERHEAD_SPAN
    for mention in authorities:
        if mention.unit.index < limit:
            return Authority(mention.name, mention.evidence)
    return None
