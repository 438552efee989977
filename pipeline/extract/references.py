"""Reference numbers: the letter's own, and the case, file, warrant and report numbers it cites.

A reference is a code (digits with letters, slashes, dashes: AGC/INT/MLA/
2026/0317, 45/QĐ-CSĐT, อส ๐๐๐๙(วท)/๑๘๔๗, 司协刑〔2026〕0871号) after a label
(Our Ref., No., Case No., Nomor, Số, ที่, Blg., លេខ, ເລກທີ, စာအမှတ် …) or,
without a label, a code that could be nothing else.  Numbers of accounts,
telephones, passports, statutes and street addresses also follow "No.", so
a label right after such a word is skipped.  Read from the source: codes
need no translation.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.dates import to_ascii_digits
from pipeline.extract.context import ExtractContext, Unit
from pipeline.extract.model import Evidence, Reference

LABEL = re.compile(
    r"(?:our|your)\s+ref(?:erence)?\.?|ref(?:erence)?(?:\s+no)?\.?|(?:file|case|docket|letter|report|paper|warrant|decision"
    r"|order|registration|notice|record)\s+(?:of\s+arrest\s+)?(?:no|number|ref(?:erence)?)\.?|file\s+reference|\bno\."
    r"|(?:หมายจับ|หมายค้น|คดี(?:อาญา|ดำ|แดง)?|หนังสือ|คำสั่ง|สำนวน(?:คดี)?|รายงาน)(?:หมายเลข)?ที่"
    r"|\bnomor|\bruj(?:ukan)?(?:\s+(?:kami|tuan))?\.?|\bbil\.?|\bsố|เลขที่|คดีอาญาที่|คดีหมายเลข(?:ดำ|แดง)?ที่"
    r"|\bblg\.?(?:\s+ng\s+sanggunian)?|លេខ|ເລກທີ|စာအမှတ်|အမှတ်|编号(?:为)?|案号|文号",
    re.IGNORECASE,
)
LINE_LABEL = re.compile(
    r"^\s*(?:ที่|No)\s+"
)  # Thai letters open with "ที่ <ref>", some letters with a bare "No"
SEPARATOR = re.compile(r"\s*[:：៖၊.]?\s*")
# What a label must not follow: the number is then an account, a telephone, a statute ...
NOT_A_REFERENCE = re.compile(
    r"(?<![A-Za-z])(?:account|acct|a/c|rekening|akaun|tài\s+khoản|บัญชี|គណនី|ບັນຊີ|账户|账号|phone|telephone|mobile|tel|fax"
    r"|điện\s+thoại|telepon|telefon|โทรศัพท์|ទូរស័ព្ទ|ໂທລະສັບ|电话|手机|passport|hộ\s+chiếu|paspor|pasport"
    r"|หนังสือเดินทาง|លិខិតឆ្លងដែន|ໜັງສືຜ່ານແດນ|护照|identity\s+card|id\s+card|plate|vehicle|biển\s+số|imei|flight"
    r"|jalan|persiaran|soi|road|street|đường|ถนน|ផ្លូវ|ຖະໜົນ|house|building|unit|act|law|undang-undang|luật|decree"
    r"|nghị\s+định|regulation|peraturan|พระราชบัญญัติ|ច្បាប់|ກົດໝາຍ|article|section|pasal|điều|มาตรา|មាត្រា|ມາດຕາ"
    r"|republic\s+act|batas\s+republika|sms|ip|card|ประจำตัว|ประชาชน|บัตร|căn\s+hộ|apartment|room|phòng|lot|plot)\W{0,3}$",
    re.IGNORECASE,
)
PIECE = re.compile(r"[^\s,;，；、。]+")
UNLABELLED = re.compile(
    r"(?<![\w/.-])(?:(?!(?:Rp|RM|USD|US|S|SGD|THB|PHP|VND|KRW|AUD|MYR|IDR|EUR|KHR|LAK|MMK|CNY|RMB)\$?\d)"
    r"[A-Z][A-Za-z]*[0-9]*(?=[\w.]*[-/])(?:[-/.][A-Za-z0-9()]+){2,}|\d{1,6}/[A-ZĐ][\w.-]*(?:-[\w]+)*)(?![\w/-])"
    r"|[（(〔]?\d{4}[)）〕]?[\u4e00-\u9fff]{1,8}(?:[〔（(]\d{4}[〕）)])?第?\d+号"
    r"|[\u4e00-\u9fff]{1,8}(?:[（(][\u4e00-\u9fff]{1,3}[)）])?[\u4e00-\u9fff]{0,4}[〔（(]\d{4}[〕）)]第?\d+号"
)
MONTHS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^(?:tháng|ngày|tanggal|tarikh|date)$",
    re.IGNORECASE,
)
MAX_PIECES = 5
CUT_LABEL = re.compile(r"(?:\bno|\bblg|\bref|\bbil|\bnos)\.\s*$", re.IGNORECASE)


def find_references(context: ExtractContext) -> list[Reference]:
    """Every reference once, in document order."""
    found: dict[str, Reference] = {}
    for index, unit in enumerate(context.units):
        text = unit.source
        following = context.units[index + 1] if index + 1 < len(context.units) else None
        if (
            following is not None
            and CUT_LABEL.search(text)
            and following.segment.page == unit.segment.page
        ):
            text = f"{text} {following.source}"  # the segmenter took "No." for a sentence end
        for value, words in _references(text):
            key = _key(value)
            if key and not any(key in other or other in key for other in found):
                found[key] = Reference(value, _evidence(unit, words))
    return list(found.values())


def _references(text: str) -> list[tuple[str, str]]:
    found: list[tuple[int, int, str]] = []
    labels = list(LABEL.finditer(text))
    line_label = LINE_LABEL.match(text)
    if line_label:
        labels.insert(0, line_label)
    for label in labels:
        if NOT_A_REFERENCE.search(text[max(0, label.start() - 25) : label.start()]):
            continue
        gap = SEPARATOR.match(text, label.end())
        start = gap.end() if gap else label.end()
        end, value = _code(text, start)
        if value:
            found.append((label.start(), end, value))
    for code in UNLABELLED.finditer(text):
        inside = any(start < code.end() and code.start() < end for start, end, _ in found)
        after_other_number = NOT_A_REFERENCE.search(text[max(0, code.start() - 25) : code.start()])
        if not inside and not after_other_number and _is_code(code.group()):
            found.append((code.start(), code.end(), code.group()))
    return [(value, text[start:end]) for start, end, value in sorted(found)]


def _code(text: str, start: int) -> tuple[int, str | None]:
    """The code that starts at `start`: pieces while they look like parts of a code."""
    pieces: list[tuple[int, int]] = []
    position = start
    while len(pieces) < MAX_PIECES:
        piece = PIECE.match(text, position)
        if not piece or not _is_piece(piece.group(), pieces, text, piece.end()):
            break
        pieces.append((piece.start(), piece.end()))
        gap = re.match(r"[ \t]+", text[piece.end() :])
        if not gap:
            break
        position = piece.end() + gap.end()
    if not pieces:
        return start, None
    value = _balance(text[pieces[0][0] : pieces[-1][1]])
    return (pieces[0][0] + len(value), value) if _is_code(value) else (start, None)


def _is_piece(piece: str, pieces: list[tuple[int, int]], text: str, end: int) -> bool:
    bare = piece.strip(".,:;")
    if not bare or MONTHS.match(bare):
        return False
    if any(unicodedata.category(char) == "Nd" for char in bare):
        return True
    if re.fullmatch(r"[A-Z][A-Z-]+|\([A-Z]{1,5}\)|[A-Z]{2,}[-/][A-Z]+", bare):
        return True  # OAG, MOJ, DOJ-OCSC, (IA)
    if bare.casefold() in ("no", "blg", "no.", "blg.") and re.match(
        r"\.?\s+\S*\d", text[end - len(piece) + len(bare) :]
    ):
        return True  # "DOJ-OCSC MLA No. 2026-118"
    letters = [char for char in bare if char.isalpha()]
    non_latin = (
        letters
        and all(ord(char) > 0x24F for char in letters)
        and not any("\u4e00" <= c <= "\u9fff" for c in letters)
    )
    return bool(non_latin and len(bare) <= 6)  # อส, យ.ក, ອອສ beside the number


def _is_code(value: str) -> bool:
    ascii_value = to_ascii_digits(value)
    digits = sum(char.isdigit() for char in ascii_value)
    if digits == 0 or re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", ascii_value):
        return False  # no number, or a date
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", ascii_value):
        return False  # an IP address
    if re.fullmatch(r"[\d\s().+-]+", ascii_value):
        return digits >= 3 and " " not in ascii_value.strip() and not ascii_value.startswith("+")
    return len(value) >= 3


def _balance(value: str) -> str:
    """Drop an unmatched closing bracket the code picked up from the sentence ("(No. 5/2026)")."""
    while (
        value
        and value[-1] in ")）"
        and value.count("(") + value.count("（") < value.count(")") + value.count("）")
    ):
        value = value[:-1]
    return value.rstrip(".,:;")


def _key(value: str) -> str:
    text = to_ascii_digits(unicodedata.normalize("NFKC", value)).casefold()
    return "".join(char for char in text if char.isalnum())


def _evidence(unit: Unit, words: str) -> Evidence:
    return Evidence(
        unit.segment.id,
        unit.segment.page,
        " ".join(words.split()),
        unit.english if unit.translated else None,
    )
