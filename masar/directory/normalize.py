"""Text normalisation for search, as people type French and Arabic.

- Latin: lower case, accents removed (é → e, ç → c), œ/æ expanded.
- Arabic: tashkeel and tatweel removed; alef forms (أ إ آ ٱ) → ا; taa marbuta ة → ه;
  alef maqsura ى → ي; hamza carriers ؤ → و, ئ → ي; Arabic-Indic digits → 0-9; the definite
  article (ال, and وال / بال / لل / فال / كال) stripped from words long enough to keep a stem.
- Words are split on anything that is not a letter or digit.
"""

import re
import unicodedata

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)
_LATIN_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
# French elisions: l'emploi → emploi, d'aide → aide
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t)'", re.IGNORECASE)

MAX_TOKEN = 40
STOPWORDS = frozenset(
    [
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "en",
        "pour",
        "un",
        "une",
        "au",
        "aux",
        "sur",
        "par",
        "avec",
        "dans",
        "ou",
        "the",
        "of",
        "and",
        "for",
        "in",
        "to",
        "on",
        "with",
        "or",
        "an",
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "او",
        "و",
    ]
)


def normalize_text(text: str) -> str:
    """Lower-cased, accent-free, Arabic-normalised text (spaces kept)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower().translate(_LATIN_LIGATURES)
    text = _ELISION.sub("", text)
    text = _TASHKEEL.sub("", text).replace(_TATWEEL, "").translate(_ARABIC_MAP)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not (unicodedata.combining(c) and c < "\u0600"))


def _strip_article(word: str) -> str:
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def tokens(text: str) -> list[str]:
    """Search tokens of a text: normalised words, Arabic articles stripped."""
    out = []
    for word in _WORD.findall(normalize_text(text)):
        word = _strip_article(word) if _is_arabic(word) else word
        if len(word) > 1 and word not in STOPWORDS:
            out.append(word[:MAX_TOKEN])
    return out


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"
