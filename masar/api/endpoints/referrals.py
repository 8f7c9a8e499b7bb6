"""/api/v1 endpoints for referrals (see masar/cases/views/referrals.py for the pages).

Case staff see the referrals of the cases in their scope and send and cancel them; partner
officers see their institution's inbox only and accept, decline and complete. Anything
outside one's scope is a 404; reads are audited; writes call the actions of masar.cases.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.responses import Status

from masar.accounts.models import Institution
from masar.accounts.policy import Perm, has_perm
from masar.api.auth import require
from masar.api.schemas_referrals import (
    CancelIn,
    CompleteIn,
    DeclineIn,
    FeedbackIn,
    ReferralFigures,
    ReferralFilter,
    ReferralIn,
    ReferralOut,
    ReferralPage,
)
from masar.audit.actions import audit_read, record_event
from masar.audit.models import AuditAction
from masar.cases.actions import referrals as actions
from masar.cases.models import Case, Referral
from masar.directory.models import Service

from . import errors

router = Router(tags=["cases"])


def _referrals(request):
    return Referral.objects.visible_to(request.auth).select_related(
        "institution", "service", "case__beneficiary", "case__antenna"
    )


def _out(request, referrals):
    """Mark which referrals the caller sees as case staff (case id and feedback shown)."""
    items = list(referrals)
    staff_cases = set(
        Case.objects.visible_to(request.auth)
        .filter(pk__in={r.case_id for r in items})
        .values_list("pk", flat=True)
    )
    for referral in items:
        referral.for_case_staff = referral.case_id in staff_cases
    return items


def _one(request, referral):
    return _out(request, [_referrals(request).get(pk=referral.pk)])[0]


def _require_any(request, *perms):
    if not any(has_perm(request.auth, p) for p in perms):
        raise PermissionDenied(_("You are not allowed to do this."))


def _inbox(request, referral_id):
    return get_object_or_404(Referral.objects.inbox_of(request.auth), pk=referral_id)


def _sent(request, referral_id):
    scope = Referral.objects.filter(case__in=Case.objects.visible_to(request.auth))
    return get_object_or_404(scope, pk=referral_id)


@router.get(
    "/referrals",
    response={200: ReferralPage, **errors(403, 422)},
    url_name="referral-list",
    operation_id="listReferrals",
    summary="Referrals in your scope",
    description=(
        "Case staff: the referrals of the cases in their scope. Partner officers: the inbox of "
        "their institution (the person's name and phone, the reason, the due date)."
    ),
)
def list_referrals(request, filters: Query[ReferralFilter]):
    _require_any(request, Perm.VIEW_CASES, Perm.HANDLE_REFERRALS)
    referrals = _referrals(request)
    if filters.status:
        referrals = referrals.filter(status=filters.status)
    if filters.overdue:
        referrals = referrals.overdue()
    count = referrals.count()
    items = _out(
        request,
        referrals.order_by("due_date", "pk")[filters.offset : filters.offset + filters.limit],
    )
    record_event(
        actor=request.auth,
        action=AuditAction.READ,
        object_type="cases.referral",
        summary=f"referral list via API ({len(items)} rows)",
    )
    return {"items": items, "count": count}


@router.get(
    "/referral-figures",
    response={200: list[ReferralFigures], **errors(403)},
    url_name="referral-figures",
    operation_id="getReferralFigures",
    summary="Referral figures per receiving institution (aggregates only)",
)
def referral_figures(request):
    require(request, Perm.VIEW_REFERRAL_STATS)
    return [
        {
            "institution": row["institution__code"],
            "institution_name": row["institution__name"],
            "institution_kind": row["institution__kind"],
            "sent": row["sent"],
            "accepted": row["accepted"],
            "declined": row["declined"],
            "completed": row["completed"],
            "completed_on_time": row["completed_on_time"],
            "median_days_to_accept": row["median_to_accept_days"],
            "mean_days_to_accept": row["mean_to_accept_days"],
            "median_days_to_complete": row["median_to_complete_days"],
            "mean_days_to_complete": row["mean_to_complete_days"],
        }
        for row in Referral.objects.all().figures_by_institution()
    ]


@router.get(
    "/referrals/{referral_id}",
    response={200: ReferralOut, **errors(403, 404, 422)},
    url_name="referral-detail",
    operation_id="getReferral",
    summary="One referral",
)
def get_referral(request, referral_id: UUID):
    _require_any(request, Perm.VIEW_CASES, Perm.HANDLE_REFERRALS)
    referral = get_object_or_404(_referrals(request), pk=referral_id)
    audit_read(actor=request.auth, obj=referral, summary="referral via API")
    return _out(request, [referral])[0]


@router.post(
    "/referrals",
    response={201: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-list",
    operation_id="createReferral",
    summary="Refer a case to an institution's inbox",
    description=(
        "Needs the person's active consent to referrals covering the institution's kind. "
        "Name the institution by its code, or a directory service (its institution receives "
        "it). Send an `Idempotency-Key` header to retry safely."
    ),
)
def post_referral(request, payload: ReferralIn, response: HttpResponse):
    require(request, Perm.MANAGE_CASES)
    case = get_object_or_404(
        Case.objects.visible_to(request.auth).select_related("beneficiary"), pk=payload.case
    )
    institution = (
        get_object_or_404(Institution.objects.all(), code=payload.institution)
        if payload.institution
        else None
    )
    service = (
        get_object_or_404(
            Service.objects.visible_to(request.auth).select_related("organization__institution"),
            pk=payload.service,
        )
        if payload.service
        else None
    )
    referral = actions.send_referral(
        actor=request.auth,
        case=case,
        institution=institution,
        service=service,
        reason=payload.reason,
        due_date=payload.due_date,
    )
    response["Location"] = reverse("api-v1:referral-detail", kwargs={"referral_id": referral.pk})
    return Status(201, _one(request, referral))


@router.post(
    "/referrals/{referral_id}/accept",
    response={200: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-accept",
    operation_id="acceptReferral",
    summary="Accept a referral sent to your institution",
)
def post_accept(request, referral_id: UUID):
    require(request, Perm.HANDLE_REFERRALS)
    referral = actions.accept_referral(actor=request.auth, referral=_inbox(request, referral_id))
    return _one(request, referral)


@router.post(
    "/referrals/{referral_id}/decline",
    response={200: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-decline",
    operation_id="declineReferral",
    summary="Decline a referral sent to your institution, with a reason",
)
def post_decline(request, referral_id: UUID, payload: DeclineIn):
    require(request, Perm.HANDLE_REFERRALS)
    referral = actions.decline_referral(
        actor=request.auth, referral=_inbox(request, referral_id), reason=payload.reason
    )
    return _one(request, referral)


@router.post(
    "/referrals/{referral_id}/complete",
    response={200: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-complete",
    operation_id="completeReferral",
    summary="Report the outcome of an accepted referral",
)
def post_complete(request, referral_id: UUID, payload: CompleteIn):
    require(request, Perm.HANDLE_REFERRALS)
    referral = actions.complete_referral(
        actor=request.auth, referral=_inbox(request, referral_id), outcome=payload.outcome
    )
    return _one(request, referral)


@router.post(
    "/referrals/{referral_id}/cancel",
    response={200: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-cancel",
    operation_id="cancelReferral",
    summary="Cancel a referral you sent that is still open",
)
def post_cancel(request, referral_id: UUID, payload: CancelIn):
    require(request, Perm.MANAGE_CASES)
    referral = actions.cancel_referral(
        actor=request.auth, referral=_sent(request, referral_id), reason=payload.reason
    )
    return _one(request, referral)


@router.post(
    "/referrals/{referral_id}/feedback",
    response={200: ReferralOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="referral-feedback",
    operation_id="recordReferralFeedback",
    summary="Record the person's feedback: service received, satisfaction 1–5",
)
def post_feedback(request, referral_id: UUID, payload: FeedbackIn):
    require(request, Perm.MANAGE_CASES)
    referral = actions.record_referral_feedback(
        actor=request.auth,
        referral=_sent(request, referral_id),
        received=payload.received,
        satisfaction=payload.satisfaction,
        comment=payload.comment,
    )
    return _one(request, referral)
