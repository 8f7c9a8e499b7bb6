"""Desk statistics: hand-counted figures, scope, zero-filled buckets, bad filters, query
counts (tests/factories/desk_stats.py holds the world and says what each contact is)."""

import datetime

import pytest

from masar.desk.stats import StatsFilterForm, compute_stats, preset_dates
from tests.factories.desk import DeskContactFactory
from tests.factories.desk_stats import PERIOD, build_stats_world

pytestmark = pytest.mark.django_db


def _stats(user, **params):
    form = StatsFilterForm({**PERIOD, **params}, user=user)
    assert form.is_valid(), form.errors
    return compute_stats(form.stats_filter())


def _counts(rows):
    return {r["key"]: r["count"] for r in rows}


@pytest.fixture
def world(persona):
    return build_stats_world(persona)


def test_stats_all_desks_hand_counted(world, persona, english):
    stats = _stats(persona("suivi"))
    assert stats["totals"] == {
        "contacts": 7,
        "topics": 11,
        "orientations": 6,
        "desks_with_contacts": 2,
        "outreach_activities": 2,
        "outreach_reached": 70,
    }
    # Zero-filled months: November has no contact but is a row.
    assert [(r["key"], r["count"]) for r in stats["by_period"]] == [
        ("2025-09-01", 3),
        ("2025-10-01", 4),
        ("2025-11-01", 0),
    ]
    assert stats["by_period"][0]["label"] == "September 2025"
    assert _counts(stats["by_desk"]) == {"lamarsa": 4, "sfax": 3}
    assert _counts(stats["by_topic"]) == {
        "rights": 3,
        "services": 0,
        "legal_migration": 0,
        "irregular_risks": 1,
        "health": 1,
        "schooling": 1,
        "work": 2,
        "documents": 1,
        "housing": 0,
        "reintegration": 2,
        "psychosocial": 0,
        "other": 0,
    }
    assert _counts(stats["by_sex"]) == {"female": 3, "male": 3, "unspecified": 1}
    assert _counts(stats["by_age_group"]) == {
        "0-14": 0,
        "15-17": 1,
        "18-24": 1,
        "25-34": 2,
        "35-49": 1,
        "50+": 1,
        "unknown": 1,
    }
    assert _counts(stats["by_status"]) == {
        "returnee": 2,
        "migrant": 3,
        "young_tunisian": 1,
        "other": 1,
    }
    assert [(r["key"], r["count"]) for r in stats["by_nationality"]] == [
        ("TN", 3),
        ("CI", 2),
        ("GN", 1),
        ("", 1),
    ]
    assert stats["by_nationality"][1]["label"] == "Côte d'Ivoire"
    assert stats["by_status"][1]["share"] == pytest.approx(42.9)
    cross = stats["status_by_sex"]
    assert [c["key"] for c in cross["columns"]] == ["female", "male", "unspecified"]
    assert {r["key"]: r["counts"] for r in cross["rows"]} == {
        "returnee": [0, 2, 0],
        "migrant": [2, 1, 0],
        "young_tunisian": [1, 0, 0],
        "other": [0, 0, 1],
    }
    assert cross["totals"] == [3, 3, 1]
    assert cross["total"] == 7
    orientations = stats["orientations"]
    assert {k: v for k, v in orientations.items() if k != "top_services"} == {
        "given": 6,
        "services": 3,
        "known": 4,
        "reached": 2,
        "not_reached": 2,
        "unknown": 2,
        "reached_share": 50.0,
    }
    assert [
        (r["label"], r["count"], r["known"], r["reached"]) for r in orientations["top_services"]
    ] == [("Service A", 3, 3, 1), ("Service B", 2, 1, 1), ("Service C", 1, 0, 0)]
    outreach = {r["key"]: r for r in stats["outreach"]["rows"]}
    assert outreach["peer_school"] | {} == {
        "key": "peer_school",
        "label": "Peer-to-peer session in a school",
        "activities": 1,
        "women": 10,
        "men": 8,
        "unspecified": 2,
        "minors": 15,
        "reached": 20,
    }
    assert outreach["performance"]["activities"] == 0  # December: outside the period
    assert stats["outreach"]["totals"] == {
        "activities": 2,
        "women": 40,
        "men": 28,
        "unspecified": 2,
        "minors": 20,
        "reached": 70,
    }


def test_stats_mediator_counts_only_the_desks_they_staff(world, persona):
    stats = _stats(persona("mediateur.lamarsa"))
    assert stats["totals"]["contacts"] == 4
    assert _counts(stats["by_desk"]) == {"lamarsa": 4}
    assert [r["count"] for r in stats["by_period"]] == [2, 2, 0]
    assert _counts(stats["by_topic"])["rights"] == 2
    assert _counts(stats["by_topic"])["reintegration"] == 0
    assert _counts(stats["by_status"])["returnee"] == 0
    o = stats["orientations"]
    assert (o["given"], o["known"], o["reached"], o["reached_share"]) == (4, 3, 2, 66.7)
    assert stats["outreach"]["totals"]["activities"] == 1
    assert stats["outreach"]["totals"]["reached"] == 20


def test_stats_supervisor_sees_the_antennas_desks_not_la_marsa(world, persona):
    stats = _stats(persona("superviseur"))
    assert _counts(stats["by_desk"]) == {"sfax": 3}
    assert stats["totals"]["contacts"] == 3


def test_stats_one_desk_filter(world, persona):
    sfax = world["desks"]["sf"]
    stats = _stats(persona("suivi"), desk=str(sfax.pk))
    assert stats["totals"]["contacts"] == 3
    assert _counts(stats["by_desk"]) == {"sfax": 3}
    assert stats["filter"]["desk"] == "sfax"
    assert stats["outreach"]["totals"]["activities"] == 1


def test_stats_by_week_zero_filled(world, persona):
    stats = _stats(persona("suivi"), date_from="2025-09-01", date_to="2025-09-30", bucket="week")
    # Weeks start on Monday: 1, 8, 15, 22, 29 September.
    assert [(r["key"], r["count"]) for r in stats["by_period"]] == [
        ("2025-09-01", 1),
        ("2025-09-08", 1),
        ("2025-09-15", 1),
        ("2025-09-22", 0),
        ("2025-09-29", 0),
    ]


def test_stats_empty_period_is_all_zero_but_complete(world, persona):
    stats = _stats(persona("suivi"), date_from="2024-01-01", date_to="2024-03-31")
    assert stats["totals"]["contacts"] == 0
    assert [r["count"] for r in stats["by_period"]] == [0, 0, 0]
    assert len(stats["by_topic"]) == 12
    assert all(r["count"] == 0 and r["share"] == 0 for r in stats["by_topic"])
    assert stats["orientations"]["reached_share"] is None
    assert stats["by_nationality"] == []


def test_stats_preset_with_its_own_dates_stays_a_preset_changed_dates_count(persona):
    today = datetime.date(2026, 5, 17)
    user = persona("suivi")
    same = {"period": "this_year", "date_from": "2026-01-01", "date_to": "2026-05-17"}
    form = StatsFilterForm(same, user=user, today=today)
    assert form.is_valid() and form.stats_filter().period == "this_year"
    changed = {**same, "date_from": "2026-02-01"}
    form = StatsFilterForm(changed, user=user, today=today)
    assert form.is_valid()
    flt = form.stats_filter()
    assert (flt.period, flt.date_from) == ("custom", datetime.date(2026, 2, 1))


def test_stats_presets():
    today = datetime.date(2026, 5, 17)
    assert preset_dates("this_month", today) == (datetime.date(2026, 5, 1), today)
    assert preset_dates("last_3_months", today) == (datetime.date(2026, 3, 1), today)
    assert preset_dates("this_year", today) == (datetime.date(2026, 1, 1), today)
    january = datetime.date(2026, 1, 9)
    assert preset_dates("last_3_months", january) == (datetime.date(2025, 11, 1), january)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"date_from": "2025-10-01", "date_to": "2025-09-01"},
            "The first day must come before the last day.",
        ),
        ({"date_from": "1900-01-01", "date_to": "2025-09-01"}, "Choose dates between"),
        ({"date_from": "2025-01-01", "date_to": "9999-12-31"}, "Choose dates between"),
        ({"date_from": "2025-13-45", "date_to": "2025-09-01"}, "Enter a valid date."),
        ({"date_from": "2025-01-01"}, "give both the first and the last day"),
        ({"period": "custom"}, "give both the first and the last day"),
        ({"period": "forever"}, "Select a valid choice"),
        ({"bucket": "day"}, "Select a valid choice"),
        (
            {"date_from": "2020-01-01", "date_to": "2025-01-01", "bucket": "week"},
            "too long to count by week",
        ),
        ({"desk": "not-a-desk"}, "not one of the desks you can see"),
    ],
)
def test_stats_bad_filters_are_refused_with_a_clear_message(persona, english, params, message):
    form = StatsFilterForm(params, user=persona("suivi"))
    assert not form.is_valid()
    assert message in str(form.errors)


def test_stats_desk_out_of_scope_is_refused(world, persona, english):
    sfax = world["desks"]["sf"]
    form = StatsFilterForm({"desk": str(sfax.pk)}, user=persona("mediateur.lamarsa"))
    assert not form.is_valid()
    assert "not one of the desks you can see" in str(form.errors["desk"])


def test_stats_query_count_does_not_grow_with_data(world, persona, django_assert_num_queries):
    user = persona("suivi")
    _stats(user)  # the user's roles are read once and kept on the instance
    # 1 desks + days + desks + profile + topics + orientations + service names + outreach.
    with django_assert_num_queries(8):
        _stats(user)
    for i in range(5):
        DeskContactFactory(
            actor=persona("mediateur.lamarsa"),
            desk=world["desks"]["lm"],
            contacted_on=datetime.date(2025, 11, 1 + i),
            topics=["health"],
            services=world["services"],
        )
    with django_assert_num_queries(8):
        stats = _stats(user)
    assert stats["totals"]["contacts"] == 12
