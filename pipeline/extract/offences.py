"""The offences a request concerns, with the provisions cited for them.

Facts mention crimes that are not charged ("the callers said the accounts
were linked to drug trafficking"), so offences are read only where the
request qualifies conduct in law: the offences section, the subject line,
and sentences that cite a provision or a penalty ("under Section 343",
มาตรา, Điều, Pasal, 第…条; "punishable", ระวางโทษ, phạt tù …).

Names are given in a short common form ("fraud", "money laundering") from
the table below, so a reviewer can compare requests; the provision keeps
the request's own words.  A source term the glossary knows as an offence
(kind ``offence``) is named by its English when the table has no better.
"""

from __future__ import annotations

import re

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.model import Evidence, Offence
from pipeline.extract.sections import sections
from pipeline.languages import LANGUAGES

OFFENCE_WORDS: dict[str, str] = {
    "money laundering": r"launder\w*|money[- ]laundering|pengubahan\s+wang\s+haram|pencucian\s+uang|rửa\s+tiền|ฟอกเงิน|洗钱|សម្អាតប្រាក់|ຟອກເງິນ|ငွေကြေးခဝါ",
    "terrorist financing": r"financ\w+\s+(?:of\s+)?terroris\w+|terroris[mt]\s+financing|pendanaan\s+terorisme",
    "drug trafficking": (
        r"drug\s+trafficking|traffick\w*\s+in\s+(?:narcotic|drug)|narcotic|methamphetamine|heroin|amphetamine"
        r"|ketamine|cocaine|psychotropic|controlled\s+drug|dangerous\s+drug|ยาเสพติด|ma\s+túy|narkotika|dadah|毒品"
        r"|គ្រឿងញៀន|ຢາເສບຕິດ|မူးယစ်"
    ),
    "trafficking in persons": (
        r"trafficking\s+in\s+persons|human\s+trafficking|trafficking\s+(?:of|in)\s+(?:persons|women|children|human\s+beings)"
        r"|mua\s+bán\s+người|perdagangan\s+orang|pemerdagangan\s+orang|ค้ามนุษย์|拐卖|ជួញដូរមនុស្ស|ຄ້າມະນຸດ|လူကုန်ကူး"
    ),
    "migrant smuggling": r"smuggling\s+of\s+migrants|migrant\s+smuggling|people\s+smuggling|penyeludupan\s+migran|penyelundupan\s+manusia",
    "wildlife trafficking": r"wildlife|protected\s+(?:animal|species|wild)|endangered\s+species|\bCITES\b|pangolin|ivory|satwa|สัตว์ป่า|động\s+vật\s+hoang\s+dã|野生动物|សត្វព្រៃ|ສັດປ່າ|တောရိုင်း",
    "embezzlement": r"embezzl\w*|misappropriat\w*|criminal\s+breach\s+of\s+trust|tham\s+ô|penggelapan|ยักยอก|贪污|挪用",
    "bribery": r"brib\w*|gratification|kickback|suap|rasuah|สินบน|hối\s+lộ|贿赂|受贿|行贿|សំណូក|ສິນບົນ|လာဘ်",
    "corruption": r"corrupt\w*|korupsi|tham\s+nhũng|ทุจริต|腐败|ពុករលួយ|ສໍ້ລາດບັງຫຼວງ|အဂတိ",
    "cybercrime": (
        r"unauthori[sz]ed\s+access|computer\s+misuse|hacking|cyber\s?crime|illegal\s+access|computer-related"
        r"|access\w*\s+(?:to\s+)?(?:a\s+)?computer"
    ),
    "gambling": r"gambling|gaming\s+house|betting|casino|judi|cờ\s+bạc|การพนัน|赌博|开设赌场",
    "organised crime": r"organi[sz]ed\s+(?:crime|criminal\s+group)|criminal\s+organi[sz]ation|criminal\s+group|organised\s+criminal",
    "fraud": (
        r"fraud\w*|cheat\w*|swindl\w*|deceit|deception|estafa|scam|dishonestly\s+inducing|ฉ้อโกง|lừa\s+đảo"
        r"|penipuan|menipu|诈骗|ឆបោក|ສໍ້ໂກງ|လိမ်လည်"
    ),
    "forgery": r"forg(?:ed|ery|ing)|counterfeit\w*|falsif\w*|pemalsuan|làm\s+giả|ปลอม|伪造|ក្លែងបន្លំ|ປອມແປງ|အတုပြု",
    "murder": r"murder\w*|homicide|manslaughter|killing|pembunuhan|giết\s+người|ฆ่า|杀人|ឃាតកម្ម|ຂ້າຄົນ|လူသတ်",
    "kidnapping": r"kidnap\w*|abduct\w*|hostage",
    "extortion": r"extort\w*|blackmail",
    "robbery": r"robber\w*",
    "theft": r"\btheft|\bstealing",
    "tax evasion": r"tax\s+evasion|evasion\s+of\s+tax",
    "arms trafficking": r"firearms?|arms\s+trafficking|weapons?\s+trafficking|ammunition",
    "child sexual exploitation": r"child\s+(?:sexual|pornograph|abuse)\w*|sexual\s+exploitation\s+of\s+children",
}
OFFENCE_PATTERNS = {
    # A word edge only for Latin script: Thai, Khmer, Lao, Burmese and Chinese run words together.
    name: re.compile(rf"(?<![A-Za-z\u00c0-\u024f\u1e00-\u1eff-])(?:{words})", re.IGNORECASE)
    for name, words in OFFENCE_WORDS.items()
}
LAW_NAME = (
    r"(?:,?\s+(?:of\s+)?(?:the\s+)?(?:[A-Z][\w'’()-]*,?\s+(?:(?:of|the|and|on|for|in)\s+)*){0,12}?"
    r"(?:Code|Act|Law|Ordinance|Decree|Order)(?:\s+(?:of\s+)?(?:B\.E\.\s*)?\d{4})?(?:\s*\((?:B\.E\.\s*)?\d{4}\))?"
    r"(?:\s*\[Act\s+\d+\])?)?"
)
PROVISION = re.compile(
    r"(?:(?:sub)?sections?|articles?|ss?\.|arts?\.)\s*\d+[\w()]*(?:\s*(?:,|and|to|&)\s*\d+[\w()]*)*"
    r"(?:,?\s+(?:paragraph|clause|point)\s+\w+)?"
    + LAW_NAME
    + r"|(?:มาตรา|điều|pasal|seksyen|subseksyen|seksiyon|artikulo|មាត្រា|ມາດຕາ|ပုဒ်မ)\s*[\d๐-๙០-៩໐-໙၀-၉]+[\w()]*"
    r"|第[\d一二三四五六七八九十百零]+条",
    re.IGNORECASE,
)
LEGAL_QUALIFICATION = re.compile(
    r"(?:sub)?sections?\s+\d|articles?\s+\d|\bss?\.\s*\d|punishable|penalty|imprisonment|offen[cs]es?\s+(?:of|under)"
    r"|charged\s+with|constitut\w+\s+(?:the\s+)?offen|wanted\s+for|accused\s+of|investigat\w+\s+(?:the\s+)?(?:following\s+)?offen"
    r"|มาตรา|ระวางโทษ|จำคุก|điều\s+\d|phạt\s+tù|\bpasal\b|pidana\s+penjara|seksyen|dihukum|penjara|seksiyon|artikulo"
    r"|pagkakakulong|第.{1,8}条|徒刑|មាត្រា|ពន្ធនាគារ|ມາດຕາ|ຈຳຄຸກ|ပုဒ်မ|ထောင်ဒဏ်",
    re.IGNORECASE,
)
OFFENCE_HEADING = re.compile(
    r"offen[cs]|charges?|crimes?|ความผิด|ฐานความผิด|tội\s+danh|tội\s+phạm|tindak\s+pidana|kesalahan|paglabag"
    r"|罪名|犯罪|បទល្មើស|ການກະທຳຜິດ|ပြစ်မှု",
    re.IGNORECASE,
)
ORGANISATION_AFTER = re.compile(
    r"\w*(?:\s+(?:[A-Z][\w-]*|and|of))*?\s+(?:Commission|Office|Council|Bureau|Agency|Department|Division|Court"
    r"|Act|Unit|Law|Board|Authority)\b"
)
# Convention titles name crimes ("… against Transnational Organized Crime"); they are not charges.
INSTRUMENT_TITLE = re.compile(
    r"Convention\s+(?:against|on|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*(?:(?:and|of|in)\s+)?)+"
    r"|(?:konvensi|konvensyen|công\s+ước|kombensiyon|อนุสัญญา|អនុសញ្ញា|ອະນຸສັນຍາ|ကွန်ဗင်းရှင်း)[^.;,()]{0,120}|《[^》]*公约》",
    re.IGNORECASE,
)
# The title of a statute names crimes too ("Corruption, Drug Trafficking and Other Serious Crimes
# (Confiscation of Benefits) Act"): blanked before offences are looked for.
STATUTE_TITLE = re.compile(
    r"(?:(?:\(?[A-Z][\w'’-]*\)?,?|of|and|the|for|on|in|against|other)\s+){1,15}?"
    r"(?:Act|Code|Law|Ordinance|Decree|Order)\b"
)
GENERIC_OFFENCE = re.compile(
    r"^(?:(?:criminal|extraditable|serious|predicate|political|military|related|the)\s+)*(?:offen[cs]es?|crimes?|criminal\s+acts?)$",
    re.IGNORECASE,
)
SUBJECT_LINE = re.compile(
    r"^\s*(?:subject|re|hal|perihal|perkara|per|paksa|เรื่อง|v/v|về\s+việc|事由|关于|កម្មវត្ថុ|ເລື່ອງ|အကြောင်းအရာ)\s*[:：.៖။]?",
    re.IGNORECASE,
)


def find_offences(context: ExtractContext) -> list[Offence]:
    """One entry per offence, with the provision cited nearest to its first mention."""
    found: dict[str, Offence] = {}
    for unit, text in _qualifying_units(context):
        following = (
            context.units[unit.index + 1].source if unit.index + 1 < len(context.units) else ""
        )
        for name, evidence, position in _offences_in(unit):
            provision = (
                _provision(text, position)
                or _provision(unit.source, None)
                or (
                    _provision(following, None)
                    if not LANGUAGES.get(unit.lang, LANGUAGES["en"]).spaced
                    else None
                )
            )
            current = found.get(name)
            if current is None or (current.provision is None and provision):
                found[name] = Offence(name, provision, evidence)
    return list(found.values())


def _qualifying_units(context: ExtractContext) -> list[tuple[Unit, str]]:
    """Units that qualify conduct in law, with the text provisions are read from."""
    chosen = []
    for section in sections(context):
        heading = section.heading
        in_offences = heading is not None and any(
            OFFENCE_HEADING.search(text) for text in (heading.source, heading.english or "")
        )
        if heading is not None and SUBJECT_LINE.match(heading.source):
            chosen.append((heading, heading.english or heading.source))
        for position, unit in enumerate(section.units):
            texts = [unit.english or "", unit.source]
            if not LANGUAGES.get(unit.lang, LANGUAGES["en"]).spaced:
                texts += [
                    other.source for other in section.units[max(0, position - 1) : position + 2]
                ]
            if (
                in_offences
                or SUBJECT_LINE.match(unit.source)
                or any(LEGAL_QUALIFICATION.search(t) for t in texts)
            ):
                chosen.append((unit, unit.english or unit.source))
    return chosen


def _offences_in(unit: Unit) -> list[tuple[str, Evidence, int | None]]:
    hits: list[tuple[str, Evidence, int | None]] = []
    english = _blank(STATUTE_TITLE, _blank(INSTRUMENT_TITLE, unit.english or ""))
    for name, pattern in OFFENCE_PATTERNS.items():
        found = pattern.search(english)
        if found and not _is_organisation_name(english, found.start(), found.end()):
            words = english[found.start() : found.end()]
            hits.append(
                (
                    name,
                    unit.evidence(
                        english_words=words, source_words=None if unit.translated else words
                    ),
                    found.start(),
                )
            )
    source = _blank(INSTRUMENT_TITLE, unit.source)
    if not unit.english:
        for name, pattern in OFFENCE_PATTERNS.items():
            found = pattern.search(source)
            if found and name not in {hit[0] for hit in hits}:
                evidence = Evidence(unit.segment.id, unit.segment.page, found.group(), name)
                hits.append((name, evidence, None))
    named = {name for name, _, _ in hits}
    for match in unit.terms("offence"):
        if source[match.start : match.end].isspace() or GENERIC_OFFENCE.match(match.entry.english):
            continue
        name = _common_name(match.entry.english)
        if name in named or (name not in OFFENCE_WORDS and named):
            continue  # a part of an offence already named ("smuggling" of wildlife)
        named.add(name)
        hits.append((name, unit.match_evidence(match), None))
    return hits


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """The text with the pattern's matches replaced by spaces (offsets kept)."""
    return pattern.sub(lambda found: " " * len(found.group()), text)


def _common_name(english: str) -> str:
    """The table's short name for a glossary rendering ("public fraud" → "fraud"), else the rendering."""
    for name, pattern in OFFENCE_PATTERNS.items():
        if pattern.search(english):
            return name
    return english.strip().lower()


def _is_organisation_name(text: str, start: int, end: int) -> bool:
    """ "Corruption Eradication Commission", "Anti-Money Laundering Act": names, not offences."""
    if text[max(0, start - 5) : start].lower().endswith("anti-"):
        return True
    return text[start : start + 1].isupper() and bool(ORGANISATION_AFTER.match(text, end))


def _provision(text: str, position: int | None) -> str | None:
    """The provision cited closest to the offence (or the first one in the text)."""
    cited = list(PROVISION.finditer(text))
    if not cited:
        return None
    if position is None:
        chosen = cited[0]
    else:
        chosen = min(cited, key=lambda found: abs(found.start() - position))
    return " ".join(chosen.group().split()).rstrip(",( ")
