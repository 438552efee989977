"""What kind of request this is, and whether it is urgent.

A request that asks for a surrender or a provisional arrest is an
extradition request (the seizure of articles found on the person sought is
part of it); one that asks for any other kind of assistance, or calls
itself a request for mutual legal assistance, is an MLA request; a letter
that does neither (a reminder, a covering note) is "other".

Urgency is the urgency mark of the letter head (URGENT, ด่วนที่สุด, KHẨN,
SEGERA, 紧急 …) or an urgent request in the text ("as a matter of
urgency", "as soon as possible", "requested urgently").
"""

from __future__ import annotations

import re

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.cues import REQUEST_WORDS, URGENT_WORDS
from pipeline.extract.model import Assistance, Evidence

EXTRADITION_CATEGORIES = frozenset({"surrender", "provisional_arrest"})
MLA_WORDS = re.compile(
    r"mutual\s+(?:legal\s+)?assistance|legal\s+assistance|judicial\s+assistance|ความช่วยเหลือซึ่งกันและกัน"
    r"|tương\s+trợ\s+tư\s+pháp|bantuan\s+timbal\s+balik|bantuan\s+bersama|tulong\s+legal|司法协助|ជំនួយគតិយុត្ត"
    r"|ການຊ່ວຍເຫຼືອເຊິ່ງກັນ|အပြန်အလှန်ဥပဒေရေးရာအကူအညီ",
    re.IGNORECASE,
)
HEADER_UNITS = 20
URGENT_MARK_CHARS = 40


def request_type(context: ExtractContext, assistance: list[Assistance]) -> str:
    categories = {fact.category for fact in assistance}
    if categories & EXTRADITION_CATEGORIES:
        return "extradition"
    if categories or any(_mentions_mla(unit) for unit in context.units):
        return "mla"
    return "other" if any(unit.source.strip() for unit in context.units) else "unknown"


def _mentions_mla(unit: Unit) -> bool:
    return any(MLA_WORDS.search(text) for text in (unit.source, unit.english or ""))


def urgency(context: ExtractContext) -> Evidence | None:
    """The words that make the request urgent, or None."""
    for unit in context.units[:HEADER_UNITS]:
        if len(unit.source.strip()) <= URGENT_MARK_CHARS and URGENT_WORDS.search(unit.source):
            return unit.evidence()
    for unit in context.units:
        texts = (unit.source, unit.english or "")
        if any(REQUEST_WORDS.search(text) for text in texts) and any(
            URGENT_WORDS.search(text) for text in texts
        ):
            return unit.evidence()
    return None
