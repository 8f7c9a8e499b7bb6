"""The case operations: scoped to the caller's antenna, audited, through the case actions."""

import pytest
from django.utils.translation import gettext, override

from masar.api.schemas_cases import BeneficiaryOut, CaseDetailOut
from masar.audit.models import AuditAction, AuditEvent
from masar.cases.models import Beneficiary, Case, CaseStatus
from masar.core.classification import SENSITIVE, field_class
from tests.factories.cases import BeneficiaryFactory, CaseFactory

PROBLEM = "application/problem+json"
CONSENT = {
    "purposes": {"case_management": True, "statistics": False},
    "text_version": "tounesna-consent-fr-v1",
    "language": "fr",
}


def tr(msgid, language):
    with override(language):
        return gettext(msgid)


@pytest.fixture
def sfax_and_tunis_cases(persona):
    sfax = [CaseFactory(actor=persona("conseiller.sfax")) for _ in range(2)]
    tunis = CaseFactory(actor=persona("conseiller.tunis"))
    return sfax, tunis


def test_cases_list_shows_only_own_antenna(api_client, sfax_and_tunis_cases):
    sfax, _tunis = sfax_and_tunis_cases
    page = api_client("conseiller.sfax").get("cases").json()
    assert page["count"] == 2
    assert {i["id"] for i in page["items"]} == {str(c.pk) for c in sfax}
    assert {i["antenna"] for i in page["items"]} == {"ote-sfax"}


def test_cases_list_supervisor_sees_every_antenna(api_client, sfax_and_tunis_cases):
    assert api_client("superviseur").get("cases").json()["count"] == 3


def test_cases_list_filters_and_paginates(api_client, persona):
    counsellor = persona("conseiller.sfax")
    amel = BeneficiaryFactory(
        actor=counsellor, consent=True, first_name="Amel", last_name="Trabelsi"
    )
    CaseFactory(actor=counsellor, beneficiary=amel)
    # Named too: a random name could be Amel as well.
    karim = BeneficiaryFactory(
        actor=counsellor, consent=True, first_name="Karim", last_name="Jelassi"
    )
    other = CaseFactory(actor=counsellor, beneficiary=karim)
    other_id = str(other.pk)
    from masar.cases.actions import change_case_status

    change_case_status(actor=counsellor, case=other, to=CaseStatus.ASSESSMENT)
    client = api_client("conseiller.sfax")

    found = client.get("cases?search=amel").json()
    assert [i["beneficiary"]["first_name"] for i in found["items"]] == ["Amel"]
    assessed = client.get("cases?status=assessment").json()
    assert [i["id"] for i in assessed["items"]] == [other_id]
    page = client.get("cases?limit=1&offset=1").json()
    assert page["count"] == 2 and len(page["items"]) == 1
    assert client.get("cases?limit=0").status_code == 422
    assert client.get("cases?status=nonsense").status_code == 422


def test_cases_detail_of_another_antenna_is_404(api_client, sfax_and_tunis_cases):
    sfax, _tunis = sfax_and_tunis_cases
    client = api_client("conseiller.tunis")
    response = client.get(f"cases/{sfax[0].pk}")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    person = client.get(f"beneficiaries/{sfax[0].beneficiary_id}")
    assert person.status_code == 404
    moved = client.post(f"cases/{sfax[0].pk}/status", {"to": "assessment"})
    assert moved.status_code == 404
    person = BeneficiaryFactory(actor=sfax[0].counsellor, consent=True)
    assert client.post("cases", {"beneficiary": str(person.pk)}).status_code == 404
    consent = client.post(f"beneficiaries/{person.pk}/consents", CONSENT)
    assert consent.status_code == 404
    assert not Case.objects.filter(beneficiary=person).exists()
    assert Case.objects.get(pk=sfax[0].pk).status == CaseStatus.RECEPTION


@pytest.mark.parametrize("who", ["aneti.sfax", "suivi", "onm", "admin", "admin.sfax"])
def test_cases_other_roles_are_forbidden(api_client, persona, who):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    client = api_client(who)
    for response in (
        client.get("cases"),
        client.get(f"cases/{case.pk}"),
        client.get(f"beneficiaries/{case.beneficiary_id}"),
        client.post("beneficiaries", {"first_name": "A", "last_name": "B"}),
        client.post("cases", {"beneficiary": str(case.beneficiary_id)}),
        client.post(f"cases/{case.pk}/status", {"to": "assessment"}),
        client.post(f"beneficiaries/{case.beneficiary_id}/consents", CONSENT),
    ):
        assert response.status_code == 403
        assert response["Content-Type"] == PROBLEM
    assert Beneficiary.objects.count() == 1


def test_cases_register_consent_open_and_move(api_client, persona):
    client = api_client("conseiller.sfax")
    created = client.post(
        "beneficiaries", {"first_name": " Amel ", "last_name": "Ben Salah", "phone": "98 123 456"}
    )
    assert created.status_code == 201
    person = created.json()
    assert person["phone"] == "+21698123456"
    assert person["first_name"] == "Amel"
    assert person["institution"] == "ote-sfax"
    assert person["active_consents"] == [] and person["cases"] == []
    assert created["Location"] == f"/api/v1/beneficiaries/{person['id']}"

    consents = client.post(f"beneficiaries/{person['id']}/consents", CONSENT)
    assert consents.status_code == 201
    assert {(c["purpose"], c["granted"]) for c in consents.json()} == {
        ("case_management", True),
        ("statistics", False),
    }

    opened = client.post("cases", {"beneficiary": person["id"]})
    assert opened.status_code == 201
    case = opened.json()
    assert case["status"] == "reception"
    assert case["beneficiary"]["id"] == person["id"]
    assert set(case["allowed_next"]) == {"assessment", "closed"}
    assert opened["Location"] == f"/api/v1/cases/{case['id']}"

    moved = client.post(f"cases/{case['id']}/status", {"to": "assessment"})
    assert moved.status_code == 200 and moved.json()["status"] == "assessment"
    closed = client.post(f"cases/{case['id']}/status", {"to": "closed", "reason": "Moved away"})
    assert closed.json()["status"] == "closed"
    assert closed.json()["closure_reason"] == "Moved away"

    detail = client.get(f"cases/{case['id']}").json()
    assert [e["kind"] for e in detail["events"]] == [
        "opened",
        "status_changed",
        "status_changed",
    ]
    again = client.get(f"beneficiaries/{person['id']}").json()
    assert again["active_consents"] == ["case_management"]
    assert [c["id"] for c in again["cases"]] == [case["id"]]


def test_cases_open_without_consent_is_422_translated(api_client, persona):
    person = BeneficiaryFactory(actor=persona("conseiller.sfax"))
    response = api_client("conseiller.sfax", language="en").post(
        "cases", {"beneficiary": str(person.pk)}
    )
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == tr("Invalid data", "en")
    assert body["errors"][0]["msg"] == tr(
        "A case can be opened only with the person's consent to case management.", "en"
    )
    assert not Case.objects.exists()


def test_cases_bad_input_is_422_and_changes_nothing(api_client, persona):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    client = api_client("conseiller.sfax", language="en")
    bad_phone = client.post("beneficiaries", {"first_name": "A", "last_name": "B", "phone": "12"})
    assert bad_phone.status_code == 422
    assert bad_phone.json()["errors"][0]["loc"] == ["body", "phone"]
    no_reason = client.post(f"cases/{case.pk}/status", {"to": "closed"})
    assert no_reason.status_code == 422
    assert no_reason.json()["errors"][0]["loc"] == ["body", "reason"]
    skip = client.post(f"cases/{case.pk}/status", {"to": "support"})
    assert skip.status_code == 422
    unknown = client.post("cases", {"beneficiary": "00000000-0000-0000-0000-000000000000"})
    assert unknown.status_code == 404
    bad_consent = client.post(
        f"beneficiaries/{case.beneficiary_id}/consents", {**CONSENT, "language": "de"}
    )
    assert bad_consent.status_code == 422
    assert Case.objects.get(pk=case.pk).status == CaseStatus.RECEPTION
    assert Beneficiary.objects.count() == 1
    assert client.get("cases/not-a-uuid").status_code == 422


def test_cases_idempotent_retry_registers_one_person(api_client):
    client = api_client("conseiller.sfax")
    headers = {"Idempotency-Key": "b7e1-register-retry"}
    body = {"first_name": "Amel", "last_name": "Ben Salah"}
    first = client.post("beneficiaries", body, headers=headers)
    second = client.post("beneficiaries", body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second["Idempotent-Replayed"] == "true"
    assert Beneficiary.objects.count() == 1


def test_cases_reads_are_audited(api_client, persona):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    client = api_client("conseiller.sfax")
    reads = AuditEvent.objects.filter(action=AuditAction.READ, actor_username="conseiller.sfax")
    client.get("cases")
    assert reads.filter(object_type="cases.case", object_id="").count() == 1
    client.get(f"cases/{case.pk}")
    assert reads.filter(object_type="cases.case", object_id=str(case.pk)).count() == 1
    client.get(f"beneficiaries/{case.beneficiary_id}")
    assert reads.filter(
        object_type="cases.beneficiary", object_id=str(case.beneficiary_id)
    ).exists()
    api_client("conseiller.tunis").get(f"cases/{case.pk}")
    assert not AuditEvent.objects.filter(
        action=AuditAction.READ, actor_username="conseiller.tunis", object_id=str(case.pk)
    ).exists()


def test_cases_schemas_expose_no_sensitive_or_bookkeeping_field():
    for schema, model in ((BeneficiaryOut, Beneficiary), (CaseDetailOut, Case)):
        for name in schema.model_fields:
            assert field_class(model, name) not in SENSITIVE, name
        assert not {"created_by", "taken_by"} & set(schema.model_fields)
