"""Is this person already registered? The same card number, the same phone, or a close name
— in Latin or Arabic script, however it was transliterated — with the same date of birth.

The name key is a consonant skeleton, the same for the usual spellings of one name:
``Mohamed``, ``Mohammed``, ``Mhamed`` and ``محمد`` all give ``mhmd``; ``Ben``, ``Bin`` and
``بن`` give ``bn``; ``Chaabane``, ``Chaâbane`` and ``شعبان`` give ``xbn``. Arabic is first
transliterated to ASCII (anyascii), then vowels, ``y``/``w`` (long vowels in Arabic), the
hamza and ʿayn marks, doubled letters, the article (``el``/``al``/``ال``) and a final ``h``
(ta marbuta, ``ة``) are dropped, and French digraphs are folded onto their Arabic letter
(``ch``/``sh`` → ``x``, ``kh`` → ``k``, ``gh`` → ``g``, ``dj`` → ``j``, ``ou`` → vowel).

Candidates come from indexed columns only — the card number (unique), the phone, the stored
name keys and the stored date of birth — so the search costs a few index look-ups at a
million records; candidates are then scored with rapidfuzz.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from anyascii import anyascii
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

# Arabic article at the start of a word (before transliteration), and the Latin ones.
_AR_ARTICLE = re.compile(r"^ال(?=\w{2,})")
# Articles written apart, including the assimilated ones of Tunisian French spellings
# (Et-Trabelsi, Es-Sid, Ech-Chebbi).
_LATIN_ARTICLES = frozenset({"el", "al", "l", "et", "es", "ech", "ez", "ed", "en", "er", "ej"})
_DIGRAPHS = (
    ("sch", "x"),
    ("ch", "x"),
    ("sh", "x"),
    ("kh", "k"),
    ("gh", "g"),
    ("dj", "j"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("ou", "u"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_FOLD = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b"})
_DROP = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_]+")
# How close two names must be (rapidfuzz token-set ratio on the skeletons, 0–100) to count
# as "close" when the date of birth is the same.
CLOSE_NAME_SCORE = 80
# Two Latin spellings with the same key must also be this close letter for letter (vowels
# included, rapidfuzz ratio per name part), so that Mohamed and Mahmoud — one skeleton,
# ``mhmd`` — stay apart while Mhamed and Mohamed (92) or Kacem and Kassem (73) meet.
SAME_LATIN_SCORE = 70
MAX_CANDIDATES = 50


def _ascii_words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(unicodedata.normalize("NFKC", text or "")):
        word = _AR_ARTICLE.sub("", word)
        ascii_word = anyascii(word).lower()
        ascii_word = re.sub(r"[^a-z]", "", ascii_word)
        if ascii_word:
            words.append(ascii_word)
    return words


def skeleton(word: str) -> str:
    """The consonant skeleton of one ASCII word (see the module docstring)."""
    word = _SOFT_C.sub("s", word)
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    word = word.translate(_FOLD)
    word = _DROP.sub("", word)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 1 and word.endswith("h"):
        word = word[:-1]
    return word


def name_part_key(text: str) -> str:
    """The key of a first or last name: the skeletons of its words, joined (so that
    ``Ben Salah`` and ``Bensalah`` give the same key), articles left out."""
    words = [w for w in _ascii_words(text) if w not in _LATIN_ARTICLES]
    return "".join(skeleton(w) for w in words)


def name_key(first: str, last: str) -> str:
    """The key of a full name, or "" when the name gives nothing to compare."""
    first_key, last_key = name_part_key(first), name_part_key(last)
    if not (first_key or last_key):
        return ""
    return f"{first_key}|{last_key}"[:120]


def keys_of(first="", last="", first_ar="", last_ar="") -> set[str]:
    """The keys of a person's Latin and Arabic spellings."""
    keys = {name_key(first, last), name_key(first_ar, last_ar)}
    return {k for k in keys if k}


def swapped(key: str) -> str:
    first, _sep, last = key.partition("|")
    return f"{last}|{first}"


def _latin(text: str) -> str:
    return " ".join(w for w in _ascii_words(text) if w not in _LATIN_ARTICLES)


def latin_close(first_a, last_a, first_b, last_b) -> bool | None:
    """Whether two Latin spellings are close letter for letter, in either order of first
    and last name; None when one side has no Latin name to compare."""
    a = (_latin(first_a), _latin(last_a))
    b = (_latin(first_b), _latin(last_b))
    if not (any(a) and any(b)):
        return None
    for other in (b, (b[1], b[0])):
        if all(fuzz.ratio(x, y) >= SAME_LATIN_SCORE for x, y in zip(a, other, strict=True)):
            return True
    return False


def similarity(a: str, b: str) -> float:
    """0–100: how close two keys are, whatever the order of first and last name."""
    return fuzz.token_set_ratio(a.replace("|", " "), b.replace("|", " "))


class Reason:
    CIN = "same_cin"
    PHONE = "same_phone"
    NAME_AND_BIRTH = "same_name_and_birth_date"
    CLOSE_NAME_AND_BIRTH = "close_name_and_birth_date"
    NAME = "same_name"


REASON_LABELS = {
    Reason.CIN: _("same card number"),
    Reason.PHONE: _("same phone"),
    Reason.NAME_AND_BIRTH: _("same name (whatever the spelling) and same date of birth"),
    Reason.CLOSE_NAME_AND_BIRTH: _("close name and same date of birth"),
    Reason.NAME: _("same name (whatever the spelling); date of birth unknown on one side"),
}
# Stronger reasons first; a match is shown with its strongest reason first.
REASON_WEIGHT = {
    Reason.CIN: 100,
    Reason.NAME_AND_BIRTH: 90,
    Reason.CLOSE_NAME_AND_BIRTH: 80,
    Reason.PHONE: 60,
    Reason.NAME: 40,
}


@dataclass
class Probe:
    """What is known of the person being registered or edited."""

    first_name: str = ""
    last_name: str = ""
    first_name_ar: str = ""
    last_name_ar: str = ""
    birth_date: date | None = None
    cin: str | None = None
    phone: str = ""
    exclude: object = None  # the record being edited

    @property
    def keys(self) -> set[str]:
        return keys_of(self.first_name, self.last_name, self.first_name_ar, self.last_name_ar)


@dataclass
class Match:
    beneficiary: object
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0

    @property
    def weight(self) -> int:
        return max(REASON_WEIGHT[r] for r in self.reasons)

    @property
    def labels(self) -> list[str]:
        return [str(REASON_LABELS[r]) for r in self.reasons]


def judge(probe: Probe, keys: set[str], candidate, candidate_keys: set[str]) -> Match | None:
    """Why ``candidate`` may be the probed person, or None. Pure: no database."""
    reasons = []
    if probe.cin and candidate.cin == probe.cin:
        reasons.append(Reason.CIN)
    same_birth = bool(probe.birth_date and candidate.birth_date == probe.birth_date)
    births_differ = bool(
        probe.birth_date and candidate.birth_date and candidate.birth_date != probe.birth_date
    )
    probe_keys = keys | {swapped(k) for k in keys}
    same_name = bool(probe_keys & candidate_keys) and (
        latin_close(probe.first_name, probe.last_name, candidate.first_name, candidate.last_name)
        is not False
    )
    score = max(
        (similarity(a, b) for a in keys for b in candidate_keys),
        default=0.0,
    )
    if same_name and same_birth:
        reasons.append(Reason.NAME_AND_BIRTH)
    elif same_birth and score >= CLOSE_NAME_SCORE:
        reasons.append(Reason.CLOSE_NAME_AND_BIRTH)
    elif same_name and not births_differ:
        reasons.append(Reason.NAME)
    if probe.phone and candidate.phone == probe.phone:
        reasons.append(Reason.PHONE)
    if not reasons:
        return None
    reasons.sort(key=lambda r: -REASON_WEIGHT[r])
    return Match(candidate, reasons, score)


def find_duplicates(probe: Probe, queryset) -> list[Match]:
    """Possible duplicates of ``probe`` among ``queryset`` (already scoped by the caller),
    strongest first. Index look-ups only: card number, phone, name keys, date of birth."""
    from django.db.models import Q

    from ..models import NameKey

    keys = probe.keys
    lookup = keys | {swapped(k) for k in keys}
    key_rows = NameKey.objects.filter(key__in=lookup) if lookup else NameKey.objects.none()
    ids = set(key_rows.values_list("beneficiary_id", flat=True)[:MAX_CANDIDATES])
    if probe.birth_date:
        ids |= set(
            NameKey.objects.filter(birth_date=probe.birth_date).values_list(
                "beneficiary_id", flat=True
            )[: MAX_CANDIDATES * 4]
        )
    q = Q(pk__in=ids)
    if probe.cin:
        q |= Q(cin=probe.cin)
    if probe.phone:
        q |= Q(phone=probe.phone)
    candidates = queryset.filter(q)
    if probe.exclude is not None:
        candidates = candidates.exclude(pk=probe.exclude.pk)
    candidates = list(candidates[: MAX_CANDIDATES * 5])
    stored: dict = {}
    for beneficiary_id, key in NameKey.objects.filter(
        beneficiary_id__in=[c.pk for c in candidates]
    ).values_list("beneficiary_id", "key"):
        stored.setdefault(beneficiary_id, set()).add(key)
    matches = [
        m for c in candidates if (m := judge(probe, keys, c, stored.get(c.pk, set()))) is not None
    ]
    matches.sort(key=lambda m: (-m.weight, -m.score, m.beneficiary.last_name))
    return matches[:MAX_CANDIDATES]


def probe_of(beneficiary, **overrides) -> Probe:
    values = {
        name: getattr(beneficiary, name)
        for name in (
            "first_name",
            "last_name",
            "first_name_ar",
            "last_name_ar",
            "birth_date",
            "cin",
            "phone",
        )
    }
    values.update(overrides)
    return Probe(exclude=beneficiary, **values)
