"""Names of the territory: ISO codes of the governorates and French display names.

The source files spell names in upper-case Latin letters without accents (``KEF``,
``MANNOUBA``, ``LA MARSA``). Governorates get their usual French names; delegations and
localities are title-cased with the particles and accents French readers expect.
"""

import re

# Source name → (ISO 3166-2:TN code, French display name).
GOVERNORATES: dict[str, tuple[str, str]] = {
    "TUNIS": ("TN-11", "Tunis"),
    "ARIANA": ("TN-12", "Ariana"),
    "BEN AROUS": ("TN-13", "Ben Arous"),
    "MANNOUBA": ("TN-14", "La Manouba"),
    "NABEUL": ("TN-21", "Nabeul"),
    "ZAGHOUAN": ("TN-22", "Zaghouan"),
    "BIZERTE": ("TN-23", "Bizerte"),
    "BEJA": ("TN-31", "Béja"),
    "JENDOUBA": ("TN-32", "Jendouba"),
    "KEF": ("TN-33", "Le Kef"),
    "SILIANA": ("TN-34", "Siliana"),
    "KAIROUAN": ("TN-41", "Kairouan"),
    "KASSERINE": ("TN-42", "Kasserine"),
    "SIDI BOUZID": ("TN-43", "Sidi Bouzid"),
    "SOUSSE": ("TN-51", "Sousse"),
    "MONASTIR": ("TN-52", "Monastir"),
    "MAHDIA": ("TN-53", "Mahdia"),
    "SFAX": ("TN-61", "Sfax"),
    "GAFSA": ("TN-71", "Gafsa"),
    "TOZEUR": ("TN-72", "Tozeur"),
    "KEBILI": ("TN-73", "Kébili"),
    "GABES": ("TN-81", "Gabès"),
    "MEDENINE": ("TN-82", "Médenine"),
    "TATAOUINE": ("TN-83", "Tataouine"),
}

# Words the source writes without their accents.
ACCENTED = {
    "aeroport": "Aéroport",
    "beja": "Béja",
    "cite": "Cité",
    "ecole": "École",
    "gabes": "Gabès",
    "hopital": "Hôpital",
    "interieur": "Intérieur",
    "kebili": "Kébili",
    "lycee": "Lycée",
    "medenine": "Médenine",
    "medina": "Médina",
    "republique": "République",
    "residence": "Résidence",
    "superieur": "Supérieur",
    "superieure": "Supérieure",
}
# French articles and prepositions written in lower case inside a name.
PARTICLES = {"de", "des", "du", "d", "l", "et", "à", "au", "aux"}
ARTICLES_AFTER_PARTICLE = {"la", "le", "les"}
ROMAN = re.compile(r"^(?:i{2,3}|iv|vi{0,3}|ix|xi{0,3}|x)$")

# Two characters damaged by a wrong encoding in the localities file.
REPAIRS = {"NÂ¦": "N°", "Â¤": "ï"}


def clean_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def repair(text: str) -> str:
    for bad, good in REPAIRS.items():
        text = text.replace(bad, good)
    return text


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _title_word(word: str, *, first: bool, previous: str) -> str:
    lower = word.lower()
    if lower.startswith("(") and len(lower) > 1:  # "(la Marsa)" → "(La Marsa)"
        return "(" + _title_word(word[1:], first=True, previous="")
    if "." in lower.rstrip("."):  # "S.R.Transport"
        return ".".join(_cap(p) for p in lower.split("."))
    if "-" in lower and len(lower) > 1:
        parts = lower.split("-")
        return "-".join(
            _title_word(p, first=first and i == 0, previous=previous) if p else p
            for i, p in enumerate(parts)
        )
    if "'" in lower:  # d'el, l'aeroport, m'hiri
        head, _sep, tail = lower.partition("'")
        head_out = head if (head in PARTICLES and not first) else _cap(head)
        return f"{head_out}'{_title_word(tail, first=False, previous=head) if tail else ''}"
    if ROMAN.match(lower):
        return lower.upper()
    if lower in ACCENTED:
        return ACCENTED[lower]
    if not first and lower in PARTICLES:
        return lower
    if not first and lower in ARTICLES_AFTER_PARTICLE and previous in PARTICLES:
        return lower
    return _cap(lower)


def title_fr(text: str) -> str:
    """``"LA MARSA"`` → ``"La Marsa"``, ``"Cite De L'Aeroport"`` → ``"Cité de l'Aéroport"``,
    ``"Cite Ibn Khaldoun Vi"`` → ``"Cité Ibn Khaldoun VI"``."""
    words = clean_spaces(repair(text)).split(" ")
    out = []
    previous = ""
    for i, word in enumerate(words):
        if not word:
            continue
        out.append(_title_word(word, first=i == 0, previous=previous))
        previous = word.lower()
    return " ".join(out)


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_LAST_GROUP = re.compile(r"\(([^()]*)\)\s*$")


def without_qualifier(text: str) -> str:
    """``"EZZOUHOUR  (KASSERINE)"`` → ``"EZZOUHOUR"`` (the governorate is known anyway)."""
    return clean_spaces(_QUALIFIER.sub("", text)) or clean_spaces(text)


def locality_part(name: str, delegation_value: str) -> str:
    """The locality in ``"LA SOUKRA (Cite Ezzitoun 1)"`` whose delegation is ``LA SOUKRA``;
    the delegation name itself when the row names only the delegation."""
    name = clean_spaces(name)
    prefix = clean_spaces(delegation_value)
    rest = name[len(prefix) :].strip() if name.startswith(prefix) else name
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    return rest or without_qualifier(name)


def locality_part_ar(name_ar: str, *, has_part: bool, delegation_ar: str) -> str:
    """The Arabic counterpart: the last parenthesised group, else the delegation's name."""
    name_ar = clean_spaces(name_ar)
    if not has_part:
        return without_qualifier(delegation_ar)
    match = _LAST_GROUP.search(name_ar)
    return clean_spaces(match.group(1)) if match else name_ar
