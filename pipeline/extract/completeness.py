"""Does the request contain what it must?  ASEAN MLAT Art. 6(1) (a)–(k) for MLA
requests, the common extradition checklist (x1–x6) for extradition requests.

Each item is decided from facts already extracted (an authority, the
assistance, offences with provisions, deadlines, the person sought) and from
what the letter says where: its section headings (facts, procedure,
confidentiality, undertakings) and the words for penalties, warrants and
limitation periods, in each language.  An item found carries the evidence
that shows it; an item not found is reported missing, with no evidence, so
the reviewer knows what to ask the requesting State for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.cues import CONFIDENTIAL_WORDS, UNDERTAKING_WORDS
from pipeline.extract.model import ChecklistItem, Evidence, RequestExtract
from pipeline.extract.offences import PROVISION
from pipeline.extract.sections import LEADING_NUMBER, sections

MLA_ITEMS = {
    "a": "the name of the requesting office and of the competent authority conducting the investigation or criminal proceedings to which the request relates",
    "b": "the purpose of the request and the nature of the assistance sought",
    "c": "a description of the nature of the criminal matter and its current status, and a summary of the relevant facts and laws",
    "d": "a description of the offence to which the request relates, including its maximum penalty",
    "e": "a description of the facts alleged to constitute the offence and a statement or text of the relevant laws",
    "f": "a description of the essential acts or omissions or matters alleged or sought to be ascertained",
    "g": "a description of the evidence, information or other assistance sought",
    "h": "the reasons for and details of any particular procedure or requirement that the requesting Party wishes to be followed",
    "i": "specification of any time limit within which compliance with the request is desired",
    "j": "any special requirements for confidentiality and the reasons for them",
    "k": "such other information or undertakings as the domestic law of the requested Party requires or as are otherwise necessary for the proper execution of the request",
}
EXTRADITION_ITEMS = {
    "x1": "identity and description of the person sought (name, nationality, date of birth, identifying particulars, photograph or fingerprints where available) and probable location",
    "x2": "the offence(s), with the text of the law creating them and the penalty",
    "x3": "a statement of the facts of the offence (time, place, conduct)",
    "x4": "the warrant of arrest, or the judgment/conviction and sentence, or a certified copy",
    "x5": "the law on limitation of prosecution or punishment",
    "x6": "whether provisional arrest is requested, and the urgency",
}

FACTS_HEADING = re.compile(
    r"facts|summary\s+of\s+(?:the\s+)?case|background|circumstances|ข้อเท็จจริง|tóm\s+tắt|nội\s+dung\s+vụ|fakta"
    r"|ringkasan|buod|pangyayari|案件事实|案情|基本情况|អង្គហេតុ|ຂໍ້ເທັດຈິງ|ສັງລວມ|အမှုဖြစ်စဉ်|အကျဉ်း",
    re.IGNORECASE,
)
# At the start of the heading: "the authority conducting the proceedings" is no procedure section.
PROCEDURE_HEADING = re.compile(
    r"^(?:procedure|special\s+requirements?|manner\s+of\s+execution|formalities|วิธีการ|thủ\s+tục|tata\s+cara"
    r"|prosedur|pamamaraan|程序|特别要求|执行要求|នីតិវិធី|ຂັ້ນຕອນ|ວິທີການ|လုပ်ထုံးလုပ်နည်း|ဆောင်ရွက်ပေးစေလိုသည့်နည်းလမ်း)",
    re.IGNORECASE,
)
PENALTY = re.compile(
    r"imprisonment|punishable|penalty|\bfine\b|death\s+(?:penalty|sentence)|ระวางโทษ|จำคุก|ประหารชีวิต|phạt\s+tù"
    r"|tử\s+hình|hình\s+phạt|pidana\s+penjara|ancaman\s+pidana|\bpenjara\b|pemenjaraan|dihukum|hukuman|\bdenda\b"
    r"|pagkakakulong|habambuhay|\bmulta\b|徒刑|拘役|罚金|罚款"
    r"|死刑|ពន្ធនាគារ|ពិន័យ|ຈຳຄຸກ|ປັບໃໝ|ထောင်ဒဏ်|ဒဏ်ငွေ",
    re.IGNORECASE,
)
IDENTITY = re.compile(
    r"date\s+of\s+birth|\bborn\b|nationality|passport|identity\s+card|identification|fingerprint|photograph|\bsex\b"
    r"|เกิด|สัญชาติ|หนังสือเดินทาง|sinh\s+ngày|ngày\s+sinh|quốc\s+tịch|hộ\s+chiếu|lahir|kewarganegaraan|warganegara"
    r"|paspor|pasport|kapanganakan|nasyonalidad|出生|国籍|护照|កំណើត|សញ្ជាតិ|ເກີດ|ສັນຊາດ|မွေး|နိုင်ငံသား",
    re.IGNORECASE,
)
WARRANT = re.compile(
    r"warrant\s+(?:of|for)\s+(?:the\s+)?arrest|arrest\s+warrant|warrant\s+no|judgment|conviction|convicted|sentenced"
    r"|หมายจับ|คำพิพากษา|lệnh\s+bắt|bản\s+án|surat\s+perintah\s+penangkapan|waran\s+tangkap|putusan|mandamyento"
    r"|逮捕证|逮捕令|判决|ដីកាបង្គាប់ឱ្យចាប់ខ្លួន|ដីកាចាប់ខ្លួន|ໝາຍຈັບ|ဖမ်းဝရမ်း",
    re.IGNORECASE,
)
LIMITATION = re.compile(
    r"limitation|time-barred|prescription|อายุความ|thời\s+hiệu|daluwarsa|kedaluwarsa|had\s+masa|preskripsyon|时效"
    r"|អាជ្ញាយុកាល|ອາຍຸຄວາມ|ကာလစည်းကမ်း",
    re.IGNORECASE,
)
COMPLIANCE_KINDS = frozenset({"response", "trial", "hearing"})
NARRATIVE_CHARS = 1500  # without a facts heading: a letter this long that names offences narrates


def assess(context: ExtractContext, extract: RequestExtract) -> list[ChecklistItem]:
    """The checklist for the request's type (the MLA one unless it is an extradition request)."""
    if extract.request_type == "extradition":
        return _checklist(EXTRADITION_ITEMS, _extradition_evidence(context, extract))
    return _checklist(MLA_ITEMS, _mla_evidence(context, extract))


def _checklist(labels: dict[str, str], found: dict[str, Evidence | None]) -> list[ChecklistItem]:
    return [
        ChecklistItem(item, label, found.get(item) is not None, found.get(item))
        for item, label in labels.items()
    ]


def _mla_evidence(context: ExtractContext, extract: RequestExtract) -> dict[str, Evidence | None]:
    parties = extract.parties
    authorities = [o for o in parties.organisations if o.role == "authority"]
    assistance = extract.assistance_sought[0].evidence if extract.assistance_sought else None
    facts = _facts(context, extract)
    with_provision = _provision(context, extract)
    deadline = next((d.evidence for d in extract.deadlines if d.kind in COMPLIANCE_KINDS), None)
    return {
        "a": parties.requesting_authority.evidence
        if parties.requesting_authority
        else _first(o.evidence for o in authorities),
        "b": assistance,
        "c": facts,
        "d": _penalty(context) if extract.offences else None,
        "e": with_provision if facts else None,
        "f": facts,
        "g": assistance,
        "h": _section_with(context, PROCEDURE_HEADING),
        "i": deadline,
        "j": _words(context, CONFIDENTIAL_WORDS),
        "k": _words(context, UNDERTAKING_WORDS),
    }


def _extradition_evidence(
    context: ExtractContext, extract: RequestExtract
) -> dict[str, Evidence | None]:
    penalty = _penalty(context)
    with_provision = _provision(context, extract)
    provisional = next(
        (a.evidence for a in extract.assistance_sought if a.category == "provisional_arrest"), None
    )
    return {
        "x1": _words(context, IDENTITY),
        "x2": with_provision if penalty else None,
        "x3": _facts(context, extract),
        "x4": _words(context, WARRANT),
        "x5": _words(context, LIMITATION),
        "x6": provisional or extract.urgent_evidence,
    }


def _facts(context: ExtractContext, extract: RequestExtract) -> Evidence | None:
    """A facts section, or else the offences described in a narrative of some length."""
    found = _section_with(context, FACTS_HEADING)
    if found is None and extract.offences:
        text = sum(len(unit.source) for unit in context.units)
        if text >= NARRATIVE_CHARS:
            return max(context.units, key=lambda unit: len(unit.source)).evidence()
    return found


def _section_with(context: ExtractContext, heading: re.Pattern[str]) -> Evidence | None:
    """The first unit of a non-empty section whose heading (without its number) matches."""
    for section in sections(context):
        unit = section.heading
        if unit is None or not section.units:
            continue
        texts = (unit.source, unit.english or "")
        if any(heading.search(LEADING_NUMBER.sub("", text).strip()) for text in texts):
            return section.units[0].evidence()
    return None


def _provision(context: ExtractContext, extract: RequestExtract) -> Evidence | None:
    """An offence with its provision, or else any provision the letter cites."""
    cited = next((offence.evidence for offence in extract.offences if offence.provision), None)
    return cited or _words(context, PROVISION)


def _penalty(context: ExtractContext) -> Evidence | None:
    return _words(context, PENALTY)


def _words(context: ExtractContext, pattern: re.Pattern[str]) -> Evidence | None:
    return _first(unit.evidence() for unit in context.units if _matches(unit, pattern))


def _matches(unit: Unit, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(text) for text in (unit.source, unit.english or ""))


def _first(evidence: Iterable[Evidence]) -> Evidence | None:
    return next(iter(evidence), None)
