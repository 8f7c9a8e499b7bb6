"""Returnees registered agrees with a count done by hand in Python for any population
(hypothesis): every breakdown adds up to the total, ages are grouped as a person would
count their birthdays (29 February included), the same records give the same numbers."""

import datetime
from collections import Counter

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masar.cases.models import Beneficiary, Case
from masar.monitoring.measures import CATALOGUE
from tests.factories.measures import at, governorates

pytestmark = pytest.mark.django_db

ONE_DAY = datetime.timedelta(days=1)
PERIODS = [
    (datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
    (datetime.date(2024, 1, 1), datetime.date(2024, 2, 29)),  # ends on 29 February
    (datetime.date(2023, 2, 28), datetime.date(2023, 2, 28)),  # one day, a common year
]
AGE_GROUPS = [(0, 14, "0-14"), (15, 17, "15-17"), (18, 24, "18-24"), (25, 34, "25-34")]
AGE_GROUPS += [(35, 49, "35-49"), (50, 200, "50+")]

births = st.one_of(
    st.none(),
    st.dates(datetime.date(1940, 1, 1), datetime.date(2023, 2, 28)),
    # Birthdays on and around the last days of the periods, and 29 February.
    st.sampled_from(
        [
            datetime.date(y, m, d)
            for y in (1974, 1989, 1999, 2000, 2006, 2008, 2009, 2010)
            for m, d in ((2, 28), (3, 1), (3, 31), (4, 1))
        ]
        + [datetime.date(2000, 2, 29), datetime.date(2008, 2, 29)]
    ),
)
person = st.fixed_dictionaries(
    {
        "sex": st.sampled_from(["F", "M", ""]),
        "birth": births,
        "gov": st.sampled_from(["tunis", "sfax", None]),
        "offset": st.integers(-2, 92),  # days after the first day
        "hour": st.sampled_from([0, 12, 23]),
    }
)


def _age(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _group(birth, day):
    if birth is None:
        return "unknown"
    age = _age(birth, day)
    return next(key for low, high, key in AGE_GROUPS if low <= age <= high)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=st.lists(person, max_size=12), period=st.sampled_from(PERIODS))
def test_returnees_registered_match_a_count_by_hand(persona, people, period):
    start, end = period
    m = CATALOGUE["returnees_registered"]
    antenna = persona.institution("ote-tunis")
    with transaction.atomic():
        govs = governorates()
        # Built directly (the measure is what is tested, not the registration).
        beneficiaries = Beneficiary.objects.bulk_create(
            Beneficiary(
                first_name="Amal",
                last_name=f"Test{i}",
                sex=p["sex"],
                birth_date=p["birth"] if p["birth"] is None or p["birth"] <= end else None,
                governorate=govs[p["gov"]] if p["gov"] else None,
                institution=antenna,
            )
            for i, p in enumerate(people)
        )
        Case.objects.bulk_create(
            Case(
                beneficiary=b,
                antenna=antenna,
                opened_at=at(start + p["offset"] * ONE_DAY, p["hour"]),
            )
            for b, p in zip(beneficiaries, people, strict=True)
        )
        results = {by: m.compute(start=start, end=end, by=by) for by in m.disaggregations}
        total = m.compute(start=start, end=end)
        again = {by: m.compute(start=start, end=end, by=by) for by in m.disaggregations}
        transaction.set_rollback(True)

    counted = [
        (p, b)
        for p, b in zip(people, beneficiaries, strict=True)
        if start <= start + p["offset"] * ONE_DAY <= end
    ]
    assert total.total == len(counted)
    for by, result in results.items():
        assert sum(result.cells.values()) == total.total == result.total, by
        assert result.figures() == again[by].figures(), by
    sexes = Counter({"F": "female", "M": "male", "": "unspecified"}[p["sex"]] for p, _b in counted)
    assert results["sex"].cells == {k: sexes[k] for k in ("female", "male", "unspecified")}
    ages = Counter(_group(b.birth_date, end) for _p, b in counted)
    assert results["age_group"].cells == {k: ages[k] for k in results["age_group"].cells}
    assert set(results["age_group"].cells) == {k for *_r, k in AGE_GROUPS} | {"unknown"}
    places = Counter(govs[p["gov"]].code if p["gov"] else "unknown" for p, _b in counted)
    assert {k: v for k, v in results["governorate"].cells.items() if v} == dict(places)


def test_ages_on_29_february(persona):
    """On 29 February 2024, someone born on 1 March 1999 is still 24 and someone born on
    28 February 1999 is 25; on 28 February 2023, someone born on 29 February 2008 is 14."""
    antenna = persona.institution("ote-tunis")
    for birth, opened in (
        (datetime.date(1999, 3, 1), datetime.date(2024, 2, 1)),
        (datetime.date(1999, 2, 28), datetime.date(2024, 2, 1)),
        (datetime.date(2008, 2, 29), datetime.date(2023, 2, 28)),
    ):
        b = Beneficiary.objects.create(
            first_name="Amal", last_name="Test", birth_date=birth, institution=antenna
        )
        Case.objects.create(beneficiary=b, antenna=antenna, opened_at=at(opened))
    m = CATALOGUE["returnees_registered"]
    leap = m.compute(
        start=datetime.date(2024, 1, 1), end=datetime.date(2024, 2, 29), by="age_group"
    )
    assert (leap.cells["18-24"], leap.cells["25-34"]) == (1, 1)
    common = m.compute(
        start=datetime.date(2023, 2, 28), end=datetime.date(2023, 2, 28), by="age_group"
    )
    assert (common.cells["0-14"], common.cells["15-17"]) == (1, 0)
