"""Finding cases by the person's name or card number.

Names are indexed word by word per case (``CaseNameToken``, with the case's antenna),
normalised as the directory's search does (lower case, accents, Arabic letter forms and
articles), so that "Chaabane", "chaâbane" and "شعبان" each find the person through an index.
Every word typed must match the start of a word of the name (prefix search: "Moham" finds
"Mohamed"); eight digits are a card number.

Whatever changes a person's names, opens a case or moves it to another antenna calls
``index_cases``.
"""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from masar.directory.normalize import tokens

from .models import Case, CaseNameToken

NAME_FIELDS = ("first_name", "last_name", "first_name_ar", "last_name_ar")
# Above every letter a name can hold: [word, word + _TOP) is the prefix range of word.
_TOP = "\uffff"


def name_tokens(beneficiary) -> set[str]:
    return set(tokens(" ".join(getattr(beneficiary, f) or "" for f in NAME_FIELDS)))


def index_cases(cases) -> None:
    """(Re)write the name index of these cases (call inside the writing transaction)."""
    cases = list(cases)
    CaseNameToken.objects.filter(case__in=[c.pk for c in cases]).delete()
    CaseNameToken.objects.bulk_create(
        CaseNameToken(case_id=c.pk, antenna_id=c.antenna_id, token=t)
        for c in cases
        for t in name_tokens(c.beneficiary)
    )


def index_person(beneficiary) -> None:
    index_cases(Case.objects.filter(beneficiary=beneficiary).select_related("beneficiary"))


def is_card_number(text: str) -> bool:
    text = text.strip()
    return text.isdigit() and len(text) == 8


def search_cases(cases, text: str, *, antennas=None):
    """Cases whose person's name matches every word of ``text``, or whose card number is
    ``text``. ``antennas`` (a queryset or list of institution ids) narrows the index scan to
    the reader's scope; the caller's ``cases`` queryset stays the authority on scope."""
    text = (text or "").strip()
    if not text:
        return cases
    if is_card_number(text):
        return cases.filter(beneficiary__cin=text)
    words = tokens(text)
    if not words:
        return cases.none()
    matches = []
    for word in words:
        matching = CaseNameToken.objects.filter(token__gte=word, token__lt=word + _TOP)
        if antennas is not None:
            matching = matching.filter(antenna__in=antennas)
        matches.append(matching.values("case_id"))
    if connection.vendor == "postgresql":
        # Every word must match: intersect the words' cases in the index first, then fetch
        # the few cases left through the primary key (``id = ANY(ARRAY(…))``). With one
        # ``IN`` per word the planner hashes the ids and scans every case of the antenna
        # (≈ 110,000 at a million), or looks up each common first name's cases one by one.
        both = matches[0].intersection(*matches[1:]) if len(matches) > 1 else matches[0]
        return cases.filter(_case_id_in(both))
    for case_ids in matches:
        cases = cases.filter(pk__in=case_ids)
    return cases


def _case_id_in(case_ids):
    """``case.id = ANY(ARRAY(case_ids))`` (PostgreSQL)."""
    sql, params = case_ids.query.sql_with_params()
    column = f"{connection.ops.quote_name(Case._meta.db_table)}.{connection.ops.quote_name('id')}"
    # Safe: the SQL is Django's own compilation of the token query, its values are parameters.
    return RawSQL(f"{column} = ANY(ARRAY({sql}))", params, output_field=BooleanField())  # noqa: S611


def scope_antennas(user):
    """The antennas whose cases ``user`` may read, as a filter for the name index."""
    from masar.accounts.models import Institution
    from masar.accounts.policy import Perm, has_perm

    if user.institution_id is None:
        return []
    q = Q(pk=user.institution_id)
    if has_perm(user, Perm.VIEW_SUBORDINATE_CASES):
        q |= Q(parent_id=user.institution_id)
    # A list of ids, not a subquery: the planner then knows how few antennas it scans.
    return list(Institution.objects.filter(q).values_list("pk", flat=True))
