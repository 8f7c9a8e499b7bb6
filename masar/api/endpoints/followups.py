"""Follow-up visits, sustainability scores and case transfers under /api/v1.

Reads are scoped with ``visible_to`` (outside one's scope: 404) and audited; writes call the
actions of masar.cases.actions.followups, which check policy and audit inside their
transaction.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router
from ninja.responses import Status

from masar.accounts.models import Institution, User
from masar.accounts.policy import Perm, has_perm
from masar.api.auth import require
from masar.api.schemas_followups import (
    FollowUpIn,
    FollowUpOut,
    ScoreIn,
    ScoreList,
    ScoreOut,
    TransferIn,
    TransferOut,
)
from masar.audit.actions import audit_read
from masar.cases.actions import followups as actions
from masar.cases.models import Case, FollowUpVisit
from masar.cases.scoring import instrument

from . import errors

router = Router(tags=["cases"])


def _case(request, case_id):
    return get_object_or_404(Case.objects.visible_to(request.auth), pk=case_id)


def _with_answers(request, score):
    """Expose the survey answers only with the sensitive permission."""
    if score is not None:
        score.visible_answers = score.answers if has_perm(request.auth, Perm.VIEW_HEALTH) else None
    return score


def _visit_out(request, visit):
    visit.visible_score = _with_answers(request, getattr(visit, "score", None))
    return visit


@router.get(
    "/cases/{case_id}/follow-ups",
    response={200: list[FollowUpOut], **errors(403, 404, 422)},
    url_name="case-follow-ups",
    operation_id="listCaseFollowUps",
    summary="The follow-up visits of a case",
    description="Scheduled at 3, 6 and 12 months when support starts; `overdue` when past due "
    "and not recorded.",
)
def list_follow_ups(request, case_id: UUID):
    require(request, Perm.VIEW_CASES)
    case = _case(request, case_id)
    audit_read(actor=request.auth, obj=case, summary="follow-ups via API")
    visits = FollowUpVisit.objects.filter(case=case).select_related("score")
    return [_visit_out(request, v) for v in visits]


@router.post(
    "/follow-ups/{visit_id}",
    response={200: FollowUpOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="follow-up-detail",
    operation_id="recordFollowUp",
    summary="Record a follow-up visit",
    description="The visit date, the state of the business or job, notes and, optionally, "
    "the answers to the sustainability survey taken at the visit (every question).",
)
def record_follow_up(request, visit_id: UUID, payload: FollowUpIn):
    require(request, Perm.MANAGE_CASES)
    visit = get_object_or_404(
        FollowUpVisit.objects.visible_to(request.auth).select_related("case"), pk=visit_id
    )
    actions.record_follow_up(
        actor=request.auth,
        visit=visit,
        visited_on=payload.visited_on,
        state=str(payload.state.value),
        notes=payload.notes,
        answers=payload.answers or None,
        version=payload.instrument_version,
    )
    return _visit_out(request, FollowUpVisit.objects.select_related("score").get(pk=visit.pk))


def _score_list(request, case):
    survey = instrument()
    return {
        "instrument_version": survey.version,
        "threshold": survey.threshold,
        "weights_published": survey.weights_published,
        "weights_source": survey.weights_source,
        "items": [_with_answers(request, s) for s in case.scores.all()],
    }


@router.get(
    "/cases/{case_id}/scores",
    response={200: ScoreList, **errors(403, 404, 422)},
    url_name="case-scores",
    operation_id="listCaseScores",
    summary="The sustainability scores of a case",
    description="Dimension and composite scores in [0, 1], oldest first. `weights_published` "
    "is false while the weights are Masar placeholders rather than IOM's.",
)
def list_scores(request, case_id: UUID):
    require(request, Perm.VIEW_CASES)
    case = _case(request, case_id)
    audit_read(actor=request.auth, obj=case, summary="sustainability scores via API")
    return _score_list(request, case)


@router.post(
    "/cases/{case_id}/scores",
    response={201: ScoreOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-scores",
    operation_id="recordCaseScore",
    summary="Record a sustainability survey (intake or another time)",
    description="Answer every question of the instrument version. A case has one intake "
    "score; scores taken at a visit are recorded with the visit.",
)
def record_score(request, case_id: UUID, payload: ScoreIn):
    require(request, Perm.MANAGE_CASES)
    case = _case(request, case_id)
    entry = actions.record_score(
        actor=request.auth,
        case=case,
        answers=payload.answers,
        occasion=payload.occasion,
        taken_on=payload.taken_on,
        version=payload.instrument_version,
    )
    return Status(201, _with_answers(request, entry))


@router.post(
    "/cases/{case_id}/transfer",
    response={201: TransferOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="case-transfer",
    operation_id="transferCase",
    summary="Transfer a case to another OTE antenna",
    description="When the person moves. The counsellor is cleared, or set to `counsellor` "
    "(a counsellor of the new antenna). The old antenna no longer sees the case.",
)
def transfer_case(request, case_id: UUID, payload: TransferIn):
    require(request, Perm.MANAGE_CASES)
    case = _case(request, case_id)
    antenna = Institution.objects.filter(code=payload.to_antenna).first()
    counsellor = None
    if payload.counsellor:
        counsellor = User.objects.filter(username=payload.counsellor).first()
        if counsellor is None:
            raise ValidationError({"counsellor": _("Choose a counsellor of the new antenna.")})
    transfer = actions.transfer_case(
        actor=request.auth,
        case=case,
        to_antenna=antenna,
        reason=payload.reason,
        counsellor=counsellor,
    )
    return Status(201, transfer)
