"""Measures over the information desks: contacts, and people reached by outreach."""

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from masar.desk.models import AgeGroup, ContactStatus, DeskContact, OutreachActivity, Sex, Topic

from .base import (
    SEX_KEYS,
    Measure,
    Result,
    check_period,
    choice_dimension,
    count_result,
    dimension_for,
    governorate_codes,
    governorate_dimension,
    grouped,
    nationality_dimension,
    scoped_records,
    zero_filled,
)

# --- desk contacts ----------------------------------------------------------------------

_CONTACT_DIMS = {
    "topic": None,  # counted from the topic rows (below): a contact asks about several
    "sex": choice_dimension("sex", "sex", Sex.values),
    "age_group": choice_dimension("age_group", "age_group", AgeGroup.values),
    "status": choice_dimension("status", "status", ContactStatus.values),
    "nationality": nationality_dimension("nationality"),
    # Where the desk is.
    "governorate": governorate_dimension("desk__governorate"),
}
_TOPIC_CELLS = {t: Q(topics__topic=t) for t in Topic.values}


def _contacts(manager, start, end, codes):
    check_period(start, end)
    return manager.filter(contacted_on__gte=start, contacted_on__lte=end).filter(
        Q() if codes is None else Q(desk__governorate__code__in=codes)
    )


def contacts_compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    contacts = _contacts(DeskContact.objects, start, end, codes)
    if by == "topic":
        # One query: the contacts, and per topic those that asked about it. A contact can
        # ask about several topics: the cells add up to more than the total.
        row = contacts.order_by().aggregate(
            n=Count("pk", distinct=True),
            **{f"t_{t}": Count("topics", filter=q) for t, q in _TOPIC_CELLS.items()},
        )
        return Result(total=row["n"], cells={t: row[f"t_{t}"] for t in Topic.values})
    dims = {k: v for k, v in _CONTACT_DIMS.items() if v is not None}
    if by is not None and by not in dims:
        dimension_for(dims, by)  # raises
    return count_result(
        contacts, dims=dims, count=Count("pk"), start=start, end=end, codes=codes, by=by
    )


def contacts_records(*, user, start, end, governorates=None, cell=None):
    codes = governorate_codes(governorates)
    return scoped_records(
        _contacts(DeskContact.objects.visible_to(user), start, end, codes),
        dims={k: v for k, v in _CONTACT_DIMS.items() if v is not None},
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
        extra_cells={"topic": _TOPIC_CELLS},
    )


DESK_CONTACTS = Measure(
    code="desk_contacts",
    label=_("Desk contacts"),
    unit="contacts",
    disaggregations=tuple(_CONTACT_DIMS),
    compute=contacts_compute,
    records=contacts_records,
    definition=_(
        "Visits and calls recorded at the information desks in the period; by topic, the "
        "contacts that asked about each (a contact can ask about several)."
    ),
)


# --- outreach ---------------------------------------------------------------------------

_REACHED = {
    "female": "reached_women",
    "male": "reached_men",
    "unspecified": "reached_unspecified",
}
_OUTREACH_DIMS = {"sex": None, "governorate": governorate_dimension("governorate")}


def _activities(manager, start, end, codes):
    check_period(start, end)
    return manager.filter(held_on__gte=start, held_on__lte=end).filter(
        Q() if codes is None else Q(governorate__code__in=codes)
    )


def outreach_compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    activities = _activities(OutreachActivity.objects, start, end, codes).order_by()
    if by is None or by == "sex":
        row = activities.aggregate(**{key: Sum(f) for key, f in _REACHED.items()})
        cells = {key: row[key] or 0 for key in SEX_KEYS}
        return Result(total=sum(cells.values()), cells=cells if by else None)
    dim = dimension_for({"governorate": _OUTREACH_DIMS["governorate"]}, by)
    reached = Sum(F("reached_women") + F("reached_men") + F("reached_unspecified"))
    groups = grouped(activities, dim, end, {"n": reached})
    cells = zero_filled(dim, codes, {k: v["n"] for k, v in groups.items()})
    return Result(total=sum(cells.values()), cells=cells)


def outreach_records(*, user, start, end, governorates=None, cell=None):
    """The activities held in the period; a sex cell keeps those that reached anyone of
    that sex."""
    codes = governorate_codes(governorates)
    return scoped_records(
        _activities(OutreachActivity.objects.visible_to(user), start, end, codes),
        dims={"governorate": _OUTREACH_DIMS["governorate"]},
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
        extra_cells={"sex": {k: Q(**{f"{f}__gt": 0}) for k, f in _REACHED.items()}},
    )


OUTREACH_REACHED = Measure(
    code="outreach_reached",
    label=_("People reached by outreach"),
    unit="people",
    disaggregations=tuple(_OUTREACH_DIMS),
    compute=outreach_compute,
    records=outreach_records,
    definition=_(
        "People reached by the outreach activities held in the period (peer sessions in "
        "schools, themed events, performances), as counted by their organisers."
    ),
)
