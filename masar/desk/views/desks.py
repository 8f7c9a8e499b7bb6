"""Desk management: my desks, a desk's page, create/edit, the services it orients to, weekly
openings, mediators, and the sessions held or cancelled."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import policy_required
from masar.directory.models import Service
from masar.directory.search import search as search_services

from .. import actions, rules
from ..forms import DeskForm, DeskServicesForm, MediatorsForm, OpeningForm, SessionForm
from ..models import DeskOpening, DeskPoint, DeskSession
from ..schedule import next_openings
from .common import DESK_STAFF, any_policy_required, form_errors, new_key, scoped_desk

SEARCH_LIMIT = 15


@any_policy_required(*DESK_STAFF)
def desk_list(request):
    desks = (
        DeskPoint.objects.visible_to(request.user)
        .select_related("holder", "municipality", "governorate")
        .prefetch_related("openings")
        .annotate(n_services=Count("services", distinct=True))
        .order_by("name")
    )
    return render(
        request,
        "desk/desk_list.html",
        {
            "desks": desks,
            "can_create": has_perm(request.user, Perm.MANAGE_DESKS),
            "can_record": has_perm(request.user, Perm.RECORD_DESK_CONTACTS),
        },
    )


@any_policy_required(*DESK_STAFF)
def desk_detail(request, pk):
    desk = get_object_or_404(
        DeskPoint.objects.visible_to(request.user)
        .select_related("holder", "governorate", "delegation", "municipality")
        .prefetch_related(
            "openings",
            "mediators",
            Prefetch("services", queryset=Service.objects.select_related("organization")),
        ),
        pk=pk,
    )
    sessions = (
        DeskSession.objects.filter(desk=desk)
        .prefetch_related("mediators")
        .annotate(n_contacts=Count("contacts"))[:10]
    )
    can_manage = rules.can_manage_desk(request.user, desk)
    return render(
        request,
        "desk/desk_detail.html",
        {
            "desk": desk,
            "sessions": sessions,
            "upcoming": next_openings(desk, count=3),
            "can_manage": can_manage,
            "can_record": rules.can_record_at(request.user, desk),
            "opening_form": OpeningForm() if can_manage else None,
        },
    )


@policy_required(Perm.MANAGE_DESKS)
def desk_create(request):
    form = DeskForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            desk = actions.create_desk(
                actor=request.user, holder=form.cleaned_data["holder"], **form.action_values()
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The desk was created. Add its opening hours."))
            return redirect("desk:desk-detail", pk=desk.pk)
    return render(
        request,
        "desk/desk_form.html",
        {"form": form, "desk": None, "idempotency_key": new_key()},
    )


def _managed_desk(request, pk):
    desk = scoped_desk(request, pk)
    if not rules.can_manage_desk(request.user, desk):
        from masar.core.permissions import deny

        deny(request, "desk.manage_desks")
    return desk


@policy_required(Perm.MANAGE_DESKS)
def desk_edit(request, pk):
    desk = _managed_desk(request, pk)
    form = DeskForm(request.POST or None, instance=desk, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_desk(
                actor=request.user,
                desk=desk,
                holder=form.cleaned_data["holder"],
                **form.action_values(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The desk was saved."))
            return redirect("desk:desk-detail", pk=desk.pk)
    return render(request, "desk/desk_form.html", {"form": form, "desk": desk})


@policy_required(Perm.MANAGE_DESKS)
def desk_services(request, pk):
    """The services a desk orients to: its current ones ticked, plus a search over the
    published directory (a GET filter on the same page, no JavaScript needed)."""
    desk = _managed_desk(request, pk)
    q = (request.GET.get("q") or "").strip()[:100]
    if request.method == "POST":
        form = DeskServicesForm(request.POST)
        if form.is_valid():
            try:
                actions.update_desk(
                    actor=request.user, desk=desk, services=form.cleaned_data["services"]
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The services of the desk were saved."))
                return redirect("desk:desk-detail", pk=desk.pk)
    else:
        form = DeskServicesForm()
    current = list(desk.services.select_related("organization").order_by("name"))
    found = []
    if q:
        results, _total = search_services(q, actions.published_services(), limit=SEARCH_LIMIT)
        ids = {s.pk for s in current}
        found = [s for s in results if s.pk not in ids]
        orgs = {
            s.pk: s
            for s in Service.objects.filter(pk__in=[s.pk for s in found]).select_related(
                "organization"
            )
        }
        found = [orgs[s.pk] for s in found if s.pk in orgs]
    return render(
        request,
        "desk/desk_services.html",
        {"desk": desk, "form": form, "current": current, "found": found, "q": q},
    )


@require_POST
@policy_required(Perm.MANAGE_DESKS)
def opening_add(request, pk):
    desk = _managed_desk(request, pk)
    form = OpeningForm(request.POST)
    if form.is_valid():
        try:
            actions.add_opening(actor=request.user, desk=desk, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The opening was added."))
    else:
        messages.error(request, _("Give a day, an opening and a closing time."))
    return redirect("desk:desk-detail", pk=desk.pk)


@require_POST
@policy_required(Perm.MANAGE_DESKS)
def opening_remove(request, pk, opening):
    desk = _managed_desk(request, pk)
    opening = get_object_or_404(DeskOpening, desk=desk, pk=opening)
    actions.remove_opening(actor=request.user, opening=opening)
    messages.success(request, _("The opening was removed."))
    return redirect("desk:desk-detail", pk=desk.pk)


@policy_required(Perm.MANAGE_DESKS)
def desk_mediators(request, pk):
    desk = _managed_desk(request, pk)
    form = MediatorsForm(
        request.POST or None, desk=desk, initial={"mediators": list(desk.mediators.all())}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_mediators(
                actor=request.user, desk=desk, mediators=form.cleaned_data["mediators"]
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The mediators of the desk were saved."))
            return redirect("desk:desk-detail", pk=desk.pk)
    return render(request, "desk/desk_mediators.html", {"desk": desk, "form": form})


@policy_required()
def session_create(request, pk):
    """Record a session held (with the mediators present), or announce a cancelled one: the
    desk's mediators and recorders, or its managers."""
    desk = scoped_desk(request, pk)
    if not rules.can_record_session(request.user, desk):
        from masar.core.permissions import deny

        deny(request, "desk.record_contacts")
    today = timezone.localdate()
    slot = next((o for o in desk.openings.all() if o.weekday == today.weekday()), None)
    initial = {"held_on": today, "mediators": list(desk.mediators.all())}
    if slot is not None:
        initial.update(starts_at=slot.opens_at, ends_at=slot.closes_at)
    form = SessionForm(request.POST or None, desk=desk, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_session(actor=request.user, desk=desk, **form.cleaned_data)
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The session was recorded."))
            return redirect("desk:desk-detail", pk=desk.pk)
    return render(
        request,
        "desk/session_form.html",
        {"desk": desk, "form": form, "idempotency_key": new_key()},
    )


urlpatterns = [
    path("", desk_list, name="desk-list"),
    path("new/", desk_create, name="desk-create"),
    path("<uuid:pk>/", desk_detail, name="desk-detail"),
    path("<uuid:pk>/edit/", desk_edit, name="desk-edit"),
    path("<uuid:pk>/services/", desk_services, name="desk-services"),
    path("<uuid:pk>/mediators/", desk_mediators, name="desk-mediators"),
    path("<uuid:pk>/openings/", opening_add, name="opening-add"),
    path("<uuid:pk>/openings/<uuid:opening>/remove/", opening_remove, name="opening-remove"),
    path("<uuid:pk>/sessions/new/", session_create, name="session-create"),
]
