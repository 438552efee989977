"""The assistance sought, by the schema's categories (ASEAN MLAT Art. 1(2),
Budapest Convention Arts. 29–31, extradition).

Categories are read only where the request asks for something: in the
sections headed "Assistance requested" (or headed by a kind of assistance:
"Provisional arrest", "Seizure of property"), and elsewhere in sentences
that ask ("requests … to surrender", ขอ, đề nghị, mohon …), never in the
facts, procedure or confidentiality sections.  Each item (a list entry or
a sentence) is read in English by the keyword table below and in the source
by the glossary's categories.

An item's category is the kind of assistance named first in it: "obtain
certified copies of bank records … including IP addresses" asks for
documents, not electronic data; "take statements from the bank officers who
keep the records" asks for evidence.  Words for what is to be handed over
(documents, records, data, statements) count only when they come first;
words for an act (search, freeze, trace, locate, serve, preserve, arrest,
surrender) count wherever they are, as one item may ask for several acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.cues import REQUEST_WORDS
from pipeline.extract.model import Assistance, Evidence
from pipeline.extract.sections import ASSISTANCE_HEADING, ENUMERATOR, LEADING_NUMBER, sections
from pipeline.glossary import ASSISTANCE_CATEGORIES

CATEGORY_WORDS: dict[str, str] = {
    "arranging_testimony": (
        r"(?:arrange|arranging|facilitate|facilitating)\s+(?:for\s+)?[^.;]{0,60}?\b(?:to\s+)?(?:give\s+evidence|testify|appear|attend)"
        r"|video[- ]?(?:link|conference)|transfer\s+of\s+(?:a\s+)?(?:persons?|prisoners?)\s+in\s+custody"
        r"|temporary\s+transfer|(?:appear|testify)\s+(?:as\s+a\s+witness\s+)?(?:before|at)\s+(?:the\s+)?(?:court|trial)"
    ),
    "taking_evidence": (
        r"(?:take|taking|record|recording|obtain|obtaining)\s+(?:a\s+|the\s+)?(?:witness\s+)?statements?"
        r"|(?:take|taking|obtain|obtaining|hear|hearing)\s+(?:the\s+)?(?:evidence|testimony|depositions?)"
        r"|interview(?:ing)?|question(?:ing)?\s+(?:the\s+|mr|ms|mrs)|examin(?:e|ing|ation\s+of)\s+(?:the\s+)?witness"
        r"|depositions?|sworn\s+statements?|statements?\s+(?:from|of)\s+(?:the\s+)?(?:witness|mr|ms|mrs)"
    ),
    "service_of_documents": (
        r"serv(?:e|ing|ice\s+of)\s+(?:on\s+[^.;]{0,60}?\s+)?(?:a\s+|the\s+)?(?:summons|subpoena|writ|notice|judicial\s+documents?"
        r"|documents?|process|warrant|judgment|order)|service\s+of\s+(?:process|documents?)|summons"
    ),
    "search_and_seizure": r"search(?:es|ing)?(?!\s+for)\b|seiz(?:e|ed|ing|ure)|search\s+warrant|be\s+handed\s+over",
    "examining_objects_and_sites": (
        r"examin(?:e|ing|ation\s+of)\s+(?:the\s+)?(?:site|premises|place|scene|vessel|ship|boat|object|item|vehicle"
        r"|truck|specimen|cargo|container|warehouse|land|location)s?|inspect(?:ion|ing)?\s+(?:of\s+)?(?:the\s+)?"
        r"(?:site|premises|place|scene|vessel|vehicle|warehouse)|site\s+(?:visit|inspection)|on-site"
        r"|record\s+the\s+condition"
    ),
    "providing_documents_records": (
        r"(?:certified\s+(?:true\s+)?|official\s+|true\s+)?cop(?:y|ies)\s+of|bank\s+records|statements?\s+of\s+account"
        r"|bank\s+statements?|account[- ]opening|(?:provide|providing|provision\s+of|obtain|obtaining|produce|producing"
        r"|furnish|furnishing|supply|supplying|send|sending|transmit|transmitting)\s+(?:\w+\s+){0,6}?"
        r"(?:documents?|records?|registers?|permits?|files?|reports?|lists?|certificates?)"
    ),
    "tracing_proceeds": (
        r"trac(?:e|ing)\b(?!\s+(?:the\s+)?(?:person|suspect|witness|whereabouts))|identify\s+(?:and\s+)?trac"
        r"|follow\s+the\s+(?:money|funds)|asset\s+tracing|proceeds\s+of\s+crime"
    ),
    "freezing_restraint": r"freez(?:e|ing)|frozen|restrain(?:t|ing)?|block(?:ing)?\s+(?:of\s+)?(?:the\s+)?(?:accounts?|funds)|attachment\s+of",
    "confiscation_recovery": r"confiscat\w*|forfeit\w*|repatriat\w*|return(?:ing)?\s+(?:of\s+)?(?:the\s+)?(?:assets|proceeds|property|them)|asset\s+recovery",
    "locating_persons": (
        r"locat(?:e|ing)\s+(?!(?:the\s+)?(?:assets|funds|property|accounts))|whereabouts"
        r"|(?:identify|establish|ascertain|verify|confirm)\s+(?:the\s+)?(?:current\s+)?(?:address|residence|identity|location)"
    ),
    "preservation_of_data": r"(?:expedited\s+)?preserv(?:e|ation|ing)\b",
    "disclosure_of_electronic_data": (
        r"subscriber|traffic\s+data|content\s+data|call\s+(?:detail\s+|data\s+)?records|ip\s+address\s+logs"
        r"|login\s+records|access\s+logs|disclos(?:e|ure)\s+of\s+(?:the\s+)?(?:stored\s+)?(?:computer|electronic)"
    ),
    "provisional_arrest": r"provisional(?:ly)?\s+(?:arrest|detain)\w*|provisional\s+detention\s+of",
    "surrender": r"extradit(?:e|ed|ing)\b|surrender(?:ed|ing)?\b|extradition\s+of",
}
# The same categories in the source languages (th, vi, id, ms, tl, km, lo, my, zh), for
# requests without a translation; the wording of each country's MLA and
# extradition law where the glossaries cite it, everyday office usage otherwise.
SOURCE_CATEGORY_WORDS: dict[str, str] = {
    "arranging_testimony": (
        r"ไปเบิกความ|มาเป็นพยาน|ประชุมทางจอภาพ|ra\s+làm\s+chứng|cầu\s+truyền\s+hình|hadir\s+sebagai\s+saksi"
        r"|memberi(?:kan)?\s+(?:keterangan|kesaksian)\s+di\s+(?:mahkamah|pengadilan|persidangan)"
        r"|pautan\s+video|konferensi\s+video|tumestigo|humarap\s+sa\s+(?:hukuman|korte)|ផ្តល់សក្ខីកម្ម"
        r"|រៀបចំឱ្យសាក្សី|ໃຫ້ການເປັນພະຍານ|ຂຶ້ນໃຫ້ການ|သက်သေခံရန်|ဗီဒီယို|出庭作证|视频作证"
    ),
    "taking_evidence": (
        r"สอบปากคำ|สอบคำให้การ|บันทึกคำให้การ|สืบพยาน|lấy\s+lời\s+khai|ghi\s+lời\s+khai|mengambil\s+keterangan"
        r"|memeriksa\s+saksi|pemeriksaan\s+saksi|merakam\s+(?:pernyataan|percakapan|keterangan)"
        r"|mengambil\s+pernyataan|(?:kunin|pagkuha)\s+(?:ang|ng)\s+(?:salaysay|pahayag|testimonya)"
        r"|ស្តាប់ចម្លើយ|សាកសួរ|ສອບຖາມ|ສອບປາກຄຳ|ຖາມ.{0,30}?ພະຍານ|ထွက်ဆိုချက်|စစ်ဆေးမေးမြန်း|询问|证人证言|获取证言"
    ),
    "service_of_documents": (
        r"ส่งหมาย|จัดส่งเอกสารทางกฎหมาย|หมายเรียก|tống\s+đạt|penyampaian\s+(?:dokumen|surat|saman|notis)"
        r"|menyampaikan\s+(?:surat|dokumen|saman|notis)|surat\s+panggilan|pagsisilbi|isilbi|បញ្ជូនដីកា"
        r"|ដីកាកោះ|ສົ່ງໝາຍ|ໝາຍເອີ້ນ|ဆင့်ဆို|သမ္မန်|送达|传票"
    ),
    "search_and_seizure": (
        r"ตรวจค้น|ค้น(?!หา|พบ)|ยึด(?!ถือ|มั่น|ครอง)|khám\s+xét|thu\s+giữ|penggeledahan|menggeledah|geledah|penyitaan|menyita"
        r"|\brampasan|paghahalughog|halughugin|pagsamsam|samsamin|ឆែកឆេរ|រឹបអូស|ຄົ້ນ(?!ຫາ|ພົບ)|ຍຶດ"
        r"|ရှာဖွေ(?:ပြီး|၍)|သိမ်းဆည်း|搜查|扣押|查封"
    ),
    "examining_objects_and_sites": (
        r"ตรวจสอบสถานที่|ตรวจสถานที่|เดินเผชิญสืบ|khám\s+nghiệm|xem\s+xét\s+(?:hiện\s+trường|địa\s+điểm|tàu|phương\s+tiện)"
        r"|pemeriksaan\s+(?:kapal|lokasi|tempat|barang|kendaraan)|memeriksa\s+(?:kapal|lokasi|tempat)"
        r"|pagsusuri\s+sa\s+(?:lugar|barko|sasakyan)|inspeksyon|ពិនិត្យទីតាំង|ពិនិត្យកន្លែង|ກວດກາ(?:ສະຖານທີ່|ສາງ|ທ່າ|ພາຫະນະ)"
        r"|ກວດສະຖານທີ່|စစ်ဆေးကြည့်ရှု|勘验|勘查|检查(?:场所|现场|船只)"
    ),
    "providing_documents_records": (
        r"สำเนา|รายการเดินบัญชี|รายการเคลื่อนไหวทางบัญชี|เอกสารการเปิดบัญชี|bản\s+sao|sao\s+kê|hồ\s+sơ\s+mở\s+tài\s+khoản"
        r"|salinan|rekening\s+koran|penyata\s+akaun|kopya|rekord|ច្បាប់ចម្លង|ផ្តល់ឯកសារ|កំណត់ត្រាធនាគារ|ສຳເນົາ"
        r"|ເອກະສານເປີດບັນຊີ|မိတ္တူ|ဘဏ်စာရင်းရှင်းတမ်း|副本|开户资料|交易明细"
    ),
    "tracing_proceeds": (
        r"สืบหาทรัพย์สิน|ติดตามเส้นทางการเงิน|ติดตามทรัพย์สิน(?!คืน)|truy\s+(?:tìm|vết)\s+tài\s+sản|xác\s+minh\s+tài\s+sản"
        r"|melacak|pelacakan|penelusuran|menelusuri|mengesan\s+(?:aset|harta|wang|dana)|pagtunton|tuntunin"
        r"|តាមដានទ្រព្យ|ស្វែងរកទ្រព្យ|ຕິດຕາມຊັບສິນ|ຊອກຫາຊັບສິນ|ခြေရာခံ|追查|追踪(?:资金|资产)"
    ),
    "freezing_restraint": (
        r"อายัด|ยับยั้งการทำธุรกรรม|phong\s+tỏa|kê\s+biên|pemblokiran|memblokir|membekukan|pembekuan|menyekat"
        r"|pag-freeze|i-freeze|បង្កក|ອາຍັດ|ລະງັບ|ပိတ်ဆို့|冻结"
    ),
    "confiscation_recovery": (
        r"ริบ|คืนทรัพย์สิน|tịch\s+thu|thu\s+hồi\s+tài\s+sản|perampasan|pengembalian\s+aset|pelucuthakan"
        r"|lucut\s+hak|pagkumpiska|kumpiskahin|ប្រគល់ទ្រព្យ|ຮິບ|ສົ່ງຄືນຊັບສິນ|ပြန်လည်ရယူ|没收|追缴|返还"
    ),
    "locating_persons": (
        r"สืบหาที่อยู่|สืบหาตัว|ค้นหาตัว|ที่อยู่ปัจจุบัน|xác\s+minh\s+(?:nơi\s+cư\s+trú|địa\s+chỉ|nơi\s+ở)"
        r"|truy\s+tìm\s+(?:người|đối\s+tượng)|keberadaan|alamat\s+terkini|mengesan\s+lokasi|kinaroroonan"
        r"|alamin\s+ang\s+(?:kasalukuyang\s+)?tirahan|ស្វែងរកទីតាំង|ស្វែងរកអាសយដ្ឋាន|ຊອກຫາ|ທີ່ຢູ່ປັດຈຸບັນ"
        r"|နေရပ်|下落|查明.{0,10}住所"
    ),
    "preservation_of_data": (
        r"เก็บรักษาข้อมูล|(?:bảo\s+quản|lưu\s+giữ|bảo\s+toàn)\s+dữ\s+liệu|(?:pengamanan|pemeliharaan)\s+data"
        r"|memelihara\s+data|pag-iingat\s+ng\s+(?:datos|data)|រក្សាទុកទិន្នន័យ|ເກັບຮັກສາຂໍ້ມູນ|ဒေတာ.{0,12}ထိန်းသိမ်း|保全|保存.{0,10}数据"
    ),
    "disclosure_of_electronic_data": (
        r"ข้อมูลผู้ใช้บริการ|ข้อมูลจราจรทางคอมพิวเตอร์|ข้อมูลการใช้โทรศัพท์|thông\s+tin\s+thuê\s+bao|dữ\s+liệu\s+lưu\s+lượng"
        r"|(?:data|informasi|maklumat)\s+pelanggan|data\s+(?:lalu\s+lintas|trafik)|rekod\s+panggilan|subscriber"
        r"|ព័ត៌មានអ្នកជាវ|ទិន្នន័យចរាចរ|ຂໍ້ມູນຜູ້(?:ຈົດທະບຽນ|ໃຊ້)|စာရင်းသွင်းသူ|用户注册信息|注册信息|通话记录|用户信息"
    ),
    "provisional_arrest": (
        r"จับกุม(?:และคุมขัง)?.{0,30}?ไว้ชั่วคราว|จับกุมชั่วคราว|bắt\s+(?:giữ\s+)?khẩn\s+cấp|bắt\s+giữ\s+tạm\s+thời"
        r"|(?:penangkapan|penahanan|tangkapan)\s+sementara|menangkap\s+sementara|pansamantalang\s+(?:pag-aresto|arestuhin)"
        r"|ចាប់ខ្លួនបណ្តោះអាសន្ន|(?:ຈັບກຸມ|ກັກຂັງ)ຊົ່ວຄາວ|ယာယီ(?:ဖမ်းဆီး|ထိန်းသိမ်း)|临时(?:羁押|逮捕)"
    ),
    "surrender": (
        r"ส่งผู้ร้ายข้ามแดน|ส่งตัว|ส่งมอบตัว|dẫn\s+độ|ekstradisi|menyerahkan|penyerahan|ekstradisyon|isuko"
        r"|បត្យាប័ន|បញ្ជូនជនល្មើស|ສົ່ງຜູ້ຮ້າຍຂ້າມແດນ|ສົ່ງຕົວ|နိုင်ငံလွှဲ|လွှဲပြောင်းပေး|引渡"
    ),
}
SOURCE_CATEGORY_PATTERNS = {
    category: re.compile(words, re.IGNORECASE) for category, words in SOURCE_CATEGORY_WORDS.items()
}
# Headings that name a kind of assistance, in English or in the source.
ANY_CATEGORY_ANY_LANGUAGE = re.compile(
    "|".join(
        f"(?:{words})" for words in [*CATEGORY_WORDS.values(), *SOURCE_CATEGORY_WORDS.values()]
    ),
    re.IGNORECASE,
)
# "…เพื่อประโยชน์ในการริบ", "sementara menunggu …", "以便…": what an act is for, not a further act.
SOURCE_PURPOSE = re.compile(
    r"เพื่อ|sementara\s+menunggu|sambil\s+menunggu|untuk\s+kepentingan|nhằm|để\s+phục\s+vụ|habang\s+hinihintay"
    r"|以便|为了|待|ដើម្បី|ເພື່ອ|ရန်အတွက်",
    re.IGNORECASE,
)
CATEGORY_PATTERNS = {
    category: re.compile(rf"(?<![\w-])(?:{words})", re.IGNORECASE)
    for category, words in CATEGORY_WORDS.items()
}
# Named first or not at all: what is to be handed over rather than an act.
OBJECT_CATEGORIES = frozenset(
    {"providing_documents_records", "disclosure_of_electronic_data", "taking_evidence"}
)
# "pending a request for confiscation": a later request, not this one.
LATER_REQUEST = re.compile(
    r"(?:pending|awaiting|with\s+a\s+view\s+to|in\s+anticipation\s+of)\s+[^.;,]{0,40}?"
    r"(?:request|application|order|proceedings|confiscation|forfeiture|extradition)[^.;,]*",
    re.IGNORECASE,
)
# Where a list item starts inside a unit the segmenter did not split: "…; (b) …", "… and c) …".
ITEM_START = re.compile(
    r"(?:[;:；：\n]|\band\b)\s*(\(?[a-zA-Z]\)|\(?\d{1,2}\)|[a-z]\.|[ก-ฮ]\.|[๑-๙]\.|[\u1780-\u17A2]\.|\(?[\u1000-\u1021]\)"
    r"|（[一二三四五六七八九十]+）)\s"
)
# A sentence that announces a list: "… to:", "… ดังนี้", "… sau đây", "… berikut", "… 如下".
LIST_INTRO = re.compile(
    r"(?:[:：]|ดังนี้|ดังต่อไปนี้|sau\s+đây|như\s+sau|berikut(?:\s+ini)?|sumusunod|如下|下列|ដូចខាងក្រោម|ដូចតទៅ"
    r"|ດັ່ງນີ້|ດັ່ງລຸ່ມນີ້|အောက်ပါ(?:အတိုင်း)?|as\s+follows)\s*[:：]?\s*$",
    re.IGNORECASE,
)
TRAILING_ENUMERATOR = re.compile(r"(?:\d{1,2}[.)]|\(?[a-zก-ฮ]\))\s*$")
LABELS = {
    "taking_evidence": "Taking evidence or statements",
    "arranging_testimony": "Arranging for persons to give evidence",
    "service_of_documents": "Service of judicial documents",
    "search_and_seizure": "Search and seizure",
    "examining_objects_and_sites": "Examining objects and sites",
    "providing_documents_records": "Providing documents and records",
    "tracing_proceeds": "Identifying or tracing proceeds",
    "freezing_restraint": "Freezing or restraint of property",
    "confiscation_recovery": "Confiscation or recovery of assets",
    "locating_persons": "Locating or identifying persons",
    "preservation_of_data": "Expedited preservation of stored computer data",
    "disclosure_of_electronic_data": "Disclosure of subscriber, traffic or content data",
    "provisional_arrest": "Provisional arrest",
    "surrender": "Surrender (extradition)",
    "other": "Other assistance",
}
DESCRIPTION_CHARS = 200


@dataclass(frozen=True)
class _Hit:
    category: str
    position: int
    evidence: Evidence
    description: str


def find_assistance(context: ExtractContext) -> list[Assistance]:
    """One entry per category asked for, with the first item that asks for it."""
    found: dict[str, Assistance] = {}
    for unit in _request_units(context):
        for hit in _item_categories(unit):
            if hit.category not in found:
                found[hit.category] = Assistance(hit.category, hit.description, hit.evidence)
    return list(found.values())


def _request_units(context: ExtractContext) -> list[Unit]:
    """Units in assistance sections, items of a list an asking sentence opens
    ("… requests the competent authorities to:", "… ดำเนินการ ดังนี้"), and asking
    sentences outside the other headed sections."""
    listed = _listed_items(context)
    units = []
    for section in sections(context, ANY_CATEGORY_ANY_LANGUAGE):
        if section.kind == "assistance":
            if section.heading is not None and not ASSISTANCE_HEADING.search(
                section.heading.source
            ):
                units.append(
                    section.heading
                )  # a heading that names the assistance ("Seizure of property")
            units += section.units
        elif section.kind == "untitled" or section.heading is None:
            units += [unit for unit in section.units if _asks(unit) or unit.index in listed]
        else:
            heading = [section.heading] if section.heading.index in listed else []
            units += heading + [
                unit
                for unit in section.units
                if unit.index in listed or (_asks(unit) and _names_act(unit))
            ]
    return units


def _listed_items(context: ExtractContext) -> set[int]:
    """Units on the enumerated lines that follow a sentence asking for what comes next."""
    enumerated = [
        " ".join(line.split())
        for page in context.document.pages
        for line in page.text.splitlines()
        if ENUMERATOR.match(line) or LEADING_NUMBER.match(line)
    ]
    items: set[int] = set()
    open_list = False
    previous: Unit | None = None
    for unit in context.units:
        # Thai and Lao intros reach us cut at spaces: "… ขอให้ … ดำเนินการ" | "ดังนี้", and
        # sometimes with the next item's number glued on: "ดังนี้๑.".
        text = TRAILING_ENUMERATOR.sub("", unit.source)
        if LIST_INTRO.search(text) and (_asks(unit) or (previous is not None and _asks(previous))):
            open_list = True
        elif open_list and any(" ".join(text.split()) in line for line in enumerated):
            items.add(unit.index)
        else:
            open_list = False
        previous = unit
    return items


def _asks(unit: Unit) -> bool:
    return any(REQUEST_WORDS.search(text) for text in (unit.source, unit.english or ""))


def _names_act(unit: Unit) -> bool:
    """Outside the assistance section only acts count (a surrender, an arrest), not documents."""
    return (
        any(
            CATEGORY_PATTERNS[category].search(unit.english or "")
            for category in (
                "provisional_arrest",
                "surrender",
                "search_and_seizure",
                "freezing_restraint",
            )
        )
        or any(
            SOURCE_CATEGORY_PATTERNS[category].search(unit.source)
            for category in (
                "provisional_arrest",
                "surrender",
                "search_and_seizure",
                "freezing_restraint",
            )
        )
        or any(
            match.entry.category in ("provisional_arrest", "surrender") for match in unit.matches
        )
    )


def _item_categories(unit: Unit) -> list[_Hit]:
    """The categories of each item of a unit (a unit may hold several list items)."""
    groups: dict[tuple[str, int], list[_Hit]] = {}
    for key, hit in [*_english_hits(unit), *_glossary_hits(unit), *_source_hits(unit)]:
        groups.setdefault(key, []).append(hit)
    kept: dict[str, _Hit] = {}
    for hits in groups.values():
        ordered = sorted(hits, key=lambda hit: hit.position)
        kept.setdefault(ordered[0].category, ordered[0])
        for hit in ordered:
            if hit.category not in OBJECT_CATEGORIES:
                kept.setdefault(hit.category, hit)
    return list(kept.values())


def _items(text: str) -> list[tuple[int, int]]:
    """The spans of the list items in a text ("(a) …; (b) …"), or the whole text."""
    starts = [0] + [found.start(1) for found in ITEM_START.finditer(text) if found.start(1) > 0]
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends, strict=True))


def _english_hits(unit: Unit) -> list[tuple[tuple[str, int], _Hit]]:
    if not unit.english:
        return []
    text = LATER_REQUEST.sub(lambda match: " " * len(match.group()), unit.english)
    hits = []
    for item, (start, end) in enumerate(_items(text)):
        words = _words(unit.english[start:end])
        for category, pattern in CATEGORY_PATTERNS.items():
            found = pattern.search(text, start, end)
            if found:
                evidence = unit.evidence(english_words=words)
                hits.append(
                    (("en", item), _Hit(category, found.start(), evidence, _description(words)))
                )
    return hits


def _glossary_hits(unit: Unit) -> list[tuple[tuple[str, int], _Hit]]:
    """Source terms whose glossary entry names a category ("อายัดบัญชี" → freezing)."""
    items = _items(unit.source)
    hits = []
    for match in unit.matches:
        category = match.entry.category
        if category in ASSISTANCE_CATEGORIES and not LATER_REQUEST.search(match.entry.english):
            item = next(
                index
                for index, (start, end) in enumerate(items)
                if start <= match.start < end or index == len(items) - 1
            )
            purpose = SOURCE_PURPOSE.search(unit.source, items[item][0], match.start)
            if purpose and category not in OBJECT_CATEGORIES:
                continue  # "… sementara menunggu permintaan pelucuthakan": a later request
            description = (
                _description(unit.english)
                if unit.english and unit.translated
                else f"{LABELS[category]}: {match.entry.english}"
            )
            hits.append(
                (
                    ("source", item),
                    _Hit(category, match.start, unit.match_evidence(match), description),
                )
            )
    return hits


def _source_hits(unit: Unit) -> list[tuple[tuple[str, int], _Hit]]:
    """Source keywords; after a purpose word ("in order to confiscate") only the first act counts."""
    text = unit.source
    hits = []
    for item, (start, end) in enumerate(_items(text)):
        purpose = SOURCE_PURPOSE.search(text, start, end)
        words = _words(text[start:end])
        for category, pattern in SOURCE_CATEGORY_PATTERNS.items():
            found = pattern.search(text, start, end)
            if not found or (
                purpose and found.start() > purpose.start() and category not in OBJECT_CATEGORIES
            ):
                continue
            english = unit.english if unit.translated else f"{LABELS[category]} ({found.group()})"
            description = (
                _description(unit.english)
                if unit.translated and unit.english
                else f"{LABELS[category]}: {words}"
            )
            evidence = Evidence(unit.segment.id, unit.segment.page, words, english)
            hits.append(
                (("source", item), _Hit(category, found.start(), evidence, _one_line(description)))
            )
    return hits


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= DESCRIPTION_CHARS else line[: DESCRIPTION_CHARS - 1].rstrip() + "…"


def _words(text: str) -> str:
    return LEADING_NUMBER.sub("", ENUMERATOR.sub("", text)).strip()


def _description(text: str) -> str:
    """The item as one line of English, without its list marker."""
    line = " ".join(_words(text).split()).rstrip(";,")
    line = re.sub(r"^(?:to\s+)", "", line, flags=re.IGNORECASE)
    line = line[:1].upper() + line[1:]
    return line if len(line) <= DESCRIPTION_CHARS else line[: DESCRIPTION_CHARS - 1].rstrip() + "…"
