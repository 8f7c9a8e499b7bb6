"""Referrals to partner institutions and their inboxes.

Case staff send referrals from the case page and see those of the cases in their scope;
partner officers (``cases.handle_referrals``) see only their institution's inbox, with the
minimum of the case it needs (name, phone, the reason, the due date), and answer there.
Supervisors and M&E officers see figures per institution, never names.
"""

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
from masar.core.permissions import deny, policy_required

from .. import rules
from ..actions import referrals as actions
from ..forms.referrals import (
    CancelForm,
    CompleteForm,
    DeclineForm,
    FeedbackForm,
    FiguresFilterForm,
    InboxFilterForm,
    ReferralForm,
)
from ..models import Case, Referral
from .common import flash_errors, form_errors, new_key

PAGE_SIZE = 25


def _with_parties(referrals):
    return referrals.select_related("institution", "service", "sent_by")


def case_context(request, case) -> dict:
    """Context for the case page's referrals panel (template cases/panels/referrals_case.html)."""
    referrals = list(_with_parties(Referral.objects.visible_to(request.user).filter(case=case)))
    today = timezone.localdate()
    for referral in referrals:
        referral.overdue = referral.is_overdue(today)
    can_manage = has_perm(request.user, Perm.MANAGE_CASES)
    return {
        "referrals": referrals,
        "can_refer": can_manage and not case.is_closed,
        "can_manage_referrals": can_manage,
    }


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's referrals panel (cases/panels/referrals_beneficiary.html)."""
    referrals = _with_parties(
        Referral.objects.visible_to(request.user).filter(case__beneficiary=beneficiary)
    )
    return {"person_referrals": list(referrals)}


def _any_of(*perms):
    """The user needs one of ``perms`` (case staff or a partner officer)."""

    def decorator(view):
        @policy_required()
        def wrapped(request, *args, **kwargs):
            if not any(has_perm(request.user, p) for p in perms):
                deny(request, " or ".join(sorted(perms)))
            return view(request, *args, **kwargs)

        wrapped.__name__ = view.__name__
        wrapped.__doc__ = view.__doc__
        return wrapped

    return decorator


@policy_required(Perm.MANAGE_CASES)
def referral_send(request, pk):
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("beneficiary"), pk=pk
    )
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.send_referral(
                actor=request.user,
                case=case,
                institution=data["institution"],
                service=data["service"],
                reason=data["reason"],
                due_date=data["due_date"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The referral was sent to the institution's inbox."))
            return redirect("cases:case-detail", pk=case.pk)
    consents = list(rules.referral_consents(case.beneficiary))
    return render(
        request,
        "cases/referral_send.html",
        {
            "case": case,
            "form": form,
            "has_referral_consent": bool(consents),
            "consented_kinds": sorted(
                {k for c in consents for k in c.institution_kinds} if consents else set()
            ),
            "all_kinds": any(not c.institution_kinds for c in consents),
            "idempotency_key": new_key(),
        },
    )


@policy_required(Perm.HANDLE_REFERRALS)
def referral_inbox(request):
    form = InboxFilterForm(request.GET or None)
    referrals = Referral.objects.inbox_of(request.user).select_related(
        "case__beneficiary", "case__antenna", "service"
    )
    if form.is_valid():
        if form.cleaned_data["status"]:
            referrals = referrals.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["overdue"]:
            referrals = referrals.overdue()
    page = Paginator(referrals.order_by("due_date", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    for referral in page.object_list:
        referral.overdue = referral.is_overdue(today)
    record_event(
        actor=request.user,
        action=AuditAction.READ,
        object_type="cases.referral",
        summary=f"referral inbox ({len(page.object_list)} rows)",
    )
    return render(request, "cases/referral_inbox.html", {"form": form, "page": page})


@_any_of(Perm.VIEW_CASES, Perm.HANDLE_REFERRALS)
def referral_detail(request, pk):
    referral = get_object_or_404(
        _with_parties(Referral.objects.visible_to(request.user)).select_related(
            "case__beneficiary", "case__antenna", "responded_by", "completed_by", "cancelled_by"
        ),
        pk=pk,
    )
    audit_read(actor=request.user, obj=referral, summary="referral page")
    receiver = rules.is_receiver(request.user, referral)
    sender = has_perm(request.user, Perm.MANAGE_CASES) and rules.is_sender_side(
        request.user, referral
    )
    referral.overdue = referral.is_overdue()
    return render(
        request,
        "cases/referral_detail.html",
        {
            "referral": referral,
            "receiver": receiver,
            # Partner officers see the minimum; case staff the link to the case.
            "case_staff": Case.objects.visible_to(request.user)
            .filter(pk=referral.case_id)
            .exists(),
            "can_accept": receiver and referral.can_move_to("accepted"),
            "can_decline": receiver and referral.can_move_to("declined"),
            "can_complete": receiver and referral.can_move_to("completed"),
            "can_cancel": sender and referral.can_move_to("cancelled"),
            "can_feedback": sender and referral.status in ("accepted", "completed"),
            "decline_form": DeclineForm(),
            "complete_form": CompleteForm(),
            "cancel_form": CancelForm(),
            "feedback_form": FeedbackForm(
                initial={
                    "received": {True: "yes", False: "no"}.get(referral.feedback_received),
                    "satisfaction": referral.feedback_satisfaction,
                    "comment": referral.feedback_comment,
                }
            ),
        },
    )


def _inbox_referral(request, pk):
    return get_object_or_404(Referral.objects.inbox_of(request.user), pk=pk)


def _sent_referral(request, pk):
    scope = Referral.objects.filter(case__in=Case.objects.visible_to(request.user))
    return get_object_or_404(scope, pk=pk)


def _done(request, referral, message):
    messages.success(request, message)
    return redirect("cases:referral-detail", pk=referral.pk)


def _failed(request, referral, exc):
    flash_errors(request, exc)
    return redirect("cases:referral-detail", pk=referral.pk)


@require_POST
@policy_required(Perm.HANDLE_REFERRALS)
def referral_accept(request, pk):
    referral = _inbox_referral(request, pk)
    try:
        actions.accept_referral(actor=request.user, referral=referral)
    except ValidationError as exc:
        return _failed(request, referral, exc)
    return _done(request, referral, _("The referral was accepted."))


@require_POST
@policy_required(Perm.HANDLE_REFERRALS)
def referral_decline(request, pk):
    referral = _inbox_referral(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _failed(request, referral, ValidationError(_("Say why the referral is declined.")))
    try:
        actions.decline_referral(
            actor=request.user, referral=referral, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        return _failed(request, referral, exc)
    return _done(request, referral, _("The referral was declined."))


@require_POST
@policy_required(Perm.HANDLE_REFERRALS)
def referral_complete(request, pk):
    referral = _inbox_referral(request, pk)
    form = CompleteForm(request.POST)
    if not form.is_valid():
        return _failed(request, referral, ValidationError(_("Say what was done for the person.")))
    try:
        actions.complete_referral(
            actor=request.user, referral=referral, outcome=form.cleaned_data["outcome"]
        )
    except ValidationError as exc:
        return _failed(request, referral, exc)
    return _done(request, referral, _("The outcome was recorded."))


@require_POST
@policy_required(Perm.MANAGE_CASES)
def referral_cancel(request, pk):
    referral = _sent_referral(request, pk)
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        actions.cancel_referral(actor=request.user, referral=referral, reason=reason)
    except ValidationError as exc:
        return _failed(request, referral, exc)
    return _done(request, referral, _("The referral was cancelled."))


@require_POST
@policy_required(Perm.MANAGE_CASES)
def referral_feedback(request, pk):
    referral = _sent_referral(request, pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _failed(
            request,
            referral,
            ValidationError(_("Say whether the person received the service (yes or no).")),
        )
    try:
        actions.record_referral_feedback(
            actor=request.user, referral=referral, **form.action_values()
        )
    except ValidationError as exc:
        return _failed(request, referral, exc)
    return _done(request, referral, _("The person's feedback was recorded."))


@policy_required(Perm.VIEW_REFERRAL_STATS)
def referral_figures(request):
    form = FiguresFilterForm(request.GET or None)
    referrals = Referral.objects.all()
    if form.is_valid():
        if form.cleaned_data["sent_from"]:
            referrals = referrals.filter(sent_at__date__gte=form.cleaned_data["sent_from"])
        if form.cleaned_data["sent_to"]:
            referrals = referrals.filter(sent_at__date__lte=form.cleaned_data["sent_to"])
    rows = referrals.figures_by_institution()
    return render(request, "cases/referral_figures.html", {"form": form, "rows": rows})


urlpatterns: list = [
    path("<uuid:pk>/referrals/new/", referral_send, name="referral-send"),
    path("referrals/inbox/", referral_inbox, name="referral-inbox"),
    path("referrals/figures/", referral_figures, name="referral-figures"),
    path("referrals/<uuid:pk>/", referral_detail, name="referral-detail"),
    path("referrals/<uuid:pk>/accept/", referral_accept, name="referral-accept"),
    path("referrals/<uuid:pk>/decline/", referral_decline, name="referral-decline"),
    path("referrals/<uuid:pk>/complete/", referral_complete, name="referral-complete"),
    path("referrals/<uuid:pk>/cancel/", referral_cancel, name="referral-cancel"),
    path("referrals/<uuid:pk>/feedback/", referral_feedback, name="referral-feedback"),
]
