"""Profile, needs assessment, vulnerabilities and the reintegration plan. Thin views: fetch
through ``visible_to`` (out of scope: 404), check policy, call an action, render.

The psychosocial assessment and the details behind a vulnerability flag have their own pages,
reached only with ``cases.view_health``; each read is audited by the action that reads them.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read
from masar.core.permissions import policy_required

from .. import rules
from ..actions import needs as actions
from ..forms.needs import (
    AssessmentForm,
    DetailsForm,
    HouseholdFormSet,
    PlanActionForm,
    ProfileForm,
    PsychosocialForm,
    TrackEditForm,
    TrackForm,
    VulnerabilityForm,
    household_rows,
)
from ..models import (
    Beneficiary,
    Case,
    NeedsAssessment,
    PlanAction,
    PlanTrack,
    Profile,
    VulnerabilityFlag,
)
from .common import flash_errors, form_errors, new_key

# --- Panels ---------------------------------------------------------------------------------


def case_context(request, case) -> dict:
    """Context for the case page's needs panel (template cases/panels/needs_case.html)."""
    user = request.user
    can_manage = has_perm(user, Perm.MANAGE_CASES)
    health = has_perm(user, Perm.VIEW_HEALTH)
    assessments = list(
        NeedsAssessment.objects.filter(case=case).select_related("assessed_by").latest_first()[:10]
    )
    tracks = list(
        PlanTrack.objects.filter(case=case).prefetch_related(
            Prefetch("actions", queryset=PlanAction.objects.select_related("institution"))
        )
    )
    actions_ = [a for t in tracks for a in t.actions.all()]
    workable = can_manage and not case.is_closed and rules.has_active_consent(case.beneficiary)
    kinds_taken = {t.kind for t in tracks}
    # Only the flags: their details are read on their own page, with cases.view_health.
    flags = list(VulnerabilityFlag.objects.filter(case=case))
    return {
        "needs_workable": workable,
        "needs_can_manage": can_manage,
        "needs_health": health,
        "latest_assessment": assessments[0] if assessments else None,
        "earlier_assessments": assessments[1:],
        "vulnerabilities": [f for f in flags if f.is_active],
        "lifted_vulnerabilities": [f for f in flags if not f.is_active],
        "vulnerability_form": VulnerabilityForm(with_details=health) if workable else None,
        "plan_tracks": tracks,
        "plan_overdue": sum(a.is_overdue for a in actions_),
        "track_form": TrackForm(taken=kinds_taken) if workable and len(kinds_taken) < 3 else None,
        # One key per form: a key is bound to the path it was first used on.
        "vulnerability_key": new_key(),
        "track_key": new_key(),
    }


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's profile panel (cases/panels/needs_beneficiary.html)."""
    profile = Profile.objects.filter(beneficiary=beneficiary).first()
    return {
        "profile": profile,
        "household": list(profile.household.all()) if profile else [],
        "profile_editable": has_perm(request.user, Perm.MANAGE_CASES),
    }


# --- Fetching -------------------------------------------------------------------------------


def _case(request, pk):
    return get_object_or_404(
        Case.objects.visible_to(request.user).select_related("beneficiary", "antenna"), pk=pk
    )


def _to_case(case_id, anchor=""):
    response = redirect("cases:case-detail", pk=case_id)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


# --- Profile --------------------------------------------------------------------------------


@policy_required(Perm.MANAGE_CASES)
def profile_edit(request, pk):
    beneficiary = get_object_or_404(Beneficiary.objects.visible_to(request.user), pk=pk)
    has_consent = rules.has_active_consent(beneficiary)
    profile = Profile.objects.filter(beneficiary=beneficiary).first()
    if request.method == "POST":
        form = ProfileForm(request.POST)
        household = HouseholdFormSet(request.POST, prefix="household")
        if form.is_valid() and household.is_valid():
            try:
                actions.update_profile(
                    actor=request.user,
                    beneficiary=beneficiary,
                    household=household_rows(household),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The profile was recorded."))
                return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    else:
        if profile is not None:
            audit_read(actor=request.user, obj=profile, summary="profile edit page")
        form = ProfileForm(
            initial={
                "education_level": profile.education_level,
                "skills": profile.skills,
                "languages": profile.languages,
            }
            if profile
            else None
        )
        household = HouseholdFormSet(
            prefix="household",
            initial=[
                {
                    "relation": m.relation,
                    "sex": m.sex,
                    "birth_year": m.birth_year,
                    "dependent": m.dependent,
                }
                for m in profile.household.all()
            ]
            if profile
            else None,
        )
    return render(
        request,
        "cases/profile_form.html",
        {
            "form": form,
            "household": household,
            "beneficiary": beneficiary,
            "has_consent": has_consent,
        },
    )


# --- Needs assessment -----------------------------------------------------------------------


@policy_required(Perm.MANAGE_CASES)
def assessment_add(request, pk):
    case = _case(request, pk)
    health = has_perm(request.user, Perm.VIEW_HEALTH)
    latest = NeedsAssessment.objects.filter(case=case).latest_first().first()
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        psy_form = PsychosocialForm(request.POST, prefix="psy") if health else None
        if form.is_valid() and (psy_form is None or psy_form.is_valid()):
            try:
                actions.assess_needs(
                    actor=request.user,
                    case=case,
                    assessed_on=form.cleaned_data["assessed_on"],
                    psychosocial=psy_form.action_values() if psy_form else None,
                    **form.action_values(),
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The needs assessment was recorded."))
                return _to_case(case.pk, "needs-title")
    else:
        form = AssessmentForm(
            initial={**AssessmentForm.initial_for(latest), "assessed_on": timezone.localdate()}
        )
        psy_form = PsychosocialForm(prefix="psy") if health else None
    return render(
        request,
        "cases/assessment_form.html",
        {
            "form": form,
            "psy_form": psy_form,
            "case": case,
            "has_consent": rules.has_active_consent(case.beneficiary),
            "idempotency_key": new_key(),
        },
    )


def _assessment(request, pk):
    return get_object_or_404(
        NeedsAssessment.objects.visible_to(request.user).select_related(
            "case__beneficiary", "assessed_by"
        ),
        pk=pk,
    )


@policy_required(Perm.VIEW_CASES)
def assessment_detail(request, pk):
    assessment = _assessment(request, pk)
    audit_read(actor=request.user, obj=assessment, summary="needs assessment page")
    health = has_perm(request.user, Perm.VIEW_HEALTH)
    psychosocial = (
        actions.read_psychosocial(actor=request.user, assessment=assessment) if health else None
    )
    return render(
        request,
        "cases/assessment_detail.html",
        {
            "assessment": assessment,
            "case": assessment.case,
            "health": health,
            "psychosocial": psychosocial,
            "can_edit_psy": health and has_perm(request.user, Perm.MANAGE_CASES),
        },
    )


@policy_required(Perm.MANAGE_CASES, Perm.VIEW_HEALTH)
def psychosocial_edit(request, pk):
    assessment = _assessment(request, pk)
    if request.method == "POST":
        form = PsychosocialForm(request.POST)
        if form.is_valid():
            try:
                actions.record_psychosocial(
                    actor=request.user, assessment=assessment, **form.action_values()
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The psychosocial assessment was recorded."))
                return redirect("cases:assessment-detail", pk=assessment.pk)
    else:
        psy = actions.read_psychosocial(actor=request.user, assessment=assessment)
        form = PsychosocialForm(
            initial={f: getattr(psy, f) for f in PsychosocialForm.FIELDS} if psy else None
        )
    return render(
        request,
        "cases/psychosocial_form.html",
        {"form": form, "assessment": assessment, "case": assessment.case},
    )


# --- Vulnerabilities ------------------------------------------------------------------------


@require_POST
@policy_required(Perm.MANAGE_CASES)
def vulnerability_add(request, pk):
    case = _case(request, pk)
    form = VulnerabilityForm(request.POST, with_details=has_perm(request.user, Perm.VIEW_HEALTH))
    if not form.is_valid():
        messages.error(request, _("Choose a vulnerability from the list."))
        return _to_case(case.pk, "vulnerabilities-title")
    try:
        actions.record_vulnerability(
            actor=request.user,
            case=case,
            kind=form.cleaned_data["kind"],
            details=form.cleaned_data.get("details", ""),
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The vulnerability was recorded."))
    return _to_case(case.pk, "vulnerabilities-title")


def _flag(request, pk):
    return get_object_or_404(
        VulnerabilityFlag.objects.visible_to(request.user).select_related("case__beneficiary"),
        pk=pk,
    )


@policy_required(Perm.VIEW_CASES, Perm.VIEW_HEALTH)
def vulnerability_detail(request, pk):
    flag = _flag(request, pk)
    can_edit = (
        has_perm(request.user, Perm.MANAGE_CASES)
        and flag.is_active
        and not flag.case.is_closed
        and rules.has_active_consent(flag.case.beneficiary)
    )
    if request.method == "POST":
        form = DetailsForm(request.POST)
        if form.is_valid():
            try:
                actions.update_vulnerability_details(
                    actor=request.user, flag=flag, details=form.cleaned_data["details"]
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The details were recorded."))
                return redirect("cases:vulnerability-detail", pk=flag.pk)
        details = None
    else:
        details = actions.read_vulnerability_details(actor=request.user, flag=flag)
        form = DetailsForm(initial={"details": details}) if can_edit else None
    return render(
        request,
        "cases/vulnerability_detail.html",
        {"flag": flag, "case": flag.case, "details": details, "form": form},
    )


@require_POST
@policy_required(Perm.MANAGE_CASES)
def vulnerability_lift(request, pk):
    flag = _flag(request, pk)
    try:
        actions.lift_vulnerability(actor=request.user, flag=flag)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The vulnerability was lifted."))
    return _to_case(flag.case_id, "vulnerabilities-title")


# --- Plan -----------------------------------------------------------------------------------


@require_POST
@policy_required(Perm.MANAGE_CASES)
def track_add(request, pk):
    case = _case(request, pk)
    form = TrackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a track from the list."))
        return _to_case(case.pk, "plan-title")
    try:
        actions.add_track(actor=request.user, case=case, **form.cleaned_data)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The track was added to the plan."))
    return _to_case(case.pk, "plan-title")


def _track(request, pk):
    return get_object_or_404(
        PlanTrack.objects.visible_to(request.user).select_related("case__beneficiary"), pk=pk
    )


@policy_required(Perm.MANAGE_CASES)
def track_edit(request, pk):
    track = _track(request, pk)
    form = TrackEditForm(request.POST or None, initial={"objective": track.objective})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_track(
                actor=request.user, track=track, objective=form.cleaned_data["objective"]
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The track was updated."))
            return _to_case(track.case_id, "plan-title")
    return render(
        request, "cases/track_form.html", {"form": form, "track": track, "case": track.case}
    )


@policy_required(Perm.MANAGE_CASES)
def plan_action_add(request, pk):
    track = _track(request, pk)
    form = PlanActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_plan_action(actor=request.user, track=track, **form.action_values())
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The action was added to the plan."))
            return _to_case(track.case_id, "plan-title")
    return render(
        request,
        "cases/plan_action_form.html",
        {
            "form": form,
            "track": track,
            "case": track.case,
            "creating": True,
            "idempotency_key": new_key(),
        },
    )


@policy_required(Perm.MANAGE_CASES)
def plan_action_edit(request, pk):
    action = get_object_or_404(
        PlanAction.objects.visible_to(request.user).select_related("track__case__beneficiary"),
        pk=pk,
    )
    track = action.track
    initial = {f: getattr(action, f) for f in PlanActionForm.FIELDS}
    form = PlanActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_plan_action(actor=request.user, action=action, **form.action_values())
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The action was updated."))
            return _to_case(track.case_id, "plan-title")
    return render(
        request,
        "cases/plan_action_form.html",
        {"form": form, "track": track, "case": track.case, "action": action},
    )


urlpatterns: list = [
    path("beneficiaries/<uuid:pk>/profile/", profile_edit, name="profile-edit"),
    path("<uuid:pk>/assessments/new/", assessment_add, name="assessment-add"),
    path("assessments/<uuid:pk>/", assessment_detail, name="assessment-detail"),
    path("assessments/<uuid:pk>/psychosocial/", psychosocial_edit, name="psychosocial-edit"),
    path("<uuid:pk>/vulnerabilities/", vulnerability_add, name="vulnerability-add"),
    path("vulnerabilities/<uuid:pk>/", vulnerability_detail, name="vulnerability-detail"),
    path("vulnerabilities/<uuid:pk>/lift/", vulnerability_lift, name="vulnerability-lift"),
    path("<uuid:pk>/plan/tracks/", track_add, name="track-add"),
    path("plan/tracks/<uuid:pk>/", track_edit, name="track-edit"),
    path("plan/tracks/<uuid:pk>/actions/new/", plan_action_add, name="plan-action-add"),
    path("plan/actions/<uuid:pk>/", plan_action_edit, name="plan-action-edit"),
]
