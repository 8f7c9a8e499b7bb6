"""The institutions of the network: a shared, non-personal directory."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from masar.core.permissions import policy_required

from .. import actions
from ..forms import InstitutionFilterForm, InstitutionForm
from ..models import Institution
from ..policy import Perm, has_perm
from .common import PAGE_SIZE, add_action_errors, new_idempotency_key


def _institutions(request):
    qs = Institution.objects.visible_to(request.user)
    if not has_perm(request.user, Perm.MANAGE_INSTITUTIONS):
        qs = qs.active()
    return qs


@policy_required(Perm.VIEW_INSTITUTIONS)
def institution_list(request):
    form = InstitutionFilterForm(request.GET or None)
    institutions = (
        _institutions(request)
        .select_related("parent", "municipality")
        .prefetch_related("governorates")
        .order_by("name", "pk")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            institutions = institutions.filter(kind=data["kind"])
        if data["governorate"]:
            institutions = institutions.filter(governorates=data["governorate"])
        for term in data["q"].split():
            institutions = institutions.filter(
                Q(name_fr__icontains=term)
                | Q(name_ar__icontains=term)
                | Q(name_en__icontains=term)
                | Q(acronym__icontains=term)
                | Q(code__icontains=term)
            )
    page = Paginator(institutions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/institution_list.html",
        {
            "form": form,
            "page": page,
            "can_manage": has_perm(request.user, Perm.MANAGE_INSTITUTIONS),
        },
    )


@policy_required(Perm.VIEW_INSTITUTIONS)
def institution_detail(request, pk):
    institution = get_object_or_404(
        _institutions(request).select_related("parent", "municipality"), pk=pk
    )
    return render(
        request,
        "accounts/institution_detail.html",
        {
            "institution": institution,
            "governorates": institution.governorates.order_by("code"),
            "children": _institutions(request).filter(parent=institution).order_by("name"),
            "can_manage": has_perm(request.user, Perm.MANAGE_INSTITUTIONS),
        },
    )


@policy_required(Perm.MANAGE_INSTITUTIONS)
def institution_create(request):
    form = InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            institution = actions.create_institution(
                actor=request.user,
                governorates=list(form.cleaned_data["governorates"]),
                **form.action_values(),
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The institution was created."))
            return redirect("accounts:institution-detail", pk=institution.pk)
    return render(
        request,
        "accounts/institution_form.html",
        {"form": form, "creating": True, "idempotency_key": new_idempotency_key()},
    )


@policy_required(Perm.MANAGE_INSTITUTIONS)
def institution_edit(request, pk):
    institution = get_object_or_404(Institution.objects.visible_to(request.user), pk=pk)
    # The form validates a copy, so that a refused change never shows as the page title.
    form = InstitutionForm(request.POST or None, instance=copy.copy(institution))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_institution(
                actor=request.user,
                institution=institution,
                governorates=list(form.cleaned_data["governorates"]),
                **form.action_values(),
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The institution was updated."))
            return redirect("accounts:institution-detail", pk=institution.pk)
    return render(
        request,
        "accounts/institution_form.html",
        {"form": form, "creating": False, "institution": institution},
    )
