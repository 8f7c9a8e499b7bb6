"""Outreach: peer sessions in schools, themed events, artistic performances, with the
numbers reached (counts only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import policy_required

from .. import actions
from ..forms import OutreachForm
from ..models import DeskPoint, OutreachActivity
from .common import DESK_STAFF, any_policy_required, form_errors, new_key

PAGE_SIZE = 25


@any_policy_required(*DESK_STAFF)
def outreach_list(request):
    activities = OutreachActivity.objects.visible_to(request.user).select_related(
        "holder", "desk", "governorate"
    )
    page = Paginator(activities.order_by("-held_on", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "desk/outreach_list.html",
        {"page": page, "can_record": has_perm(request.user, Perm.RECORD_DESK_CONTACTS)},
    )


@policy_required(Perm.RECORD_DESK_CONTACTS)
def outreach_create(request):
    desks = DeskPoint.objects.visible_to(request.user).filter(is_active=True).order_by("name")
    form = OutreachForm(request.POST or None, desks=desks)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        desk = data["desk"]
        holder = desk.holder if desk else request.user.institution
        try:
            if holder is None:
                raise ValidationError(_("Your account belongs to no institution."))
            actions.record_outreach(
                actor=request.user,
                holder=holder,
                desk=desk,
                kind=data["kind"],
                title=data["title"],
                held_on=data["held_on"],
                place=data["place"],
                topics=data["topics"],
                governorate=data["governorate"] or (desk.governorate if desk else None),
                delegation=desk.delegation if desk and not data["governorate"] else None,
                municipality=desk.municipality if desk and not data["governorate"] else None,
                reached_women=data["reached_women"],
                reached_men=data["reached_men"],
                reached_unspecified=data["reached_unspecified"],
                reached_minors=data["reached_minors"],
                idempotency_key=(request.POST.get("idempotency_key") or "")[:64] or None,
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The activity was recorded."))
            return redirect("desk:outreach-list")
    return render(request, "desk/outreach_form.html", {"form": form, "idempotency_key": new_key()})


urlpatterns = [
    path("outreach/", outreach_list, name="outreach-list"),
    path("outreach/new/", outreach_create, name="outreach-create"),
]
