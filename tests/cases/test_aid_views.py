"""The aid pages through HTTP: eligibility on the case page, the aid file from preparation to
disbursement, the programme pages with their envelope and quota, scoping and policy."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases.actions.aid import decide_aid_file
from masar.cases.models import AidFile, AidStatus, Enrolment, Tranche
from masar.monitoring.models import Programme
from tests.factories.aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory, make_eligible
from tests.factories.attachments import pdf_upload
from tests.factories.cases import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_counsellor_checks_eligibility_and_prepares_an_aid_file(persona, client_for, english):
    sfax = persona("conseiller.sfax")
    case = CaseFactory(actor=sfax)
    make_eligible(case.beneficiary, actor=sfax, returned_from="LY")
    programme = ProgrammeFactory(name_fr="ProGreS phase 2", name_en="ProGreS phase 2")
    client = client_for("conseiller.sfax")

    r = client.post(reverse("cases:enrolment-create", args=[case.pk]), {"programme": programme.pk})
    assert r.status_code == 302
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Not eligible: returned from a country outside the EU and Switzerland (Libya)." in page
    assert 'data-testid="aid-create"' not in page  # not admitted: no aid file
    assert 'data-testid="override"' not in page  # counsellors do not override

    boss = client_for("superviseur")
    page = boss.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="override"' in page
    enrolment = Enrolment.objects.get(case=case)
    boss.post(
        reverse("cases:enrolment-override", args=[enrolment.pk]),
        {"reason": "Ten years in Italy, then Libya"},
    )
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert "Admitted by override" in page and "Ten years in Italy, then Libya" in page

    url = reverse("cases:aid-create", args=[case.pk])
    r = client.post(url, {"enrolment": enrolment.pk, "kind": "equipment", "amount": "-3"})
    assert r.status_code == 200 and not AidFile.objects.exists()
    r = client.post(
        url,
        {
            "enrolment": enrolment.pk,
            "kind": "equipment",
            "amount": "4200.5",
            "supplier": "Atelier Kammoun",
            "description": "Machine à coudre",
            "idempotency_key": "k1",
        },
    )
    aid = AidFile.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("cases:aid-detail", args=[aid.pk])
    assert aid.amount == Decimal("4200.500") and aid.created_by == sfax

    client.post(
        reverse("cases:aid-document-add", args=[aid.pk]), {"kind": "quote", "file": pdf_upload()}
    )
    client.post(reverse("cases:aid-submit", args=[aid.pk]))
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED and aid.documents.count() == 1
    page = client.get(reverse("cases:aid-detail", args=[aid.pk])).content.decode()
    assert 'data-testid="aid-decide"' not in page
    assert AuditEvent.objects.filter(object_id=str(aid.pk), action="read").exists()


def test_the_committee_decides_then_contract_and_tranches(persona, client_for, english):
    aid = AidFileFactory(actor=persona("conseiller.sfax"), amount=Decimal("3000"), submit=True)
    boss = client_for("superviseur")
    detail = reverse("cases:aid-detail", args=[aid.pk])
    assert 'data-testid="aid-decide"' in boss.get(detail).content.decode()

    boss.post(reverse("cases:aid-decide", args=[aid.pk]), {"decision": "reject", "reason": ""})
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED  # a rejection needs a reason
    boss.post(reverse("cases:aid-decide", args=[aid.pk]), {"decision": "approve"})
    aid.refresh_from_db()
    assert aid.status == AidStatus.APPROVED

    r = boss.get(reverse("cases:aid-contract", args=[aid.pk, "fr"]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    r = boss.get(reverse("cases:aid-contract", args=[aid.pk, "en"]))
    assert r.status_code == 302  # French or Arabic only

    today = timezone.localdate().isoformat()
    url = reverse("cases:aid-tranche-add", args=[aid.pk])
    boss.post(url, {"amount": "2000", "paid_on": today, "reference": "VIR-1"})
    r = boss.post(url, {"amount": "1000.001", "paid_on": today, "reference": "VIR-2"}, follow=True)
    assert "1000.000 TND are left to pay" in r.content.decode()
    assert list(Tranche.objects.values_list("reference", flat=True)) == ["VIR-1"]


def test_the_tunis_counsellor_gets_404_on_sfax_aid(persona, client_for):
    aid = AidFileFactory(actor=persona("conseiller.sfax"))
    client = client_for("conseiller.tunis")
    assert client.get(reverse("cases:aid-detail", args=[aid.pk])).status_code == 404
    assert client.post(reverse("cases:aid-submit", args=[aid.pk])).status_code == 404
    assert client.get(reverse("cases:aid-contract", args=[aid.pk, "fr"])).status_code == 404
    assert client.get(reverse("cases:aid-create", args=[aid.enrolment.case_id])).status_code == 404
    aid.refresh_from_db()
    assert aid.status == AidStatus.DRAFT


def test_programme_list_shows_envelope_and_quota_used_in_constant_queries(
    persona, client_for, django_assert_num_queries, english
):
    sfax = persona("conseiller.sfax")
    programme = ProgrammeFactory(envelope=Decimal("50000"), quota=320)
    for amount in ("1000", "2500.5"):
        aid = AidFileFactory(
            actor=sfax,
            amount=Decimal(amount),
            submit=True,
            enrolment=EnrolmentFactory(actor=sfax, programme=programme),
        )
        decide_aid_file(actor=None, aid_file=aid, approve=True)
    ProgrammeFactory()
    ProgrammeFactory()
    client = client_for("suivi")
    url = reverse("monitoring:programme-list")
    client.get(url)
    with django_assert_num_queries(5):
        body = client.get(url).content.decode()
    assert "3,500.500 / 50,000.000" in body
    assert "2 / 320" in body
    detail = client.get(reverse("monitoring:programme-detail", args=[programme.pk]))
    assert "3,500.500 TND approved of 50,000.000 TND" in detail.content.decode()


def test_the_envelope_cannot_be_set_below_what_is_approved(persona, client_for, english):
    sfax = persona("conseiller.sfax")
    programme = ProgrammeFactory(envelope=Decimal("10000"))
    aid = AidFileFactory(
        actor=sfax,
        amount=Decimal("6000"),
        submit=True,
        enrolment=EnrolmentFactory(actor=sfax, programme=programme),
    )
    decide_aid_file(actor=None, aid_file=aid, approve=True)
    client = client_for("suivi")
    url = reverse("monitoring:programme-edit", args=[programme.pk])
    form = {
        "name_fr": programme.name_fr,
        "funder": "UE",
        "envelope": "5000",
        "envelope_note_fr": "Chiffre de démonstration",
        "rule_set": "tounesna",
        "is_active": "on",
    }
    r = client.post(url, form)
    assert r.status_code == 200
    assert "cannot be less than the aid already approved" in r.content.decode()
    assert Programme.objects.get(pk=programme.pk).envelope == Decimal("10000")
    r = client.post(url, {**form, "envelope": "20000", "quota": "320"})
    assert r.status_code == 302
    programme.refresh_from_db()
    assert programme.envelope == Decimal("20000") and programme.quota == 320
    assert AuditEvent.objects.filter(object_id=str(programme.pk), action="update").exists()


def test_an_aid_file_decided_by_the_system_still_shows(persona, client_for):
    """Decisions recorded by imports or commands (no actor) render without a name."""
    aid = AidFileFactory(actor=persona("conseiller.sfax"), amount=Decimal("7450.5"), submit=True)
    decide_aid_file(actor=None, aid_file=aid, approve=True)
    r = client_for("superviseur").get(reverse("cases:aid-detail", args=[aid.pk]))
    assert r.status_code == 200
    assert 'data-testid="tranche-add"' in r.content.decode()
