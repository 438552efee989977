"""English words that give a person or an organisation its role in a request.

One table serves the English text and the glossaries: a source-language role
term (kind ``role``) is classified by its English rendering, so ผู้ต้องหา
("alleged offender") is a suspect without a Thai keyword list here.
"""

from __future__ import annotations

import re

# Order matters only for ties: earlier roles are more specific.
PERSON_ROLE_WORDS: dict[str, str] = {
    "person_sought": (
        r"persons?\s+sought|fugitives?(?:\s+offenders?)?|wanted\s+persons?"
        r"|(?:extradition|surrender|provisional\s+(?:arrest|detention))\s+of"
        r"|(?:extradite|surrender|provisionally\s+(?:arrest|detain))"
    ),
    "accused": r"accused|defendants?|indicted|convicted|charged|prosecuted|trial\s+of",
    "suspect": (
        r"(?:prime\s+|main\s+|principal\s+)?suspects?|alleged\s+offenders?|persons?\s+under\s+investigation"
        r"|alleged\s+perpetrators?|accomplices?|co-offenders?|perpetrators?|offenders?|suspected\s+of|arrested"
        r"|detained|(?:in|under)\s+(?:custody|detention)|fled|flee|absconded|at\s+large|caught"
    ),
    "victim": r"victims?|complainants?|injured\s+(?:party|parties|persons?)|aggrieved\s+(?:party|persons?)",
    "witness": (
        r"(?:expert\s+)?witness(?:es)?|deponents?|(?:statements?|testimony|deposition)\s+(?:from|of)(?!\s+accounts?)"
        r"|interview(?:ing)?|(?:examine|examination\s+of|question(?:ing)?)"
    ),
    "officer": (
        r"officers?|officials?|prosecutors?|(?:state\s+)?counsel|inspectors?|superintendents?"
        r"|investigators?|investigating\s+officers?|inquiry\s+officials?|detectives?|judges?|magistrates?"
        r"|director[- ]general|deputy\s+director|attorney[- ]general|solicitor[- ]general|procurators?"
        r"|(?:police\s+)?(?:lieutenant|colonel|major|captain|sergeant|constable|commissioner)"
        r"|head\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}(?:department|division|office|unit|bureau)"
        r"|director\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}(?:department|division|office|directorate|bureau)"
        r"|contact\s+(?:person|officer|point)|interpreters?|translators?|in\s+charge"
        r"|(?:handling|conducting)\s+the\s+(?:case|investigation)"
    ),
    "other": (
        r"directors?|account\s+holders?|holders?\s+of\s+(?:the\s+)?account|owners?|shareholders?|employees?"
        r"|managers?|spouses?|wife|husband|relatives?|nominees?|beneficial\s+owners?|signator(?:y|ies)"
        r"|customers?|subscribers?|partners?"
    ),
}
# How much a role word counts: a charge outweighs an arrest; "director", "wife" describe, they do not decide.
ROLE_WEIGHTS = {"accused": 1.5, "other": 0.5}
# "Chief Financial Officer", "credit officer": officers of a company, not of the State.
CORPORATE_OFFICER = re.compile(
    r"(?:financial|executive|operating|compliance|technology|information|credit|loan|bank|relationship|marketing"
    r"|sales|security)\s+$",
    re.IGNORECASE,
)
PERSON_ROLE_PATTERNS = {
    role: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    for role, words in PERSON_ROLE_WORDS.items()
}

# Titles that make the person an official whatever the sentence says.
OFFICER_TITLES = re.compile(
    r"^(?:pol\.?\s*(?:gen|lt\.?\s*gen|maj\.?\s*gen|col|lt\.?\s*col|maj|capt|lt|sgt|sub-lt)\.?"
    r"|police\s+(?:general|colonel|lieutenant|major|captain|sergeant|inspector)"
    r"|(?:assistant\s+|deputy\s+|senior\s+)?(?:superintendent|inspector|commissioner)"
    r"|judge|justice|magistrate|prosecutor|atty\.?|attorney|procurator|investigator|detective"
    r"|h\.\s?e\.|his\s+excellency|her\s+excellency)\b",
    re.IGNORECASE,
)

ORGANISATION_ROLE_WORDS: dict[str, str] = {
    "bank": r"bank(?:ing)?|banque|credit\s+union|remittance|money\s+changer|maybank|cimb|kasikornbank|vietcombank|bidv",
    "service_provider": (
        r"mobile|telecom(?:munications?)?|telekom|cellular|selular|wireless|internet|online|broadband|network"
        r"|communications?|telco|e-?wallet|payments?|pay|crypto|exchange|platform|social\s+media"
        r"|google|meta|facebook|whatsapp|telegram|line\s+corporation|tiktok|shopee|lazada|grab|apple"
        r"|microsoft|yahoo|hosting|cloud|data\s+cent(?:re|er)|email|messaging"
    ),
    "authority": (
        r"office|ministry|department|police|court|commission|commissariat|bureau|agency|chambers|procuracy"
        r"|prosecutor'?s'?\s+office|prosecution|authority|directorate|customs|immigration|division|council"
        r"|government|embassy|consulate|secretariat|inspectorate|tribunal|interpol|aseanapol"
        r"|(?:financial\s+)?intelligence\s+unit|gendarmerie|army|navy|coast\s+guard|corrections|prison"
        r"|kpk|amlo|nbi|dsi|pdrm|macc|cpib"
    ),
    "company": (
        r"co\.?,?\s*ltd\.?|company|limited|ltd\.?|sdn\.?\s*bhd\.?|bhd\.?|berhad|pte\.?|pt|tbk|inc\.?|llc|llp"
        r"|corp(?:oration)?\.?|plc\.?|holdings?|trading|group|jsc|enterprises?|industr(?:y|ies)"
        r"|consultancy|services|ventures|capital|investments?|gmbh|s\.a\.|n\.v\.|b\.v\.|pty"
    ),
}
ORGANISATION_ROLE_PATTERNS = {
    role: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    for role, words in ORGANISATION_ROLE_WORDS.items()
}


def organisation_role(name: str) -> str:
    """Bank, service provider, authority or company, from the words of the name.

    A corporate suffix (Co., Ltd., Sdn. Bhd., PT ...) rules out an authority
    ("Siam Telecom Co., Ltd." is a provider, "Department of
    Telecommunications" is not); a central bank named "Bank ..." is read as a
    bank, as a name alone cannot tell.
    """
    corporate = ORGANISATION_ROLE_PATTERNS["company"].search(name)
    order = (
        ("bank", "service_provider", "company")
        if corporate
        else ("bank", "authority", "service_provider", "company")
    )
    for role in order:
        if ORGANISATION_ROLE_PATTERNS[role].search(name):
            return role
    return "other"


def person_role_of_term(english: str) -> str | None:
    """The role a glossary role term's English stands for, if any."""
    for role, pattern in PERSON_ROLE_PATTERNS.items():
        if pattern.fullmatch(english.strip()) or pattern.search(english):
            return role
    return None
