import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from masar.audit.actions import record_event
from masar.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db
LIST = "/audit/"


def _events(n, **fields):
    return [record_event(actor=None, summary=f"event {i}", **fields) for i in range(n)]


def _seqs(response):
    return [e.seq for e in response.context["events"]]


def test_event_list_urls():
    assert reverse("audit:event-list") == LIST
    assert reverse("audit:event-detail", kwargs={"seq": 7}) == "/audit/7/"


def test_event_list_shows_newest_first_to_the_system_administrator(client_for):
    client = client_for("admin")
    _events(3, action=AuditAction.EXPORT, object_type="demo.thing")
    response = client.get(LIST)
    assert response.status_code == 200
    seqs = _seqs(response)
    assert seqs == sorted(seqs, reverse=True)
    assert seqs[0] == AuditEvent.objects.order_by("-seq").first().seq
    assert b"demo.thing" in response.content


@pytest.mark.parametrize("who", ["admin.sfax", "superviseur", "conseiller.sfax", "onm", "suivi"])
def test_event_list_is_refused_to_everyone_else(client_for, who):
    client = client_for(who)
    assert client.get(LIST).status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor_username=who).exists()


def test_event_list_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_event_list_filters(client_for):
    client = client_for("admin")
    a = record_event(
        actor=None, actor_username="karim", action=AuditAction.LOGIN_FAILED, ip_address="10.0.0.7"
    )
    b = record_event(
        actor=None,
        actor_username="hela",
        action=AuditAction.EXPORT,
        object_type="cases.case",
        object_id="42",
        ip_address="10.0.0.8",
    )
    c = record_event(
        actor=None,
        actor_username="hela",
        action=AuditAction.UPDATE,
        object_type="cases.case",
        object_id="43",
    )
    assert _seqs(client.get(LIST, {"actor": "karim"})) == [a.seq]
    assert _seqs(client.get(LIST, {"actor": "hela"})) == [c.seq, b.seq]
    assert _seqs(client.get(LIST, {"action": "export"})) == [b.seq]
    assert _seqs(client.get(LIST, {"object_type": "cases.case", "object_id": "43"})) == [c.seq]
    assert _seqs(client.get(LIST, {"ip": "10.0.0.7"})) == [a.seq]
    today = timezone.localdate()
    in_range = _seqs(client.get(LIST, {"actor": "hela", "date_from": today, "date_to": today}))
    assert in_range == [c.seq, b.seq]
    tomorrow = today + datetime.timedelta(days=1)
    assert _seqs(client.get(LIST, {"actor": "hela", "date_from": tomorrow})) == []
    yesterday = today - datetime.timedelta(days=1)
    assert _seqs(client.get(LIST, {"actor": "hela", "date_to": yesterday})) == []


@pytest.mark.parametrize(
    "query",
    [
        {"ip": "not-an-address"},
        {"date_from": "2026-02-31"},
        {"action": "steal"},
        {"date_from": "2026-05-02", "date_to": "2026-05-01"},
    ],
)
def test_event_list_bad_filters_answer_with_a_message(client_for, query):
    client = client_for("admin")
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert _seqs(response) == []


def test_event_list_pages_by_keyset_without_counting(client_for, django_assert_max_num_queries):
    client = client_for("admin")
    _events(120, action=AuditAction.EXPORT)
    exports = list(
        AuditEvent.objects.filter(action=AuditAction.EXPORT)
        .order_by("-seq")
        .values_list("seq", flat=True)
    )
    first = client.get(LIST, {"action": "export"})
    assert _seqs(first) == exports[:50]
    assert first.context["newer"] is None
    older = first.context["older"]
    assert older == exports[49]
    second = client.get(LIST, {"action": "export", "before": older})
    assert _seqs(second) == exports[50:100]
    third = client.get(LIST, {"action": "export", "before": second.context["older"]})
    assert _seqs(third) == exports[100:]
    assert third.context["older"] is None
    back = client.get(LIST, {"action": "export", "after": third.context["newer"]})
    assert _seqs(back) == exports[50:100]
    assert f"before={back.context['older']}".encode() in back.content
    with django_assert_max_num_queries(12) as captured:
        client.get(LIST, {"action": "export", "before": older})
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries)


def test_event_detail_shows_the_changes_and_is_audited(client_for):
    client = client_for("admin")
    event = record_event(
        actor=None,
        action=AuditAction.UPDATE,
        object_type="demo.thing",
        object_id="9",
        changes={"status": ["open", "closed"]},
    )
    response = client.get(reverse("audit:event-detail", kwargs={"seq": event.seq}))
    assert response.status_code == 200
    assert '"status"' in response.context["changes_json"]
    assert b"closed" in response.content
    assert event.hash.encode() in response.content
    assert AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="audit.auditevent", object_id=str(event.pk)
    ).exists()


def test_event_detail_unknown_is_404(client_for):
    client = client_for("admin")
    assert client.get(reverse("audit:event-detail", kwargs={"seq": 999999})).status_code == 404


def test_event_detail_is_refused_to_an_institution_admin(client_for):
    event = record_event(actor=None, action=AuditAction.EXPORT)
    client = client_for("admin.sfax")
    assert client.get(reverse("audit:event-detail", kwargs={"seq": event.seq})).status_code == 403


def test_audit_views_accept_no_writes(client_for):
    client = client_for("admin")
    event = record_event(actor=None, action=AuditAction.EXPORT, summary="keep me")
    assert client.post(LIST, {"summary": "x"}).status_code == 405
    url = reverse("audit:event-detail", kwargs={"seq": event.seq})
    assert client.post(url, {"summary": "x"}).status_code == 405
    event.refresh_from_db()
    assert event.summary == "keep me"
