"""The referral operations: case staff send and follow, the receiving institution's officers
answer from their inbox; outside one's scope is a 404; audited; same actions as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases import actions
from masar.cases.models import CaseEvent, Referral
from tests.factories.cases import CaseFactory
from tests.factories.referrals import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def aneti(persona):
    return persona.institution("aneti-sfax")


def _due(days=10):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_the_whole_loop_through_the_api(sfax, aneti, api_client):
    counsellor, officer = api_client("conseiller.sfax"), api_client("aneti.sfax")
    case = CaseFactory(actor=sfax)
    response = counsellor.post(
        "referrals",
        {
            "case": str(case.pk),
            "institution": "aneti-sfax",
            "reason": "Registration as a job seeker.",
            "due_date": _due(),
        },
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert response["Location"].endswith(f"/api/v1/referrals/{created['id']}")
    assert (created["status"], created["institution"], created["case"]) == (
        "sent",
        "aneti-sfax",
        str(case.pk),
    )
    inbox = officer.get("referrals").json()
    assert [i["id"] for i in inbox["items"]] == [created["id"]]
    item = inbox["items"][0]
    # The minimum of the case: name, phone, reason, due date; no case id, no feedback.
    assert item["person"]["phone"] == case.beneficiary.phone
    assert (item["case"], item["feedback"]) == (None, None)
    path = f"referrals/{created['id']}"
    assert officer.post(f"{path}/accept").json()["status"] == "accepted"
    done = officer.post(f"{path}/complete", {"outcome": "Registered."}).json()
    assert (done["status"], done["outcome"]) == ("completed", "Registered.")
    feedback = counsellor.post(f"{path}/feedback", {"received": True, "satisfaction": 5}).json()
    assert feedback["feedback"]["satisfaction"] == 5
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[-4:] == [
        "referral_sent",
        "referral_accepted",
        "referral_completed",
        "referral_feedback",
    ]


def test_create_refused_when_consent_does_not_cover_the_kind(sfax, persona, api_client):
    case = CaseFactory(actor=sfax)
    actions.record_consent(
        actor=sfax,
        beneficiary=case.beneficiary,
        purposes={"referrals": True},
        text_version="v2",
        language="fr",
        referral_kinds=["aneti"],
    )
    persona.institution("cps-sfax")
    response = api_client("conseiller.sfax", language="en").post(
        "referrals",
        {"case": str(case.pk), "institution": "cps-sfax", "reason": "x", "due_date": _due()},
    )
    assert response.status_code == 422
    assert "does not cover this kind of institution" in response.json()["errors"][0]["msg"]
    assert not Referral.objects.exists()


def test_tunis_counsellor_gets_404_on_sfax_case_and_referral(sfax, aneti, api_client):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    tunis = api_client("conseiller.tunis")
    response = tunis.post(
        "referrals",
        {
            "case": str(referral.case_id),
            "institution": "aneti-sfax",
            "reason": "x",
            "due_date": _due(),
        },
    )
    assert response.status_code == 404
    assert tunis.get(f"referrals/{referral.pk}").status_code == 404
    assert tunis.post(f"referrals/{referral.pk}/cancel", {}).status_code == 404
    assert tunis.get("referrals").json()["count"] == 0


def test_other_institutions_officer_gets_404(sfax, aneti, api_client):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    cps = api_client("cps.sfax")
    assert cps.get(f"referrals/{referral.pk}").status_code == 404
    assert cps.post(f"referrals/{referral.pk}/accept").status_code == 404
    assert cps.get("referrals").json()["count"] == 0
    assert Referral.objects.get(pk=referral.pk).status == "sent"


def test_decline_without_reason_is_422_and_changes_nothing(sfax, aneti, api_client):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    response = api_client("aneti.sfax").post(f"referrals/{referral.pk}/decline", {"reason": ""})
    assert response.status_code == 422
    assert Referral.objects.get(pk=referral.pk).status == "sent"


def test_partner_cannot_cancel_or_record_feedback(sfax, aneti, api_client):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    officer = api_client("aneti.sfax")
    assert officer.post(f"referrals/{referral.pk}/cancel", {}).status_code == 403
    assert officer.post(f"referrals/{referral.pk}/feedback", {"received": True}).status_code == 403


def test_reads_are_audited(sfax, aneti, api_client, persona):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    api_client("aneti.sfax").get(f"referrals/{referral.pk}")
    assert AuditEvent.objects.filter(
        action="read", object_id=str(referral.pk), actor_id=persona("aneti.sfax").pk
    ).exists()


def test_figures_are_aggregates(sfax, aneti, api_client):
    ReferralFactory(actor=sfax, institution=aneti)
    rows = api_client("suivi").get("referral-figures").json()
    assert rows == [
        {
            "institution": "aneti-sfax",
            "institution_name": aneti.name,
            "institution_kind": "aneti",
            "sent": 1,
            "accepted": 0,
            "declined": 0,
            "completed": 0,
            "completed_on_time": 0,
            "median_days_to_accept": None,
            "mean_days_to_accept": None,
            "median_days_to_complete": None,
            "mean_days_to_complete": None,
        }
    ]
    assert api_client("conseiller.sfax").get("referral-figures").status_code == 403


def test_consent_api_takes_the_kinds_of_institution(sfax, api_client):
    case = CaseFactory(actor=sfax)
    client = api_client("conseiller.sfax")
    path = f"beneficiaries/{case.beneficiary_id}/consents"
    body = {"purposes": {"referrals": True}, "text_version": "v2", "language": "fr"}
    response = client.post(path, {**body, "referral_kinds": ["aneti", "cps"]})
    assert response.status_code == 201
    assert response.json()[0]["institution_kinds"] == ["aneti", "cps"]
    response = client.post(path, {**body, "referral_kinds": ["ote_hq"]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "referral_kinds"]
