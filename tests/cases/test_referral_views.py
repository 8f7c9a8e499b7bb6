"""Referral pages through HTTP: sending from the case, the partner's inbox with the minimum
of the case, answering, feedback, figures; scoping (404), audited reads, no N+1."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from masar.audit.models import AuditEvent
from masar.cases.actions import referrals as referral_actions
from masar.cases.models import CaseEvent, Consent, Referral
from tests.factories.cases import BeneficiaryFactory, CaseFactory
from tests.factories.referrals import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def aneti(persona):
    return persona.institution("aneti-sfax")


@pytest.fixture
def referral(sfax, aneti):
    return ReferralFactory(
        actor=sfax, institution=aneti, reason="Registration as a job seeker (mechanics)."
    )


def _due(days=10):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_counsellor_sends_a_referral_from_the_case(sfax, aneti, client_for):
    case = CaseFactory(actor=sfax)
    client = client_for("conseiller.sfax")
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert reverse("cases:referral-send", args=[case.pk]) in page
    url = reverse("cases:referral-send", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"institution": aneti.pk, "reason": "Needs a job.", "due_date": _due()},
    )
    assert response.status_code == 302
    referral = Referral.objects.get(case=case)
    assert (referral.institution, referral.sent_by) == (aneti, sfax)
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="case-referrals"' in page and escape(aneti.name) in page


def test_referral_outside_the_consent_is_refused_on_the_page(sfax, persona, client_for, english):
    case = CaseFactory(actor=sfax)
    client = client_for("conseiller.sfax")
    response = client.post(
        reverse("cases:consent-record", args=[case.beneficiary.pk]),
        {
            "text_version": "tounesna-consent-fr-v2",
            "language": "fr",
            "purpose_case_management": "on",
            "purpose_referrals": "on",
            "referral_kinds": ["aneti"],
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.active().get(beneficiary=case.beneficiary, purpose="referrals")
    assert consent.institution_kinds == ["aneti"]
    cps = persona.institution("cps-sfax")
    response = client.post(
        reverse("cases:referral-send", args=[case.pk]),
        {"institution": cps.pk, "reason": "Social enquiry.", "due_date": _due()},
    )
    assert response.status_code == 200
    assert "does not cover this kind of institution" in response.content.decode()
    assert not Referral.objects.exists()


def test_inbox_shows_the_minimum_of_own_referrals_only(
    sfax, aneti, persona, client_for, django_assert_max_num_queries
):
    mine = [ReferralFactory(actor=sfax, institution=aneti) for _ in range(3)]
    other = ReferralFactory(actor=sfax, institution=persona.institution("cps-sfax"))
    client = client_for("aneti.sfax")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("cases:referral-inbox"))
    body = response.content.decode()
    for referral in mine:
        person = referral.case.beneficiary
        assert person.last_name in body and person.phone in body
        assert reverse("cases:referral-detail", args=[referral.pk]) in body
        assert reverse("cases:case-detail", args=[referral.case_id]) not in body
    assert reverse("cases:referral-detail", args=[other.pk]) not in body
    assert other.case.beneficiary.phone not in body
    # The page's query count does not grow with the rows.
    for _ in range(5):
        ReferralFactory(actor=sfax, institution=aneti)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("cases:referral-inbox")).status_code == 200
    assert AuditEvent.objects.filter(
        action="read", object_type="cases.referral", actor_id=persona("aneti.sfax").pk
    ).exists()


def test_partner_referral_page_shows_no_case_link(referral, client_for, persona):
    response = client_for("aneti.sfax").get(reverse("cases:referral-detail", args=[referral.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "mechanics" in body and referral.case.beneficiary.phone in body
    assert reverse("cases:case-detail", args=[referral.case_id]) not in body
    assert AuditEvent.objects.filter(
        action="read", object_id=str(referral.pk), actor_id=persona("aneti.sfax").pk
    ).exists()
    # The partner still cannot open the case page.
    assert (
        client_for("cps.sfax").get(reverse("cases:referral-detail", args=[referral.pk])).status_code
        == 404
    )


@pytest.mark.parametrize("who", ["cps.sfax", "conseiller.tunis"])
def test_another_institutions_referral_is_404(referral, client_for, who):
    client = client_for(who)
    assert client.get(reverse("cases:referral-detail", args=[referral.pk])).status_code == 404


def test_cps_officer_cannot_answer_anetis_referral(referral, client_for):
    client = client_for("cps.sfax")
    assert client.post(reverse("cases:referral-accept", args=[referral.pk])).status_code == 404
    assert Referral.objects.get(pk=referral.pk).status == "sent"


def test_partner_accepts_declines_and_completes_through_the_pages(sfax, aneti, client_for, english):
    client = client_for("aneti.sfax")
    first = ReferralFactory(actor=sfax, institution=aneti)
    second = ReferralFactory(actor=sfax, institution=aneti)
    response = client.post(reverse("cases:referral-accept", args=[first.pk]))
    assert response.status_code == 302
    response = client.post(
        reverse("cases:referral-complete", args=[first.pk]), {"outcome": "Registered."}
    )
    first.refresh_from_db()
    assert (first.status, first.outcome) == ("completed", "Registered.")
    # Declining without a reason: a clear message, nothing changed.
    response = client.post(
        reverse("cases:referral-decline", args=[second.pk]), {"reason": ""}, follow=True
    )
    assert "Say why the referral is declined." in response.content.decode()
    assert Referral.objects.get(pk=second.pk).status == "sent"
    client.post(reverse("cases:referral-decline", args=[second.pk]), {"reason": "Full."})
    assert Referral.objects.get(pk=second.pk).status == "declined"
    kinds = set(CaseEvent.objects.filter(case=first.case).values_list("kind", flat=True))
    assert {"referral_sent", "referral_accepted", "referral_completed"} <= kinds


def test_counsellor_records_feedback_and_cancels(referral, sfax, persona, client_for):
    client = client_for("conseiller.sfax")
    referral_actions.accept_referral(actor=persona("aneti.sfax"), referral=referral)
    response = client.post(
        reverse("cases:referral-feedback", args=[referral.pk]),
        {"received": "no", "satisfaction": "2", "comment": "Nobody called back."},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.feedback_received, referral.feedback_satisfaction) == (False, 2)
    page = client.get(reverse("cases:referral-detail", args=[referral.pk])).content.decode()
    assert "Nobody called back." in page
    # The partner does not see the person's feedback.
    partner = client_for("aneti.sfax").get(reverse("cases:referral-detail", args=[referral.pk]))
    assert "Nobody called back." not in partner.content.decode()
    client.post(reverse("cases:referral-cancel", args=[referral.pk]), {"reason": "Moved."})
    assert Referral.objects.get(pk=referral.pk).status == "cancelled"


def test_figures_page_shows_aggregates_without_names(referral, client_for, persona):
    response = client_for("suivi").get(reverse("cases:referral-figures"))
    body = response.content.decode()
    assert response.status_code == 200
    assert escape(persona.institution("aneti-sfax").name) in body
    assert referral.case.beneficiary.full_name not in body
    assert referral.case.beneficiary.phone not in body
    assert client_for("conseiller.sfax").get(reverse("cases:referral-figures")).status_code == 403


def test_person_page_lists_the_referrals(referral, client_for):
    url = reverse("cases:beneficiary-detail", args=[referral.case.beneficiary_id])
    body = client_for("conseiller.sfax").get(url).content.decode()
    assert reverse("cases:referral-detail", args=[referral.pk]) in body


def test_no_consent_warning_on_the_send_page(sfax, client_for):
    person = BeneficiaryFactory(actor=sfax)
    from masar.cases import actions

    actions.record_consent(
        actor=sfax,
        beneficiary=person,
        purposes={"case_management": True, "referrals": False},
        text_version="v1",
        language="fr",
    )
    case = actions.open_case(actor=sfax, beneficiary=person)
    body = client_for("conseiller.sfax").get(reverse("cases:referral-send", args=[case.pk]))
    assert 'data-testid="no-referral-consent"' in body.content.decode()


def test_person_page_shows_the_kinds_a_consent_covers(sfax, client_for):
    from masar.cases import actions

    case = CaseFactory(actor=sfax)
    actions.record_consent(
        actor=sfax,
        beneficiary=case.beneficiary,
        purposes={"referrals": True},
        text_version="v2",
        language="fr",
        referral_kinds=["aneti"],
    )
    url = reverse("cases:beneficiary-detail", args=[case.beneficiary_id])
    body = client_for("conseiller.sfax").get(url).content.decode()
    assert "ANETI" in body
