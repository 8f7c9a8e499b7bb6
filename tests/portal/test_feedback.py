"""Feedback ("give your opinion"): the public form and its limits, escaping, moderation."""

import re
import time
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.portal import actions, rules
from masar.portal.forms import form_token
from masar.portal.models import Feedback
from tests.factories import FeedbackFactory, InfoPageFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _post(client, token, *, remote_addr="127.0.0.1", **data):
    body = {
        "rating": 4,
        "comment": "",
        "started": token,
        "website": "",
        "idempotency_key": uuid.uuid4().hex,
        **data,
    }
    return client.post("/feedback/", body, REMOTE_ADDR=remote_addr)


def test_opinion_on_a_service_waits_for_moderation(client, published_service, old_token, english):
    path = f"/services/{published_service.pk}/"
    response = _post(
        client, old_token, service=published_service.pk, comment="Très bon accueil", next=path
    )
    assert response.status_code == 302 and response["Location"] == path
    feedback = Feedback.objects.get()
    assert feedback.service == published_service and feedback.status == "pending"
    assert feedback.rating == 4 and feedback.language == "en"
    # The address is never stored, only a keyed hash of it and the day.
    assert "127.0.0.1" not in feedback.client_key and len(feedback.client_key) == 64
    page = client.get(path).content.decode()
    assert "Thank you for your opinion" in page
    assert "Très bon accueil" not in page  # not published yet
    assert "No published opinion yet" in page


def test_service_page_links_to_the_form_and_shows_published_ratings(
    client, published_service, english
):
    """The service page is kept for the next visitor (60 s), so it carries no form and no
    double-tap key: it links to the opinion form about that service."""
    FeedbackFactory(service=published_service, rating=5, status="published")
    FeedbackFactory(service=published_service, rating=2, status="published")
    FeedbackFactory(service=published_service, rating=1, status="pending")
    path = f"/services/{published_service.pk}/"
    html = client.get(path).content.decode()
    assert 'data-testid="feedback-form"' not in html and "idempotency_key" not in html
    assert "Rated 3.5 out of 5 (2 opinions)" in html
    link = re.search(r'data-testid="feedback-link" href="([^"]+)"', html).group(1)
    form_page = client.get(link.replace("&amp;", "&")).content.decode()
    assert 'data-testid="feedback-form"' in form_page
    assert 'name="website"' in form_page and 'name="started"' in form_page
    assert f'value="{published_service.pk}"' in form_page  # the opinion is about the service
    assert f'href="{path}"' in form_page  # and leads back to it


def test_opinion_on_an_info_page_and_on_the_portal(client, old_token):
    page = InfoPageFactory()
    assert 'data-testid="feedback-form"' in client.get(f"/info/{page.slug}/").content.decode()
    _post(client, old_token, page=page.pk, rating=5)
    _post(client, old_token, rating=3, comment="Portail clair")
    assert Feedback.objects.filter(page=page, rating=5).count() == 1
    assert Feedback.objects.filter(page=None, service=None, rating=3).count() == 1
    assert client.get("/feedback/").status_code == 200


def test_script_in_a_comment_is_shown_as_text(client, published_service, old_token):
    _post(client, old_token, service=published_service.pk, comment="<script>alert(1)</script>")
    feedback = Feedback.objects.get()
    assert feedback.comment == "<script>alert(1)</script>"  # stored as sent, plain text
    feedback.status = "published"
    feedback.save()
    html = client.get(f"/services/{published_service.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_honeypot_refused(client, published_service, old_token, english):
    response = _post(client, old_token, service=published_service.pk, website="http://spam")
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Feedback.objects.exists()


def test_too_fast_and_forged_or_missing_timestamp_refused(client, published_service, english):
    response = _post(client, form_token(), service=published_service.pk)
    assert response.status_code == 400 and "very fast" in response.content.decode()
    for token in ("", "1700000000", form_token(at=time.time() - 3 * 86400)):
        response = _post(client, token, service=published_service.pk)
        assert response.status_code == 400 and "expired" in response.content.decode()
    assert not Feedback.objects.exists()


def test_refusal_keeps_what_was_written_with_a_fresh_form(client, published_service, english):
    response = _post(client, form_token(), service=published_service.pk, comment="Mon avis")
    html = response.content.decode()
    assert "Mon avis" in html and 'data-testid="feedback-refused"' in html


def test_rate_limit_per_address_answers_429(client, published_service, old_token, english):
    for n in range(rules.FEEDBACK_PER_HOUR):
        response = _post(client, old_token, service=published_service.pk, comment=f"avis {n}")
        assert response.status_code == 302
    response = _post(client, old_token, service=published_service.pk, comment="encore un")
    assert response.status_code == 429
    assert "many opinions" in response.content.decode()
    assert Feedback.objects.count() == rules.FEEDBACK_PER_HOUR
    # Another address is not limited.
    other = _post(client, old_token, service=published_service.pk, remote_addr="198.51.100.7")
    assert other.status_code == 302
    assert Feedback.objects.count() == rules.FEEDBACK_PER_HOUR + 1


def test_rate_limits_by_hour_and_by_day(published_service):
    now = timezone.now()
    key = rules.client_key("203.0.113.9", timezone.localdate(now))
    for n in range(rules.FEEDBACK_PER_HOUR):
        FeedbackFactory(
            client_key=key, created_at=now - timezone.timedelta(hours=2), comment=str(n)
        )
    # Five two hours ago: still allowed this hour.
    actions.submit_feedback(rating=3, client_ip="203.0.113.9", now=now)
    for n in range(rules.FEEDBACK_PER_DAY - rules.FEEDBACK_PER_HOUR - 1):
        FeedbackFactory(
            client_key=key, created_at=now - timezone.timedelta(hours=3), comment=f"x{n}"
        )
    with pytest.raises(actions.FeedbackRateLimited):
        actions.submit_feedback(rating=3, client_ip="203.0.113.9", now=now)
    # Another address, or the next day, starts afresh.
    actions.submit_feedback(rating=3, client_ip="203.0.113.10", now=now)
    actions.submit_feedback(rating=3, client_ip="203.0.113.9", now=now + timezone.timedelta(days=1))


def test_duplicate_comment_refused(client, published_service, old_token, english):
    _post(client, old_token, service=published_service.pk, comment="Merci  beaucoup")
    response = _post(client, old_token, service=published_service.pk, comment="merci beaucoup ")
    assert response.status_code == 400 and "already received" in response.content.decode()
    assert Feedback.objects.count() == 1


def test_same_long_comment_from_another_address_is_spam(published_service):
    text = "Visitez notre site pour gagner de l'argent rapidement et facilement"
    actions.submit_feedback(
        rating=5, comment=text, service=published_service, client_ip="192.0.2.1"
    )
    with pytest.raises(ValidationError) as excinfo:
        actions.submit_feedback(
            rating=5, comment=text.upper(), service=published_service, client_ip="192.0.2.2"
        )
    assert excinfo.value.code == "duplicate"
    # A short common comment from another person is fine.
    actions.submit_feedback(
        rating=5, comment="Merci", service=published_service, client_ip="192.0.2.1"
    )
    actions.submit_feedback(
        rating=5, comment="Merci", service=published_service, client_ip="192.0.2.2"
    )


def test_too_many_links_and_too_long_refused(client, published_service, old_token, english):
    links = "http://a.example https://b.example www.c.example"
    response = _post(client, old_token, service=published_service.pk, comment=links)
    assert response.status_code == 400 and "too many links" in response.content.decode()
    response = _post(client, old_token, service=published_service.pk, comment="x" * 1001)
    assert response.status_code == 400 and "too long" in response.content.decode()
    assert not Feedback.objects.exists()
    _post(client, old_token, service=published_service.pk, comment="voir https://a.example")
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize("rating", ["0", "6", "abc", ""])
def test_bad_rating_refused(client, published_service, old_token, rating):
    response = _post(client, old_token, service=published_service.pk, rating=rating)
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_unpublished_targets_refused(client, old_token, english):
    draft = ServiceFactory()
    page = InfoPageFactory(published=False)
    for data in ({"service": draft.pk}, {"page": page.pk}, {"service": uuid.uuid4()}):
        response = _post(client, old_token, **data)
        assert (
            response.status_code == 400 and "cannot receive opinions" in response.content.decode()
        )
    assert not Feedback.objects.exists()


def test_double_submission_saves_once(client, published_service, old_token):
    key = uuid.uuid4().hex
    first = _post(client, old_token, service=published_service.pk, idempotency_key=key)
    second = _post(client, old_token, service=published_service.pk, idempotency_key=key)
    assert first.status_code == second.status_code == 302
    assert Feedback.objects.count() == 1


def test_unsafe_next_is_ignored(client, published_service, old_token):
    response = _post(client, old_token, service=published_service.pk, next="https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/feedback/"


def test_target_constraint_one_at_most(published_service):
    from django.db import IntegrityError, transaction

    page = InfoPageFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Feedback.objects.create(service=published_service, page=page, rating=3, client_key="k")


# --- Moderation ------------------------------------------------------------------------------


def test_moderation_publishes_and_rejects_audited(client_for, published_service, english):
    first = FeedbackFactory(service=published_service, comment="Premier avis")
    second = FeedbackFactory(service=published_service, comment="Second avis")
    c = client_for("suivi")
    queue = c.get("/portal/feedback/").content.decode()
    assert "Premier avis" in queue and "Second avis" in queue
    read = AuditEvent.objects.get(object_type="portal.feedback", action="read")
    assert read.actor_username == "suivi" and "2 rows" in read.summary
    assert (
        c.post(f"/portal/feedback/{first.pk}/moderate/", {"decision": "published"}).status_code
        == 302
    )
    c.post(f"/portal/feedback/{second.pk}/moderate/", {"decision": "rejected"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "published" and first.moderated_by.username == "suivi"
    assert second.status == "rejected"
    events = AuditEvent.objects.filter(object_type="portal.feedback", action="update").values_list(
        "changes", flat=True
    )
    assert sorted(e["status"][1] for e in events) == ["published", "rejected"]
    assert "Premier avis" not in c.get("/portal/feedback/").content.decode()
    assert "Premier avis" in c.get("/portal/feedback/", {"status": "published"}).content.decode()
    # Public page: only the published one.
    public = c.get(f"/services/{published_service.pk}/").content.decode()
    assert "Premier avis" in public and "Second avis" not in public


def test_moderation_refuses_unknown_decision(persona):
    feedback = FeedbackFactory()
    with pytest.raises(ValidationError):
        actions.moderate_feedback(actor=persona("admin"), feedback=feedback, decision="deleted")
    with pytest.raises(PermissionDenied):
        actions.moderate_feedback(
            actor=persona("conseiller.tunis"), feedback=feedback, decision="published"
        )
    feedback.refresh_from_db()
    assert feedback.status == "pending"


@pytest.mark.parametrize("who", ["conseiller.sfax", "mediateur.lamarsa", "onm"])
def test_moderation_refused_without_permission(client_for, who):
    feedback = FeedbackFactory()
    c = client_for(who)
    assert c.get("/portal/feedback/").status_code == 403
    assert (
        c.post(f"/portal/feedback/{feedback.pk}/moderate/", {"decision": "published"}).status_code
        == 403
    )
    feedback.refresh_from_db()
    assert feedback.status == "pending"


def test_moderation_queue_query_count(client_for, published_service, django_assert_num_queries):
    c = client_for("admin")
    for _ in range(3):
        FeedbackFactory(service=published_service)
    c.get("/portal/feedback/")
    with django_assert_num_queries(11):  # 6 + the audited read (5)
        c.get("/portal/feedback/")
    for _ in range(3):
        FeedbackFactory(page=InfoPageFactory())
    with django_assert_num_queries(11):  # 6 + the audited read (5)
        c.get("/portal/feedback/")


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("", 0),
        ("Merci pour l'accueil.", 0),
        ("voir https://spam.com/x et http://b.example", 2),
        ("www.a.tn, casino.com and https://c.org/page?x=1", 3),
        ("Écrivez à contact.info", 1),
    ],
)
def test_links_are_counted_once_each(text, links):
    assert rules.count_links(text) == links
