"""Words, in each language, that several extractors look for.

Kept in one place so the deadline, assistance, urgency and completeness
rules agree on what asking, urgency and confidentiality look like.  Latin
words carry word edges ("Secretary" is not "secret", "Kalihim" is not
"lihim"); Thai, Khmer, Lao, Burmese and Chinese words cannot.
"""

from __future__ import annotations

import re

# Something is being asked for ("requests that", ขอ, đề nghị, mohon, 请 …).
REQUEST_WORDS = re.compile(
    r"request|\bask|kindly|please|grateful|appreciate|\bshould\b|\bbe\s+(?:provided|sent|executed|preserved|"
    r"completed|carried\s+out|transmitted|returned)|required|desired|of\s+receipt|ขอ|đề\s+nghị|yêu\s+cầu|mohon"
    r"|permintaan|permohonan|diminta|meminta|dipohon|memohon|hiling|请|要求|ស្នើ|សូម|ຂໍ|ຮ້ອງຂໍ|တောင်းဆို|တောင်းခံ"
    r"|မေတ္တာရပ်ခံ",
    re.IGNORECASE,
)

# Urgency marks and phrases (ด่วนที่สุด, KHẨN, SEGERA, 紧急, "as a matter of urgency" …).
URGENT_WORDS = re.compile(
    r"\burgent(?:ly)?\b|\burgency\b|\bimmediately\b|as\s+soon\s+as\s+possible|without\s+delay"
    r"|ด่วน|\bkhẩn\b|\bhỏa\s+tốc\b|\bsegera\b|\bmendesak\b|\bmadalian\b|\bapurahan\b|\bagarang?\b|\bkagyat\b"
    r"|紧急|特急|加急|急件|尽快|បន្ទាន់|ດ່ວນ|အရေးတကြီး|အမြန်",
    re.IGNORECASE,
)

# Confidentiality is asked for (ASEAN MLAT Art. 6(1)(j)).
CONFIDENTIAL_WORDS = re.compile(
    r"\bconfidential\w*|\bsecre(?:t|cy)\b|\bnot\s+(?:be\s+)?(?:informed|notified|disclosed)|ความลับ|^\s*ลับ|\bbí\s+mật\b"
    r"|\bmật\b|\brahasia\b|\bdirahasiakan\b|\brahsia\b|\bdirahsiakan\b|\bkerahsiaan\b|\bkerahasiaan\b|\bsulit\b"
    r"|\blihim\b|\bkumpidensiyal\b|保密|机密|秘密|សម្ងាត់|ຄວາມລັບ|ລັບ|လျှို့ဝှက်",
    re.IGNORECASE,
)

# Undertakings and assurances (Art. 6(1)(k)).
UNDERTAKING_WORDS = re.compile(
    r"\bundertak\w*|\bassur\w*|\bguarantee\w*|\bcam\s+kết\b|\bmenjamin\b|\bjaminan\b|\baku\s+janji\b|\bbersedia\b"
    r"|\bginagarantiyahan\b|\bnangangako\b|ยืนยัน|รับรองว่า|保证|承诺|ធានា|ຮັບປະກັນ|ໝັ້ນສັນຍາ|အာမခံ|ကတိပြု",
    re.IGNORECASE,
)
