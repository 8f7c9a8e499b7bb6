"""Feedback ("give your opinion"): the public form (``public:feedback``) and the staff
moderation queue (``portal:feedback-…``)."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.core.permissions import policy_required
from masar.directory.models import Service

from .. import actions
from ..forms import FeedbackForm, form_token
from ..models import Feedback, FeedbackStatus, InfoPage
from ..public import public_page

QUEUE_PAGE_SIZE = 30


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _refused(request, form, message: str, *, status: int = 400):
    """The form again, with the reason, a fresh timestamp and a fresh double-tap key (the
    previous key's answer is this refusal)."""
    initial = {k: form.data.get(k, "") for k in ("rating", "comment", "service", "page", "next")}
    initial.update(started=form_token(), idempotency_key=uuid.uuid4().hex)
    again = FeedbackForm(initial=initial)
    context = {"form": again, "refusal": message, "next": _safe_next(request, initial["next"])}
    return render(request, "portal/feedback.html", context, status=status)


def _requested_target(request):
    """``?service=<uuid>`` or ``?page=<uuid>`` from a service or page link: published ones
    only; anything else is an opinion on the portal in general."""
    service = page = None
    try:
        if request.GET.get("service"):
            service_id = uuid.UUID(request.GET["service"])
            service = Service.objects.published().filter(pk=service_id).first()
        elif request.GET.get("page"):
            page_id = uuid.UUID(request.GET["page"])
            page = InfoPage.objects.published().filter(pk=page_id).first()
    except ValueError:
        pass
    return service, page


def _target(form):
    """The service or page named by the form, published ones only (or None: the portal)."""
    service = page = None
    if form.cleaned_data.get("service"):
        service = Service.objects.published().filter(pk=form.cleaned_data["service"]).first()
        if service is None:
            raise ValidationError(_("This service cannot receive opinions."))
    if form.cleaned_data.get("page"):
        page = InfoPage.objects.published().filter(pk=form.cleaned_data["page"]).first()
        if page is None:
            raise ValidationError(_("This page cannot receive opinions."))
    return service, page


@public_page
def feedback(request):
    """GET: an opinion on the portal in general. POST: any opinion (from this form, a
    service page or an information page)."""
    if request.method != "POST":
        service, page = _requested_target(request)
        next_url = _safe_next(request, request.GET.get("next", ""))
        form = FeedbackForm.blank(service=service, page=page, next_url=next_url)
        context = {"form": form, "refusal": "", "next": next_url, "service": service, "page": page}
        return render(request, "portal/feedback.html", context)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        message = " ".join(str(m) for errors in form.errors.values() for m in errors)
        return _refused(request, form, message)
    try:
        service, page = _target(form)
        actions.submit_feedback(
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
            service=service,
            page=page,
            language=(get_language() or "")[:2],
            client_ip=request.META.get("REMOTE_ADDR"),
        )
    except actions.FeedbackRateLimited as exc:
        return _refused(request, form, " ".join(exc.messages), status=429)
    except ValidationError as exc:
        return _refused(request, form, " ".join(exc.messages))
    messages.success(
        request, _("Thank you for your opinion. It will be shown once a moderator has read it.")
    )
    return redirect(_safe_next(request, form.cleaned_data.get("next")) or "public:feedback")


@policy_required(Perm.MODERATE_FEEDBACK)
def feedback_list(request):
    status = request.GET.get("status", FeedbackStatus.PENDING)
    if status not in FeedbackStatus.values:
        status = FeedbackStatus.PENDING
    items = (
        Feedback.objects.visible_to(request.user)
        .filter(status=status)
        .select_related("service", "page", "moderated_by")
        .order_by("-created_at", "id")
    )
    page = Paginator(items, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    # Comments are free text from the public and may name someone: reading them is audited.
    record_event(
        actor=request.user,
        action=AuditAction.READ,
        object_type="portal.feedback",
        summary=f"feedback queue, {status} ({len(page.object_list)} rows)",
    )
    return render(
        request,
        "portal/feedback_list.html",
        {"items": page.object_list, "page": page, "status": status, "statuses": FeedbackStatus},
    )


@policy_required(Perm.MODERATE_FEEDBACK)
@require_POST
def feedback_moderate(request, pk):
    item = get_object_or_404(Feedback.objects.visible_to(request.user), pk=pk)
    try:
        actions.moderate_feedback(
            actor=request.user, feedback=item, decision=request.POST.get("decision", "")
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Decision saved."))
    return redirect(_safe_next(request, request.POST.get("next", "")) or "portal:feedback-list")


urlpatterns = [path("feedback/", feedback, name="feedback")]

staff_urlpatterns = [
    path("feedback/", feedback_list, name="feedback-list"),
    path("feedback/<uuid:pk>/moderate/", feedback_moderate, name="feedback-moderate"),
]
