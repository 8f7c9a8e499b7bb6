"""Reintegration cases: beneficiaries, their consents, their cases.

Reads are scoped with ``visible_to`` (outside one's scope: 404) and audited; writes call the
actions of masar.cases, which check policy and audit inside their transaction.
"""

from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router
from ninja.responses import Status

from masar.accounts.policy import Perm
from masar.api.auth import require
from masar.api.schemas_cases import (
    BeneficiaryIn,
    BeneficiaryOut,
    CaseDetailOut,
    CaseFilter,
    CaseIn,
    CaseOut,
    CasePage,
    ConsentIn,
    ConsentOut,
    StatusIn,
)
from masar.audit.actions import audit_read, record_event
from masar.audit.models import AuditAction
from masar.cases import actions
from masar.cases.models import Beneficiary, Case, Consent
from masar.cases.search import scope_antennas, search_cases

from . import errors

router = Router(tags=["cases"])


def _cases(request):
    return Case.objects.visible_to(request.auth).select_related(
        "beneficiary", "antenna", "counsellor"
    )


def _beneficiaries(request):
    return Beneficiary.objects.visible_to(request.auth).select_related(
        "institution", "governorate", "delegation"
    )


def _beneficiary_out(request, beneficiary) -> Beneficiary:
    beneficiary.active_consents = sorted(
        set(
            Consent.objects.active()
            .filter(beneficiary=beneficiary)
            .values_list("purpose", flat=True)
        )
    )
    beneficiary.visible_cases = list(
        Case.objects.visible_to(request.auth).filter(beneficiary=beneficiary).order_by("-opened_at")
    )
    return beneficiary


# --- Cases ----------------------------------------------------------------------------------


@router.get(
    "/cases",
    response={200: CasePage, **errors(403, 422)},
    url_name="case-list",
    operation_id="listCases",
    summary="Cases in your scope",
    description="Filter by status; `search` takes words of the name or a CIN (8 digits).",
)
def list_cases(request, filters: Query[CaseFilter]):
    require(request, Perm.VIEW_CASES)
    cases = _cases(request)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.search:
        cases = search_cases(cases, filters.search, antennas=scope_antennas(request.auth))
    count = cases.count()
    items = list(
        cases.order_by("-opened_at", "pk")[filters.offset : filters.offset + filters.limit]
    )
    record_event(
        actor=request.auth,
        action=AuditAction.READ,
        object_type="cases.case",
        summary=f"case list via API ({len(items)} rows)",
    )
    return {"items": items, "count": count}


@router.get(
    "/cases/{case_id}",
    response={200: CaseDetailOut, **errors(403, 404, 422)},
    url_name="case-detail",
    operation_id="getCase",
    summary="One case, with its timeline",
)
def get_case(request, case_id: UUID):
    require(request, Perm.VIEW_CASES)
    case = get_object_or_404(_cases(request), pk=case_id)
    audit_read(actor=request.auth, obj=case, summary="case via API")
    return case


@router.post(
    "/cases",
    response={201: CaseOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-list",
    operation_id="openCase",
    summary="Open a case for a beneficiary",
    description=(
        "Opens a case at reception in your antenna. The person must have an active consent "
        "to case management; a person outside your scope is a 404. Send an "
        "`Idempotency-Key` header to retry safely."
    ),
)
def post_case(request, payload: CaseIn, response: HttpResponse):
    require(request, Perm.MANAGE_CASES)
    # A person outside one's scope does not exist, as everywhere else (404).
    beneficiary = get_object_or_404(_beneficiaries(request), pk=payload.beneficiary)
    case = actions.open_case(actor=request.auth, beneficiary=beneficiary)
    response["Location"] = reverse("api-v1:case-detail", kwargs={"case_id": case.pk})
    return Status(201, _cases(request).get(pk=case.pk))


@router.post(
    "/cases/{case_id}/status",
    response={200: CaseOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-status",
    operation_id="changeCaseStatus",
    summary="Move a case to another status",
    description="Allowed moves are listed in `allowed_next`; closing needs a `reason`.",
)
def post_case_status(request, case_id: UUID, payload: StatusIn):
    require(request, Perm.MANAGE_CASES)
    case = get_object_or_404(_cases(request), pk=case_id)
    actions.change_case_status(
        actor=request.auth, case=case, to=str(payload.to.value), reason=payload.reason
    )
    return _cases(request).get(pk=case.pk)


# --- Beneficiaries --------------------------------------------------------------------------


@router.get(
    "/beneficiaries/{beneficiary_id}",
    response={200: BeneficiaryOut, **errors(403, 404, 422)},
    url_name="beneficiary-detail",
    operation_id="getBeneficiary",
    summary="One beneficiary, with active consents and cases",
)
def get_beneficiary(request, beneficiary_id: UUID):
    require(request, Perm.VIEW_CASES)
    beneficiary = get_object_or_404(_beneficiaries(request), pk=beneficiary_id)
    audit_read(actor=request.auth, obj=beneficiary, summary="beneficiary via API")
    return _beneficiary_out(request, beneficiary)


@router.post(
    "/beneficiaries",
    response={201: BeneficiaryOut, **errors(400, 403, 409, 413, 422)},
    url_name="beneficiary-list",
    operation_id="registerBeneficiary",
    summary="Register a person (name and contact only)",
    description=(
        "Before consent, only a name and a contact may be recorded. Send an `Idempotency-Key` "
        "header to retry safely."
    ),
)
def post_beneficiary(request, payload: BeneficiaryIn, response: HttpResponse):
    require(request, Perm.MANAGE_CASES)
    beneficiary = actions.register_beneficiary(actor=request.auth, **payload.dict())
    response["Location"] = reverse(
        "api-v1:beneficiary-detail", kwargs={"beneficiary_id": beneficiary.pk}
    )
    beneficiary = _beneficiaries(request).get(pk=beneficiary.pk)
    return Status(201, _beneficiary_out(request, beneficiary))


@router.post(
    "/beneficiaries/{beneficiary_id}/consents",
    response={201: list[ConsentOut], **errors(400, 403, 404, 409, 413, 422)},
    url_name="consent-list",
    operation_id="recordConsent",
    summary="Record the person's answers to the consent form",
    description="A new answer for a purpose ends the previous one for that purpose.",
)
def post_consent(request, beneficiary_id: UUID, payload: ConsentIn):
    require(request, Perm.MANAGE_CASES)
    beneficiary = get_object_or_404(_beneficiaries(request), pk=beneficiary_id)
    consents = actions.record_consent(
        actor=request.auth,
        beneficiary=beneficiary,
        purposes=payload.purposes,
        text_version=payload.text_version,
        language=payload.language,
        expires_at=payload.expires_at,
        referral_kinds=payload.referral_kinds,
    )
    return Status(201, consents)
