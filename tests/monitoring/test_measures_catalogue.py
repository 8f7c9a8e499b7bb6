"""The catalogue itself: the codes other parts name, and what every measure declares."""

import pytest

from masar.monitoring.measures import CATALOGUE, DISAGGREGATIONS, measure_choices
from tests.factories.measures import END, START

CODES = [
    "returnees_registered",
    "business_aid_approved",
    "referrals_completed_on_time",
    "sustainability_change",
    "desk_contacts",
    "outreach_reached",
]


def test_catalogue_codes():
    assert list(CATALOGUE) == CODES
    assert [code for code, _label in measure_choices()] == CODES


@pytest.mark.parametrize("code", CODES)
def test_every_measure_declares_itself(code, english):
    m = CATALOGUE[code]
    assert m.code == code
    assert str(m.label) and str(m.definition)
    assert m.unit in {"people", "contacts", "percent", "points"}
    assert m.disaggregations and set(m.disaggregations) <= set(DISAGGREGATIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_every_breakdown_runs_on_nothing(code, django_assert_max_num_queries):
    """With no records, every breakdown is zero-filled (counts) or empty (ratios)."""
    m = CATALOGUE[code]
    total = m.compute(start=START, end=END)
    assert total.total in (0, None)
    for by in m.disaggregations:
        with django_assert_max_num_queries(2):
            result = m.compute(start=START, end=END, governorates=["TN-11"], by=by)
        assert result.cells is not None
        assert set(result.cells.values()) <= {0, None}
