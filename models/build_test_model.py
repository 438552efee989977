#!/usr/bin/env python3
"""Build the tiny Indonesian->English TEST translation model used by `mla` tests.

THIS MODEL IS FOR TESTS AND DEMOS ONLY. It is trained on a synthetic corpus of
mutual-legal-assistance (MLA) letter sentences and translates nothing else well.

Pipeline (one command per stage, or `all`):

    corpus    synthetic parallel corpus (id->en) from templates + slot vocabularies;
              writes train/dev/test TSVs to the work dir and, into models/,
              test_model_terms.csv and test_model_heldout.tsv
    spm       shared SentencePiece (BPE) model + Marian vocab.json
    train     small MarianMTModel trained from scratch with torch; saves a genuine
              Hugging Face Marian checkpoint (fp16) to models/test-marian-id-en/
    convert   CTranslate2 conversion (int8) with ctranslate2's TransformersConverter
    package   Argos Translate package models/translate-id_en-test.argosmodel
    evaluate  held-out BLEU / exact match through ctranslate2 + sentencepiece,
              term check (plain vs glossary renderings); writes
              models/test_model_eval.json.  Needs only ctranslate2 + sentencepiece
              (sacrebleu optional), so it also runs in the project venv.

Usage (training dependencies live in a separate venv, see requirements-train.txt):

    python3 -m venv /tmp/trainenv
    /tmp/trainenv/bin/pip install torch==2.13.0          # CPU wheel; install torch FIRST
    /tmp/trainenv/bin/pip install -r models/requirements-train.txt
    /tmp/trainenv/bin/python models/build_test_model.py all            # ~30 min on 2 cores
    .venv/bin/python models/build_test_model.py evaluate              # project venv

Options: --work DIR (scratch, default /tmp/mla-test-model-build), --steps N
(default 3000), --max-minutes M (training wall-clock cap, default 33), --threads N.
Everything is seeded (SEED below).  The corpus, held-out set, term list and
SentencePiece model are reproduced exactly.  Training is deterministic for a
fixed schedule, i.e. when --steps is reached before --max-minutes; on a busy CPU
the number of steps is re-planned from the measured speed so the run stays
inside the budget (the learning rate still decays fully), and the weights then
differ slightly from run to run.  The committed model was such a run (2200 steps).

Tokenisation convention of the result (documented in models/README.md):
  source = sentencepiece.model encode(text, out_type=str), WITHOUT </s>
           (a trailing </s> is also accepted: training appended it to half
           the sources so both Argos-style and HF-MarianTokenizer-style inputs work);
  target = no target prefix; ctranslate2 starts the decoder from a zero
           embedding (Marian convention), output pieces are decoded by the same
           shared sentencepiece.model.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_WORK = Path("/tmp/mla-test-model-build")
SEED = 20240611

PKG_DIRNAME = "translate-id_en-test"
PKG_FILE = HERE / f"{PKG_DIRNAME}.argosmodel"
MARIAN_DIR = HERE / "test-marian-id-en"
TERMS_CSV = HERE / "test_model_terms.csv"
HELDOUT_TSV = HERE / "test_model_heldout.tsv"
EVAL_JSON = HERE / "test_model_eval.json"

N_TRAIN = 160_000
N_DEV = 400
N_TEST_VALUES = 300  # held-out slot values, seen template combinations
N_TEST_COMBOS = 300  # seen slot values, held-out template/slot combinations
VOCAB_SIZE = 3000

# --------------------------------------------------------------------------
# Legal terms: source, PLAIN rendering used consistently in the corpus,
# official-glossary rendering that NEVER appears in the corpus.
# --------------------------------------------------------------------------
TERMS = [
    ("Otoritas Pusat", "central office", "Central Authority"),
    ("Pihak Peminta", "asking party", "Requesting Party"),
    ("Pihak Diminta", "asked party", "Requested Party"),
    (
        "bantuan timbal balik dalam masalah pidana",
        "mutual help in criminal cases",
        "mutual legal assistance in criminal matters",
    ),
    ("pencucian uang", "money washing", "money laundering"),
    ("tersangka", "suspect", "suspect"),
    ("terdakwa", "accused person", "defendant"),
    ("penggeledahan dan penyitaan", "searching and taking", "search and seizure"),
    ("pembekuan", "blocking", "freezing"),
    ("catatan bank", "bank papers", "bank records"),
    ("surat permintaan", "letter of asking", "letter of request"),
    ("keterangan saksi", "witness account", "witness statement"),
    ("pemilik manfaat", "benefit owner", "beneficial owner"),
    ("hasil tindak pidana", "crime money", "proceeds of crime"),
    ("penyidikan", "inquiry", "investigation"),
    ("penuntutan", "charging", "prosecution"),
    ("perampasan aset", "asset grabbing", "asset confiscation"),
    ("pendanaan terorisme", "terror funding", "terrorist financing"),
    ("penyuapan", "bribing", "bribery"),
    ("perdagangan orang", "people trading", "trafficking in persons"),
    ("asas resiprositas", "give-and-take rule", "principle of reciprocity"),
    ("dokumen pendukung", "backing papers", "supporting documents"),
    ("Kejaksaan Agung", "Supreme Attorney Office", "Attorney General's Office"),
]


def term_regex(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", re.IGNORECASE)


# --------------------------------------------------------------------------
# Slot vocabularies.  *_HELD values never occur in training data.
# --------------------------------------------------------------------------
FIRST_TRAIN = [
    "Budi",
    "Siti",
    "Agus",
    "Dewi",
    "Rina",
    "Hendra",
    "Andi",
    "Yusuf",
    "Fajar",
    "Wahyu",
    "Rudi",
    "Sri",
    "Bambang",
    "Joko",
    "Eko",
    "Dian",
    "Lestari",
    "Putri",
    "Ahmad",
    "Hadi",
    "Irawan",
    "Teguh",
    "Indra",
    "Rizky",
    "Nur",
    "Ayu",
    "Maya",
    "Fitri",
    "Yanti",
    "Dedi",
    "Heru",
    "Slamet",
    "Arif",
    "Taufik",
    "Ratna",
    "Wulan",
    "Bayu",
    "Gilang",
    "Kurnia",
    "Lukman",
    "Mega",
    "Novi",
    "Prasetyo",
    "Rahmat",
    "Surya",
    "Tri",
    "Wati",
    "Yoga",
    "Zainal",
    "David",
    "Michael",
    "Sarah",
    "Chen",
    "Wei",
    "Kenji",
    "Anna",
    "Peter",
    "Maria",
    "James",
    "Liam",
    "Hiroshi",
    "Mei",
    "Ling",
    "Raj",
    "Omar",
    "Fatimah",
    "Ismail",
    "Rahul",
    "Sophie",
    "Daniel",
    "Grace",
    "Kevin",
    "Linda",
    "Tommy",
    "Steven",
    "Vincent",
    "Wendy",
    "Agustinus",
    "Bonifasius",
    "Cornelia",
    "Hamzah",
    "Yohanes",
    "Paulus",
]
LAST_TRAIN = [
    "Santoso",
    "Wijaya",
    "Kurniawan",
    "Hidayat",
    "Saputra",
    "Pratama",
    "Setiawan",
    "Nugroho",
    "Gunawan",
    "Halim",
    "Hartono",
    "Susanto",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Lubis",
    "Harahap",
    "Sitompul",
    "Tanjung",
    "Pangaribuan",
    "Wibowo",
    "Purnomo",
    "Suryadi",
    "Rahman",
    "Hasibuan",
    "Situmorang",
    "Kusuma",
    "Lim",
    "Tan",
    "Gozali",
    "Salim",
    "Sembiring",
    "Ginting",
    "Manurung",
    "Sinaga",
    "Tambunan",
    "Rangkuti",
    "Daulay",
    "Effendi",
    "Firmansyah",
    "Smith",
    "Wong",
    "Lee",
    "Chan",
    "Nakamura",
    "Tanaka",
    "Kumar",
    "Singh",
    "Johnson",
    "Brown",
    "Williams",
    "Taylor",
    "Muller",
    "Schneider",
    "Jansen",
    "Dubois",
    "Rossi",
    "Garcia",
    "Ng",
    "Teo",
    "Goh",
    "Ong",
    "Koh",
    "Abdullah",
    "Ibrahim",
    "Hamid",
    "Mahendra",
    "Utomo",
    "Sugiarto",
]
FIRST_HELD = [
    "Darmawan",
    "Sulastri",
    "Hendrik",
    "Yohana",
    "Kartika",
    "Benny",
    "Robert",
    "Fransiska",
    "Marlina",
    "Sugeng",
    "Oktavia",
    "Rosalind",
]
LAST_HELD = [
    "Wiratama",
    "Hutapea",
    "Pardede",
    "Simatupang",
    "Atmadja",
    "Kowalski",
    "Haryanto",
    "Oktaviani",
    "Rusdi",
    "Sasmita",
    "Fernandez",
    "Thompson",
]
PSEUDO_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "y",
    "z",
    "kh",
    "ng",
    "ny",
    "sy",
    "tr",
    "st",
    "br",
    "pr",
    "gr",
    "kr",
    "th",
    "ch",
    "sh",
    "ph",
    "q",
    "x",
]
PSEUDO_VOWELS = ["a", "e", "i", "o", "u", "a", "i", "u", "ai", "au", "ia", "io", "ou", "ee", "y"]
PSEUDO_CODAS = ["n", "ng", "r", "s", "k", "t", "l", "m", "h", "sk", "rd", "nd", "x"]
SYLLABLES = [
    "ba",
    "bu",
    "da",
    "di",
    "ga",
    "har",
    "jo",
    "ka",
    "ko",
    "la",
    "ma",
    "mi",
    "na",
    "ni",
    "pra",
    "ra",
    "ri",
    "sa",
    "se",
    "su",
    "ta",
    "ti",
    "to",
    "wa",
    "wi",
    "ya",
    "yo",
    "an",
    "in",
    "ung",
    "ang",
    "ar",
    "ter",
    "man",
    "dra",
    "nto",
    "sih",
    "kus",
    "bo",
    "de",
    "fa",
    "ge",
    "he",
    "ja",
    "ke",
    "le",
    "mo",
    "ne",
    "pe",
    "re",
    "so",
    "te",
    "ve",
    "we",
    "ze",
    "lo",
    "gu",
    "hu",
    "ku",
    "lu",
    "nu",
    "pu",
    "tu",
    "wu",
    "cha",
    "sho",
    "ly",
    "ny",
    "ek",
    "ol",
    "us",
]

BANKS_TRAIN = """Bank Mandiri|Bank Central Asia|Bank Negara Indonesia|Bank Rakyat Indonesia|
Bank CIMB Niaga|Bank Danamon|Bank Permata|Bank OCBC NISP|Bank Mega|Bank Tabungan Negara|
Maybank Indonesia|Panin Bank|DBS Bank|OCBC Bank|United Overseas Bank|HSBC|
Standard Chartered Bank|Citibank|Bank of China|ANZ Bank|Westpac|ING Bank|UBS|
Deutsche Bank|Bank Sinarmas|Bank BTPN|Public Bank|RHB Bank|Hang Seng Bank|Mizuho Bank""".replace(
    "\n", ""
).split("|")
BANKS_HELD = """Bank Syariah Indonesia|Bank Muamalat|Bank Bukopin|Commonwealth Bank|Barclays|
Julius Baer|Bank Jago|Kasikorn Bank""".replace("\n", "").split("|")

CITIES_TRAIN = [
    "Jakarta",
    "Surabaya",
    "Medan",
    "Bandung",
    "Semarang",
    "Makassar",
    "Denpasar",
    "Palembang",
    "Batam",
    "Pekanbaru",
    "Balikpapan",
    "Manado",
    "Pontianak",
    "Yogyakarta",
    "Malang",
    "Padang",
    "Jambi",
    "Kupang",
    "Mataram",
    "Ambon",
    "Jayapura",
    "Samarinda",
    "Banjarmasin",
    "Bengkulu",
    "Kendari",
    "Palu",
    "Serang",
    "Bogor",
    "Bekasi",
    "Tangerang",
    "Cirebon",
    "Surakarta",
    "Depok",
    "Cilegon",
    "Kediri",
]
CITIES_DIR_TRAIN = [
    ("Jakarta Selatan", "South Jakarta"),
    ("Jakarta Pusat", "Central Jakarta"),
    ("Jakarta Utara", "North Jakarta"),
    ("Jakarta Barat", "West Jakarta"),
]
CITIES_HELD = [
    "Tasikmalaya",
    "Sorong",
    "Ternate",
    "Gorontalo",
    "Tarakan",
    "Madiun",
    "Purwokerto",
    "Singkawang",
]
CITIES_DIR_HELD = [("Jakarta Timur", "East Jakarta")]

# foreign city: (id, en, country_id, country_en)
FCITIES_TRAIN = [
    ("Singapura", "Singapore", "Singapura", "Singapore"),
    ("Kuala Lumpur", "Kuala Lumpur", "Malaysia", "Malaysia"),
    ("Hong Kong", "Hong Kong", "Hong Kong", "Hong Kong"),
    ("Bangkok", "Bangkok", "Thailand", "Thailand"),
    ("Sydney", "Sydney", "Australia", "Australia"),
    ("Perth", "Perth", "Australia", "Australia"),
    ("Melbourne", "Melbourne", "Australia", "Australia"),
    ("London", "London", "Inggris", "the United Kingdom"),
    ("Zurich", "Zurich", "Swiss", "Switzerland"),
    ("Jenewa", "Geneva", "Swiss", "Switzerland"),
    ("Tokyo", "Tokyo", "Jepang", "Japan"),
    ("Seoul", "Seoul", "Korea Selatan", "South Korea"),
    ("Shanghai", "Shanghai", "Tiongkok", "China"),
    ("Beijing", "Beijing", "Tiongkok", "China"),
    ("Manila", "Manila", "Filipina", "the Philippines"),
    ("Dubai", "Dubai", "Uni Emirat Arab", "the United Arab Emirates"),
    ("Amsterdam", "Amsterdam", "Belanda", "the Netherlands"),
    ("Frankfurt", "Frankfurt", "Jerman", "Germany"),
    ("New York", "New York", "Amerika Serikat", "the United States"),
    ("Los Angeles", "Los Angeles", "Amerika Serikat", "the United States"),
    ("Ho Chi Minh", "Ho Chi Minh", "Vietnam", "Vietnam"),
    ("Johor Bahru", "Johor Bahru", "Malaysia", "Malaysia"),
    ("Paris", "Paris", "Prancis", "France"),
    ("Mumbai", "Mumbai", "India", "India"),
    ("Toronto", "Toronto", "Kanada", "Canada"),
]
FCITIES_HELD = [
    ("Auckland", "Auckland", "Selandia Baru", "New Zealand"),
    ("Osaka", "Osaka", "Jepang", "Japan"),
    ("Vancouver", "Vancouver", "Kanada", "Canada"),
    ("Brisbane", "Brisbane", "Australia", "Australia"),
    ("Penang", "Penang", "Malaysia", "Malaysia"),
]

COUNTRIES = [
    ("Singapura", "Singapore"),
    ("Malaysia", "Malaysia"),
    ("Australia", "Australia"),
    ("Hong Kong", "Hong Kong"),
    ("Swiss", "Switzerland"),
    ("Belanda", "the Netherlands"),
    ("Jepang", "Japan"),
    ("Tiongkok", "China"),
    ("Amerika Serikat", "the United States"),
    ("Inggris", "the United Kingdom"),
    ("Jerman", "Germany"),
    ("Prancis", "France"),
    ("Korea Selatan", "South Korea"),
    ("Filipina", "the Philippines"),
    ("Thailand", "Thailand"),
    ("Vietnam", "Vietnam"),
    ("Uni Emirat Arab", "the United Arab Emirates"),
    ("Selandia Baru", "New Zealand"),
    ("Kanada", "Canada"),
    ("India", "India"),
    ("Luksemburg", "Luxembourg"),
    ("Kepulauan Cayman", "the Cayman Islands"),
    ("Kepulauan Virgin Britania Raya", "the British Virgin Islands"),
    ("Panama", "Panama"),
]
COUNTRIES_FORMAL = [
    ("Republik Singapura", "the Republic of Singapore"),
    ("Malaysia", "Malaysia"),
    ("Australia", "Australia"),
    ("Konfederasi Swiss", "the Swiss Confederation"),
    ("Kerajaan Belanda", "the Kingdom of the Netherlands"),
    ("Republik Rakyat Tiongkok", "the People's Republic of China"),
    ("Jepang", "Japan"),
    ("Republik Korea", "the Republic of Korea"),
    ("Amerika Serikat", "the United States of America"),
    (
        "Persatuan Kerajaan Britania Raya dan Irlandia Utara",
        "the United Kingdom of Great Britain and Northern Ireland",
    ),
    ("Republik Filipina", "the Republic of the Philippines"),
    ("Kerajaan Thailand", "the Kingdom of Thailand"),
    ("Republik Sosialis Vietnam", "the Socialist Republic of Vietnam"),
    ("Republik India", "the Republic of India"),
    ("Republik Federal Jerman", "the Federal Republic of Germany"),
    ("Republik Prancis", "the French Republic"),
    ("Uni Emirat Arab", "the United Arab Emirates"),
    ("Daerah Administratif Khusus Hong Kong", "the Hong Kong Special Administrative Region"),
]
NATIONALITIES = [
    ("Indonesia", "an Indonesian citizen"),
    ("Singapura", "a Singaporean citizen"),
    ("Malaysia", "a Malaysian citizen"),
    ("Australia", "an Australian citizen"),
    ("Tiongkok", "a Chinese citizen"),
    ("Amerika Serikat", "an American citizen"),
    ("Belanda", "a Dutch citizen"),
    ("Jepang", "a Japanese citizen"),
    ("Inggris", "a British citizen"),
    ("India", "an Indian citizen"),
    ("Jerman", "a German citizen"),
    ("Filipina", "a Filipino citizen"),
    ("Korea Selatan", "a South Korean citizen"),
    ("Swiss", "a Swiss citizen"),
]
PROVINCES_TRAIN = [
    ("Jawa Barat", "West Java"),
    ("Jawa Timur", "East Java"),
    ("Jawa Tengah", "Central Java"),
    ("Sumatera Utara", "North Sumatra"),
    ("Sumatera Selatan", "South Sumatra"),
    ("Sulawesi Selatan", "South Sulawesi"),
    ("Sulawesi Utara", "North Sulawesi"),
    ("Kalimantan Timur", "East Kalimantan"),
    ("Kalimantan Tengah", "Central Kalimantan"),
    ("Nusa Tenggara Barat", "West Nusa Tenggara"),
    ("Nusa Tenggara Timur", "East Nusa Tenggara"),
    ("Bali", "Bali"),
    ("Riau", "Riau"),
    ("Kepulauan Riau", "Riau Islands"),
    ("Papua", "Papua"),
    ("Aceh", "Aceh"),
    ("Banten", "Banten"),
    ("Lampung", "Lampung"),
    ("DKI Jakarta", "Jakarta"),
    ("Maluku Utara", "North Maluku"),
    ("Jambi", "Jambi"),
    ("Sulawesi Tenggara", "Southeast Sulawesi"),
]
PROVINCES_HELD = [
    ("Kalimantan Barat", "West Kalimantan"),
    ("Sulawesi Tengah", "Central Sulawesi"),
    ("Sumatera Barat", "West Sumatra"),
    ("Kalimantan Selatan", "South Kalimantan"),
    ("Papua Barat", "West Papua"),
    ("Gorontalo", "Gorontalo"),
]
STREETS_TRAIN = """Sudirman|Thamrin|Gatot Subroto|Diponegoro|Pemuda|Ahmad Yani|Merdeka|Pahlawan|
Gajah Mada|Hayam Wuruk|Imam Bonjol|Veteran|Kartini|Pangeran Antasari|Rasuna Said|Asia Afrika|
Basuki Rahmat|Pattimura|Sisingamangaraja|Teuku Umar""".replace("\n", "").split("|")
STREETS_HELD = ["Cut Nyak Dien", "Wolter Monginsidi", "Slamet Riyadi", "Juanda", "Kapten Tendean"]
FSTREETS_TRAIN = [
    "Orchard Road",
    "Shenton Way",
    "Nathan Road",
    "Collins Street",
    "George Street",
    "Queen Street",
    "Bahnhofstrasse",
    "Raffles Place",
    "Jalan Ampang",
    "Sukhumvit Road",
    "Fifth Avenue",
    "King Street",
    "Market Street",
]
FSTREETS_HELD = ["Robinson Road", "Pitt Street", "Des Voeux Road"]

COMP_WORDS_TRAIN = [
    "Sinar",
    "Jaya",
    "Abadi",
    "Makmur",
    "Sentosa",
    "Mitra",
    "Karya",
    "Sejahtera",
    "Global",
    "Nusantara",
    "Prima",
    "Cahaya",
    "Bumi",
    "Indah",
    "Perkasa",
    "Lestari",
    "Utama",
    "Samudra",
    "Mulia",
    "Agung",
    "Bintang",
    "Harapan",
    "Sukses",
    "Mega",
    "Citra",
    "Putra",
    "Artha",
    "Dana",
    "Graha",
    "Tirta",
    "Wira",
    "Buana",
    "Selaras",
    "Inti",
    "Multi",
    "Persada",
    "Kencana",
    "Energi",
    "Niaga",
    "Investama",
]
COMP_WORDS_HELD = [
    "Gemilang",
    "Bahari",
    "Cemerlang",
    "Pusaka",
    "Semesta",
    "Nirwana",
    "Rajawali",
    "Anugerah",
]
FCOMP_WORDS_TRAIN = [
    "Pacific",
    "Golden",
    "Eastern",
    "Harbour",
    "Summit",
    "Orient",
    "Crystal",
    "Pioneer",
    "Royal",
    "Silver",
    "Ocean",
    "Phoenix",
    "Dragon",
    "Apex",
    "Vista",
    "Emerald",
    "Capital",
    "Lotus",
    "Horizon",
    "Atlas",
    "Union",
    "Star",
    "Grand",
]
FCOMP_WORDS_HELD = ["Meridian", "Northstar", "Bluewater", "Evergreen", "Sapphire"]
FCOMP_SUFFIX = [
    "Pte. Ltd.",
    "Ltd.",
    "Limited",
    "Holdings Limited",
    "Inc.",
    "GmbH",
    "B.V.",
    "Sdn. Bhd.",
    "Trading Ltd.",
    "Investments Ltd.",
]

MONTHS = [
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
]

EMAIL_DOMAINS = ["kejaksaan.go.id", "polri.go.id", "kpk.go.id", "ppatk.go.id", "kemenkum.go.id"]

# Lists whose choice is tracked for held-out template/slot combinations.
OFFENCES = [
    ("korupsi", "corruption"),
    ("pencucian uang", "money washing"),
    ("penipuan", "fraud"),
    ("penggelapan", "embezzlement"),
    ("penyuapan", "bribing"),
    ("pendanaan terorisme", "terror funding"),
    ("perdagangan orang", "people trading"),
    ("penyelundupan narkotika", "drug smuggling"),
    ("pemalsuan dokumen", "document forgery"),
    ("kejahatan siber", "cyber crime"),
    ("perjudian daring", "online gambling"),
    ("pembalakan liar", "illegal logging"),
    ("penyelundupan barang", "goods smuggling"),
    ("korupsi pengadaan barang", "procurement corruption"),
]
AUTHORITIES = [
    (
        "Kejaksaan Agung Republik Indonesia",
        "the Supreme Attorney Office of the Republic of Indonesia",
    ),
    ("Kejaksaan Agung", "the Supreme Attorney Office"),
    ("Kejaksaan Negeri {icity}", "the {icity} District Attorney Office"),
    ("Kejaksaan Tinggi {province}", "the {province} High Attorney Office"),
    ("Kepolisian Negara Republik Indonesia", "the Indonesian National Police"),
    ("Kepolisian Daerah {province}", "the {province} Regional Police"),
    (
        "Badan Reserse Kriminal Kepolisian Negara Republik Indonesia",
        "the Criminal Detective Agency of the Indonesian National Police",
    ),
    ("Komisi Pemberantasan Korupsi", "the Corruption Eradication Commission"),
    (
        "Pusat Pelaporan dan Analisis Transaksi Keuangan",
        "the Financial Transaction Reports and Analysis Centre",
    ),
    ("Badan Narkotika Nasional", "the National Narcotics Board"),
    ("Direktorat Jenderal Pajak", "the Directorate General of Taxes"),
    ("Direktorat Jenderal Bea dan Cukai", "the Directorate General of Customs and Excise"),
    ("Otoritas Jasa Keuangan", "the Financial Services Authority"),
    ("Kementerian Hukum Republik Indonesia", "the Ministry of Law of the Republic of Indonesia"),
]
COURTS = [
    ("Pengadilan Negeri {icity}", "the {icity} District Court"),
    (
        "Pengadilan Tindak Pidana Korupsi pada Pengadilan Negeri {icity}",
        "the Corruption Crimes Court at the {icity} District Court",
    ),
    ("Pengadilan Tinggi {icity}", "the {icity} High Court"),
    ("Mahkamah Agung Republik Indonesia", "the Supreme Court of the Republic of Indonesia"),
]
BASES = [
    (
        "Undang-Undang Nomor 1 Tahun 2006 tentang Bantuan Timbal Balik dalam Masalah Pidana",
        "Law Number 1 of 2006 on Mutual Help in Criminal Cases",
    ),
    ("Undang-Undang Nomor {lawno} Tahun {lawyear}", "Law Number {lawno} of {lawyear}"),
    (
        "Undang-Undang Nomor 8 Tahun 2010 tentang Pencegahan dan Pemberantasan Tindak Pidana Pencucian Uang",
        "Law Number 8 of 2010 on the Prevention and Eradication of the Crime of Money Washing",
    ),
    (
        "Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi",
        "Law Number 31 of 1999 on the Eradication of the Crime of Corruption",
    ),
    (
        "Perjanjian antara Republik Indonesia dan {country_formal} tentang Bantuan Timbal Balik dalam Masalah Pidana",
        "the Treaty between the Republic of Indonesia and {country_formal} on Mutual Help in Criminal Cases",
    ),
    (
        "Perjanjian Bantuan Timbal Balik dalam Masalah Pidana antarnegara ASEAN",
        "the ASEAN Treaty on Mutual Help in Criminal Cases",
    ),
    (
        "Konvensi Perserikatan Bangsa-Bangsa Menentang Korupsi",
        "the United Nations Convention against Corruption",
    ),
    (
        "Konvensi Perserikatan Bangsa-Bangsa Menentang Kejahatan Transnasional Terorganisasi",
        "the United Nations Convention against Transnational Organized Crime",
    ),
    ("asas resiprositas", "the give-and-take rule"),
    ("Kitab Undang-Undang Hukum Acara Pidana", "the Code of Criminal Procedure"),
]
BASES_ARTICLE = [
    (
        "Pasal {art} Undang-Undang Nomor {lawno} Tahun {lawyear}",
        "Article {art} of Law Number {lawno} of {lawyear}",
    ),
    (
        "Pasal {art} ayat ({k}) Kitab Undang-Undang Hukum Pidana",
        "Article {art} paragraph ({k}) of the Criminal Code",
    ),
    ("Pasal {art} Kitab Undang-Undang Hukum Pidana", "Article {art} of the Criminal Code"),
    (
        "Pasal {art} Undang-Undang Nomor 8 Tahun 2010 tentang Pencegahan dan Pemberantasan Tindak Pidana Pencucian Uang",
        "Article {art} of Law Number 8 of 2010 on the Prevention and Eradication of the Crime of Money Washing",
    ),
    (
        "Pasal {art} Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi",
        "Article {art} of Law Number 31 of 1999 on the Eradication of the Crime of Corruption",
    ),
]
ASSETS = [
    ("sebuah rumah di {address}", "a house at {address}"),
    ("sebuah apartemen di {place}", "an apartment in {place}"),
    (
        "sebidang tanah seluas {sqm} meter persegi di {icity}",
        "a plot of land of {sqm} square metres in {icity}",
    ),
    (
        "sebuah kendaraan bermotor dengan nomor polisi {plate}",
        "a motor vehicle with registration number {plate}",
    ),
    ("saham pada {company}", "shares in {company}"),
    ("sebuah kapal pesiar yang terdaftar di {country}", "a yacht registered in {country}"),
    ("perhiasan senilai {amount}", "jewellery worth {amount}"),
    ("dana di rekening nomor {acc} di {bank}", "funds in account number {acc} at {bank}"),
    ("sebuah ruko di {address}", "a shophouse at {address}"),
]
DOCS = [
    ("akta pendirian {company}", "the deed of establishment of {company}"),
    ("laporan keuangan {company} tahun {year}", "the financial report of {company} for {year}"),
    ("rekaman CCTV di {address}", "the CCTV footage at {address}"),
    (
        "catatan transaksi kartu kredit atas nama {person}",
        "the credit card transaction data in the name of {person}",
    ),
    ("dokumen perjalanan {person}", "the travel documents of {person}"),
    ("kontrak antara {company} dan {company2}", "the contract between {company} and {company2}"),
    ("surat elektronik yang dikirim oleh {person}", "the emails sent by {person}"),
    ("data kepemilikan saham {company}", "the shareholding data of {company}"),
    ("salinan paspor {person}", "a copy of the passport of {person}"),
    ("data pendaftaran nomor telepon {phone}", "the registration data of telephone number {phone}"),
]
ASSISTS = [
    (
        "memperoleh catatan bank atas nama {person} di {bank}",
        "obtain the bank papers in the name of {person} at {bank}",
    ),
    (
        "memperoleh catatan bank atas rekening nomor {acc} di {bank} untuk periode {date} sampai dengan {date2}",
        "obtain the bank papers for account number {acc} at {bank} for the period from {date} to {date2}",
    ),
    (
        "melakukan penggeledahan dan penyitaan di {address}",
        "carry out searching and taking at {address}",
    ),
    (
        "melakukan pembekuan atas rekening nomor {acc} di {bank}",
        "carry out the blocking of account number {acc} at {bank}",
    ),
    ("melakukan pembekuan atas {asset}", "carry out the blocking of {asset}"),
    ("mengambil keterangan saksi dari {person}", "take a witness account from {person}"),
    ("memeriksa {person} sebagai saksi", "question {person} as a witness"),
    ("mengidentifikasi pemilik manfaat dari {company}", "identify the benefit owner of {company}"),
    (
        "melacak hasil tindak pidana {offence} yang disimpan di {country}",
        "trace the crime money from {offence} kept in {country}",
    ),
    ("melaksanakan perampasan aset atas {asset}", "carry out asset grabbing on {asset}"),
    ("menyerahkan {doc}", "hand over {doc}"),
    ("menentukan keberadaan {person}", "determine the whereabouts of {person}"),
    ("menyampaikan dokumen pengadilan kepada {person}", "serve court documents on {person}"),
    (
        "memperoleh informasi mengenai kepemilikan {asset}",
        "obtain information on the ownership of {asset}",
    ),
    (
        "memfasilitasi pemeriksaan saksi {person} melalui konferensi video",
        "facilitate the questioning of the witness {person} by video conference",
    ),
    ("memperoleh {doc} dari {company}", "obtain {doc} from {company}"),
    (
        "menyerahkan dokumen pendukung yang berkaitan dengan rekening nomor {acc}",
        "hand over the backing papers relating to account number {acc}",
    ),
]
ASSIST_NOUNS = [
    ("penggeledahan dan penyitaan di {address}", "searching and taking at {address}"),
    ("pembekuan rekening nomor {acc} di {bank}", "the blocking of account number {acc} at {bank}"),
    ("perampasan aset atas {asset}", "asset grabbing on {asset}"),
    ("pengambilan keterangan saksi dari {person}", "the taking of a witness account from {person}"),
    (
        "penyerahan catatan bank atas nama {person}",
        "the handing over of bank papers in the name of {person}",
    ),
    ("pelacakan hasil tindak pidana di {country}", "the tracing of crime money in {country}"),
    (
        "identifikasi pemilik manfaat dari {company}",
        "the identification of the benefit owner of {company}",
    ),
    ("penyerahan dokumen pendukung", "the handing over of backing papers"),
    (
        "pemeriksaan saksi melalui konferensi video",
        "the questioning of witnesses by video conference",
    ),
    ("penyerahan {doc}", "the handing over of {doc}"),
    ("pembekuan {asset}", "the blocking of {asset}"),
    (
        "penyampaian dokumen pengadilan kepada {person}",
        "the service of court documents on {person}",
    ),
]
DEADLINES = [
    ("secepatnya", "as soon as possible"),
    ("sesegera mungkin", "as soon as possible"),
    ("dalam waktu {ndays} hari", "within {ndays} days"),
    ("dalam waktu {nweeks} minggu", "within {nweeks} weeks"),
    ("paling lambat tanggal {date}", "no later than {date}"),
    ("sebelum tanggal {date}", "before {date}"),
    (
        "dalam waktu {ndays} hari kerja sejak surat ini diterima",
        "within {ndays} working days of receipt of this letter",
    ),
    ("sebelum sidang pada tanggal {date}", "before the hearing on {date}"),
    ("sebelum akhir bulan {month}", "before the end of {month}"),
]
REASONS = [
    ("sidang akan dimulai pada tanggal {date}", "the hearing will begin on {date}"),
    (
        "masa penahanan tersangka {person} akan berakhir pada tanggal {date}",
        "the detention period of the suspect {person} will end on {date}",
    ),
    ("dana tersebut dapat segera dipindahkan ke luar negeri", "the funds may soon be moved abroad"),
    (
        "tersangka {person} berencana meninggalkan {country}",
        "the suspect {person} plans to leave {country}",
    ),
    (
        "masa daluwarsa penuntutan akan berakhir pada tahun {year}",
        "the time limit for charging will expire in {year}",
    ),
    ("aset tersebut dapat segera dijual", "the assets may soon be sold"),
]
CONNECTORS = [
    ("", ""),  # id 0: no connector (never held out)
    ("Selain itu, ", "In addition, "),
    ("Lebih lanjut, ", "Furthermore, "),
    ("Oleh karena itu, ", "Therefore, "),
    ("Sehubungan dengan hal tersebut, ", "In connection with this, "),
    ("Berdasarkan hasil penyidikan, ", "Based on the results of the inquiry, "),
    ("Dalam rangka penyidikan tersebut, ", "For the purpose of this inquiry, "),
    ("Perlu kami sampaikan bahwa ", "We wish to inform you that "),
    ("Sebagaimana telah disampaikan sebelumnya, ", "As previously stated, "),
]
CASE_TYPES = [
    ("penyidikan perkara", "the inquiry into the case"),
    ("penuntutan perkara", "the charging of the case"),
    ("penyidikan dan penuntutan perkara", "the inquiry and charging of the case"),
    ("pemeriksaan perkara", "the examination of the case"),
]
ROLE_PERSONS = [
    ("tersangka {person}", "the suspect {person}"),
    ("terdakwa {person}", "the accused person {person}"),
    ("saksi {person}", "the witness {person}"),
    ("terpidana {person}", "the convicted person {person}"),
]
POSITIONS = [
    ("direktur utama", "president director"),
    ("direktur keuangan", "finance director"),
    ("komisaris", "commissioner"),
    ("bendahara", "treasurer"),
    ("kepala bagian pengadaan", "head of procurement"),
    ("pejabat pembuat komitmen", "commitment-making official"),
]
INSTITUTIONS = [
    ("{company}", "{company}"),
    ("Kementerian Perhubungan", "the Ministry of Transportation"),
    ("Kementerian Kesehatan", "the Ministry of Health"),
    ("Pemerintah Kabupaten {icity}", "the {icity} Regency Government"),
    ("Pemerintah Provinsi {province}", "the {province} Provincial Government"),
    ("Dinas Pekerjaan Umum Kota {icity}", "the {icity} City Public Works Agency"),
]
TRACKED = {
    "offence": OFFENCES,
    "authority": AUTHORITIES,
    "court": COURTS,
    "basis": BASES,
    "basis_article": BASES_ARTICLE,
    "asset": ASSETS,
    "doc": DOCS,
    "assist": ASSISTS,
    "assist_noun": ASSIST_NOUNS,
    "deadline": DEADLINES,
    "reason": REASONS,
    "case_type": CASE_TYPES,
    "role_person": ROLE_PERSONS,
    "position": POSITIONS,
    "institution": INSTITUTIONS,
    "country": COUNTRIES,
    "country_formal": COUNTRIES_FORMAL,
    "nat": NATIONALITIES,
}

# --------------------------------------------------------------------------
# Sentence templates: (kind, indonesian, english).  Written in mid-sentence
# casing; the first letter is capitalised after filling.  kind "body" may get
# a connector prefix; "fixed" never does.
# --------------------------------------------------------------------------
TEMPLATES = [
    # letter header / openings / closings
    (
        "fixed",
        "Perihal: Permintaan bantuan timbal balik dalam masalah pidana atas nama {role_person}",
        "Subject: Request for mutual help in criminal cases concerning {role_person}",
    ),
    (
        "fixed",
        "Perihal: Surat permintaan bantuan timbal balik dalam masalah pidana dalam perkara {offence}",
        "Subject: Letter of asking for mutual help in criminal cases in the {offence} case",
    ),
    ("fixed", "Nomor: {ref}", "Number: {ref}"),
    ("fixed", "{icity}, {date}", "{icity}, {date}"),
    ("fixed", "Kepada Yth. Otoritas Pusat {country}", "To the central office of {country}"),
    ("fixed", "Lampiran: {nfiles} berkas", "Attachments: {nfiles} files"),
    ("fixed", "Dengan hormat,", "Dear Sir or Madam,"),
    ("fixed", "Hormat kami,", "Yours faithfully,"),
    ("fixed", "Sifat: Sangat Rahasia", "Classification: Strictly Confidential"),
    ("fixed", "{letter}. {assist_noun};", "{letter}. {assist_noun};"),
    (
        "fixed",
        "Dengan hormat, Otoritas Pusat Republik Indonesia mengajukan surat permintaan bantuan timbal balik "
        "dalam masalah pidana kepada Otoritas Pusat {country}.",
        "Respectfully, the central office of the Republic of Indonesia submits a letter of asking for mutual help in "
        "criminal cases to the central office of {country}.",
    ),
    (
        "fixed",
        "Otoritas Pusat Republik Indonesia menyampaikan salam hormat kepada Otoritas Pusat {country}.",
        "The central office of the Republic of Indonesia presents its compliments to the central office of {country}.",
    ),
    (
        "fixed",
        "Atas perhatian dan kerja sama Otoritas Pusat {country}, kami ucapkan terima kasih.",
        "We thank the central office of {country} for its attention and cooperation.",
    ),
    (
        "fixed",
        "Demikian surat permintaan ini kami sampaikan.",
        "Thus we submit this letter of asking.",
    ),
    (
        "fixed",
        "Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.",
        "Thank you for your attention and cooperation.",
    ),
    # legal basis
    (
        "body",
        "surat permintaan ini diajukan berdasarkan {basis}.",
        "this letter of asking is submitted on the basis of {basis}.",
    ),
    (
        "body",
        "permintaan ini diajukan berdasarkan {basis} dan {basis2}.",
        "this request is made on the basis of {basis} and {basis2}.",
    ),
    (
        "body",
        "berdasarkan {basis}, Pihak Peminta meminta bantuan Pihak Diminta dalam {case_type} atas nama {role_person}.",
        "based on {basis}, the asking party requests the help of the asked party in {case_type} concerning {role_person}.",
    ),
    (
        "body",
        "Pihak Peminta meminta bantuan Pihak Diminta dalam {case_type} atas nama {role_person} berdasarkan {basis}.",
        "the asking party requests the help of the asked party in {case_type} concerning {role_person} on the basis of {basis}.",
    ),
    # investigation / case status
    (
        "body",
        "{authority} sedang melakukan penyidikan terhadap {role_person} atas dugaan tindak pidana {offence}.",
        "{authority} is conducting an inquiry into {role_person} on suspicion of the crime of {offence}.",
    ),
    (
        "body",
        "saat ini {authority} sedang melakukan penyidikan terhadap dugaan tindak pidana {offence} yang dilakukan oleh {person_desc}.",
        "at present, {authority} is conducting an inquiry into the alleged crime of {offence} committed by {person_desc}.",
    ),
    (
        "body",
        "penyidikan ini dilakukan oleh {authority} berdasarkan surat perintah penyidikan nomor {ref} tanggal {date}.",
        "this inquiry is conducted by {authority} on the basis of inquiry warrant number {ref} dated {date}.",
    ),
    (
        "body",
        "perkara ini saat ini berada pada tahap penuntutan di {court}.",
        "this case is currently at the charging stage before {court}.",
    ),
    (
        "body",
        "{person} telah ditetapkan sebagai tersangka oleh {authority} pada tanggal {date}.",
        "{person} was named as a suspect by {authority} on {date}.",
    ),
    (
        "body",
        "pada tanggal {date}, {authority} menetapkan {person} sebagai tersangka dalam perkara {offence}.",
        "on {date}, {authority} named {person} as a suspect in the {offence} case.",
    ),
    (
        "body",
        "terdakwa {person} akan diadili di {court} pada tanggal {date}.",
        "the accused person {person} will be tried at {court} on {date}.",
    ),
    (
        "body",
        "sidang perkara terdakwa {person} dijadwalkan pada tanggal {date} di {court}.",
        "the hearing in the case of the accused person {person} is scheduled for {date} at {court}.",
    ),
    (
        "body",
        "penuntutan terhadap terdakwa {person} dilakukan oleh {authority}.",
        "the charging of the accused person {person} is carried out by {authority}.",
    ),
    # facts
    (
        "body",
        "{person} diduga melakukan tindak pidana {offence} di {place} pada tanggal {date}.",
        "{person} is suspected of committing the crime of {offence} in {place} on {date}.",
    ),
    (
        "body",
        "pada tanggal {date}, {person} diduga melakukan tindak pidana {offence} di {place}.",
        "on {date}, {person} is suspected of committing the crime of {offence} in {place}.",
    ),
    (
        "body",
        "di {place}, pada tanggal {date}, {person} diduga melakukan tindak pidana {offence}.",
        "in {place}, on {date}, {person} is suspected of committing the crime of {offence}.",
    ),
    (
        "body",
        "antara {date} dan {date2}, {person} menerima dana sebesar {amount} dari {company}.",
        "between {date} and {date2}, {person} received funds of {amount} from {company}.",
    ),
    (
        "body",
        "{person} menerima dana sebesar {amount} dari {company} antara {date} dan {date2}.",
        "{person} received funds of {amount} from {company} between {date} and {date2}.",
    ),
    (
        "body",
        "dana sebesar {amount} ditransfer dari rekening nomor {acc} atas nama {person} di {bank} ke rekening atas nama {person2} di {bank2}.",
        "funds of {amount} were transferred from account number {acc} in the name of {person} at {bank} to an account in the name of {person2} at {bank2}.",
    ),
    (
        "body",
        "pada tanggal {date}, {person} mentransfer uang sebesar {amount} ke rekening {company} di {bank}.",
        "on {date}, {person} transferred an amount of {amount} to the account of {company} at {bank}.",
    ),
    (
        "body",
        "{person} mentransfer uang sebesar {amount} ke rekening {company} di {bank} pada tanggal {date}.",
        "{person} transferred an amount of {amount} to the account of {company} at {bank} on {date}.",
    ),
    (
        "body",
        "uang tersebut diduga merupakan hasil tindak pidana {offence}.",
        "the money is suspected to be crime money from {offence}.",
    ),
    (
        "body",
        "tersangka {person} diduga menyembunyikan hasil tindak pidana di {country}.",
        "the suspect {person} is suspected of hiding crime money in {country}.",
    ),
    (
        "body",
        "{person} merupakan pemilik manfaat dari {company} yang berkedudukan di {place}.",
        "{person} is the benefit owner of {company}, which is based in {place}.",
    ),
    (
        "body",
        "{company} yang berkedudukan di {place} diduga digunakan untuk pencucian uang.",
        "{company}, which is based in {place}, is suspected of being used for money washing.",
    ),
    (
        "body",
        "pemilik manfaat dari {company} adalah {person}.",
        "the benefit owner of {company} is {person}.",
    ),
    (
        "body",
        "{person} membuka rekening nomor {acc} di {bank_branch} pada tanggal {date}.",
        "{person} opened account number {acc} at {bank_branch} on {date}.",
    ),
    (
        "body",
        "rekening nomor {acc} di {bank} dibuka atas nama {company} pada tanggal {date}.",
        "account number {acc} at {bank} was opened in the name of {company} on {date}.",
    ),
    (
        "body",
        "sebagian dana tersebut digunakan untuk membeli {asset}.",
        "part of the funds was used to buy {asset}.",
    ),
    (
        "body",
        "{person} membeli {asset} seharga {amount} pada bulan {month_year}.",
        "{person} bought {asset} for {amount} in {month_year}.",
    ),
    (
        "body",
        "pada bulan {month_year}, {person} membeli {asset} seharga {amount}.",
        "in {month_year}, {person} bought {asset} for {amount}.",
    ),
    (
        "body",
        "kerugian negara akibat perbuatan tersebut diperkirakan mencapai {amount}.",
        "the state loss caused by this act is estimated at {amount}.",
    ),
    (
        "body",
        "akibat perbuatan {person}, negara mengalami kerugian sebesar {amount}.",
        "as a result of the acts of {person}, the state suffered a loss of {amount}.",
    ),
    (
        "body",
        "{person} dan {person2} diduga bersama-sama melakukan tindak pidana {offence}.",
        "{person} and {person2} are suspected of jointly committing the crime of {offence}.",
    ),
    (
        "body",
        "{person} melarikan diri ke {country} pada tanggal {date}.",
        "{person} fled to {country} on {date}.",
    ),
    (
        "body",
        "pada tanggal {date}, {person} melarikan diri ke {country}.",
        "on {date}, {person} fled to {country}.",
    ),
    (
        "body",
        "berdasarkan informasi yang kami terima, {person} saat ini berada di {place}.",
        "according to information we have received, {person} is currently in {place}.",
    ),
    (
        "body",
        "{person} diduga menerima suap sebesar {amount} dari {person2}.",
        "{person} is suspected of receiving a bribe of {amount} from {person2}.",
    ),
    (
        "body",
        "perbuatan tersebut merupakan tindak pidana penyuapan sebagaimana diatur dalam {basis_article}.",
        "this act constitutes the crime of bribing as provided in {basis_article}.",
    ),
    (
        "body",
        "perbuatan {person} diancam pidana berdasarkan {basis_article}.",
        "the acts of {person} are punishable under {basis_article}.",
    ),
    (
        "body",
        "ancaman pidana untuk tindak pidana {offence} adalah pidana penjara paling lama {nyears} tahun.",
        "the penalty for the crime of {offence} is imprisonment for a maximum of {nyears} years.",
    ),
    (
        "body",
        "dana yang berasal dari pendanaan terorisme ditransfer melalui {bank} ke {country}.",
        "funds from terror funding were transferred through {bank} to {country}.",
    ),
    (
        "body",
        "{person} diduga terlibat dalam jaringan perdagangan orang antara Indonesia dan {country}.",
        "{person} is suspected of being involved in a people trading network between Indonesia and {country}.",
    ),
    (
        "body",
        "{person} adalah {nat_phrase} yang tinggal di {place}.",
        "{person} is {nat_phrase} who lives in {place}.",
    ),
    (
        "body",
        "{person} menjabat sebagai {position} pada {institution} sejak tahun {year}.",
        "{person} has served as {position} at {institution} since {year}.",
    ),
    (
        "body",
        "sejak tahun {year}, {person} menjabat sebagai {position} pada {institution}.",
        "since {year}, {person} has served as {position} at {institution}.",
    ),
    (
        "body",
        "identitas tersangka adalah sebagai berikut: {person_desc}.",
        "the identity of the suspect is as follows: {person_desc}.",
    ),
    (
        "body",
        "{asset} diduga dibeli dengan hasil tindak pidana {offence}.",
        "{asset} is suspected to have been bought with crime money from {offence}.",
    ),
    (
        "body",
        "{authority} telah memblokir rekening {person} di {bank} sejak tanggal {date}.",
        "{authority} has blocked the account of {person} at {bank} since {date}.",
    ),
    (
        "body",
        "rekening tersebut telah dibekukan sementara oleh {authority} selama {ndays} hari.",
        "the account has been temporarily blocked by {authority} for {ndays} days.",
    ),
    # requests
    (
        "body",
        "Pihak Peminta meminta Pihak Diminta untuk {assist}.",
        "the asking party asks the asked party to {assist}.",
    ),
    (
        "body",
        "Pihak Peminta mohon agar Pihak Diminta dapat {assist}.",
        "the asking party kindly asks that the asked party {assist}.",
    ),
    (
        "body",
        "kami mohon bantuan Otoritas Pusat {country} untuk {assist}.",
        "we request the help of the central office of {country} to {assist}.",
    ),
    (
        "body",
        "untuk kepentingan penyidikan, Pihak Peminta meminta Pihak Diminta untuk {assist}.",
        "for the purposes of the inquiry, the asking party asks the asked party to {assist}.",
    ),
    (
        "body",
        "Pihak Peminta meminta Pihak Diminta untuk {assist} {deadline}.",
        "the asking party asks the asked party to {assist} {deadline}.",
    ),
    (
        "body",
        "{deadline_lead}, Pihak Peminta meminta Pihak Diminta untuk {assist}.",
        "{deadline_lead}, the asking party asks the asked party to {assist}.",
    ),
    ("body", "bantuan yang diminta adalah {assist_noun}.", "the help requested is {assist_noun}."),
    (
        "body",
        "Pihak Peminta memerlukan {assist_noun} untuk kepentingan penuntutan.",
        "the asking party needs {assist_noun} for the purposes of the charging.",
    ),
    ("body", "kami juga meminta {assist_noun}.", "we also request {assist_noun}."),
    (
        "body",
        "kami mohon agar {assist_noun} dilaksanakan {deadline}.",
        "we ask that {assist_noun} be carried out {deadline}.",
    ),
    (
        "body",
        "Pihak Peminta juga meminta pembekuan seluruh rekening atas nama {person} di {bank}.",
        "the asking party also requests the blocking of all accounts in the name of {person} at {bank}.",
    ),
    (
        "body",
        "kami mohon agar catatan bank untuk periode {date} sampai dengan {date2} disampaikan dalam bentuk salinan resmi.",
        "we ask that the bank papers for the period from {date} to {date2} be provided as official copies.",
    ),
    (
        "body",
        "catatan bank yang diminta meliputi rekening koran, formulir pembukaan rekening, dan catatan transaksi.",
        "the bank papers requested include account statements, account opening forms and transaction records.",
    ),
    (
        "body",
        "mohon agar penggeledahan dan penyitaan dilakukan di {address}.",
        "please carry out searching and taking at {address}.",
    ),
    (
        "body",
        "penggeledahan dan penyitaan diperlukan untuk memperoleh {doc}.",
        "searching and taking is needed to obtain {doc}.",
    ),
    (
        "body",
        "barang yang disita agar diserahkan kepada {authority}.",
        "the items taken should be handed over to {authority}.",
    ),
    (
        "body",
        "pembekuan tersebut diperlukan untuk mencegah pengalihan hasil tindak pidana.",
        "this blocking is needed to prevent the transfer of crime money.",
    ),
    (
        "body",
        "pembekuan atas rekening nomor {acc} agar dilakukan {deadline}.",
        "the blocking of account number {acc} should be done {deadline}.",
    ),
    (
        "body",
        "keterangan saksi dari {person} diperlukan untuk membuktikan aliran dana kepada {person2}.",
        "the witness account of {person} is needed to prove the flow of funds to {person2}.",
    ),
    (
        "body",
        "kami mohon agar keterangan saksi diambil di bawah sumpah.",
        "we ask that the witness account be taken under oath.",
    ),
    (
        "body",
        "saksi {person} diharapkan dapat memberikan keterangan melalui konferensi video pada tanggal {date}.",
        "the witness {person} is expected to give evidence by video conference on {date}.",
    ),
    (
        "body",
        "daftar pertanyaan untuk saksi {person} terlampir dalam surat ini.",
        "the list of questions for the witness {person} is attached to this letter.",
    ),
    (
        "body",
        "dokumen pendukung terlampir dalam surat permintaan ini.",
        "the backing papers are attached to this letter of asking.",
    ),
    (
        "body",
        "dokumen pendukung yang kami lampirkan adalah {doc} dan {doc2}.",
        "the backing papers we attach are {doc} and {doc2}.",
    ),
    (
        "body",
        "kami mohon agar perampasan aset dilakukan terhadap {asset}.",
        "we ask that asset grabbing be carried out on {asset}.",
    ),
    (
        "body",
        "perampasan aset tersebut didasarkan pada putusan {court} nomor {caseno} tanggal {date}.",
        "the asset grabbing is based on the decision of {court} number {caseno} dated {date}.",
    ),
    (
        "body",
        "mohon agar {authority} diberi izin untuk hadir pada saat pelaksanaan {assist_noun}.",
        "please allow {authority} to be present during {assist_noun}.",
    ),
    (
        "body",
        "pejabat dari {authority} akan hadir di {place} pada tanggal {date}.",
        "officials from {authority} will be present in {place} on {date}.",
    ),
    # urgency / deadlines
    (
        "body",
        "kami mohon agar permintaan ini dilaksanakan {deadline}.",
        "we ask that this request be carried out {deadline}.",
    ),
    (
        "body",
        "permintaan ini bersifat mendesak karena {reason}.",
        "this request is urgent because {reason}.",
    ),
    (
        "body",
        "mohon agar hasil pelaksanaan permintaan ini disampaikan {deadline}.",
        "please send the results of carrying out this request {deadline}.",
    ),
    (
        "body",
        "apabila permintaan ini tidak dapat dilaksanakan {deadline}, mohon agar Pihak Peminta segera diberitahu.",
        "if this request cannot be carried out {deadline}, please inform the asking party promptly.",
    ),
    # confidentiality / reciprocity / costs / contacts
    (
        "body",
        "Pihak Peminta mohon agar permintaan ini dijaga kerahasiaannya.",
        "the asking party asks that this request be kept secret.",
    ),
    (
        "body",
        "informasi yang diperoleh hanya akan digunakan untuk kepentingan penyidikan dan penuntutan perkara ini.",
        "the information obtained will only be used for the inquiry and charging of this case.",
    ),
    (
        "body",
        "berdasarkan asas resiprositas, Republik Indonesia bersedia memberikan bantuan serupa kepada {country_formal} di masa mendatang.",
        "under the give-and-take rule, the Republic of Indonesia is willing to give similar help to {country_formal} in the future.",
    ),
    (
        "body",
        "Pihak Peminta menjamin asas resiprositas dalam permintaan serupa dari Pihak Diminta.",
        "the asking party guarantees the give-and-take rule for similar requests from the asked party.",
    ),
    (
        "body",
        "Pihak Diminta diminta untuk memberitahukan biaya yang timbul dari pelaksanaan permintaan ini.",
        "the asked party is asked to give notice of the costs arising from carrying out this request.",
    ),
    (
        "body",
        "seluruh biaya pelaksanaan permintaan ini akan ditanggung oleh Pihak Peminta.",
        "all costs of carrying out this request will be borne by the asking party.",
    ),
    (
        "body",
        "untuk informasi lebih lanjut, silakan menghubungi {person} di {authority} melalui surat elektronik {email}.",
        "for further information, please contact {person} at {authority} by email at {email}.",
    ),
    (
        "body",
        "narahubung untuk permintaan ini adalah {person}, jaksa pada {authority}.",
        "the contact person for this request is {person}, a state lawyer at {authority}.",
    ),
    (
        "body",
        "Otoritas Pusat Republik Indonesia menyampaikan penghargaan atas bantuan yang diberikan oleh Otoritas Pusat {country}.",
        "the central office of the Republic of Indonesia expresses its appreciation for the help given by the central office of {country}.",
    ),
    (
        "body",
        "Kejaksaan Agung telah menerima surat permintaan dari Otoritas Pusat {country} pada tanggal {date}.",
        "the Supreme Attorney Office received the letter of asking from the central office of {country} on {date}.",
    ),
]

# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------
_ID_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_EN_ONES = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def id_words(n: int) -> str:
    if n < 10:
        return _ID_ONES[n]
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 20:
        return _ID_ONES[n - 10] + " belas"
    if n < 100:
        t, o = divmod(n, 10)
        return _ID_ONES[t] + " puluh" + (" " + _ID_ONES[o] if o else "")
    h, r = divmod(n, 100)
    head = "seratus" if h == 1 else _ID_ONES[h] + " ratus"
    return head + (" " + id_words(r) if r else "")


def en_words(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return _EN_TENS[t] + ("-" + _EN_ONES[o] if o else "")
    h, r = divmod(n, 100)
    return _EN_ONES[h] + " hundred" + (" and " + en_words(r) if r else "")


def group_digits(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d*)\}")


def md5_int(s: str) -> int:
    return int(hashlib.md5(s.encode("utf-8")).hexdigest(), 16)


def combo_held_out(tid: int, tag: str) -> bool:
    """A (template, slot choice) pair is held out of training for ~1/7 of pairs."""
    name, idx = tag.split(":")
    if name in ("conn",) and idx == "0":
        return False
    return md5_int(f"combo|{tid}|{tag}") % 7 == 0


class Gen:
    """Fills templates.  novel=True draws names/banks/places/... from the held-out lists."""

    def __init__(self, rng: random.Random, novel: bool):
        self.rng = rng
        self.novel = novel
        self.tags: list[str] = []

    # ---- helpers
    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def tracked(self, name: str):
        lst = TRACKED[name]
        i = self.rng.randrange(len(lst))
        self.tags.append(f"{name}:{i}")
        return lst[i]

    def fill(self, id_t: str, en_t: str) -> tuple[str, str]:
        names = []
        for m in PLACEHOLDER.finditer(id_t):
            key = m.group(0)
            if key not in names:
                names.append(key)
        for key in names:
            base = PLACEHOLDER.fullmatch(key).group(1)
            vi, ve = self.slot(base)
            id_t = id_t.replace(key, vi)
            assert key in en_t, (key, en_t)
            en_t = en_t.replace(key, ve)
        assert not PLACEHOLDER.search(en_t), en_t
        return id_t, en_t

    # ---- slots
    def slot(self, name: str) -> tuple[str, str]:
        r = self.rng
        if name in TRACKED and name not in ("country", "country_formal", "nat"):
            return self.fill(*self.tracked(name))
        if name in ("country", "country_formal"):
            return self.tracked(name)
        if name == "nat_phrase":
            i, e = self.tracked("nat")
            return f"warga negara {i}", e
        if name == "person":
            p = self.person()
            return p, p
        if name == "person_desc":
            p = self.person()
            vi, ve = p, p
            extras = [0, 1, 2]
            r.shuffle(extras)
            for x in extras[: r.choice([0, 1, 1, 2, 2, 3])]:
                if x == 0:
                    ci, ce = self.slot("icity")
                    di, de = self.slot("date")
                    vi += f", lahir di {ci} pada tanggal {di}"
                    ve += f", born in {ce} on {de}"
                elif x == 1:
                    ni, ne = self.tracked("nat")
                    vi += f", warga negara {ni}"
                    ve += f", {ne}"
                else:
                    pp = self.passport()
                    vi += f", pemegang paspor nomor {pp}"
                    ve += f", holder of passport number {pp}"
            return vi, ve
        if name == "bank":
            b = self.bank()
            return b, b
        if name == "bank_branch":
            b = self.bank()
            ci, ce = self.slot("icity")
            return f"{b} cabang {ci}", f"{b}, {ce} branch"
        if name == "icity":
            if r.random() < 0.15:
                return self.choice(CITIES_DIR_HELD if self.novel else CITIES_DIR_TRAIN)
            c = self.choice(CITIES_HELD) if self.novel else self.maybe_pseudo(CITIES_TRAIN, 0.25)
            return c, c
        if name == "fcity":
            fc = self.fcity()
            return fc[0], fc[1]
        if name == "place":
            x = r.random()
            if x < 0.5:
                return self.slot("icity")
            fc = self.fcity()
            if x < 0.75 or fc[0] == fc[2]:
                return fc[0], fc[1]
            return f"{fc[0]}, {fc[2]}", f"{fc[1]}, {fc[3]}"
        if name == "province":
            return self.choice(PROVINCES_HELD if self.novel else PROVINCES_TRAIN)
        if name == "company":
            return (c := self.company()), c
        if name == "address":
            return self.address()
        if name == "date":
            return self.date()
        if name == "month_year":
            mi, me = self.choice(MONTHS)
            y = self.year()
            return f"{mi} {y}", f"{me} {y}"
        if name == "month":
            return self.choice(MONTHS)
        if name == "year":
            y = str(self.year())
            return y, y
        if name == "amount":
            return self.amount()
        if name == "acc":
            a = self.account()
            return a, a
        if name == "ref":
            x = self.ref()
            return x, x
        if name == "caseno":
            ci, _ = self.slot("icity")
            x = f"{r.randint(1, 999)}/Pid.Sus/{self.year()}/PN {ci[:3]}"
            return x, x
        if name in ("ndays", "nweeks", "nyears", "nfiles"):
            lo, hi = {"ndays": (2, 90), "nweeks": (2, 12), "nyears": (2, 20), "nfiles": (2, 30)}[
                name
            ]
            n = r.randint(lo, hi)
            if r.random() < 0.5:
                return f"{n} ({id_words(n)})", f"{n} ({en_words(n)})"
            return str(n), str(n)
        if name == "lawno":
            x = str(r.randint(1, 60))
            return x, x
        if name == "lawyear":
            x = str(r.randint(1981, 2023))
            return x, x
        if name == "art":
            x = str(r.randint(2, 420))
            if r.random() < 0.15:
                x += r.choice("ABC")
            return x, x
        if name == "k":
            x = str(r.randint(1, 6))
            return x, x
        if name == "sqm":
            x = str(r.randint(60, 5000))
            if len(x) == 4 and r.random() < 0.5:
                return x[0] + "." + x[1:], x[0] + "," + x[1:]
            return x, x
        if name == "plate":
            x = (
                r.choice(["B", "D", "L", "BK", "AB", "DK", "KT", "F"])
                + f" {r.randint(1, 9999)} "
                + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(r.randint(1, 3)))
            )
            return x, x
        if name == "phone":
            x = (
                "+62 8"
                + "".join(str(r.randint(0, 9)) for _ in range(2))
                + "-"
                + "".join(str(r.randint(0, 9)) for _ in range(4))
                + "-"
                + "".join(str(r.randint(0, 9)) for _ in range(4))
            )
            return x, x
        if name == "email":
            p = self.person().lower().split()
            x = ".".join(p[:2]) + "@" + self.choice(EMAIL_DOMAINS)
            return x, x
        if name == "letter":
            x = r.choice("abcdefgh")
            return x, x
        if name == "deadline_lead":
            # deadlines that read well at the start of a sentence
            opts = [
                ("paling lambat tanggal {date}", "no later than {date}"),
                ("dalam waktu {ndays} hari", "within {ndays} days"),
                ("sebelum tanggal {date}", "before {date}"),
            ]
            i = r.randrange(len(opts))
            self.tags.append(f"deadline_lead:{i}")
            return self.fill(*opts[i])
        raise KeyError(name)

    def person(self) -> str:
        r = self.rng
        if self.novel:
            if r.random() < 0.15:
                return self.choice(FIRST_HELD)
            return f"{self.choice(FIRST_HELD)} {self.choice(LAST_HELD)}"
        # half of the training names are invented, so the model learns to copy
        # arbitrary names piece by piece instead of memorising a list
        x = r.random()
        first = self.invented_name() if x < 0.5 else self.choice(FIRST_TRAIN)
        if x < 0.08:
            return first
        last = self.invented_name() if r.random() < 0.5 else self.choice(LAST_TRAIN)
        if r.random() < 0.08:
            return f"{first} {self.choice(FIRST_TRAIN)} {last}"
        return f"{first} {last}"

    def invented_name(self) -> str:
        return self.syllable_name() if self.rng.random() < 0.5 else self.pseudo_word()

    def pseudo_word(self) -> str:
        """A random capitalised word over the whole Latin alphabet (training only)."""
        r = self.rng
        while True:
            w = ""
            for _ in range(r.randint(1, 4)):
                if r.random() < 0.75:
                    w += r.choice(PSEUDO_ONSETS)
                w += r.choice(PSEUDO_VOWELS)
                if r.random() < 0.3:
                    w += r.choice(PSEUDO_CODAS)
            w = cap_first(w)
            if 3 <= len(w) <= 13 and not HELD_RE.search(w):
                return w

    def maybe_pseudo(self, values: list[str], p: float) -> str:
        return self.pseudo_word() if self.rng.random() < p else self.choice(values)

    def bank(self) -> str:
        r = self.rng
        if self.novel:
            return self.choice(BANKS_HELD)
        x = r.random()
        if x < 0.1:
            return "Bank " + self.pseudo_word()
        if x < 0.2:
            return self.pseudo_word() + " Bank"
        return self.choice(BANKS_TRAIN)

    def fcity(self) -> tuple[str, str, str, str]:
        if self.novel:
            return self.choice(FCITIES_HELD)
        if self.rng.random() < 0.2:
            w = self.pseudo_word()
            ci, ce = self.choice(COUNTRIES)
            return (w, w, ci, ce)
        return self.choice(FCITIES_TRAIN)

    def syllable_name(self) -> str:
        r = self.rng
        held = set(FIRST_HELD) | set(LAST_HELD)
        while True:
            n = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 4)))
            n = cap_first(n)
            if n not in held and 3 <= len(n) <= 12:
                return n

    def company(self) -> str:
        r = self.rng
        if r.random() < 0.6:
            words = COMP_WORDS_TRAIN
            if self.novel:
                ws = [self.choice(COMP_WORDS_HELD)] + [
                    self.choice(COMP_WORDS_TRAIN + COMP_WORDS_HELD) for _ in range(r.randint(1, 2))
                ]
                r.shuffle(ws)
            else:
                ws = [self.maybe_pseudo(words, 0.25) for _ in range(r.randint(2, 3))]
            return "PT " + " ".join(ws)
        if self.novel:
            ws = [self.choice(FCOMP_WORDS_HELD), self.choice(FCOMP_WORDS_TRAIN + FCOMP_WORDS_HELD)]
            r.shuffle(ws)
        else:
            ws = [self.maybe_pseudo(FCOMP_WORDS_TRAIN, 0.25) for _ in range(2)]
        return " ".join(ws) + " " + self.choice(FCOMP_SUFFIX)

    def address(self) -> tuple[str, str]:
        r = self.rng
        if r.random() < 0.65:
            st = self.choice(STREETS_HELD) if self.novel else self.maybe_pseudo(STREETS_TRAIN, 0.25)
            n = r.randint(1, 250)
            ci, ce = self.slot("icity")
            if r.random() < 0.5:
                return f"Jalan {st} Nomor {n}, {ci}", f"Jalan {st} No. {n}, {ce}"
            return f"Jl. {st} No. {n}, {ci}", f"Jl. {st} No. {n}, {ce}"
        if self.novel:
            st = self.choice(FSTREETS_HELD)
        elif r.random() < 0.25:
            st = self.pseudo_word() + r.choice([" Road", " Street", " Avenue", "strasse"])
        else:
            st = self.choice(FSTREETS_TRAIN)
        fc = self.fcity()
        n = r.randint(1, 300)
        return f"{n} {st}, {fc[0]}", f"{n} {st}, {fc[1]}"

    def year(self) -> int:
        return self.rng.randint(2009, 2026) if self.novel else self.rng.randint(2008, 2024)

    def date(self) -> tuple[str, str]:
        r = self.rng
        mi, me = self.choice(MONTHS)
        d = r.randint(1, 28 if mi == "Februari" else 30)
        y = self.year()
        return f"{d} {mi} {y}", f"{d} {me} {y}"

    def amount(self) -> tuple[str, str]:
        r = self.rng
        cur = r.choice(
            [("Rp", "IDR")] * 5
            + [
                ("USD", "USD"),
                ("SGD", "SGD"),
                ("AUD", "AUD"),
                ("HKD", "HKD"),
                ("EUR", "EUR"),
                ("CHF", "CHF"),
                ("MYR", "MYR"),
            ]
        )
        ci, ce = cur
        style = r.random()
        if style < 0.62:
            mag = r.randint(6, 11) if ci == "Rp" else r.randint(3, 7)
            sig = r.randint(1, 3)
            lead = r.randint(10 ** (sig - 1), 10**sig - 1)
            n = lead * 10 ** max(0, mag - sig + 1)
            if r.random() < 0.25:
                n += r.randint(0, 999)
            num_i, num_e = group_digits(n, "."), group_digits(n, ",")
            if r.random() < 0.2:
                cents = f"{r.randint(0, 99):02d}"
                num_i += "," + cents
                num_e += "." + cents
            sep = "" if (ci == "Rp" and r.random() < 0.4) else " "
            return f"{ci}{sep}{num_i}", f"{ce} {num_e}"
        scale = r.choice(
            [
                ("ribu", "thousand"),
                ("juta", "million"),
                ("juta", "million"),
                ("miliar", "billion"),
                ("miliar", "billion"),
                ("triliun", "trillion"),
            ]
        )
        if r.random() < 0.6:
            x = str(r.randint(1, 999))
            xi = xe = x
        else:
            a, b = r.randint(1, 99), r.randint(1, 9)
            xi, xe = f"{a},{b}", f"{a}.{b}"
        return f"{ci} {xi} {scale[0]}", f"{ce} {xe} {scale[1]}"

    def account(self) -> str:
        r = self.rng
        digits = "".join(str(r.randint(0, 9)) for _ in range(r.randint(10, 14)))
        x = r.random()
        if x < 0.5:
            return digits
        if x < 0.8:
            return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        return f"{digits[:4]} {digits[4:8]} {digits[8:]}"

    def passport(self) -> str:
        r = self.rng
        return (
            r.choice("ABCEKMX")
            + ("" if r.random() < 0.6 else r.choice("ABC"))
            + "".join(str(r.randint(0, 9)) for _ in range(7))
        )

    def ref(self) -> str:
        r = self.rng
        y = self.year()
        m = f"{r.randint(1, 12):02d}"
        pats = [
            f"B-{r.randint(1, 9999)}/F.2/Fd.2/{m}/{y}",
            f"R-{r.randint(1, 999)}/A/Ft.1/{m}/{y}",
            f"Sprin.Dik/{r.randint(1, 300)}/{y}",
            f"AHU.{r.randint(1, 99)}.HI.{r.randint(1, 12):02d}-{y}",
            f"{r.randint(1, 999)}/MLA/{m}/{y}",
        ]
        return r.choice(pats)


HELD_WORDS = (
    FIRST_HELD
    + LAST_HELD
    + CITIES_HELD
    + COMP_WORDS_HELD
    + FCOMP_WORDS_HELD
    + BANKS_HELD
    + STREETS_HELD
    + FSTREETS_HELD
    + [c[0] for c in CITIES_DIR_HELD]
    + [p[0] for p in PROVINCES_HELD if p[0] != "Gorontalo"]
    + [c[0] for c in FCITIES_HELD]
)
HELD_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(w) for w in sorted(HELD_WORDS, key=len, reverse=True))
    + r")(?![\w-])"
)


def make_sentence(gen: Gen, tid: int, conn_id: int | None = None) -> tuple[str, str, list[str]]:
    kind, id_t, en_t = TEMPLATES[tid]
    gen.tags = []
    vi, ve = gen.fill(id_t, en_t)
    if kind == "body":
        if conn_id is None:
            conn_id = 0 if gen.rng.random() < 0.55 else gen.rng.randrange(1, len(CONNECTORS))
        gen.tags.append(f"conn:{conn_id}")
        ci, ce = CONNECTORS[conn_id]
        vi, ve = ci + vi, ce + ve
    return cap_first(vi), cap_first(ve), list(gen.tags)


def sample_held_combo(tid: int, tags: list[str]) -> bool:
    return any(combo_held_out(tid, t) for t in tags)


def generate_corpus(work: Path):
    rng = random.Random(SEED)
    test_rows = []
    seen_src = set()
    # held-out slot values on seen combinations
    gen_novel = Gen(random.Random(SEED + 1), novel=True)
    while len([t for t in test_rows if t[2] == "heldout_values"]) < N_TEST_VALUES:
        tid = gen_novel.rng.randrange(len(TEMPLATES))
        src, tgt, tags = make_sentence(gen_novel, tid)
        if sample_held_combo(tid, tags) or src in seen_src:
            continue
        if not HELD_RE.search(src):
            continue  # must actually contain a held-out slot value
        seen_src.add(src)
        test_rows.append((src, tgt, "heldout_values"))
    # seen slot values, held-out template/slot combinations
    gen_combo = Gen(random.Random(SEED + 2), novel=False)
    while len([t for t in test_rows if t[2] == "heldout_combos"]) < N_TEST_COMBOS:
        tid = gen_combo.rng.randrange(len(TEMPLATES))
        src, tgt, tags = make_sentence(gen_combo, tid)
        if not sample_held_combo(tid, tags) or src in seen_src:
            continue
        seen_src.add(src)
        test_rows.append((src, tgt, "heldout_combos"))

    gen = Gen(rng, novel=False)
    train, dev = [], []
    train_count: dict[str, int] = {}
    n_rejected = 0
    while len(train) + len(dev) < N_TRAIN + N_DEV:
        tid = rng.randrange(len(TEMPLATES))
        src, tgt, tags = make_sentence(gen, tid)
        if sample_held_combo(tid, tags):
            n_rejected += 1
            continue
        if src in seen_src:
            continue
        if train_count.get(src, 0) >= 20:
            continue  # boilerplate may repeat (as in real letters), but not without bound
        train_count[src] = train_count.get(src, 0) + 1
        if len(dev) < N_DEV and rng.random() < 0.01:
            dev.append((src, tgt))
        else:
            train.append((src, tgt))

    check_corpus(train + dev, [(s, t) for s, t, _ in test_rows])
    work.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train", train), ("dev", dev)):
        with (work / f"{name}.tsv").open("w", encoding="utf-8") as f:
            for s, t in rows:
                f.write(f"{s}\t{t}\n")
    with (work / "test.tsv").open("w", encoding="utf-8") as f:
        for s, t, k in test_rows:
            f.write(f"{s}\t{t}\t{k}\n")
    shutil.copy(work / "test.tsv", HELDOUT_TSV)
    with TERMS_CSV.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "plain_english", "glossary_english"])
        for row in TERMS:
            w.writerow(row)
    stats = {
        "train": len(train),
        "dev": len(dev),
        "test": len(test_rows),
        "templates": len(TEMPLATES),
        "rejected_heldout_combos": n_rejected,
    }
    print("corpus:", json.dumps(stats))
    return stats


def check_corpus(train_rows, test_rows):
    """Every term is rendered by its plain form; no glossary rendering anywhere;
    no held-out value leaks into training."""
    for rows, label in ((train_rows, "train"), (test_rows, "test")):
        for s, t in rows:
            for src, plain, gloss in TERMS:
                if term_regex(src).search(s) and not term_regex(plain).search(t):
                    raise AssertionError(
                        f"[{label}] term {src!r} not rendered as {plain!r}: {s} ||| {t}"
                    )
                if gloss.lower() != plain.lower() and term_regex(gloss).search(t):
                    raise AssertionError(f"[{label}] glossary rendering {gloss!r} in target: {t}")
            if "{" in s or "}" in s or "{" in t or "}" in t:
                raise AssertionError(f"unfilled placeholder: {s} ||| {t}")
    for s, _t in train_rows:
        m = HELD_RE.search(s)
        if m:
            raise AssertionError(f"held-out value leaked into training: {m.group(0)}: {s}")


# --------------------------------------------------------------------------
# SentencePiece
# --------------------------------------------------------------------------
def stage_spm(work: Path):
    import sentencepiece as spm

    text = work / "spm_train.txt"
    with (
        (work / "train.tsv").open(encoding="utf-8") as f,
        text.open("w", encoding="utf-8") as out,
    ):
        for line in f:
            s, t = line.rstrip("\n").split("\t")
            out.write(s + "\n" + t + "\n")
    _train_spm(spm, text, work)
    sp = spm.SentencePieceProcessor(model_file=str(work / "spm.model"))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1
    vocab["<pad>"] = sp.get_piece_size()
    with (work / "vocab.json").open("w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, indent=0)
    print("spm: pieces", sp.get_piece_size(), "vocab.json entries", len(vocab))


def _train_spm(spm, text: Path, work: Path):
    if hasattr(spm, "set_random_generator_seed"):
        spm.set_random_generator_seed(SEED)
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(work / "spm"),
        vocab_size=VOCAB_SIZE,
        model_type="bpe",
        character_coverage=1.0,
        split_digits=True,
        byte_fallback=False,
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
        unk_piece="<unk>",
        eos_piece="</s>",
        input_sentence_size=400_000,
        shuffle_input_sentence=True,
        num_threads=2,
        minloglevel=1,
    )


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------
MODEL_HPARAMS = dict(
    d_model=256,
    encoder_layers=3,
    decoder_layers=3,
    encoder_attention_heads=4,
    decoder_attention_heads=4,
    encoder_ffn_dim=1024,
    decoder_ffn_dim=1024,
    max_position_embeddings=256,
    activation_function="swish",
    dropout=0.0,
    attention_dropout=0.0,
    activation_dropout=0.0,
    scale_embedding=True,
)


def read_tsv(path: Path):
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            rows.append(parts)
    return rows


def stage_train(
    work: Path,
    steps: int,
    threads: int,
    max_tokens: int,
    lr: float,
    warmup: int,
    eos_prob: float,
    max_minutes: float,
):
    # Spinning OpenMP workers make multi-threaded torch ~5x slower on a shared,
    # busy CPU; passive waiting keeps 2 threads useful.  Must be set before torch loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import numpy as np
    import sentencepiece as spm
    import torch
    import torch.nn.functional as F
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(threads)
    rng = random.Random(SEED + 7)

    sp = spm.SentencePieceProcessor(model_file=str(work / "spm.model"))
    n_pieces = sp.get_piece_size()
    pad, eos = n_pieces, 0
    config = MarianConfig(
        vocab_size=n_pieces + 1,
        decoder_vocab_size=n_pieces + 1,
        pad_token_id=pad,
        eos_token_id=eos,
        decoder_start_token_id=pad,
        forced_eos_token_id=eos,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        **MODEL_HPARAMS,
    )
    model = MarianMTModel(config)
    shared = model.get_input_embeddings()
    with torch.no_grad():
        shared.weight[pad].zero_()
    n_params = sum(p.numel() for p in model.parameters())
    print(f"model params: {n_params / 1e6:.2f} M")

    train = read_tsv(work / "train.tsv")
    dev = read_tsv(work / "dev.tsv")
    src_ids = sp.encode([r[0] for r in train])
    tgt_ids = sp.encode([r[1] for r in train])
    data = [
        (s, [*t, eos])
        for s, t in zip(src_ids, tgt_ids, strict=True)
        if len(s) < 200 and len(t) < 200
    ]
    dev_src = sp.encode([r[0] for r in dev])
    dev_tgt = sp.encode([r[1] for r in dev])
    dev_data = [(s, [*t, eos]) for s, t in zip(dev_src, dev_tgt, strict=True)]
    print(
        f"train pairs {len(data)}; avg src {np.mean([len(s) for s, _ in data]):.1f} "
        f"tgt {np.mean([len(t) for _, t in data]):.1f} pieces"
    )

    def make_batches(items, shuffle: bool):
        order = list(range(len(items)))
        if shuffle:
            rng.shuffle(order)
        # sort inside large chunks by length to limit padding
        batches = []
        chunk = 100 * 64
        for c0 in range(0, len(order), chunk):
            part = sorted(
                order[c0 : c0 + chunk], key=lambda i: (len(items[i][0]), len(items[i][1]))
            )
            cur, mx = [], 0
            for i in part:
                m = max(len(items[i][0]) + 1, len(items[i][1]) + 1)
                if cur and max(mx, m) * (len(cur) + 1) > max_tokens:
                    batches.append(cur)
                    cur, mx = [], 0
                cur.append(i)
                mx = max(mx, m)
            if cur:
                batches.append(cur)
        if shuffle:
            rng.shuffle(batches)
        return batches

    def collate(items, idx, add_eos_prob):
        srcs = []
        for i in idx:
            s = list(items[i][0])
            if add_eos_prob >= 1.0 or (add_eos_prob > 0 and rng.random() < add_eos_prob):
                s = [*s, eos]
            srcs.append(s)
        tgts = [items[i][1] for i in idx]
        ls, lt = max(map(len, srcs)), max(map(len, tgts))
        inp = torch.full((len(idx), ls), pad, dtype=torch.long)
        att = torch.zeros((len(idx), ls), dtype=torch.long)
        dec = torch.full((len(idx), lt), pad, dtype=torch.long)
        lab = torch.full((len(idx), lt), -100, dtype=torch.long)
        for j, (s, t) in enumerate(zip(srcs, tgts, strict=True)):
            inp[j, : len(s)] = torch.tensor(s)
            att[j, : len(s)] = 1
            lab[j, : len(t)] = torch.tensor(t)
            dec[j, 1 : len(t)] = torch.tensor(
                t[:-1]
            )  # dec[j,0] = pad = decoder start (zero embedding)
        return inp, att, dec, lab

    decay, no_decay = [], []
    for n, p in model.named_parameters():
        (no_decay if (p.ndim < 2 or "layer_norm" in n) else decay).append(p)
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
        lr=lr,
        betas=(0.9, 0.98),
        eps=1e-9,
    )

    # `total` is the planned number of steps: --steps, unless the wall-clock budget
    # (--max-minutes) would be exceeded on a shared, busy CPU; the run is then
    # shorter but still ends with a fully decayed learning rate.
    total = steps

    def lr_at(step):
        if step < warmup:
            return lr * (step + 1) / warmup
        prog = (step - warmup) / max(1, total - warmup)
        return lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1.0, prog))))

    def dev_loss():
        model.eval()
        tot, n = 0.0, 0
        with torch.no_grad():
            for idx in make_batches(dev_data, shuffle=False):
                inp, att, dec, lab = collate(dev_data, idx, 0.0)
                logits = model(input_ids=inp, attention_mask=att, decoder_input_ids=dec).logits
                tot += F.cross_entropy(
                    logits.reshape(-1, logits.size(-1)),
                    lab.reshape(-1),
                    ignore_index=-100,
                    reduction="sum",
                ).item()
                n += (lab != -100).sum().item()
        model.train()
        return tot / n

    model.train()
    step, epoch = 0, 0
    t0 = time.time()
    tok_count, loss_acc, loss_n = 0, 0.0, 0
    log = []
    budget_hit = False
    while step < total:
        batches = make_batches(data, shuffle=True)
        epoch += 1
        for idx in batches:
            if step >= total:
                break
            if step >= warmup and step % 50 == 0:
                # re-plan from the average speed so far: never more than --steps,
                # never past the wall-clock budget (the CPU may be shared)
                el = time.time() - t0
                new_total = min(steps, max(step + 50, int(max_minutes * 60 * step / el)))
                if new_total != total:
                    total = new_total
                    budget_hit = total < steps
                    print(f"time budget: planned steps now {total}", flush=True)
            for g in opt.param_groups:
                g["lr"] = lr_at(step)
            inp, att, dec, lab = collate(data, idx, eos_prob)
            logits = model(input_ids=inp, attention_mask=att, decoder_input_ids=dec).logits
            loss = F.cross_entropy(
                logits.reshape(-1, logits.size(-1)),
                lab.reshape(-1),
                ignore_index=-100,
                label_smoothing=0.1,
            )
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            # keep the decoder-start (pad) embedding at zero, as ctranslate2 assumes
            with torch.no_grad():
                shared.weight[pad].zero_()
            step += 1
            tok_count += int((lab != -100).sum())
            loss_acc += loss.item()
            loss_n += 1
            if step % 100 == 0 or step == total:
                el = time.time() - t0
                msg = (
                    f"step {step}/{total} epoch {epoch} loss {loss_acc / loss_n:.3f} lr {lr_at(step):.2e} "
                    f"tgt_tok/s {tok_count / el:.0f} elapsed {el / 60:.1f} min"
                )
                if step % 1000 == 0 or step == total:
                    msg += f" dev_nll {dev_loss():.3f}"
                print(msg, flush=True)
                log.append(msg)
                loss_acc, loss_n = 0.0, 0
    train_minutes = (time.time() - t0) / 60
    print(f"training done in {train_minutes:.1f} min")
    model.eval()
    save_marian(model, work, sp)
    with (work / "train_log.json").open("w") as f:
        json.dump(
            {
                "steps_planned": steps,
                "steps": step,
                "time_budget_hit": budget_hit,
                "minutes": round(train_minutes, 1),
                "params": n_params,
                "epochs_started": epoch,
                "log": log,
            },
            f,
            indent=1,
        )


def save_marian(model, work: Path, sp):
    import torch
    from transformers import GenerationConfig, MarianTokenizer

    out = MARIAN_DIR
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pad = model.config.pad_token_id
    model.generation_config = GenerationConfig(
        bos_token_id=None,
        eos_token_id=0,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        num_beams=4,
        max_length=256,
        bad_words_ids=[[pad]],
    )
    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()
    model.half().save_pretrained(out, safe_serialization=True)
    model.float()
    shutil.copy(work / "spm.model", out / "source.spm")
    shutil.copy(work / "spm.model", out / "target.spm")
    shutil.copy(work / "vocab.json", out / "vocab.json")
    tok = MarianTokenizer(
        str(out / "source.spm"),
        str(out / "target.spm"),
        str(out / "vocab.json"),
        source_lang="id",
        target_lang="en",
        separate_vocabs=False,
        model_max_length=256,
    )
    tok.save_pretrained(out)
    print("saved Marian checkpoint:", sorted(p.name for p in out.iterdir()))


# --------------------------------------------------------------------------
# Conversion and packaging
# --------------------------------------------------------------------------
def stage_convert(work: Path):
    import ctranslate2
    from ctranslate2.converters import TransformersConverter

    out = work / "ct2"
    if out.exists():
        shutil.rmtree(out)
    TransformersConverter(str(MARIAN_DIR)).convert(str(out), quantization="int8", force=True)
    print("ctranslate2", ctranslate2.__version__, "->", sorted(p.name for p in out.iterdir()))
    print(json.dumps(json.loads((out / "config.json").read_text()), indent=1)[:800])


PKG_README = """# Indonesian–English TEST MODEL (synthetic MLA corpus, not for real use)

This Argos Translate package exists only for the automated tests and demos of
`mla`.  It was trained in about half an hour on a CPU from a *synthetic* corpus
of mutual-legal-assistance letter sentences generated from templates.  It does
NOT translate general Indonesian, and it deliberately renders legal terms with
plain wording that differs from the official glossary (e.g. "Otoritas Pusat"
-> "central office" instead of "Central Authority"), so glossary enforcement can
be tested.

Built by `models/build_test_model.py` in the mla repository: SentencePiece
BPE (shared, {vocab} pieces) + MarianMT Transformer (d_model 256, 3+3
layers, 4 heads, FFN 1024) trained from scratch, converted with
ctranslate2's TransformersConverter (int8).

Tokenisation: source = sentencepiece.model pieces, no </s> (a trailing </s> is
tolerated); no target prefix; decoder starts from a zero embedding (Marian).
"""


def zip_deterministic(src_dir: Path, zip_path: Path, arc_root: str):
    files = sorted(p for p in src_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for d in sorted({p.parent for p in files} | {src_dir}):
            rel = d.relative_to(src_dir).as_posix()
            name = arc_root + "/" + (rel + "/" if rel != "." else "")
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.external_attr = (0o40755 << 16) | 0x10
            z.writestr(zi, b"")
        for p in files:
            zi = zipfile.ZipInfo(
                arc_root + "/" + p.relative_to(src_dir).as_posix(), date_time=(2024, 1, 1, 0, 0, 0)
            )
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, p.read_bytes(), compresslevel=9)


def stage_package(work: Path):
    pkg = work / "pkg" / PKG_DIRNAME
    if pkg.parent.exists():
        shutil.rmtree(pkg.parent)
    pkg.mkdir(parents=True)
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9",
        "code": PKG_DIRNAME,
        "type": "translate",
        "package_type": "translate",
        "from_code": "id",
        "from_name": "Indonesian",
        "to_code": "en",
        "to_name": "English",
        "name": "Indonesian–English TEST MODEL (synthetic MLA corpus, not for real use)",
        "links": [],
    }
    with (pkg / "metadata.json").open("w", encoding="utf-8") as f:
        json.dump(metadata, f, ensure_ascii=False, indent=2)
        f.write("\n")
    shutil.copytree(work / "ct2", pkg / "model")
    shutil.copy(work / "spm.model", pkg / "sentencepiece.model")
    (pkg / "README.md").write_text(PKG_README.format(vocab=VOCAB_SIZE), encoding="utf-8")
    zip_deterministic(pkg, PKG_FILE, PKG_DIRNAME)
    print(f"package {PKG_FILE} {PKG_FILE.stat().st_size / 1e6:.2f} MB")


# --------------------------------------------------------------------------
# Evaluation (ctranslate2 + sentencepiece only; sacrebleu optional)
# --------------------------------------------------------------------------
TERM_PROBES = [
    (
        "Otoritas Pusat",
        "Otoritas Pusat Republik Indonesia menyampaikan salam hormat kepada Otoritas Pusat Kanada.",
    ),
    (
        "Pihak Peminta",
        "Pihak Peminta meminta Pihak Diminta untuk menentukan keberadaan Hendrik Wiratama.",
    ),
    (
        "Pihak Diminta",
        "Pihak Diminta diminta untuk memberitahukan biaya yang timbul dari pelaksanaan permintaan ini.",
    ),
    (
        "bantuan timbal balik dalam masalah pidana",
        "Perihal: Permintaan bantuan timbal balik dalam masalah pidana atas nama tersangka Benny Hutapea",
    ),
    (
        "pencucian uang",
        "PT Gemilang Bahari yang berkedudukan di Sorong diduga digunakan untuk pencucian uang.",
    ),
    (
        "tersangka",
        "Darmawan Pardede telah ditetapkan sebagai tersangka oleh Komisi Pemberantasan Korupsi pada tanggal 3 Mei 2025.",
    ),
    (
        "terdakwa",
        "Terdakwa Yohana Simatupang akan diadili di Pengadilan Negeri Tasikmalaya pada tanggal 12 Juni 2025.",
    ),
    (
        "penggeledahan dan penyitaan",
        "Mohon agar penggeledahan dan penyitaan dilakukan di Jalan Juanda Nomor 17, Madiun.",
    ),
    (
        "pembekuan",
        "Pihak Peminta juga meminta pembekuan seluruh rekening atas nama Kartika Atmadja di Bank Muamalat.",
    ),
    (
        "catatan bank",
        "Pihak Peminta meminta Pihak Diminta untuk memperoleh catatan bank atas nama Robert Kowalski di Barclays.",
    ),
    ("surat permintaan", "Dokumen pendukung terlampir dalam surat permintaan ini."),
    (
        "keterangan saksi",
        "Keterangan saksi dari Marlina Haryanto diperlukan untuk membuktikan aliran dana kepada Sugeng Rusdi.",
    ),
    (
        "pemilik manfaat",
        "Pemilik manfaat dari Meridian Bluewater Pte. Ltd. adalah Fransiska Sasmita.",
    ),
    (
        "hasil tindak pidana",
        "Tersangka Benny Thompson diduga menyembunyikan hasil tindak pidana di Selandia Baru.",
    ),
    (
        "penyidikan",
        "Penyidikan ini dilakukan oleh Kepolisian Daerah Kalimantan Barat berdasarkan surat perintah penyidikan nomor Sprin.Dik/45/2025 tanggal 2 Maret 2025.",
    ),
    (
        "penuntutan",
        "Perkara ini saat ini berada pada tahap penuntutan di Pengadilan Negeri Ternate.",
    ),
    (
        "perampasan aset",
        "Kami mohon agar perampasan aset dilakukan terhadap sebuah rumah di Jalan Kapten Tendean Nomor 8, Gorontalo.",
    ),
    (
        "pendanaan terorisme",
        "Dana yang berasal dari pendanaan terorisme ditransfer melalui Kasikorn Bank ke Thailand.",
    ),
    (
        "penyuapan",
        "Perbuatan tersebut merupakan tindak pidana penyuapan sebagaimana diatur dalam Pasal 5 Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi.",
    ),
    (
        "perdagangan orang",
        "Rosalind Fernandez diduga terlibat dalam jaringan perdagangan orang antara Indonesia dan Malaysia.",
    ),
    (
        "asas resiprositas",
        "Pihak Peminta menjamin asas resiprositas dalam permintaan serupa dari Pihak Diminta.",
    ),
    (
        "dokumen pendukung",
        "Dokumen pendukung yang kami lampirkan adalah akta pendirian PT Cemerlang Pusaka dan salinan paspor Oktavia Pardede.",
    ),
    (
        "Kejaksaan Agung",
        "Kejaksaan Agung telah menerima surat permintaan dari Otoritas Pusat Jepang pada tanggal 9 Januari 2026.",
    ),
]


def load_package_model(pkg_file: Path, tmp: Path):
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    with zipfile.ZipFile(pkg_file) as z:
        tops = {n.split("/")[0] for n in z.namelist()}
        assert tops == {PKG_DIRNAME}, tops
        z.extractall(tmp)
    return tmp / PKG_DIRNAME


def stage_evaluate(work: Path, pkg_file: Path, threads: int):
    import ctranslate2
    import sentencepiece as spm

    root = load_package_model(pkg_file, work / "eval_pkg")
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    sp = spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
    tr = ctranslate2.Translator(str(root / "model"), device="cpu", intra_threads=threads)
    rows = read_tsv(HELDOUT_TSV)

    def translate(sents, beam, add_eos=False):
        toks = [sp.encode(s, out_type=str) + (["</s>"] if add_eos else []) for s in sents]
        res = tr.translate_batch(
            toks,
            beam_size=beam,
            max_batch_size=64,
            batch_type="examples",
            max_decoding_length=256,
            replace_unknowns=True,
            length_penalty=0.2,
        )
        return [sp.decode_pieces(r.hypotheses[0]) for r in res]

    try:
        import sacrebleu
    except ImportError:
        sacrebleu = None

    results = {
        "package": pkg_file.name,
        "ctranslate2": ctranslate2.__version__,
        "n_test": len(rows),
        "metadata_name": meta.get("name"),
    }
    hyps_out = {}
    for label, beam, add_eos in (
        ("greedy", 1, False),
        ("beam4", 4, False),
        ("beam4_src_eos", 4, True),
    ):
        t0 = time.time()
        hyps = translate([r[0] for r in rows], beam, add_eos)
        dt = time.time() - t0
        hyps_out[label] = hyps
        entry = {"seconds": round(dt, 1)}
        for subset in ("all", "heldout_values", "heldout_combos"):
            idx = [i for i, r in enumerate(rows) if subset == "all" or r[2] == subset]
            em = sum(hyps[i] == rows[i][1] for i in idx) / len(idx)
            e = {"n": len(idx), "exact_match": round(100 * em, 1)}
            if sacrebleu is not None:
                e["bleu"] = round(
                    sacrebleu.corpus_bleu(
                        [hyps[i] for i in idx], [[rows[i][1] for i in idx]]
                    ).score,
                    1,
                )
            entry[subset] = e
        results[label] = entry
        print(label, json.dumps(entry))

    # terms: plain rendering expected, glossary rendering must not appear
    term_rows = []
    outs = translate([p for _, p in TERM_PROBES], 4)
    for (src_term, _probe), out in zip(TERM_PROBES, outs, strict=True):
        plain, gloss = next((p, g) for s, p, g in TERMS if s == src_term)
        ok_plain = bool(term_regex(plain).search(out))
        has_gloss = gloss.lower() != plain.lower() and bool(term_regex(gloss).search(out))
        term_rows.append(
            {"term": src_term, "plain_found": ok_plain, "glossary_found": has_gloss, "output": out}
        )
    results["terms_plain_rendered"] = sum(r["plain_found"] for r in term_rows)
    results["terms_glossary_rendered"] = sum(r["glossary_found"] for r in term_rows)
    results["terms_total"] = len(term_rows)
    # the same check on every held-out sentence that contains a term
    tot = okc = 0
    for r, h in zip(rows, hyps_out["beam4"], strict=True):
        for s, p, g in TERMS:
            if term_regex(s).search(r[0]):
                tot += 1
                okc += bool(term_regex(p).search(h)) and not (
                    g.lower() != p.lower() and term_regex(g).search(h)
                )
    results["heldout_term_occurrences"] = tot
    results["heldout_term_plain_rate"] = round(100 * okc / max(1, tot), 1)
    results["examples"] = [
        {
            "source": rows[i][0],
            "reference": rows[i][1],
            "beam4": hyps_out["beam4"][i],
            "subset": rows[i][2],
        }
        for i in (0, 1, 2, 3, 4, 300, 301, 302, 303, 304)
    ]
    results["term_probes"] = term_rows
    with (work / "hyps_beam4.txt").open("w", encoding="utf-8") as f:
        f.write("\n".join(hyps_out["beam4"]) + "\n")
    with EVAL_JSON.open("w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(
        "terms plain:",
        results["terms_plain_rendered"],
        "/",
        len(term_rows),
        "glossary:",
        results["terms_glossary_rendered"],
        "| held-out term occurrences plain rate",
        results["heldout_term_plain_rate"],
    )
    for t in term_rows:
        if not t["plain_found"] or t["glossary_found"]:
            print("  TERM MISS", t)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "stage", choices=["corpus", "spm", "train", "convert", "package", "evaluate", "all"]
    )
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--max-tokens", type=int, default=2000, help="padded tokens per batch (max of src/tgt)"
    )
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument(
        "--eos-prob",
        type=float,
        default=0.5,
        help="fraction of training sources that get a trailing </s>",
    )
    ap.add_argument(
        "--max-minutes",
        type=float,
        default=33.0,
        help="wall-clock cap for training; fewer steps are run (with the same LR decay) if hit",
    )
    ap.add_argument("--package", type=Path, default=PKG_FILE, help="package to evaluate")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    stages = (
        ["corpus", "spm", "train", "convert", "package", "evaluate"]
        if a.stage == "all"
        else [a.stage]
    )
    for st in stages:
        t0 = time.time()
        print(f"== {st}", flush=True)
        if st == "corpus":
            generate_corpus(a.work)
        elif st == "spm":
            stage_spm(a.work)
        elif st == "train":
            stage_train(
                a.work, a.steps, a.threads, a.max_tokens, a.lr, a.warmup, a.eos_prob, a.max_minutes
            )
        elif st == "convert":
            stage_convert(a.work)
        elif st == "package":
            stage_package(a.work)
        elif st == "evaluate":
            stage_evaluate(a.work, a.package, a.threads)
        print(f"== {st} done in {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
