"""/api/v1 endpoints for aid (see masar/cases/views/aid.py for the pages): enrolments with
their eligibility check, aid files, committee decisions, tranches and the contract PDF.

Reads are scoped through the case (outside one's scope: 404) and audited; writes call the
actions of masar.cases.actions.aid / .enrolment, which check policy and audit inside their
transaction.
"""

from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router
from ninja.responses import Status

from masar.accounts.policy import Perm
from masar.api.auth import require
from masar.api.schemas_aid import (
    AidFileDetailOut,
    AidFileIn,
    AidFilter,
    AidPage,
    ContractQuery,
    Decision,
    DecisionIn,
    EnrolmentIn,
    EnrolmentOut,
    OverrideIn,
    TrancheIn,
    TrancheOut,
)
from masar.audit.actions import audit_read, record_event
from masar.audit.models import AuditAction
from masar.cases.actions import aid as aid_actions
from masar.cases.actions import enrolment as enrolment_actions
from masar.cases.models import AidFile, Case, Enrolment
from masar.monitoring.models import Programme

from . import errors

router = Router(tags=["cases"])

PDF_RESPONSE = {
    "responses": {
        200: {
            "description": "The commitment contract, to print and sign",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


def _aid_files(request):
    return AidFile.objects.visible_to(request.auth).select_related("enrolment__programme")


def _enrolments(request):
    return Enrolment.objects.visible_to(request.auth).select_related("programme", "case")


@router.get(
    "/aid-files",
    response={200: AidPage, **errors(403, 422)},
    url_name="aid-file-list",
    operation_id="listAidFiles",
    summary="Aid files in your scope",
    description="Filter by status, case or programme code.",
)
def list_aid_files(request, filters: Query[AidFilter]):
    require(request, Perm.VIEW_CASES)
    files = _aid_files(request)
    if filters.status:
        files = files.filter(status=filters.status)
    if filters.case:
        files = files.filter(enrolment__case_id=filters.case)
    if filters.programme:
        files = files.filter(enrolment__programme__code=filters.programme)
    count = files.count()
    items = list(
        files.order_by("-created_at", "pk")[filters.offset : filters.offset + filters.limit]
    )
    record_event(
        actor=request.auth,
        action=AuditAction.READ,
        object_type="cases.aidfile",
        summary=f"aid file list via API ({len(items)} rows)",
    )
    return {"items": items, "count": count}


@router.post(
    "/aid-files",
    response={201: AidFileDetailOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="aid-file-list",
    operation_id="createAidFile",
    summary="Prepare an aid file (draft)",
    description=(
        "For an enrolment that is eligible or admitted by a supervisor's override. Send an "
        "`Idempotency-Key` header to retry safely."
    ),
)
def create_aid_file(request, payload: AidFileIn, response: HttpResponse):
    require(request, Perm.MANAGE_CASES)
    enrolment = get_object_or_404(_enrolments(request), pk=payload.enrolment)
    aid_file = aid_actions.create_aid_file(
        actor=request.auth,
        enrolment=enrolment,
        kind=str(payload.kind.value),
        amount=payload.amount,
        funder=payload.funder,
        supplier=payload.supplier,
        description=payload.description,
    )
    response["Location"] = reverse("api-v1:aid-file-detail", kwargs={"aid_file_id": aid_file.pk})
    return Status(201, _aid_files(request).get(pk=aid_file.pk))


@router.get(
    "/aid-files/{aid_file_id}",
    response={200: AidFileDetailOut, **errors(403, 404, 422)},
    url_name="aid-file-detail",
    operation_id="getAidFile",
    summary="One aid file, with its tranches and documents",
)
def get_aid_file(request, aid_file_id: UUID):
    require(request, Perm.VIEW_CASES)
    aid_file = get_object_or_404(_aid_files(request), pk=aid_file_id)
    audit_read(actor=request.auth, obj=aid_file, summary="aid file via API")
    return aid_file


@router.post(
    "/aid-files/{aid_file_id}/submit",
    response={200: AidFileDetailOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="aid-file-submit",
    operation_id="submitAidFile",
    summary="Send a draft aid file to the committee",
)
def submit_aid_file(request, aid_file_id: UUID):
    require(request, Perm.MANAGE_CASES)
    aid_file = get_object_or_404(_aid_files(request), pk=aid_file_id)
    aid_actions.submit_aid_file(actor=request.auth, aid_file=aid_file)
    return _aid_files(request).get(pk=aid_file.pk)


@router.post(
    "/aid-files/{aid_file_id}/decision",
    response={200: AidFileDetailOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="aid-file-decision",
    operation_id="decideAidFile",
    summary="The committee's decision (approve, or reject with a reason)",
    description=(
        "An approval that would pass the programme's envelope or quota is refused (422) and "
        "nothing changes."
    ),
)
def decide_aid_file(request, aid_file_id: UUID, payload: DecisionIn):
    require(request, Perm.DECIDE_AID)
    aid_file = get_object_or_404(_aid_files(request), pk=aid_file_id)
    aid_actions.decide_aid_file(
        actor=request.auth,
        aid_file=aid_file,
        approve=payload.decision == Decision.APPROVE,
        reason=payload.reason,
    )
    return _aid_files(request).get(pk=aid_file.pk)


@router.post(
    "/aid-files/{aid_file_id}/tranches",
    response={201: TrancheOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="aid-file-tranches",
    operation_id="recordAidTranche",
    summary="Record a disbursement (never more than the approved amount in all)",
)
def record_tranche(request, aid_file_id: UUID, payload: TrancheIn):
    require(request, Perm.DECIDE_AID)
    aid_file = get_object_or_404(_aid_files(request), pk=aid_file_id)
    tranche = aid_actions.record_tranche(
        actor=request.auth,
        aid_file=aid_file,
        amount=payload.amount,
        paid_on=payload.paid_on,
        reference=payload.reference,
    )
    return Status(201, tranche)


@router.get(
    "/aid-files/{aid_file_id}/contract",
    response={**errors(403, 404, 422)},
    url_name="aid-file-contract",
    operation_id="getAidContract",
    summary="The commitment contract of an approved aid file (PDF, French or Arabic)",
    openapi_extra=PDF_RESPONSE,
)
def get_contract(request, aid_file_id: UUID, query: Query[ContractQuery]):
    require(request, Perm.MANAGE_CASES)
    aid_file = get_object_or_404(_aid_files(request), pk=aid_file_id)
    pdf = aid_actions.issue_contract(
        actor=request.auth, aid_file=aid_file, language=str(query.language.value)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"contrat-engagement-{str(aid_file.pk)[:8]}-{query.language.value}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.post(
    "/cases/{case_id}/enrolments",
    response={201: EnrolmentOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-enrolments",
    operation_id="enrolCase",
    summary="Enrol a case in a programme: check eligibility, with every rule explained",
    description="Enrolling again re-checks the rules (after the record was corrected).",
)
def enrol_case(request, case_id: UUID, payload: EnrolmentIn):
    require(request, Perm.MANAGE_CASES)
    case = get_object_or_404(
        Case.objects.visible_to(request.auth).select_related("beneficiary"), pk=case_id
    )
    programme = get_object_or_404(Programme.objects.all(), code=payload.programme)
    enrolment = enrolment_actions.enrol_case(actor=request.auth, case=case, programme=programme)
    return Status(201, _enrolments(request).get(pk=enrolment.pk))


@router.post(
    "/enrolments/{enrolment_id}/override",
    response={200: EnrolmentOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="enrolment-override",
    operation_id="overrideEligibility",
    summary="A supervisor admits a person the rules found not eligible, with a reason",
)
def override_eligibility(request, enrolment_id: UUID, payload: OverrideIn):
    require(request, Perm.OVERRIDE_ELIGIBILITY)
    enrolment = get_object_or_404(_enrolments(request), pk=enrolment_id)
    enrolment_actions.override_eligibility(
        actor=request.auth, enrolment=enrolment, reason=payload.reason
    )
    return _enrolments(request).get(pk=enrolment.pk)
