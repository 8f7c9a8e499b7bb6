"""Desk statistics agree with a count done by hand in Python, for any set of contacts
(hypothesis): every breakdown adds up to the total, the time buckets and desks hold what
they should, nothing outside the period or the reader's desks is counted."""

import datetime
from collections import Counter

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masar.desk.models import AgeGroup, ContactStatus, Sex, Topic
from masar.desk.stats import StatsFilterForm, compute_stats
from tests.factories.desk import DeskContactFactory, DeskPointFactory

pytestmark = pytest.mark.django_db

FIRST, LAST = datetime.date(2025, 1, 20), datetime.date(2025, 4, 10)
ONE_DAY = datetime.timedelta(days=1)

contact = st.fixed_dictionaries(
    {
        "desk": st.sampled_from(["mine", "other"]),
        # The edges of the period often, and a few days either side of it.
        "day": st.one_of(
            st.sampled_from([FIRST - ONE_DAY, FIRST, LAST, LAST + ONE_DAY]),
            st.integers(-5, (LAST - FIRST).days + 5).map(lambda n: FIRST + n * ONE_DAY),
        ),
        "sex": st.sampled_from(Sex.values),
        "age_group": st.sampled_from(AgeGroup.values),
        "status": st.sampled_from(ContactStatus.values),
        "nationality": st.sampled_from(["", "TN", "CI", "SN"]),
        "topics": st.lists(st.sampled_from(Topic.values), min_size=1, max_size=3, unique=True),
    }
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(contacts=st.lists(contact, max_size=10), bucket=st.sampled_from(["month", "week"]))
def test_stats_match_a_count_by_hand(persona, contacts, bucket):
    mediator = persona("mediateur.lamarsa")
    with transaction.atomic():
        mine = DeskPointFactory(holder=persona.institution("mun-la-marsa"))
        other = DeskPointFactory()
        desks = {"mine": mine, "other": other}
        for c in contacts:
            DeskContactFactory(
                actor=None if c["desk"] == "other" else mediator,
                desk=desks[c["desk"]],
                contacted_on=c["day"],
                **{k: c[k] for k in ("sex", "age_group", "status", "nationality", "topics")},
            )
        form = StatsFilterForm(
            {"date_from": FIRST.isoformat(), "date_to": LAST.isoformat(), "bucket": bucket},
            user=mediator,
        )
        assert form.is_valid(), form.errors
        stats = compute_stats(form.stats_filter())
        transaction.set_rollback(True)

    counted = [c for c in contacts if c["desk"] == "mine" and FIRST <= c["day"] <= LAST]
    total = len(counted)
    assert stats["totals"]["contacts"] == total
    for key in ("by_period", "by_desk", "by_sex", "by_age_group", "by_status", "by_nationality"):
        assert sum(r["count"] for r in stats[key]) == total, key
    assert [r["count"] for r in stats["by_desk"]] == [total]

    def start(day):
        if bucket == "week":
            return day - datetime.timedelta(days=day.weekday())
        return day.replace(day=1)

    by_start = Counter(start(c["day"]) for c in counted)
    assert {r["key"]: r["count"] for r in stats["by_period"] if r["count"]} == {
        d.isoformat(): n for d, n in by_start.items()
    }
    # Zero-filled: every bucket from the first to the last day, once, in order.
    keys = [r["key"] for r in stats["by_period"]]
    assert keys == sorted(set(keys))
    assert keys[0] == start(FIRST).isoformat() and keys[-1] == start(LAST).isoformat()
    topics = Counter(t for c in counted for t in c["topics"])
    assert {r["key"]: r["count"] for r in stats["by_topic"]} == {t: topics[t] for t in Topic.values}
    for field, key in (("sex", "by_sex"), ("status", "by_status"), ("age_group", "by_age_group")):
        expected = Counter(c[field] for c in counted)
        assert {r["key"]: r["count"] for r in stats[key]} == {
            k: expected[k] for k in (r["key"] for r in stats[key])
        }
    cross = stats["status_by_sex"]
    for row in cross["rows"]:
        assert row["counts"] == [
            sum(1 for c in counted if c["status"] == row["key"] and c["sex"] == s)
            for s in Sex.values
        ]
    assert sum(cross["totals"]) == cross["total"] == total
