"""Deadlines: the dates and time limits the requesting State asks to be kept.

`pipeline.dates.find_dates` finds every date and time limit in the source
(where dates need no translation: Buddhist-era years and native digits are
converted there).  Most dates in a request are not deadlines: the letter's
own date, dates of birth, of the facts, of records wanted.  A date is taken
as a deadline when it is later than the letter's date and either follows a
deadline word ("by", "no later than", ภายใน, trước ngày, selambat-lambatnya,
sebelum …, or 之前 after it) or stands in a clause about a trial, a hearing,
the limitation period or the preservation of data, which also gives its
kind.  Without a letter date only a deadline word makes a deadline.

Time limits ("within 30 days of receipt", "for a period of 90 days") are
deadlines unless their clause describes the law (limitation periods,
penalties); "as soon as possible" and "without delay" are urgency, not
deadlines.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from pipeline.dates import DateMention, find_dates
from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.cues import REQUEST_WORDS
from pipeline.extract.model import Deadline, Evidence
from pipeline.languages import LANGUAGES

LETTER_DATE_UNITS = 20
DATE_LINE_SHARE = 0.4
TRIGGER_WINDOW = 40
PROMPTNESS = frozenset({"as soon as possible", "without delay"})

TRIGGER_BEFORE = re.compile(
    r"(?:\bby|\bno\s+later\s+than|\bnot\s+later\s+than|\bbefore|\bon\s+or\s+before|\bprior\s+to|\buntil"
    r"|\btill|\bdeadline(?:\s+is|\s+of)?|\bdue(?:\s+on|\s+by)?|\bat\s+the\s+latest(?:\s+by)?|\blatest\s+by"
    r"|ภายใน(?:วันที่)?|ก่อน(?:วันที่)?|ไม่เกิน(?:วันที่)?|ไม่ช้ากว่า(?:วันที่)?|จนถึง(?:วันที่)?"
    r"|\btrước(?:\s+ngày)?|\bchậm\s+nhất(?:\s+là)?(?:\s+vào)?(?:\s+ngày)?|\bhạn\s+chót|\bkhông\s+muộn\s+hơn(?:\s+ngày)?"
    r"|\bselambat-lambatnya(?:\s+pada)?(?:\s+tanggal)?|\bpaling\s+lambat(?:\s+pada)?(?:\s+tanggal)?"
    r"|\bsebelum(?:\s+tanggal|\s+tarikh)?|\bselewat-lewatnya(?:\s+pada)?|\bpaling\s+lewat(?:\s+pada)?"
    r"|\btidak\s+lewat\s+daripada|\bmenjelang"
    r"|\bbago(?:\s+sumapit)?(?:\s+ang)?|\bhanggang(?:\s+sa)?|\bhindi\s+lalampas\s+sa"
    r"|មុន(?:ថ្ងៃ)?|ត្រឹម(?:ថ្ងៃ)?|យ៉ាងយូរ(?:បំផុត)?|ກ່ອນ(?:ວັນທີ)?|ພາຍໃນ(?:ວັນທີ)?|ບໍ່ໃຫ້ກາຍ"
    r"|截至|截止(?:日期)?(?:为)?)"
    r"[\s,:：]*(?:the\s+|ngày\s+|tanggal\s+|tarikh\s+|ika-?\s*)?$",
    re.IGNORECASE,
)
TRIGGER_AFTER = re.compile(r"^\s*(?:之前|以前|前|为止|မတိုင်မီ|နောက်ဆုံးထား|အရောက်|တိုင်အောင်)")
KIND_WORDS = {
    "limitation": (
        r"time-barred|barred|limitation|prescri(?:bed|ption)|อายุความ|thời\s+hiệu|daluwarsa|kedaluwarsa"
        r"|had\s+masa|luput\s+masa|pagtatakda|时效|អាជ្ញាយុកាល|ອາຍຸຄວາມ"
    ),
    "preservation_expiry": (
        r"preserv\w*|retention|retain\w*|delet\w*|purg\w*|เก็บรักษา|lưu\s+giữ|bảo\s+quản|bảo\s+toàn"
        r"|pemeliharaan|penyimpanan|disimpan|dipelihara|pag-iingat|保存|保全|留存|រក្សាទុក|ເກັບຮັກສາ|ထိန်းသိမ်း"
    ),
    "trial": (
        r"trial(?!\s+court)|พิจารณาคดี|xét\s+xử|persidangan|perbicaraan|paglilitis|开庭|审判|ການພິຈາລະນາຄະດີ|ရုံးတင်စစ်ဆေး"
    ),
    "hearing": (
        r"hearing|ไต่สวน|phiên\s+(?:tòa|họp)|sidang|pendengaran|pagdinig|听证|庭审|សវនាការ|ການໄຕ່ສວນ|ကြားနာ"
    ),
}
KIND_PATTERNS = {kind: re.compile(words, re.IGNORECASE) for kind, words in KIND_WORDS.items()}
KIND_ORDER = ("limitation", "preservation_expiry", "trial", "hearing")
LAW_WORDS = re.compile(
    r"barred|limitation|prescri|punishable|imprisonment|penalty|sentence|section|article|อายุความ|จำคุก"
    r"|thời\s+hiệu|phạt\s+tù|daluwarsa|penjara|pidana|时效|徒刑|ពន្ធនាគារ|ຈຳຄຸກ|ထောင်",
    re.IGNORECASE,
)
# "a warrant valid until …", "born on …": dates that are no one's deadline.
NOT_DEADLINE_BEFORE = re.compile(
    r"(?:valid(?:ity)?|in\s+force|effective)\s+(?:until|till|to|through)\s*$|có\s+(?:giá\s+trị|hiệu\s+lực)\s+đến\s*(?:ngày\s*)?$"
    r"|berlaku\s+(?:sampai|hingga)\s*(?:dengan\s*)?(?:tanggal\s*)?$|有效期至\s*$|มีผลถึง(?:วันที่)?\s*$",
    re.IGNORECASE,
)
BIRTH = re.compile(
    r"birth|born|出生|sinh|lahir|เกิด|ເກີດ|မွေး|កំណើត|kapanganakan|ipinanganak", re.IGNORECASE
)
CLAUSE_BREAK = re.compile(r"[.;。；\n]\s")


@dataclass(frozen=True)
class _Found:
    """A date in a page's joined text, and the unit where it starts."""

    unit: Unit
    mention: DateMention
    text: str
    start: int  # the clause (spaced scripts) or neighbouring segments (unspaced ones) in `text`
    end: int

    @property
    def context(self) -> str:
        return self.text[self.start : self.end]


def find_deadlines(context: ExtractContext) -> list[Deadline]:
    """Deadlines in document order, each once, with their kind and source words."""
    found = [item for page in _pages(context) for item in _page_dates(page, _language(context))]
    letter_date = _letter_date(found, len(context.units))
    deadlines: list[Deadline] = []
    seen: set[tuple[datetime.date | None, str | None]] = set()
    for item in found:
        deadline = _deadline(item, letter_date)
        if deadline is None or (deadline.date, deadline.relative) in seen:
            continue
        seen.add((deadline.date, deadline.relative))
        deadlines.append(deadline)
        if item.mention.ambiguous and item.mention.date:
            context.warn(
                f"{item.unit.segment.id}: the date {item.mention.text!r} can be read day first or "
                f"month first; read as {item.mention.date:%d %B %Y}"
            )
    return deadlines


def _language(context: ExtractContext) -> str:
    language = context.document.language
    return language.primary if language and language.primary in LANGUAGES else "en"


def _pages(context: ExtractContext) -> list[list[Unit]]:
    pages: dict[int, list[Unit]] = {}
    for unit in context.units:
        pages.setdefault(unit.segment.page, []).append(unit)
    return list(pages.values())


def _page_dates(units: list[Unit], lang: str) -> list[_Found]:
    """Dates found in a page's segments joined, so a date the segmenter cut in two
    ("…ภายในวันที่" | "๓๐ มกราคม พ.ศ." | "๒๕๗๐") is still one date."""
    starts = []
    position = 0
    for unit in units:
        starts.append(position)
        position += len(unit.source) + 1
    text = " ".join(unit.source for unit in units)
    found = []
    for mention in find_dates(text, lang):
        index = max(i for i, start in enumerate(starts) if start <= mention.start)
        unit = units[index]
        if LANGUAGES.get(unit.lang, LANGUAGES["en"]).spaced and unit.lang != "zh":
            first, last = _clause(text, mention.start, mention.end)
        else:
            first = starts[max(0, index - 1)]
            last = starts[index + 2] - 1 if index + 2 < len(starts) else len(text)
        found.append(_Found(unit, mention, text, first, last))
    return found


def _letter_date(found: list[_Found], unit_count: int) -> datetime.date | None:
    """The letter's own date: a date that makes up most of its line ("Date: 5 March
    2026", "Hà Nội, ngày 5 tháng 3 năm 2026"), near the top or, as in diplomatic
    notes, at the end; else the first date near the top."""
    dated = [item for item in found if item.mention.date is not None]
    lines = [item for item in dated if _is_date_line(item)]
    top = [item for item in lines if item.unit.index < LETTER_DATE_UNITS]
    bottom = [item for item in lines if item.unit.index >= unit_count - LETTER_DATE_UNITS]
    near_top = [
        item
        for item in dated
        if item.unit.index < LETTER_DATE_UNITS and not _triggered(item.text, item.mention)
    ]
    for candidates in (top, bottom[-1:], near_top):
        if candidates:
            return candidates[0].mention.date
    return None


def _is_date_line(item: _Found) -> bool:
    line = item.unit.source
    if BIRTH.search(line) or _triggered(item.text, item.mention):
        return False  # a date of birth, or a short line asking for something by a date
    letters = len(re.sub(r"\s", "", line))
    return letters > 0 and len(re.sub(r"\s", "", item.mention.text)) >= DATE_LINE_SHARE * letters


def _deadline(item: _Found, letter_date: datetime.date | None) -> Deadline | None:
    mention, text, clause = item.mention, item.text, item.context
    english = item.unit.english if item.unit.translated else None
    context_text = clause + " " + (english or "")
    if mention.date is not None:
        if letter_date is not None and mention.date <= letter_date:
            return None
        if NOT_DEADLINE_BEFORE.search(text[max(0, mention.start - TRIGGER_WINDOW) : mention.start]):
            return None
        triggered = _triggered(text, mention)
        kind = _kind(item, english)
        if not triggered and (kind is None or letter_date is None):
            return None
        words = _with_trigger(text, mention)
        return Deadline(mention.date, None, kind or "response", _evidence(item, words))
    if mention.relative is None or mention.relative in PROMPTNESS or LAW_WORDS.search(clause):
        return None
    kind = (
        "preservation_expiry" if KIND_PATTERNS["preservation_expiry"].search(context_text) else None
    )
    if kind is None and not REQUEST_WORDS.search(context_text + " " + mention.relative):
        return None
    if kind is None and mention.relative.startswith("for a period of"):
        kind = "other"
    return Deadline(None, mention.relative, kind or "response", _evidence(item, mention.text))


def _triggered(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - TRIGGER_WINDOW) : mention.start]
    return bool(TRIGGER_BEFORE.search(before) or TRIGGER_AFTER.match(text[mention.end :]))


def _kind(item: _Found, english: str | None) -> str | None:
    """The kind the clause gives a date: its kind word nearest to the date (or, in a
    translated segment, one in the English).  A deadline word before the date makes
    a trial or hearing clause a response date ("results by 26 February, before the
    hearing")."""
    mention = item.mention
    distances: dict[str, int] = {}
    for kind, pattern in KIND_PATTERNS.items():
        near = [
            abs(found.start() - mention.start)
            for found in pattern.finditer(item.text, item.start, item.end)
        ]
        if near:
            distances[kind] = min(near)
        elif english and pattern.search(english):
            distances[kind] = len(item.text)
    if not distances:
        return None
    kind = min(distances, key=lambda name: (distances[name], KIND_ORDER.index(name)))
    if kind in ("trial", "hearing") and _triggered(item.text, mention):
        return "response"
    return kind


def _with_trigger(text: str, mention: DateMention) -> str:
    before = text[max(0, mention.start - TRIGGER_WINDOW) : mention.start]
    trigger = TRIGGER_BEFORE.search(before)
    start = mention.start - (len(before) - trigger.start()) if trigger else mention.start
    after = TRIGGER_AFTER.match(text[mention.end :])
    end = mention.end + (after.end() if after else 0)
    return text[start:end]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    before = [found.end() for found in CLAUSE_BREAK.finditer(text, 0, start)]
    after = CLAUSE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))


def _evidence(item: _Found, words: str) -> Evidence:
    unit = item.unit
    english = unit.english if unit.translated else None
    return Evidence(unit.segment.id, unit.segment.page, " ".join(words.split()), english)
