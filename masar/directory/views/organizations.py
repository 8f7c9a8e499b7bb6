"""Staff pages for organisations and their places. Organisations are public information:
every signed-in person may read them; only their own staff (and directory managers) change
them (``rules.can_edit_organization``)."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import deny, policy_required

from .. import actions, rules
from ..forms import LocationForm, OrganizationFilterForm, OrganizationForm
from ..models import Location, Organization, Service
from .common import add_action_errors, new_idempotency_key

PAGE_SIZE = 25


@login_required
def organization_list(request):
    form = OrganizationFilterForm(request.GET or None)
    organizations = Organization.objects.annotate(service_count=Count("services")).order_by(
        "name", "pk"
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["mine"]:
            organizations = organizations.filter(institution_id=request.user.institution_id or -1)
        for word in data["q"].split():
            organizations = organizations.filter(
                Q(name_fr__icontains=word)
                | Q(name_ar__icontains=word)
                | Q(name_en__icontains=word)
                | Q(alternate_name__icontains=word)
            )
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/organization_list.html",
        {
            "form": form,
            "page": page,
            "can_create": has_perm(request.user, Perm.EDIT_OWN_SERVICES),
            "can_review": has_perm(request.user, Perm.VERIFY_SERVICES),
        },
    )


@login_required
def organization_detail(request, pk):
    organization = get_object_or_404(
        Organization.objects.select_related("institution", "parent_organization"), pk=pk
    )
    services = (
        Service.objects.visible_to(request.user)
        .filter(organization=organization)
        .order_by("name", "pk")
    )
    locations = organization.locations.select_related(
        "governorate", "delegation", "municipality"
    ).order_by("name", "pk")
    return render(
        request,
        "directory/organization_detail.html",
        {
            "organization": organization,
            "services": services,
            "locations": locations,
            "can_edit": rules.can_edit_organization(request.user, organization),
        },
    )


@policy_required(Perm.EDIT_OWN_SERVICES)
def organization_create(request):
    form = OrganizationForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            organization = actions.create_organization(actor=request.user, **form.action_values())
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The organisation was added."))
            return redirect("directory:organization-detail", pk=organization.pk)
    return render(
        request,
        "directory/organization_form.html",
        {"form": form, "creating": True, "idempotency_key": new_idempotency_key()},
    )


@policy_required(Perm.EDIT_OWN_SERVICES)
def organization_edit(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not rules.can_edit_organization(request.user, organization):
        deny(request, "directory: not this organisation's staff")
    form = OrganizationForm(
        request.POST or None, instance=copy.copy(organization), actor=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_organization(
                actor=request.user, organization=organization, **form.action_values()
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The organisation was updated."))
            return redirect("directory:organization-detail", pk=organization.pk)
    return render(
        request,
        "directory/organization_form.html",
        {"form": form, "creating": False, "organization": organization},
    )


def _editable_organization(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not rules.can_edit_organization(request.user, organization):
        deny(request, "directory: not this organisation's staff")
    return organization


@policy_required(Perm.EDIT_OWN_SERVICES)
def location_create(request, pk):
    organization = _editable_organization(request, pk)
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.create_location(
                actor=request.user, organization=organization, **form.action_values()
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The place was added."))
            return redirect("directory:organization-detail", pk=organization.pk)
    return render(
        request,
        "directory/location_form.html",
        {
            "form": form,
            "creating": True,
            "organization": organization,
            "idempotency_key": new_idempotency_key(),
        },
    )


@policy_required(Perm.EDIT_OWN_SERVICES)
def location_edit(request, pk):
    location = get_object_or_404(
        Location.objects.select_related("organization", "governorate", "delegation"), pk=pk
    )
    organization = location.organization
    if not rules.can_edit_organization(request.user, organization):
        deny(request, "directory: not this organisation's staff")
    form = LocationForm(request.POST or None, instance=copy.copy(location))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_location(actor=request.user, location=location, **form.action_values())
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The place was updated."))
            return redirect("directory:organization-detail", pk=organization.pk)
    return render(
        request,
        "directory/location_form.html",
        {"form": form, "creating": False, "organization": organization, "location": location},
    )
