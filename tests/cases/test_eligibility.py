"""The eligibility rules, checked with hypothesis over any record: eligible exactly when a CIN,
a return date and a country of the EU or Switzerland are recorded, and every rule explains
itself in words that name the reason."""

from datetime import date
from types import SimpleNamespace

import pycountry
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from masar.cases.rules.eligibility import (
    EU_MEMBER_STATES,
    RULE_SETS,
    TOUNESNA_COUNTRIES,
    evaluate,
    explain,
)

COUNTRIES = sorted(c.alpha_2 for c in pycountry.countries)
records = st.builds(
    SimpleNamespace,
    cin=st.one_of(st.none(), st.from_regex(r"\A[01]\d{7}\Z")),
    returned_from=st.one_of(st.just(""), st.sampled_from(COUNTRIES)),
    return_date=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2026, 1, 1))),
)


def test_the_eu_has_27_member_states_and_switzerland_is_added():
    assert len(EU_MEMBER_STATES) == 27
    assert {"CH"} == TOUNESNA_COUNTRIES - EU_MEMBER_STATES
    assert {"IT", "FR", "DE", "GR"} <= EU_MEMBER_STATES
    assert not {"GB", "NO", "LY", "TN"} & TOUNESNA_COUNTRIES


@given(records)
def test_tounesna_eligibility_is_exactly_the_three_conditions(person):
    eligible, checks = evaluate("tounesna", person)
    expected = (
        bool(person.cin)
        and person.return_date is not None
        and person.returned_from in TOUNESNA_COUNTRIES
    )
    assert eligible is expected
    assert len(checks) == len(RULE_SETS["tounesna"])
    assert eligible is all(c.passed for c in checks)


@given(records)
def test_the_open_rule_set_ignores_the_country(person):
    eligible, _checks = evaluate("open", person)
    assert eligible is (bool(person.cin) and person.return_date is not None)


@given(records)
def test_every_check_explains_itself(person):
    _eligible, checks = evaluate("tounesna", person)
    with translation.override("en"):
        for check in checks:
            text = explain(check.as_dict())
            assert text.startswith("Eligible:" if check.passed else "Not eligible:")


@given(st.sampled_from(sorted(set(COUNTRIES) - TOUNESNA_COUNTRIES)))
def test_a_return_from_outside_europe_names_the_country(code):
    person = SimpleNamespace(cin="01234567", returned_from=code, return_date=date(2024, 1, 1))
    eligible, checks = evaluate("tounesna", person)
    assert not eligible
    with translation.override("en"):
        texts = [explain(c.as_dict()) for c in checks if not c.passed]
    name = pycountry.countries.get(alpha_2=code).name
    assert texts == [
        f"Not eligible: returned from a country outside the EU and Switzerland ({name})."
    ]
