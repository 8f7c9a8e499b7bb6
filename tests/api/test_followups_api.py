"""Follow-ups, scores and transfers through /api/v1: scoped (404), policy (403), bad input
(422, nothing changed), the sensitive answers only with the sensitive permission."""

import datetime

import pytest
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases.models import Case, FollowUpVisit, SustainabilityScore
from tests.factories.cases import CaseFactory
from tests.factories.followups import case_in_support, survey_answers

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def sfax_case(persona):
    return case_in_support(actor=persona("conseiller.sfax"))


def test_list_follow_ups(api_client, sfax_case):
    items = api_client("conseiller.sfax").get(f"cases/{sfax_case.pk}/follow-ups").json()
    assert [i["month"] for i in items] == [3, 6, 12]
    assert items[0]["overdue"] is False and items[0]["score"] is None


def test_follow_ups_other_antenna_404(api_client, sfax_case):
    response = api_client("conseiller.tunis").get(f"cases/{sfax_case.pk}/follow-ups")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_follow_ups_without_permission_403(api_client, sfax_case):
    assert api_client("suivi").get(f"cases/{sfax_case.pk}/follow-ups").status_code == 403


def test_record_follow_up_with_survey(api_client, sfax_case):
    visit = FollowUpVisit.objects.get(case=sfax_case, month=3)
    body = {
        "visited_on": timezone.localdate().isoformat(),
        "state": "business_running",
        "notes": "Doing fine",
        "answers": survey_answers(0.75),
    }
    response = api_client("conseiller.sfax").post(f"follow-ups/{visit.pk}", body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["state"] == "business_running" and data["visited_on"]
    assert 0 < data["score"]["composite"] <= 1
    assert data["score"]["answers"] is None  # counsellors hold no view_health


def test_record_follow_up_bad_input_422_nothing_changed(api_client, sfax_case):
    visit = FollowUpVisit.objects.get(case=sfax_case, month=3)
    client = api_client("conseiller.sfax")
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    for body in (
        {"visited_on": future, "state": "employed"},
        {"visited_on": timezone.localdate().isoformat(), "state": "rich"},
        {
            "visited_on": timezone.localdate().isoformat(),
            "state": "employed",
            "answers": {"x": "y"},
        },
    ):
        response = client.post(f"follow-ups/{visit.pk}", body)
        assert response.status_code == 422, body
    visit.refresh_from_db()
    assert not visit.is_done


def test_record_follow_up_other_antenna_404(api_client, sfax_case):
    visit = FollowUpVisit.objects.get(case=sfax_case, month=3)
    body = {"visited_on": timezone.localdate().isoformat(), "state": "employed"}
    assert api_client("conseiller.tunis").post(f"follow-ups/{visit.pk}", body).status_code == 404


def test_scores_post_and_get(api_client, persona):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    client = api_client("conseiller.sfax")
    response = client.post(f"cases/{case.pk}/scores", {"answers": survey_answers(0.5)})
    assert response.status_code == 201, response.content
    assert response.json()["occasion"] == "intake"
    listing = client.get(f"cases/{case.pk}/scores").json()
    assert listing["threshold"] == 0.5 and listing["weights_published"] is False
    assert "NOT IOM" in listing["weights_source"]
    assert len(listing["items"]) == 1 and listing["items"][0]["answers"] is None
    # The social worker holds the sensitive permission: the answers are shown.
    social = api_client("social.sfax").get(f"cases/{case.pk}/scores").json()
    assert social["items"][0]["answers"] == survey_answers(0.5)
    # A second intake is refused.
    again = client.post(f"cases/{case.pk}/scores", {"answers": survey_answers(1)})
    assert again.status_code == 422
    assert SustainabilityScore.objects.count() == 1


def test_scores_incomplete_answers_422(api_client, persona):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    answers = survey_answers(0.5)
    answers.pop("econ_food")
    response = api_client("conseiller.sfax").post(f"cases/{case.pk}/scores", {"answers": answers})
    assert response.status_code == 422
    assert not SustainabilityScore.objects.exists()


def test_transfer_via_api(api_client, persona, sfax_case):
    persona("conseiller.tunis")  # the Tunis antenna exists
    body = {"to_antenna": "ote-tunis", "reason": "Moved to Tunis", "counsellor": "conseiller.tunis"}
    sfax = api_client("conseiller.sfax")
    response = sfax.post(f"cases/{sfax_case.pk}/transfer", body)
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["from_antenna"], data["to_antenna"], data["counsellor"]) == (
        "ote-sfax",
        "ote-tunis",
        "conseiller.tunis",
    )
    assert sfax.get(f"cases/{sfax_case.pk}").status_code == 404
    assert api_client("conseiller.tunis").get(f"cases/{sfax_case.pk}/follow-ups").status_code == 200
    assert AuditEvent.objects.filter(summary="case transferred").count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"to_antenna": "ote-siege", "reason": "Moved"},
        {"to_antenna": "nowhere", "reason": "Moved"},
        {"to_antenna": "ote-tunis", "reason": ""},
        {"to_antenna": "ote-tunis", "reason": "Moved", "counsellor": "conseiller.sfax"},
        {"to_antenna": "ote-tunis", "reason": "Moved", "counsellor": "nobody"},
    ],
)
def test_transfer_bad_input_422(api_client, persona, sfax_case, body):
    persona("conseiller.tunis")
    persona("superviseur")
    response = api_client("conseiller.sfax").post(f"cases/{sfax_case.pk}/transfer", body)
    assert response.status_code == 422, response.content
    assert Case.objects.get(pk=sfax_case.pk).antenna.code == "ote-sfax"


def test_transfer_other_antenna_404(api_client, persona, sfax_case):
    body = {"to_antenna": "ote-tunis", "reason": "Moved"}
    response = api_client("conseiller.tunis").post(f"cases/{sfax_case.pk}/transfer", body)
    assert response.status_code == 404
