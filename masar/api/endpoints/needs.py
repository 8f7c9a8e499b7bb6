"""/api/v1 endpoints for the reintegration plan (see masar/cases/views/needs.py for the pages).

Scoped with ``visible_to`` (another antenna's case is a 404), audited, written through the
same actions as the pages.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.responses import Status

from masar.accounts.models import Institution
from masar.accounts.policy import Perm
from masar.api.auth import require
from masar.api.schemas_needs import PlanActionIn, PlanActionOut, PlanOut
from masar.audit.actions import audit_read
from masar.cases.actions import needs as actions
from masar.cases.models import Case, PlanAction, PlanTrack

from . import errors

router = Router(tags=["cases"])


def _case(request, case_id):
    return get_object_or_404(
        Case.objects.visible_to(request.auth).select_related("beneficiary"), pk=case_id
    )


@router.get(
    "/cases/{case_id}/plan",
    response={200: PlanOut, **errors(403, 404, 422)},
    url_name="case-plan",
    operation_id="getCasePlan",
    summary="The reintegration plan of a case: tracks and their actions",
    description="`overdue` counts the planned or ongoing actions past their due date.",
)
def get_plan(request, case_id: UUID):
    require(request, Perm.VIEW_CASES)
    case = _case(request, case_id)
    tracks = list(
        PlanTrack.objects.filter(case=case).prefetch_related(
            Prefetch("actions", queryset=PlanAction.objects.select_related("institution", "track"))
        )
    )
    audit_read(actor=request.auth, obj=case, summary="plan via API")
    overdue = sum(a.is_overdue for t in tracks for a in t.actions.all())
    return {"case": case.pk, "tracks": tracks, "overdue": overdue}


@router.post(
    "/cases/{case_id}/plan/actions",
    response={201: PlanActionOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-plan-actions",
    operation_id="addPlanAction",
    summary="Add an action to the plan of a case",
    description=(
        "Adds the action to the case's track of that kind, adding the track if the plan has "
        "none. Needs the person's active consent to case management; a closed case refuses. "
        "Send an `Idempotency-Key` header to retry safely."
    ),
)
def post_plan_action(request, case_id: UUID, payload: PlanActionIn, response: HttpResponse):
    require(request, Perm.MANAGE_CASES)
    case = _case(request, case_id)
    institution = Institution.objects.filter(code=payload.institution).first()
    if institution is None:
        raise ValidationError({"institution": _("Choose an active institution from the list.")})
    kind = str(payload.track.value)
    with transaction.atomic():
        track = PlanTrack.objects.filter(case=case, kind=kind).first()
        if track is None:
            track = actions.add_track(actor=request.auth, case=case, kind=kind)
        action = actions.add_plan_action(
            actor=request.auth,
            track=track,
            description=payload.description,
            institution=institution,
            due_date=payload.due_date,
            status=str(payload.status.value),
            result=payload.result,
        )
    response["Location"] = reverse("api-v1:case-plan", kwargs={"case_id": case.pk})
    return Status(201, PlanAction.objects.select_related("institution", "track").get(pk=action.pk))
