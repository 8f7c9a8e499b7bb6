"""Staff pages for services: create, edit, submit, verify, history and the review queue."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm
from masar.audit.models import AuditEvent
from masar.core.permissions import deny, policy_required

from .. import actions, rules
from ..forms import ScheduleFormSet, ServiceForm, schedule_initial
from ..models import STALE_AFTER, Organization, Service, VerificationStatus
from .common import add_action_errors, new_idempotency_key, with_page_relations
from .history import history_rows
from .public import decorate, service_context

PAGE_SIZE = 25


def _visible_service(request, pk, queryset=None):
    queryset = queryset if queryset is not None else Service.objects.all()
    return get_object_or_404(
        queryset.visible_to(request.user).select_related("organization"), pk=pk
    )


def _editable_service(request, pk, queryset=None):
    """Outside the user's sight → 404; seen but not theirs to change → 403 (audited)."""
    service = _visible_service(request, pk, queryset)
    if not rules.can_edit_service(request.user, service):
        deny(request, "directory: not this organisation's staff")
    return service


@login_required
def service_detail(request, pk):
    service = get_object_or_404(
        with_page_relations(Service.objects.visible_to(request.user))
        .select_related("verified_by")
        .prefetch_related("audiences", "languages", "phones"),
        pk=pk,
    )
    decorate([service])
    context = service_context(service)
    context.update(
        {
            "can_edit": rules.can_edit_service(request.user, service),
            "can_verify": rules.can_verify_service(request.user, service),
            "can_submit": rules.can_edit_service(request.user, service)
            and service.verification_status == VerificationStatus.DRAFT,
        }
    )
    return render(request, "directory/service_detail.html", context)


def _relations(form, formset) -> actions.ServiceRelations:
    data = form.cleaned_data
    return actions.ServiceRelations(
        categories=list(data["categories"]),
        audiences=list(data["audiences"]),
        languages=list(data["languages"]),
        locations=list(data["locations"]),
        schedules=formset.spans(),
        phones=form.phone_list(),
    )


@policy_required(Perm.EDIT_OWN_SERVICES)
def service_create(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not rules.can_edit_organization(request.user, organization):
        deny(request, "directory: not this organisation's staff")
    form = ServiceForm(request.POST or None, organization=organization)
    formset = ScheduleFormSet(request.POST or None, prefix="hours")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            service = actions.create_service(
                actor=request.user,
                organization=organization,
                relations=_relations(form, formset),
                **form.action_values(),
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The service was added as a draft."))
            return redirect("directory:service-detail", pk=service.pk)
    return render(
        request,
        "directory/service_form.html",
        {
            "form": form,
            "formset": formset,
            "creating": True,
            "organization": organization,
            "idempotency_key": new_idempotency_key(),
        },
    )


@policy_required(Perm.EDIT_OWN_SERVICES)
def service_edit(request, pk):
    service = _editable_service(
        request, pk, Service.objects.prefetch_related("schedules", "at_locations")
    )
    form = ServiceForm(
        request.POST or None, instance=copy.copy(service), organization=service.organization
    )
    formset = ScheduleFormSet(
        request.POST or None,
        prefix="hours",
        initial=None if request.POST else schedule_initial(service),
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            actions.update_service(
                actor=request.user,
                service=service,
                relations=_relations(form, formset),
                **form.action_values(),
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The service was updated."))
            return redirect("directory:service-detail", pk=service.pk)
    return render(
        request,
        "directory/service_form.html",
        {
            "form": form,
            "formset": formset,
            "creating": False,
            "organization": service.organization,
            "service": service,
        },
    )


@require_POST
@policy_required(Perm.EDIT_OWN_SERVICES)
def service_submit(request, pk):
    service = _editable_service(request, pk)
    try:
        actions.submit_service(actor=request.user, service=service)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The service was sent for verification."))
    return redirect("directory:service-detail", pk=service.pk)


@require_POST
@policy_required(Perm.VERIFY_SERVICES)
def service_verify(request, pk):
    service = _visible_service(request, pk)
    try:
        actions.verify_service(actor=request.user, service=service)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(name)s” is verified as of today.") % {"name": service.name})
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("directory:service-detail", pk=service.pk)


@policy_required(Perm.EDIT_OWN_SERVICES)
def service_history(request, pk):
    """Who changed what and when, from the audit trail (read-only), newest first. For the
    organisation's staff and the verifiers."""
    service = _visible_service(request, pk)
    if not (
        rules.can_edit_service(request.user, service)
        or rules.can_verify_service(request.user, service)
    ):
        deny(request, "directory: history of another organisation's service")
    events = AuditEvent.objects.filter(
        object_type="directory.service", object_id=str(service.pk)
    ).order_by("-seq")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/service_history.html",
        {"service": service, "page": page, "rows": history_rows(page.object_list)},
    )


@policy_required(Perm.VERIFY_SERVICES)
def stale_list(request):
    """The review queue: services sent for verification first, then those whose last
    verification is more than a year old, oldest first."""
    cutoff = timezone.now() - STALE_AFTER
    services = (
        Service.objects.visible_to(request.user)
        .filter(Q(verification_status=VerificationStatus.SUBMITTED) | Q(verified_at__lt=cutoff))
        .select_related("organization")
        .annotate(
            submitted_first=Case(
                When(verification_status=VerificationStatus.SUBMITTED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("submitted_first", F("verified_at").asc(nulls_first=True), "name", "pk")
    )
    page = Paginator(services, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "directory/review_list.html", {"page": page})
