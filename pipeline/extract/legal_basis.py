"""The instruments a request is made under.

Only the sentence that states the basis counts ("This request is made under
…", "pursuant to …", Căn cứ …, อ้างถึง …, or anything in a "Legal basis"
section).  The law that designates the Central Authority ("X, as the Central
Authority under the Act on …") and the reciprocity promised in the
undertakings are not the basis of this request, and penal statutes cited
for the offences are not instruments of cooperation.

The Treaty on Mutual Legal Assistance in Criminal Matters signed at Kuala
Lumpur on 29 November 2004 is the ASEAN MLAT whatever it is called; a treaty
"between" two named States is bilateral.
"""

from __future__ import annotations

import re

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.countries import find_countries
from pipeline.extract.cues import REQUEST_WORDS
from pipeline.extract.model import Evidence, LegalBasis
from pipeline.extract.sections import sections
from pipeline.glossary import INSTRUMENT_CATEGORIES
from pipeline.languages import LANGUAGES

INSTRUMENT_WORDS: dict[str, str] = {
    "asean_mlat": r"ASEAN\s+(?:MLAT|Treaty\s+on\s+Mutual)|Treaty\s+on\s+Mutual\s+Legal\s+Assistance\s+in\s+Criminal\s+Matters(?![^.;]{0,40}?\bbetween\b)",
    "untoc": r"Transnational\s+Organi[sz]ed\s+Crime|\bUNTOC\b|Palermo\s+Convention",
    "uncac": r"Convention\s+against\s+Corruption|\bUNCAC\b",
    "un_drug_convention_1988": r"Illicit\s+Traffic\s+in\s+Narcotic\s+Drugs|1988\s+(?:United\s+Nations\s+)?Convention|Vienna\s+Convention\s+of\s+1988",
    "budapest_convention": r"Convention\s+on\s+Cybercrime|Budapest\s+Convention",
    "bilateral_treaty": (
        r"(?:Treaty|Agreement)\s+(?:on\s+(?:Extradition|Mutual[\w\s]*?)\s+)?between\b|Extradition\s+Treaty"
        r"|bilateral\s+(?:treaty|agreement)|Treaty\s+on\s+Extradition"
    ),
    "reciprocity": r"reciproc\w+",
    "domestic_law": (
        r"(?:Mutual\s+(?:Legal\s+)?Assistance\s+in\s+Criminal\s+Matters|Extradition)\s+(?:Act|Order|Law|Ordinance|Decree)"
        r"|(?:Act|Law|Order|Decree)\s+(?:No\.?\s*[\w/]+\s+)?(?:of\s+\d{4}\s+)?on\s+(?:Mutual\s+Legal\s+Assistance|Extradition|Judicial\s+Assistance)"
    ),
    "other": r"(?:International\s+)?Convention\s+(?:for|on|against)\s+(?:the\s+)?[A-Z]\w+",
}
INSTRUMENT_PATTERNS = {
    name: re.compile(words, re.IGNORECASE if name == "reciprocity" else 0)
    for name, words in INSTRUMENT_WORDS.items()
}
# Source-language signs of the ASEAN MLAT and of a bilateral treaty, next to a treaty word.
KUALA_LUMPUR = re.compile(
    r"kuala\s+lumpur|กัวลาลัมเปอร์|อาเซียน|吉隆坡|东盟|កូឡាឡាំពួ|អាស៊ាន|ກົວລາລຳເປີ|ອາຊຽນ|ကွာလာလမ်ပူ|အာဆီယံ|\bASEAN\b",
    re.IGNORECASE,
)
TREATY_WORDS = re.compile(
    r"สนธิสัญญา|hiệp\s+định|điều\s+ước|perjanjian|triti|kasunduan|tratado|条约|សន្ធិសញ្ញា|ສົນທິສັນຍາ|စာချုပ်|treaty",
    re.IGNORECASE,
)
BETWEEN = re.compile(
    r"ระหว่าง|\bgiữa\b|\bantara\b|sa\s+pagitan|之间|和.{2,30}?关于|រវាង|ລະຫວ່າງ|အကြား|\bbetween\b",
    re.IGNORECASE,
)
# The multilateral conventions and reciprocity in the source languages, beside the glossary's names.
CONVENTION = (
    r"(?:อนุสัญญา|công\s+ước|konvensi|konvensyen|kombensiyon|公约|អនុសញ្ញា|ອະນຸສັນຍາ|ສົນທິສັນຍາສາກົນ|ကွန်ဗင်းရှင်း"
    r"|convention)"
)
NEAR = r"[^.;。\n]{0,160}?"


def _convention(subject: str) -> re.Pattern[str]:
    """A convention word and its subject in either order (Burmese puts the subject first)."""
    return re.compile(
        f"{CONVENTION}{NEAR}(?:{subject})|(?:{subject}){NEAR}{CONVENTION}", re.IGNORECASE
    )


SOURCE_INSTRUMENTS = {
    "un_drug_convention_1988": _convention(
        r"ยาเสพติด|ma\s+túy|narkotika|dadah|droga|麻醉药品|គ្រឿងញៀន|ຢາເສບຕິດ|မူးယစ်|1988|១៩៨៨|၁၉၈၈"
    ),
    "uncac": _convention(
        r"ทุจริต|tham\s+nhũng|korupsi|rasuah|katiwalian|腐败|អំពើពុករលួយ|ສໍ້ລາດບັງຫຼວງ|အဂတိ"
    ),
    "untoc": _convention(
        r"อาชญากรรมข้ามชาติ|xuyên\s+quốc\s+gia|transnasional|跨国有组织|ឆ្លងដែន|ຂ້າມຊາດ|နိုင်ငံဖြတ်ကျော်"
    ),
    "budapest_convention": _convention(
        r"ไซเบอร์|tội\s+phạm\s+mạng|siber|网络犯罪|ព័ត៌មានវិទ្យា|ໄຊເບີ|ဆိုက်ဘာ|บูดาเปสต์|budapest"
    ),
    "reciprocity": re.compile(
        r"ต่างตอบแทน|ถ้อยทีถ้อยปฏิบัติ|có\s+đi\s+có\s+lại|resiprositas|asas\s+timbal\s+balik|\bsalingan\b|resiprosidad"
        r"|互惠|ភាពទៅវិញទៅមក|ຕ່າງຕອບແທນ|အပြန်အလှန်ဆက်ဆံ",
        re.IGNORECASE,
    ),
    "domestic_law": re.compile(
        r"(?:\b(?:akta|perintah|undang-undang|luật|batas)\b|พระราชบัญญัติ|ច្បាប់|ກົດໝາຍ|ဥပဒေ)\s*(?:nomor\s+\S+\s+tahun\s+\d+\s+tentang\s+)?"
        r"(?:bantuan\s+bersama|bantuan\s+timbal\s+balik|tương\s+trợ\s+tư\s+pháp|ความร่วมมือระหว่างประเทศในเรื่องทางอาญา"
        r"|ekstradisi|dẫn\s+độ|ส่งผู้ร้ายข้ามแดน|ជំនួយគតិយុត្ត|ການຊ່ວຍເຫຼືອເຊິ່ງກັນ)",
        re.IGNORECASE,
    ),
}
CENTRAL_AUTHORITY = re.compile(r"central\s+authority", re.IGNORECASE)
BASIS_HEADING = re.compile(
    r"legal\s+basis|basis\s+(?:of|for)\s+(?:the\s+)?request|ฐานทางกฎหมาย|căn\s+cứ|dasar\s+hukum|asas\s+permintaan"
    r"|batayang\s+legal|法律依据|មូលដ្ឋានគតិយុត្ត|ພື້ນຖານທາງກົດໝາຍ|ဥပဒေအခြေခံ",
    re.IGNORECASE,
)
UNDERTAKING = re.compile(
    r"undertak|assur|ready\s+to|will\s+provide|cam\s+kết|sẵn\s+sàng|menjamin|bersedia|memberi\s+jaminan|ยืนยัน|ยินดี"
    r"|保证|承诺|ធានា|ຮັບປະກັນ|အာမခံ|nangangako|tinitiyak",
    re.IGNORECASE,
)
# "X, as the Central Authority … under the Act on …": the law that designates the authority.
DESIGNATION = re.compile(
    r"central\s+authority[^.;]{0,60}?\b(?:under|pursuant\s+to)\s+(?:the\s+)?$|ผู้ประสานงานกลาง[^ ]{0,40}ตาม$",
    re.IGNORECASE,
)
DESIGNATION_CHARS = 120
LAW_STATE_CHARS = 40
LEGAL_AID_LAW = re.compile(r"mutual|assistance|extradition", re.IGNORECASE)


def find_legal_basis(
    context: ExtractContext, requesting_state: str | None = None
) -> list[LegalBasis]:
    """One entry per instrument the request is made under, with its first mention.

    A law of the requesting State ("… Act 2000 of Singapore" in a request from
    Singapore) shows its own powers and is not a basis in the requested State.
    """
    found: dict[str, LegalBasis] = {}
    for unit in _basis_units(context):
        for instrument, evidence in _instruments(unit, requesting_state):
            found.setdefault(instrument, LegalBasis(instrument, evidence))
    return list(found.values())


def _basis_units(context: ExtractContext) -> list[Unit]:
    units = []
    for section in sections(context):
        heading = section.heading
        in_basis = heading is not None and any(
            BASIS_HEADING.search(text) for text in (heading.source, heading.english or "")
        )
        for position, unit in enumerate(section.units):
            if any(UNDERTAKING.search(text) for text in (unit.source, unit.english or "")):
                continue
            texts = [unit.source, unit.english or ""]
            if not LANGUAGES.get(unit.lang, LANGUAGES["en"]).spaced:
                # Thai, Lao, Khmer and Burmese sentences reach us cut at spaces.
                texts += [
                    earlier.source for earlier in section.units[max(0, position - 2) : position]
                ]
            if (
                in_basis
                or _is_reference_line(unit)
                or any(REQUEST_WORDS.search(text) for text in texts)
            ):
                units.append(unit)
    return units


def _is_reference_line(unit: Unit) -> bool:
    """A "Reference:" line citing the treaty (อ้างถึง …, យោង៖ …, Căn cứ …)."""
    return bool(
        re.match(
            r"^\s*(?:อ้างถึง|យោង|căn\s+cứ|ref(?:erence)?\.?\s*:|根据)", unit.source, re.IGNORECASE
        )
    )


def _instruments(unit: Unit, requesting_state: str | None) -> list[tuple[str, Evidence]]:
    hits: list[tuple[str, Evidence]] = []
    english = unit.english or ""
    for instrument, pattern in INSTRUMENT_PATTERNS.items():
        for found in pattern.finditer(english):
            if DESIGNATION.search(english[max(0, found.start() - 100) : found.start()]):
                continue
            if instrument == "domestic_law" and _of_state(english, found.end(), requesting_state):
                continue
            if instrument == "other" and any(
                INSTRUMENT_PATTERNS[name].search(english, found.start(), found.start() + 120)
                for name in INSTRUMENT_PATTERNS
                if name != "other"
            ):
                continue
            hits.append(
                (
                    instrument,
                    unit.evidence(
                        english_words=_sentence_part(english, found.start(), found.end())
                    ),
                )
            )
            break
    for match in unit.terms("instrument", "procedure"):
        category = match.entry.category
        if category not in INSTRUMENT_CATEGORIES:
            continue
        if category == "domestic_law" and _designates(unit, match.start):
            continue
        if category == "domestic_law" and not LEGAL_AID_LAW.search(match.entry.english):
            continue
        if category == "asean_mlat" or TREATY_WORDS.search(match.entry.source):
            category = _treaty_kind(unit.source, match.start, match.end, category) or category
        hits.append((category, unit.match_evidence(match)))
    for instrument, pattern in SOURCE_INSTRUMENTS.items():
        found = pattern.search(unit.source)
        if found and not (instrument == "domestic_law" and _designates(unit, found.start())):
            hits.append((instrument, _source_evidence(unit, found.start(), found.end())))
    treaty = TREATY_WORDS.search(unit.source)
    if treaty and not any(name in ("asean_mlat", "bilateral_treaty") for name, _ in hits):
        kind = _treaty_kind(unit.source, treaty.start(), treaty.end(), None)
        if kind:
            hits.append((kind, _source_evidence(unit, treaty.start(), treaty.end())))
    return hits


def _of_state(text: str, end: int, state: str | None) -> bool:
    """Whether the law just named is the given State's ("… Act 2000 of Singapore")."""
    after = text[end : end + LAW_STATE_CHARS]
    return state is not None and any(
        hit.country.iso == state for hit in find_countries(after) if not hit.adjective
    )


def _designates(unit: Unit, start: int) -> bool:
    """Whether a law in the source follows the words "Central Authority" (the law that designates it)."""
    return any(
        CENTRAL_AUTHORITY.search(match.entry.english)
        and 0 <= start - match.end <= DESIGNATION_CHARS
        for match in unit.terms("authority")
    )


def _source_evidence(unit: Unit, start: int, end: int) -> Evidence:
    return Evidence(
        unit.segment.id, unit.segment.page, unit.source[start : end + 80].strip(), unit.english
    )


def _treaty_kind(text: str, start: int, end: int, default: str | None) -> str | None:
    """ASEAN MLAT when signed at Kuala Lumpur (or called ASEAN), bilateral when "between" two States."""
    if KUALA_LUMPUR.search(text[max(0, start - 60) : end + 200]):
        return "asean_mlat"
    if BETWEEN.search(text[max(0, start - 60) : end + 120]):
        return "bilateral_treaty"
    return default


def _sentence_part(text: str, start: int, end: int) -> str:
    return text[max(0, start - 20) : min(len(text), end + 60)].strip()
