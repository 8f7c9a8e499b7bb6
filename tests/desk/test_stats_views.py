"""The desk statistics page and its XLSX export: scope, policy, bad filters, empty period,
query counts, languages, the workbook read back, the audit row."""

import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from masar.audit.models import AuditAction, AuditEvent
from tests.factories.desk import DeskContactFactory
from tests.factories.desk_stats import PERIOD, build_stats_world

pytestmark = pytest.mark.django_db

URL = reverse("desk:stats")
EXPORT = reverse("desk:stats-export")


@pytest.fixture
def world(persona):
    return build_stats_world(persona)


def _html(response) -> str:
    return response.content.decode()


def _chart(html: str, chart_id: str) -> dict:
    start = html.index(f'<script id="{chart_id}" type="application/json">')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_stats_page_shows_the_hand_counted_figures(world, client_for, english):
    response = client_for("suivi").get(URL, PERIOD)
    assert response.status_code == 200
    html = _html(response)
    assert 'data-testid="total-contacts">7<' in html
    assert 'data-testid="total-orientations">6<' in html
    assert 'data-testid="reached-share">50.0 %<' in html
    assert "Guichet de La Marsa" in html and "Guichet de Sfax" in html
    # Accessible tables: a caption and header cells with a scope.
    assert "<caption" in html and '<th scope="col"' in html and '<th scope="row"' in html
    # The charts are drawn from the same numbers, given as JSON, with no inline script.
    over_time = _chart(html, "chart-over-time")
    assert over_time["series"][0]["values"] == [3, 4, 0]
    assert over_time["labels"] == ["September 2025", "October 2025", "November 2025"]
    assert _chart(html, "chart-status-sex")["series"][1]["values"] == [2, 1, 0, 0]
    assert "masar/desk-charts.js" in html and "chart.umd.min.js" in html
    assert "<script>" not in html
    # The form shows what was counted: dates given mean custom dates.
    assert '<input type="hidden" name="period" value="custom">' in html
    assert 'value="2025-09-01"' in html and 'value="2025-11-30"' in html
    # The export link carries the same filters.
    assert f"{EXPORT}?period=custom" in html and "date_from=2025-09-01" in html


def test_stats_page_mediator_sees_only_la_marsa(world, client_for, english):
    html = _html(client_for("mediateur.lamarsa").get(URL, PERIOD))
    assert 'data-testid="total-contacts">4<' in html
    assert "Guichet de La Marsa" in html
    assert "Guichet de Sfax" not in html


def test_stats_page_desk_out_of_scope_is_refused(world, client_for, english):
    sfax = world["desks"]["sf"]
    web = client_for("mediateur.lamarsa")
    response = web.get(URL, {**PERIOD, "desk": str(sfax.pk)})
    assert response.status_code == 400
    html = _html(response)
    assert "not one of the desks you can see" in html
    assert "total-contacts" not in html
    response = web.get(EXPORT, {**PERIOD, "desk": str(sfax.pk)})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2025-10-01", "date_to": "2025-09-01"}, "must come before the last day"),
        ({"date_from": "0001-01-01", "date_to": "2025-09-01"}, "Choose dates between"),
        ({"date_from": "yesterday", "date_to": "2025-09-01"}, "Enter a valid date."),
        ({"desk": "00000000-0000-0000-0000-000000000000"}, "not one of the desks you can see"),
    ],
)
def test_stats_page_bad_filter_gives_a_clear_message(client_for, english, params, message):
    response = client_for("suivi").get(URL, params)
    assert response.status_code == 400
    assert message in _html(response)
    assert 'role="alert"' in _html(response)
    assert "?period=this_month&amp;bucket=month" in _html(response)  # a way out


def test_stats_page_empty_period_says_so(world, client_for, english):
    response = client_for("suivi").get(URL, {"date_from": "2024-01-01", "date_to": "2024-02-29"})
    assert response.status_code == 200
    html = _html(response)
    assert 'data-testid="stats-empty"' in html and "No contacts in this period." in html
    assert "chart-over-time" not in html


def test_stats_page_default_period_without_parameters(persona, client_for, english):
    desk = build_stats_world(persona)["desks"]["lm"]
    DeskContactFactory(actor=persona("mediateur.lamarsa"), desk=desk)  # today
    response = client_for("mediateur.lamarsa").get(URL)
    assert response.status_code == 200
    assert 'data-testid="total-contacts">1<' in _html(response)
    html = _html(response)
    assert '<input type="hidden" name="period" value="last_3_months">' in html
    assert 'aria-current="page">Last 3 months<' in html
    assert "?period=this_year&amp;bucket=month" in html


@pytest.mark.parametrize("who", ["aneti.sfax", "onm", "social.sfax", "admin"])
def test_stats_refused_without_the_permission(client_for, who):
    web = client_for(who)
    assert web.get(URL).status_code == 403
    assert web.get(EXPORT).status_code == 403


def test_stats_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_stats_page_query_count_is_fixed(world, persona, client_for, django_assert_num_queries):
    web = client_for("suivi")
    web.get(URL, PERIOD)
    with CaptureQueriesContext(connection) as before:
        web.get(URL, PERIOD)
    # The session, the user, the second factor, the roles, then the 8 of the figures.
    assert len(before) <= 13
    for i in range(10):
        DeskContactFactory(
            actor=persona("mediateur.lamarsa"),
            desk=world["desks"]["lm"],
            contacted_on=datetime.date(2025, 11, i + 1),
            topics=["health", "work"],
            services=world["services"],
            nationality=["FR", "DE", "IT", "ES", "SN"][i % 5],
        )
    with django_assert_num_queries(len(before)):
        response = web.get(URL, PERIOD)
    assert 'data-testid="total-contacts">17<' in _html(response)


@pytest.mark.parametrize(
    ("lang", "direction", "month"),
    [("fr", "ltr", "septembre 2025"), ("ar", "rtl", "سبتمبر"), ("en", "ltr", "September 2025")],
)
def test_stats_page_renders_in_each_language(world, client_for, lang, direction, month):
    web = client_for("suivi")
    web.cookies.load({"django_language": lang})
    html = _html(web.get(URL, PERIOD))
    assert f'lang="{lang}"' in html and f'dir="{direction}"' in html
    assert month in html


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)


def _rows(sheet):
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_stats_export_workbook_and_audit(world, persona, client_for, english):
    response = client_for("suivi").get(EXPORT, PERIOD)
    book = _workbook(response)
    assert book.sheetnames[0] == "About"
    assert book.sheetnames[1:] == [
        "By period",
        "By desk",
        "By topic",
        "By status",
        "By sex",
        "By age group",
        "By nationality",
        "Status by sex",
        "Orientations",
        "Top services",
        "Outreach",
    ]
    about = {r[0]: r[1] if len(r) > 1 else None for r in _rows(book["About"]) if r and r[0]}
    assert about["Computed by"] == "suivi"
    assert about["Desks"] == "All desks"
    assert about["Contacts"] == 7
    assert str(about["From"]).startswith("2025-09-01")
    assert str(about["To"]).startswith("2025-11-30")
    assert _rows(book["By period"]) == [
        ["Period", "Contacts", "Share of contacts (percent)"],
        ["September 2025", 3, 42.9],
        ["October 2025", 4, 57.1],
        ["November 2025", 0, 0],
    ]
    assert _rows(book["Status by sex"])[1] == ["Returnee", 0, 2, 0, 2]
    assert _rows(book["Status by sex"])[-1] == ["Total", 3, 3, 1, 7]
    assert ["Share that reached the service (percent)", 50] in _rows(book["Orientations"])
    assert _rows(book["Top services"])[1] == ["Service A", 3, 3, 1]
    assert _rows(book["Outreach"])[-1] == ["Total", 2, 70, 40, 28, 2, 20]
    # No personal data: no slip reference anywhere in the workbook.
    cells = {str(c) for name in book.sheetnames for r in _rows(book[name]) for c in r}
    assert not any(c.reference in cells for c in world["contacts"])
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, object_type="desk.stats")
    assert event.actor_id == persona("suivi").pk
    assert event.changes["date_from"] == "2025-09-01" and event.changes["desk"] is None


def test_stats_export_headers_in_the_readers_language(world, client_for):
    web = client_for("mediateur.lamarsa")
    web.cookies.load({"django_language": "fr"})
    book = _workbook(web.get(EXPORT, PERIOD))
    assert _rows(book[book.sheetnames[1]])[1][0] == "septembre 2025"
    web.cookies.load({"django_language": "en"})
    book = _workbook(web.get(EXPORT, {**PERIOD, "desk": str(world["desks"]["lm"].pk)}))
    about = {r[0]: r[1] if len(r) > 1 else None for r in _rows(book["About"]) if r and r[0]}
    assert about["Contacts"] == 4
    assert about["Desks"] == world["desks"]["lm"].name_fr
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).order_by("-seq").first()
    assert event.changes["desk"] == "lamarsa"
    assert event.object_id == "lamarsa"
