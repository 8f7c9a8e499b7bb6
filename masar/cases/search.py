"""Finding people and cases by name or card number.

Names are indexed word by word (``NameToken``), normalised as the directory's search does
(lower case, accents, Arabic letter forms and articles), so that "Chaabane", "chaâbane" and
"شعبان" each find the person through an index. Every word typed must match the start of a
word of the name (prefix search: "Moham" finds "Mohamed"); eight digits are a card number.
"""

from masar.directory.normalize import tokens

from .models import NameToken

NAME_FIELDS = ("first_name", "last_name", "first_name_ar", "last_name_ar")
# Above every letter a name can hold: [word, word + _TOP) is the prefix range of word.
_TOP = "\uffff"


def name_tokens(beneficiary) -> set[str]:
    return set(tokens(" ".join(getattr(beneficiary, f) or "" for f in NAME_FIELDS)))


def index_names(beneficiaries) -> None:
    """(Re)write the name index of these people (call inside the writing transaction)."""
    beneficiaries = list(beneficiaries)
    NameToken.objects.filter(beneficiary__in=[b.pk for b in beneficiaries]).delete()
    NameToken.objects.bulk_create(
        NameToken(beneficiary_id=b.pk, token=t) for b in beneficiaries for t in name_tokens(b)
    )


def is_card_number(text: str) -> bool:
    text = text.strip()
    return text.isdigit() and len(text) == 8


def search_cases(cases, text: str):
    """Cases whose person's name matches every word of ``text``, or whose card number is
    ``text``."""
    text = (text or "").strip()
    if not text:
        return cases
    if is_card_number(text):
        return cases.filter(beneficiary__cin=text)
    return search_people(cases, text, field="beneficiary_id")


def search_people(queryset, text: str, *, field: str = "pk"):
    words = tokens(text)
    if not words:
        return queryset.none()
    for word in words:
        matching = NameToken.objects.filter(token__gte=word, token__lt=word + _TOP)
        queryset = queryset.filter(**{f"{field}__in": matching.values("beneficiary_id")})
    return queryset
