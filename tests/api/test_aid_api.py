"""The aid operations of /api/v1: the same actions, scoping (404) and policy (403) as the
pages; an approval over the envelope is a 422 and changes nothing."""

from decimal import Decimal

import pytest
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases.models import AidFile, AidStatus, CaseEvent, CaseEventKind, Enrolment
from tests.factories.aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory, make_eligible
from tests.factories.cases import CaseFactory

pytestmark = pytest.mark.django_db


def test_the_whole_path_through_the_api(persona, api_client):
    sfax = persona("conseiller.sfax")
    case = CaseFactory(actor=sfax)
    make_eligible(case.beneficiary, actor=sfax, returned_from="DE")
    programme = ProgrammeFactory(code="progres-2", envelope=Decimal("20000"), quota=320)
    counsellor, boss = api_client("conseiller.sfax"), api_client("superviseur")

    r = counsellor.post(f"cases/{case.pk}/enrolments", {"programme": "progres-2"})
    assert r.status_code == 201, r.content
    enrolment = r.json()
    assert enrolment["eligible"] is True and enrolment["programme"] == "progres-2"
    assert {c["rule"] for c in enrolment["checks"]} == {
        "tunisian_national",
        "returned_from_eu_ch",
        "return_date_recorded",
    }
    assert all(c["explanation"] for c in enrolment["checks"])

    r = counsellor.post(
        "aid-files",
        {"enrolment": enrolment["id"], "kind": "business_in_kind", "amount": "12500.250"},
    )
    assert r.status_code == 201, r.content
    aid = r.json()
    assert aid["status"] == "draft" and Decimal(aid["amount"]) == Decimal("12500.250")
    assert aid["funder"] == programme.funder
    assert r["Location"].endswith(f"/api/v1/aid-files/{aid['id']}")

    assert counsellor.post(f"aid-files/{aid['id']}/submit").json()["status"] == "submitted"
    # The counsellor does not decide; the supervisor does.
    assert (
        counsellor.post(f"aid-files/{aid['id']}/decision", {"decision": "approve"}).status_code
        == 403
    )
    r = boss.post(f"aid-files/{aid['id']}/decision", {"decision": "approve"})
    assert r.status_code == 200 and r.json()["status"] == "approved"

    r = counsellor.get(f"aid-files/{aid['id']}/contract?language=ar")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")

    today = timezone.localdate().isoformat()
    r = boss.post(
        f"aid-files/{aid['id']}/tranches",
        {"amount": "10000", "paid_on": today, "reference": "VIR-1"},
    )
    assert r.status_code == 201, r.content
    r = boss.post(
        f"aid-files/{aid['id']}/tranches",
        {"amount": "2500.251", "paid_on": today, "reference": "VIR-2"},
    )
    assert r.status_code == 422
    detail = counsellor.get(f"aid-files/{aid['id']}").json()
    assert Decimal(detail["disbursed"]) == Decimal("10000")
    assert [t["reference"] for t in detail["tranches"]] == ["VIR-1"]

    kinds = set(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert {
        CaseEventKind.ELIGIBILITY_CHECKED,
        CaseEventKind.AID_SUBMITTED,
        CaseEventKind.AID_DECIDED,
        CaseEventKind.AID_CONTRACT,
        CaseEventKind.AID_DISBURSED,
    } <= kinds
    assert AuditEvent.objects.filter(object_id=aid["id"], action="read").exists()


def test_an_approval_over_the_envelope_is_refused_and_changes_nothing(persona, api_client):
    sfax = persona("conseiller.sfax")
    programme = ProgrammeFactory(envelope=Decimal("1000"))
    aid = AidFileFactory(
        actor=sfax,
        amount=Decimal("1000.001"),
        submit=True,
        enrolment=EnrolmentFactory(actor=sfax, programme=programme),
    )
    r = api_client("superviseur").post(f"aid-files/{aid.pk}/decision", {"decision": "approve"})
    assert r.status_code == 422
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED
    assert not CaseEvent.objects.filter(kind=CaseEventKind.AID_DECIDED).exists()


def test_a_rejection_without_reason_is_422(persona, api_client):
    aid = AidFileFactory(actor=persona("conseiller.sfax"), submit=True)
    r = api_client("superviseur").post(f"aid-files/{aid.pk}/decision", {"decision": "reject"})
    assert r.status_code == 422
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED


def test_the_tunis_counsellor_sees_no_sfax_aid_file(persona, api_client):
    aid = AidFileFactory(actor=persona("conseiller.sfax"))
    tunis = api_client("conseiller.tunis")
    assert tunis.get("aid-files").json() == {"items": [], "count": 0}
    assert tunis.get(f"aid-files/{aid.pk}").status_code == 404
    assert tunis.post(f"aid-files/{aid.pk}/submit").status_code == 404
    r = tunis.post(
        "aid-files", {"enrolment": str(aid.enrolment_id), "kind": "training", "amount": "10"}
    )
    assert r.status_code == 404
    assert (
        tunis.post(
            f"cases/{aid.enrolment.case_id}/enrolments", {"programme": aid.enrolment.programme.code}
        ).status_code
        == 404
    )
    assert AidFile.objects.count() == 1
    sfax = api_client("conseiller.sfax").get("aid-files").json()
    assert sfax["count"] == 1 and sfax["items"][0]["id"] == str(aid.pk)


@pytest.mark.parametrize("who", ["suivi", "onm", "aneti.sfax", "admin"])
def test_people_without_case_permissions_get_403(who, api_client):
    assert api_client(who).get("aid-files").status_code == 403


def test_an_ineligible_person_is_admitted_only_by_a_supervisor(persona, api_client):
    enrolment = EnrolmentFactory(actor=persona("conseiller.sfax"), eligible=False)
    body = {"enrolment": str(enrolment.pk), "kind": "training", "amount": "800"}
    assert api_client("conseiller.sfax").post("aid-files", body).status_code == 422
    path = f"enrolments/{enrolment.pk}/override"
    assert api_client("conseiller.sfax").post(path, {"reason": "x"}).status_code == 403
    r = api_client("superviseur").post(path, {"reason": "Ten years in Italy, back via Libya"})
    assert r.status_code == 200 and r.json()["admitted"] and r.json()["overridden"]
    assert api_client("conseiller.sfax").post("aid-files", body).status_code == 201
    assert Enrolment.objects.get(pk=enrolment.pk).override_reason.startswith("Ten years")
