"""Enrolment, override, aid files: decisions within the envelope and the quota, tranches
within the approved amount, the contract, the timeline and the audit trail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases.actions import aid as aid_actions
from masar.cases.actions import enrolment as enrolment_actions
from masar.cases.models import AidFile, AidStatus, CaseEvent, CaseEventKind, Tranche
from masar.monitoring.actions import update_programme
from tests.factories.aid import (
    AidFileFactory,
    EnrolmentFactory,
    ProgrammeFactory,
    make_eligible,
)
from tests.factories.attachments import pdf_upload
from tests.factories.cases import CaseFactory


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def boss(persona):
    return persona("superviseur")


def _events(case, kind):
    return [e.text for e in CaseEvent.objects.filter(case=case, kind=kind)]


def test_enrolment_explains_every_rule_and_the_timeline_says_so(sfax, english):
    case = CaseFactory(actor=sfax)
    make_eligible(case.beneficiary, actor=sfax, returned_from="LY")
    enrolment = enrolment_actions.enrol_case(
        actor=sfax, case=case, programme=ProgrammeFactory(name_fr="ProGreS")
    )
    assert not enrolment.eligible and not enrolment.admitted
    by_rule = {c["rule"]: c for c in enrolment.checks}
    assert by_rule["returned_from_eu_ch"] == {
        "rule": "returned_from_eu_ch",
        "passed": False,
        "params": {"country": "LY"},
    }
    assert by_rule["tunisian_national"]["passed"] and by_rule["return_date_recorded"]["passed"]
    assert _events(case, CaseEventKind.ELIGIBILITY_CHECKED) == ["ProGreS: not eligible"]
    assert AuditEvent.objects.filter(object_id=str(enrolment.pk), action="create").exists()


def test_no_aid_file_for_an_ineligible_enrolment_until_a_supervisor_overrides(sfax, boss):
    enrolment = EnrolmentFactory(actor=sfax, eligible=False)  # no CIN, no return recorded
    assert not enrolment.admitted
    with pytest.raises(ValidationError) as exc:
        aid_actions.create_aid_file(actor=sfax, enrolment=enrolment, kind="training", amount=900)
    assert exc.value.code == "not_eligible"
    assert not AidFile.objects.exists()
    # A counsellor cannot override; a supervisor can, with a reason.
    with pytest.raises(PermissionDenied):
        enrolment_actions.override_eligibility(actor=sfax, enrolment=enrolment, reason="x")
    with pytest.raises(ValidationError):
        enrolment_actions.override_eligibility(actor=boss, enrolment=enrolment, reason="  ")
    enrolment.refresh_from_db()
    assert not enrolment.overridden
    enrolment_actions.override_eligibility(
        actor=boss, enrolment=enrolment, reason="Returned from Libya after years in Italy"
    )
    enrolment.refresh_from_db()
    assert enrolment.admitted and enrolment.overridden_by == boss
    assert _events(enrolment.case, CaseEventKind.ELIGIBILITY_OVERRIDDEN)
    assert AuditEvent.objects.filter(object_id=str(enrolment.pk), action="update").exists()
    aid = aid_actions.create_aid_file(actor=sfax, enrolment=enrolment, kind="training", amount=900)
    assert aid.status == AidStatus.DRAFT and aid.amount == Decimal("900.000")


def test_the_lifecycle_submit_approve_contract_tranches(sfax, boss):
    aid = AidFileFactory(actor=sfax, amount=Decimal("6000"))
    case = aid.enrolment.case
    with pytest.raises(ValidationError) as exc:  # a draft is not decided
        aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=True)
    assert exc.value.code == "not_submitted"
    aid_actions.submit_aid_file(actor=sfax, aid_file=aid)
    with pytest.raises(PermissionDenied):  # the counsellor does not decide
        aid_actions.decide_aid_file(actor=sfax, aid_file=aid, approve=True)
    aid = aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=True)
    assert aid.status == AidStatus.APPROVED and aid.decided_by == boss
    with pytest.raises(ValidationError):  # decided once only
        aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=True)

    pdf = aid_actions.issue_contract(actor=sfax, aid_file=aid, language="ar")
    assert pdf.startswith(b"%PDF-")
    aid.refresh_from_db()
    assert aid.contract_issued_at is not None

    today = timezone.localdate()
    aid_actions.record_tranche(
        actor=boss, aid_file=aid, amount="4000", paid_on=today, reference="VIR-1"
    )
    with pytest.raises(ValidationError) as exc:
        aid_actions.record_tranche(
            actor=boss, aid_file=aid, amount="2000.001", paid_on=today, reference="VIR-2"
        )
    assert "2000.000 TND" in exc.value.message_dict["amount"][0]
    aid_actions.record_tranche(
        actor=boss, aid_file=aid, amount="2000", paid_on=today, reference="VIR-2"
    )
    assert sum(t.amount for t in Tranche.objects.filter(aid_file=aid)) == Decimal("6000")
    kinds = set(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert {
        CaseEventKind.AID_SUBMITTED,
        CaseEventKind.AID_DECIDED,
        CaseEventKind.AID_CONTRACT,
        CaseEventKind.AID_DISBURSED,
    } <= kinds
    audited = AuditEvent.objects.filter(object_type="cases.tranche").count()
    assert audited == 2
    assert AuditEvent.objects.filter(object_id=str(aid.pk), action="export").count() == 1


def test_a_rejection_needs_a_reason_and_a_contract_needs_an_approval(sfax, boss):
    aid = AidFileFactory(actor=sfax, submit=True)
    with pytest.raises(ValidationError) as exc:
        aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=False, reason=" ")
    assert "reason" in exc.value.message_dict
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED
    aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=False, reason="No quote")
    aid.refresh_from_db()
    assert aid.status == AidStatus.REJECTED and aid.decision_reason == "No quote"
    with pytest.raises(ValidationError):
        aid_actions.issue_contract(actor=sfax, aid_file=aid, language="fr")
    with pytest.raises(ValidationError):
        aid_actions.record_tranche(
            actor=boss, aid_file=aid, amount=1, paid_on=timezone.localdate(), reference="X"
        )


def test_an_approval_never_passes_the_envelope(sfax, boss, english):
    programme = ProgrammeFactory(envelope=Decimal("10000"))
    first = AidFileFactory(
        actor=sfax,
        amount=Decimal("6000"),
        submit=True,
        enrolment=EnrolmentFactory(actor=sfax, programme=programme),
    )
    second = AidFileFactory(
        actor=sfax,
        amount=Decimal("4000.001"),
        submit=True,
        enrolment=EnrolmentFactory(actor=sfax, programme=programme),
    )
    aid_actions.decide_aid_file(actor=boss, aid_file=first, approve=True)
    with pytest.raises(ValidationError) as exc:
        aid_actions.decide_aid_file(actor=boss, aid_file=second, approve=True)
    assert exc.value.code == "over_envelope"
    assert "4000.000 TND are left" in exc.value.messages[0]
    second.refresh_from_db()
    assert second.status == AidStatus.SUBMITTED
    assert not CaseEvent.objects.filter(
        case=second.enrolment.case, kind=CaseEventKind.AID_DECIDED
    ).exists()
    # Nor can the envelope be lowered below what is approved.
    with pytest.raises(ValidationError):
        update_programme(actor=boss, programme=programme, envelope=Decimal("5999"))
    programme.refresh_from_db()
    assert programme.envelope == Decimal("10000")


def test_an_approval_never_passes_the_quota_of_people(sfax, boss):
    programme = ProgrammeFactory(quota=1)
    enrolment = EnrolmentFactory(actor=sfax, programme=programme)
    first = AidFileFactory(actor=sfax, enrolment=enrolment, submit=True)
    again = AidFileFactory(actor=sfax, enrolment=enrolment, submit=True)  # same person
    other = AidFileFactory(
        actor=sfax, submit=True, enrolment=EnrolmentFactory(actor=sfax, programme=programme)
    )
    aid_actions.decide_aid_file(actor=boss, aid_file=first, approve=True)
    aid_actions.decide_aid_file(actor=boss, aid_file=again, approve=True)  # still one person
    with pytest.raises(ValidationError) as exc:
        aid_actions.decide_aid_file(actor=boss, aid_file=other, approve=True)
    assert exc.value.code == "over_quota"
    other.refresh_from_db()
    assert other.status == AidStatus.SUBMITTED


@pytest.mark.parametrize(
    ("amount", "paid_on", "reference", "field"),
    [
        ("0", None, "VIR", "amount"),
        ("-5", None, "VIR", "amount"),
        ("abc", None, "VIR", "amount"),
        ("10", timedelta(days=1), "VIR", "paid_on"),
        ("10", timedelta(days=-400), "VIR", "paid_on"),
        ("10", None, "   ", "reference"),
    ],
)
def test_bad_tranches_are_refused_and_change_nothing(sfax, boss, amount, paid_on, reference, field):
    aid = AidFileFactory(actor=sfax, submit=True)
    aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=True)
    day = timezone.localdate() + (paid_on or timedelta(0))
    with pytest.raises(ValidationError) as exc:
        aid_actions.record_tranche(
            actor=boss, aid_file=aid, amount=amount, paid_on=day, reference=reference
        )
    assert field in exc.value.message_dict
    assert not Tranche.objects.exists()


def test_the_tunis_counsellor_cannot_touch_a_sfax_aid_file(sfax, persona):
    tunis = persona("conseiller.tunis")
    aid = AidFileFactory(actor=sfax)
    with pytest.raises(PermissionDenied):
        aid_actions.submit_aid_file(actor=tunis, aid_file=aid)
    with pytest.raises(PermissionDenied):
        enrolment_actions.enrol_case(
            actor=tunis, case=aid.enrolment.case, programme=aid.enrolment.programme
        )
    aid.refresh_from_db()
    assert aid.status == AidStatus.DRAFT


def test_documents_are_linked_attachments(sfax):
    aid = AidFileFactory(actor=sfax)
    attachment = aid_actions.add_aid_document(
        actor=sfax, aid_file=aid, kind="quote", upload=pdf_upload()
    )
    assert list(aid.documents.all()) == [attachment]
    assert attachment.beneficiary == aid.enrolment.case.beneficiary
    assert attachment.case == aid.enrolment.case


def test_aid_amounts_must_be_positive(sfax):
    enrolment = EnrolmentFactory(actor=sfax)
    for bad in ("0", "-1", "x", None):
        with pytest.raises(ValidationError):
            aid_actions.create_aid_file(actor=sfax, enrolment=enrolment, kind="other", amount=bad)
    with pytest.raises(ValidationError):
        aid_actions.create_aid_file(actor=sfax, enrolment=enrolment, kind="car", amount=10)
    assert not AidFile.objects.exists()


def test_no_approval_once_consent_is_withdrawn(sfax, boss):
    from masar.cases.actions import withdraw_consent

    aid = AidFileFactory(actor=sfax, submit=True)
    withdraw_consent(
        actor=sfax, beneficiary=aid.enrolment.case.beneficiary, purpose="case_management"
    )
    with pytest.raises(ValidationError) as exc:
        aid_actions.decide_aid_file(actor=boss, aid_file=aid, approve=True)
    assert exc.value.code == "no_consent"
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED


def test_no_submission_for_a_closed_case(sfax):
    from masar.cases.actions import change_case_status

    aid = AidFileFactory(actor=sfax)
    change_case_status(actor=sfax, case=aid.enrolment.case, to="closed", reason="Moved abroad")
    with pytest.raises(ValidationError) as exc:
        aid_actions.submit_aid_file(actor=sfax, aid_file=aid)
    assert exc.value.code == "closed"
