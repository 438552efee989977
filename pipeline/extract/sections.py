"""The sections of a request letter, found from their headings.

Requests follow the treaty checklist, so most have headed (and numbered)
sections: facts, offences, assistance requested, procedure,
confidentiality, time limit, undertakings.  Extractors use them to read a
word in the right place: "seized" in the assistance requested is a request,
in the facts it is history.  Headings are short lines without a final full
stop; their kind comes from English keywords (in the English, or in the
glossary's English of the source terms) and from a few source-language
heading words per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.context import ExtractContext, Unit
from pipeline.glossary import ASSISTANCE_CATEGORIES

HEADING_CHARS = 90
FINAL_STOP = re.compile(r"[.;,:。；，：។៕။]$")
RUN_IN_HEADING_CHARS = 50
ENUMERATOR = re.compile(
    r"^\s*(?:\(?[a-zA-Z]\)|\(?[ivx]{1,4}\)|[a-zA-Z]\.\s|\(?\d{1,2}\)|\d{1,2}\.\d{1,2}\.?\s|[-•·▪]\s"
    r"|[ก-ฮ]\.\s|[\u1780-\u17A2]\.\s|\(?[\u1000-\u1021]\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、(?=.{60}))"
)
NUMBER_ONLY = re.compile(
    r"^\s*(?:\d{1,2}|[๐-๙]{1,2}|[០-៩]{1,2}|[໐-໙]{1,2}|[၀-၉]{1,2})\s*[.။)]?\s*$"
)
LEADING_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}|[๐-๙]{1,2}|[០-៩]{1,2}|[໐-໙]{1,2}|[၀-၉]{1,2}|[一二三四五六七八九十]+|[IVX]{1,4})\s*[.။)、]\s*"
)

ASSISTANCE_HEADING = re.compile(
    r"assistance\s+(?:requested|sought)|requested\s+assistance|nature\s+of\s+(?:the\s+)?assistance"
    r"|(?:measures|action|actions)\s+requested|request\s+for\s+(?:provisional|extradition|the\s+extradition|surrender)"
    r"|ความช่วยเหลือที่(?:ขอ|ร้องขอ|ประสงค์)|nội\s+dung\s+(?:tương\s+trợ|yêu\s+cầu|đề\s+nghị)"
    r"|(?:bantuan|tindakan)\s+yang\s+di(?:minta|mohon|pohon)|hinihinging\s+tulong|tulong\s+na\s+hinihiling"
    r"|ជំនួយ(?:ដែល)?ស្នើសុំ|(?:ການ|ຄວາມ)ຊ່ວຍເຫຼືອທີ່(?:ຂໍ|ຮ້ອງຂໍ|ສະເໜີ)|တောင်းခံ(?:သည့်|သော)\s*အကူအညီ"
    r"|请求(?:协助|司法协助)?(?:的)?事项|协助事项|请求内容",
    re.IGNORECASE,
)
OTHER_HEADING = re.compile(
    r"procedure|confidential|time\s+limit|deadline|undertaking|assurance|contact|legal\s+basis|offen[cs]e"
    r"|facts|summary|penalt|persons?\s+(?:concerned|involved|sought)|background|status|enclosure|annex"
    r"|authority|introduction|limitation|warrant|identity|special\s+requirement"
    r"|วิธีการ|ความลับ|กำหนดเวลา|ระยะเวลา|คำรับรอง|ผู้ประสานงาน|ข้อเท็จจริง|ฐานความผิด|อายุความ|ฐานทางกฎหมาย"
    r"|thủ\s+tục|bảo\s+mật|thời\s+hạn|cam\s+kết|liên\s+hệ|tóm\s+tắt|tội\s+danh|căn\s+cứ|thời\s+hiệu"
    r"|tatacara|prosedur|kerahasiaan|kerahsiaan|jangka\s+waktu|tempoh|jaminan|aku\s+janji|ringkasan|fakta"
    r"|kesalahan|tindak\s+pidana|dasar\s+hukum|asas\s+undang|pamamaraan|kumpidensiyal|takdang\s+panahon"
    r"|buod|paglabag|保密|期限|程序|保证|联系|案件事实|罪名|法律依据|时效"
    r"|នីតិវិធី|ការសម្ងាត់|រយៈពេល|អង្គហេតុ|បទល្មើស|ຂັ້ນຕອນ|ການຮັກສາຄວາມລັບ|ກຳນົດເວລາ|ຂໍ້ເທັດຈິງ"
    r"|လုပ်ထုံးလုပ်နည်း|လျှို့ဝှက်|အချိန်ကန့်သတ်|အမှုဖြစ်စဉ်",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Section:
    kind: str  # "assistance", "other" (a known other section) or "untitled"
    heading: Unit | None
    units: list[Unit]


def is_heading(unit: Unit, previous: Unit | None, lines: frozenset[str]) -> bool:
    """A short whole line without a final full stop that is not a list item.

    A run-in heading ("6. Assistance requested. The …") is a short
    sentence after a bare paragraph number, full stop or not.  A heading is
    a line of its own on the page, which tells it from the pieces the
    segmenter cuts Thai and Lao sentences into.
    """
    text = unit.source.strip()
    if not text or len(text) > HEADING_CHARS or NUMBER_ONLY.match(text) or ENUMERATOR.match(text):
        return False
    if (
        previous is not None
        and NUMBER_ONLY.match(previous.source)
        and len(text) <= RUN_IN_HEADING_CHARS
    ):
        return True
    numbered = LEADING_NUMBER.match(text)
    whole_line = _line_key(text) in lines
    if (
        numbered
        and len(text) - numbered.end() <= RUN_IN_HEADING_CHARS
        and (whole_line or text.endswith("."))
    ):
        return True  # "2. Offences." cut from the paragraph it heads
    if _line_key(text) not in lines and _line_key(LEADING_NUMBER.sub("", text)) not in lines:
        return False
    return not FINAL_STOP.search(LEADING_NUMBER.sub("", text)) or text.isupper()


def _line_key(text: str) -> str:
    return " ".join(text.split())


def _page_lines(context: ExtractContext) -> frozenset[str]:
    """Every line of every page, and every line without its paragraph number."""
    lines = set()
    for page in context.document.pages:
        for line in page.text.splitlines():
            lines.add(_line_key(line))
            lines.add(_line_key(LEADING_NUMBER.sub("", line)))
    return frozenset(lines)


def heading_kind(unit: Unit, category_words: re.Pattern[str] | None = None) -> str:
    """ "assistance" for a heading that announces the assistance (or names a kind of it)."""
    texts = [unit.source, unit.english or ""] + [match.entry.english for match in unit.matches]
    if any(ASSISTANCE_HEADING.search(text) for text in texts):
        return "assistance"
    if any(OTHER_HEADING.search(text) for text in texts):
        return "other"
    if category_words is not None and any(category_words.search(text) for text in texts):
        return "assistance"
    if any(match.entry.category in ASSISTANCE_CATEGORIES for match in unit.matches):
        return "assistance"
    return "untitled"  # a heading of no known kind (a title, a name): read like untitled text


def sections(
    context: ExtractContext, category_words: re.Pattern[str] | None = None
) -> list[Section]:
    """The document cut at its headings; a bare paragraph number also ends a section."""
    found: list[Section] = []
    current: Section = Section("untitled", None, [])
    previous = None
    lines = _page_lines(context)
    for unit in context.units:
        if is_heading(unit, previous, lines):
            found.append(current)
            current = Section(heading_kind(unit, category_words), unit, [])
        elif NUMBER_ONLY.match(unit.source) and current.kind == "assistance" and current.units:
            found.append(current)
            current = Section("other", None, [])
        else:
            current.units.append(unit)
        previous = unit
    found.append(current)
    return [section for section in found if section.units or section.heading]
