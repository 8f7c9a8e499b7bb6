"""Follow-up visits, the sustainability score and case transfers: the case page's panel, the
counsellor's list of visits due, and the forms that record a visit, a score or a transfer."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read, record_event
from masar.audit.models import AuditAction
from masar.core.permissions import policy_required

from ..actions import followups as actions
from ..forms.followups import FollowUpForm, RescheduleForm, ScoreForm, TransferForm
from ..models import Case, FollowUpVisit, ScoreOccasion
from ..scoring import DIMENSIONS, instrument
from .common import flash_errors, form_errors, new_key

PAGE_SIZE = 50
# Visits due within this many days are listed with the overdue ones.
DUE_SOON_DAYS = 30


def _chart(scores, survey) -> dict:
    """The data the chart script draws (passed with json_script), also shown as a table."""
    return {
        "labels": [s.taken_on.isoformat() for s in scores],
        "threshold": survey.threshold,
        "series": [
            {"key": "composite", "label": _("Composite"), "values": [s.composite for s in scores]},
            *[
                {
                    "key": d,
                    "label": survey.dimension_label(d),
                    "values": [getattr(s, d) for s in scores],
                }
                for d in DIMENSIONS
            ],
        ],
        "threshold_label": _("Threshold"),
    }


def case_context(request, case) -> dict:
    """Context for the case page's followups panel (template cases/panels/followups_case.html)."""
    survey = instrument()
    scores = list(case.scores.all())
    return {
        "fu_visits": list(case.follow_ups.select_related("recorded_by")),
        "fu_scores": scores,
        "fu_chart": _chart(scores, survey) if scores else None,
        "fu_survey": survey,
        "fu_today": timezone.localdate(),
        "fu_has_intake": any(s.occasion == ScoreOccasion.INTAKE for s in scores),
        "fu_transfers": list(
            case.transfers.select_related("from_antenna", "to_antenna", "by", "to_counsellor")
        ),
        "fu_can_manage": has_perm(request.user, Perm.MANAGE_CASES) and not case.is_closed,
        "fu_reschedule_form": RescheduleForm(prefix="reschedule"),
    }


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's followups panel (cases/panels/followups_beneficiary.html)."""
    return {}


@policy_required(Perm.VIEW_CASES)
def followups_due(request):
    """Visits not yet recorded that are overdue or due soon, on the cases in one's scope;
    by default only the cases one counsels."""
    today = timezone.localdate()
    mine = request.GET.get("scope", "mine") != "all"
    visits = (
        FollowUpVisit.objects.visible_to(request.user)
        .pending()
        .filter(due_on__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
        .select_related("case__beneficiary", "case__antenna", "case__counsellor")
        .order_by("due_on", "pk")
    )
    if mine:
        visits = visits.filter(case__counsellor=request.user)
    page = Paginator(visits, PAGE_SIZE).get_page(request.GET.get("page"))
    record_event(
        actor=request.user,
        action=AuditAction.READ,
        object_type="cases.followupvisit",
        summary=f"follow-ups due ({len(page.object_list)} rows)",
    )
    return render(
        request,
        "cases/followup_list.html",
        {"page": page, "mine": mine, "today": today, "due_soon_days": DUE_SOON_DAYS},
    )


@policy_required(Perm.MANAGE_CASES)
def followup_record(request, pk):
    visit = get_object_or_404(
        FollowUpVisit.objects.visible_to(request.user).select_related(
            "case__beneficiary", "case__antenna"
        ),
        pk=pk,
    )
    case = visit.case
    if visit.is_done:
        messages.info(request, _("This visit is already recorded."))
        return redirect("cases:case-detail", pk=case.pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_follow_up(
                actor=request.user,
                visit=visit,
                visited_on=data["visited_on"],
                state=data["state"],
                notes=data["notes"],
                answers=form.answers() or None,
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The visit was recorded."))
            return redirect("cases:case-detail", pk=case.pk)
    else:
        audit_read(actor=request.user, obj=case, summary="follow-up visit form")
    return render(
        request,
        "cases/followup_record.html",
        {"form": form, "visit": visit, "case": case, "survey": form.survey},
    )


@require_POST
@policy_required(Perm.MANAGE_CASES)
def followup_reschedule(request, pk):
    """Correct the day support started; the visits not yet recorded move with it."""
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    form = RescheduleForm(request.POST, prefix="reschedule")
    if not form.is_valid():
        messages.error(request, _("Give the day support started."))
        return redirect("cases:case-detail", pk=case.pk)
    try:
        moved = actions.reschedule_follow_ups(
            actor=request.user, case=case, start=form.cleaned_data["start"]
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        if moved:
            messages.success(request, _("The follow-up visits were rescheduled."))
        else:
            messages.info(request, _("The follow-up visits were already due on those days."))
    return redirect("cases:case-detail", pk=case.pk)


@policy_required(Perm.MANAGE_CASES)
def score_record(request, pk):
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("beneficiary"), pk=pk
    )
    form = ScoreForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_score(
                actor=request.user,
                case=case,
                answers=form.answers(),
                occasion=data["occasion"],
                taken_on=data["taken_on"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The sustainability score was recorded."))
            return redirect("cases:case-detail", pk=case.pk)
    else:
        audit_read(actor=request.user, obj=case, summary="sustainability survey form")
    return render(
        request,
        "cases/score_record.html",
        {"form": form, "case": case, "survey": form.survey, "idempotency_key": new_key()},
    )


@policy_required(Perm.MANAGE_CASES)
def case_transfer(request, pk):
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("beneficiary", "antenna"), pk=pk
    )
    antennas = actions.transfer_targets().exclude(pk=case.antenna_id)
    counsellors = actions.counsellors_in(antennas)
    form = TransferForm(request.POST or None, antennas=antennas, counsellors=counsellors)
    if request.method == "POST" and form.is_valid():
        try:
            actions.transfer_case(
                actor=request.user,
                case=case,
                to_antenna=form.cleaned_data["to_antenna"],
                reason=form.cleaned_data["reason"],
                counsellor=form.chosen_counsellor(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The case was transferred."))
            if Case.objects.visible_to(request.user).filter(pk=case.pk).exists():
                return redirect("cases:case-detail", pk=case.pk)
            return redirect("cases:case-list")
    else:
        audit_read(actor=request.user, obj=case, summary="case transfer form")
    return render(
        request,
        "cases/case_transfer.html",
        {"form": form, "case": case, "idempotency_key": new_key()},
    )


urlpatterns = [
    path("follow-ups/", followups_due, name="followup-list"),
    path("follow-ups/<uuid:pk>/", followup_record, name="followup-record"),
    path("<uuid:pk>/follow-ups/reschedule/", followup_reschedule, name="followup-reschedule"),
    path("<uuid:pk>/scores/new/", score_record, name="score-record"),
    path("<uuid:pk>/transfer/", case_transfer, name="case-transfer"),
]
