"""The plan operations: scoped, audited, through the plan actions."""

import datetime

import pytest
from django.utils import timezone

from masar.audit.models import AuditAction, AuditEvent
from masar.cases.actions import withdraw_consent
from masar.cases.models import CaseEvent, CaseEventKind, PlanAction, PlanTrack
from tests.factories.accounts import InstitutionFactory
from tests.factories.cases import CaseFactory
from tests.factories.needs import PlanActionFactory, PlanTrackFactory, VulnerabilityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(persona):
    return CaseFactory(actor=persona("conseiller.sfax"))


def _body(institution_, **extra):
    due = timezone.localdate() + datetime.timedelta(days=30)
    return {
        "track": "business",
        "description": "Achat de l'équipement",
        "institution": institution_.code,
        "due_date": due.isoformat(),
        **extra,
    }


def test_plan_is_read_with_overdue_actions_and_audited(api_client, case, persona):
    sfax = persona("conseiller.sfax")
    track = PlanTrackFactory(actor=sfax, case=case, kind="employment")
    PlanActionFactory(actor=sfax, track=track, due_in=-2)
    PlanActionFactory(actor=sfax, track=track, due_in=5)
    VulnerabilityFactory(
        actor=persona("social.sfax"), case=case, kind="addiction", details="Détail de santé"
    )
    response = api_client("conseiller.sfax").get(f"cases/{case.pk}/plan")
    assert response.status_code == 200
    plan = response.json()
    assert plan["overdue"] == 1
    assert [t["kind"] for t in plan["tracks"]] == ["employment"]
    assert [a["overdue"] for a in plan["tracks"][0]["actions"]] == [True, False]
    assert "Détail de santé" not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.READ, object_id=str(case.pk), summary="plan via API"
    ).exists()


def test_plan_action_is_added_with_its_track(api_client, case):
    aneti = InstitutionFactory(kind="aneti")
    client = api_client("conseiller.sfax")
    response = client.post(f"cases/{case.pk}/plan/actions", _body(aneti))
    assert response.status_code == 201, response.content
    assert response.json()["institution"] == aneti.code
    assert response["Location"].endswith(f"/cases/{case.pk}/plan")
    client.post(f"cases/{case.pk}/plan/actions", _body(aneti, description="Étude de marché"))
    assert PlanTrack.objects.get(case=case).kind == "business"
    assert PlanAction.objects.count() == 2
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.PLAN_UPDATED).count() == 3


def test_plan_action_bad_input_changes_nothing(api_client, case, persona):
    aneti = InstitutionFactory(kind="aneti")
    client = api_client("conseiller.sfax")
    url = f"cases/{case.pk}/plan/actions"
    for body in (
        _body(aneti, institution="no-such-institution"),
        _body(aneti, due_date="1990-01-01"),
        _body(aneti, status="done"),  # done needs a result
        _body(aneti, track="holiday"),
    ):
        response = client.post(url, body)
        assert response.status_code == 422, (body, response.content)
    withdraw_consent(
        actor=persona("conseiller.sfax"), beneficiary=case.beneficiary, purpose="case_management"
    )
    assert client.post(url, _body(aneti)).status_code == 422
    assert not PlanTrack.objects.exists() and not PlanAction.objects.exists()


def test_plan_of_another_antenna_is_404(api_client, case):
    aneti = InstitutionFactory(kind="aneti")
    client = api_client("conseiller.tunis")
    assert client.get(f"cases/{case.pk}/plan").status_code == 404
    assert client.post(f"cases/{case.pk}/plan/actions", _body(aneti)).status_code == 404
    assert not PlanAction.objects.exists()
