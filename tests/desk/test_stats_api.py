"""GET /api/v1/desk/stats: the page's figures as JSON, same filters, same scope."""

import pytest

from tests.api_helpers import token_headers
from tests.factories.desk_stats import PERIOD, build_stats_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/desk/stats"


@pytest.fixture
def world(persona):
    return build_stats_world(persona)


def test_api_desk_stats_hand_counted(world, persona, client):
    response = client.get(
        URL,
        {**PERIOD, "bucket": "month"},
        HTTP_ACCEPT_LANGUAGE="en",
        **token_headers(persona("suivi")),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["filter"] == {
        "date_from": "2025-09-01",
        "date_to": "2025-11-30",
        "period": "custom",
        "bucket": "month",
        "desk": None,
    }
    assert body["totals"]["contacts"] == 7
    assert [(r["key"], r["count"]) for r in body["by_period"]] == [
        ("2025-09-01", 3),
        ("2025-10-01", 4),
        ("2025-11-01", 0),
    ]
    assert {r["key"]: r["count"] for r in body["by_desk"]} == {"lamarsa": 4, "sfax": 3}
    assert body["status_by_sex"]["totals"] == [3, 3, 1]
    assert body["orientations"]["reached_share"] == 50.0
    assert body["outreach"]["totals"]["reached"] == 70
    # Aggregates only: no slip reference, no contact id.
    text = response.content.decode()
    assert not any(c.reference in text or str(c.pk) in text for c in world["contacts"])


def test_api_desk_stats_scoped_to_the_mediators_desk(world, persona, client):
    headers = token_headers(persona("mediateur.lamarsa"))
    body = client.get(URL, PERIOD, **headers).json()
    assert body["totals"]["contacts"] == 4
    assert [r["key"] for r in body["by_desk"]] == ["lamarsa"]
    sfax = world["desks"]["sf"]
    response = client.get(URL, {**PERIOD, "desk": str(sfax.pk)}, **headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "desk"]


def test_api_desk_stats_one_desk_by_week(world, persona, client):
    lamarsa = world["desks"]["lm"]
    response = client.get(
        URL,
        {
            "date_from": "2025-09-01",
            "date_to": "2025-09-14",
            "desk": str(lamarsa.pk),
            "bucket": "week",
        },
        **token_headers(persona("suivi")),
    )
    body = response.json()
    assert [(r["key"], r["count"]) for r in body["by_period"]] == [
        ("2025-09-01", 1),
        ("2025-09-08", 1),
    ]
    assert body["filter"]["desk"] == "lamarsa"


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2025-10-01", "date_to": "2025-09-01"},
        {"date_from": "1000-01-01", "date_to": "2025-09-01"},
        {"date_from": "not-a-date"},
        {"bucket": "fortnight"},
        {"desk": "nope"},
    ],
)
def test_api_desk_stats_bad_filters_are_422(persona, client, params):
    response = client.get(URL, params, **token_headers(persona("suivi")))
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("who", ["aneti.sfax", "onm", "admin"])
def test_api_desk_stats_needs_the_permission(persona, client, who):
    assert client.get(URL, **token_headers(persona(who))).status_code == 403


def test_api_desk_stats_needs_a_token(client):
    assert client.get(URL).status_code == 401


def test_api_desk_stats_query_count(world, persona, client, django_assert_num_queries):
    headers = token_headers(persona("suivi"))
    client.get(URL, PERIOD, **headers)
    # The token and its owner, the roles, then the 8 of the figures.
    with django_assert_num_queries(11, exact=False):
        assert client.get(URL, PERIOD, **headers).status_code == 200
