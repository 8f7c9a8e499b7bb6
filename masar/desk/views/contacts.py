"""Contacts at a desk: the 30-second form, the referral slip, the list of recent contacts,
whether the oriented person reached the service, and linking a contact to a named person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read
from masar.cases.models import Beneficiary
from masar.core.permissions import deny, policy_required
from masar.directory.models import Service
from masar.directory.search import search as search_services

from .. import actions, rules, slip
from ..forms import ContactFilterForm, ContactForm, LinkPersonForm, ReachedForm
from ..models import ContactStatus, DeskContact, Orientation, Reached
from .common import form_errors, new_key, scoped_desk

PAGE_SIZE = 25
SEARCH_LIMIT = 8


def _recording_desk(request, pk):
    desk = scoped_desk(request, pk)
    if not rules.can_record_at(request.user, desk):
        deny(request, "desk.record_contacts at this desk")
    return desk


def _offered_services(desk, q, ticked_ids):
    """The desk's services, then the services found by ``q``, then any ticked elsewhere."""
    desk_services = list(
        desk.services.filter(pk__in=actions.published_services().values("pk"))
        .select_related("organization")
        .order_by("name")
    )
    known = {s.pk for s in desk_services}
    found = []
    if q:
        results, _total = search_services(q, actions.published_services(), limit=SEARCH_LIMIT)
        found = [s for s in results if s.pk not in known]
        known |= {s.pk for s in found}
    extra_ids = [i for i in ticked_ids if i not in known]
    if extra_ids:
        found += list(actions.published_services().filter(pk__in=extra_ids))
    if found:
        by_id = {
            s.pk: s
            for s in Service.objects.filter(pk__in=[s.pk for s in found]).select_related(
                "organization"
            )
        }
        found = [by_id[s.pk] for s in found]
    return desk_services, found


def _ticked(values) -> list:
    import uuid

    out = []
    for raw in values:
        try:
            out.append(uuid.UUID(str(raw)))
        except ValueError:
            continue
    return out[:20]


@policy_required(Perm.RECORD_DESK_CONTACTS)
def contact_create(request, pk):
    """One page: status, profile (anonymous by default), topics, orientations, Save. A GET
    with ``q`` (the search button of the same form) keeps what was ticked."""
    desk = _recording_desk(request, pk)
    q = (request.GET.get("q") or request.POST.get("q") or "").strip()[:100]
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                contact = actions.record_desk_contact(
                    actor=request.user,
                    desk=desk,
                    idempotency_key=(request.POST.get("idempotency_key") or "")[:64] or None,
                    **form.action_values(),
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(
                    request, _("Contact %(ref)s recorded.") % {"ref": contact.reference}
                )
                return redirect("desk:contact-slip", pk=contact.pk)
        ticked = _ticked(request.POST.getlist("services"))
    else:
        initial = {"sex": "unspecified", "age_group": "unknown"}
        if request.GET:
            for name in ("status", "sex", "age_group", "nationality"):
                if request.GET.get(name):
                    initial[name] = request.GET.get(name)[:20]
            initial["topics"] = request.GET.getlist("topics")[:20]
        ticked = _ticked(request.GET.getlist("services"))
        initial["services"] = ticked
        form = ContactForm(initial=initial)
    desk_services, found = _offered_services(desk, q, ticked)
    return render(
        request,
        "desk/contact_form.html",
        {
            "desk": desk,
            "form": form,
            "q": q,
            "desk_services": desk_services,
            "found": found,
            "ticked": {str(t) for t in ticked},
            "session": actions.todays_session(desk),
            "idempotency_key": new_key(),
        },
    )


def _contact(request, pk):
    if not has_perm(request.user, Perm.RECORD_DESK_CONTACTS):
        deny(request, "desk.record_contacts")
    return get_object_or_404(
        DeskContact.objects.visible_to(request.user).select_related("desk", "session"),
        pk=pk,
    )


@policy_required(Perm.RECORD_DESK_CONTACTS)
def contact_slip(request, pk):
    """The printable slip, in the person's language (``?lang=``); nothing personal."""
    contact = _contact(request, pk)
    language = slip.slip_language(request.GET.get("lang"))
    services = slip.slip_services(contact, language)
    from django.utils import translation

    with translation.override(language):
        desk_name = contact.desk.name
        desk_address = contact.desk.address
    return render(
        request,
        "desk/contact_slip.html",
        {
            "contact": contact,
            "desk_name": desk_name,
            "desk_address": desk_address,
            "services": services,
            "slip_language": language,
            "slip_heading": slip.slip_title(language),
            "slip_rtl": language == "ar",
            "sms": slip.sms_text(contact, services, language),
            "slip_languages": [("fr", "Français"), ("ar", "العربية"), ("en", "English")],
        },
    )


@policy_required(Perm.RECORD_DESK_CONTACTS)
def contact_detail(request, pk):
    contact = _contact(request, pk)
    orientations = list(
        contact.orientations.select_related("service__organization", "reached_noted_by").order_by(
            "service__name"
        )
    )
    linked_name = None
    if contact.beneficiary_id:
        person = Beneficiary.objects.visible_to(request.user).filter(pk=contact.beneficiary_id)
        linked = person.first()
        if linked is not None:
            linked_name = linked.full_name
            audit_read(actor=request.user, obj=linked, summary="desk contact page")
    return render(
        request,
        "desk/contact_detail.html",
        {
            "contact": contact,
            "topics": [t.get_topic_display() for t in contact.topics.all()],
            "orientations": orientations,
            "reached_choices": Reached.choices,
            "can_record": rules.can_record_at(request.user, contact.desk),
            "can_link": has_perm(request.user, Perm.MANAGE_CASES),
            "linked_name": linked_name,
        },
    )


@policy_required(Perm.RECORD_DESK_CONTACTS)
def contact_list(request, pk):
    """Recent contacts first, filtered by date; ``pending`` keeps those with orientations
    whose outcome is not known yet."""
    desk = scoped_desk(request, pk)
    form = ContactFilterForm(request.GET or None)
    contacts = DeskContact.objects.filter(desk=desk)
    if form.is_valid():
        data = form.cleaned_data
        if data["date_from"]:
            contacts = contacts.filter(contacted_on__gte=data["date_from"])
        if data["date_to"]:
            contacts = contacts.filter(contacted_on__lte=data["date_to"])
        if data["pending"]:
            contacts = contacts.filter(
                pk__in=Orientation.objects.filter(
                    contact__desk=desk, reached=Reached.UNKNOWN
                ).values("contact_id")
            )
    contacts = contacts.annotate(
        n_pending=Count("orientations", filter=Q(orientations__reached=Reached.UNKNOWN))
    ).prefetch_related(
        "topics",
        Prefetch(
            "orientations",
            queryset=Orientation.objects.select_related("service").order_by("service__name"),
        ),
    )
    page = Paginator(contacts.order_by("-contacted_on", "-recorded_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "desk/contact_list.html",
        {
            "desk": desk,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_record": rules.can_record_at(request.user, desk),
        },
    )


@require_POST
@policy_required(Perm.RECORD_DESK_CONTACTS)
def orientation_reached(request, pk):
    orientation = get_object_or_404(
        Orientation.objects.visible_to(request.user).select_related("contact__desk"), pk=pk
    )
    form = ReachedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Answer yes, no or not known yet."))
    else:
        try:
            actions.mark_orientation_reached(
                actor=request.user, orientation=orientation, reached=form.cleaned_data["reached"]
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Saved."))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("desk:contact-detail", pk=orientation.contact_id)


@policy_required(Perm.RECORD_DESK_CONTACTS)
def contact_link(request, pk):
    """With consent, link the contact to a named person (counsellors only); mediators
    without case rights see why and where to send the person instead."""
    contact = _contact(request, pk)
    can_link = has_perm(request.user, Perm.MANAGE_CASES) and rules.can_record_at(
        request.user, contact.desk
    )
    form = None
    if can_link and not contact.beneficiary_id:
        form = LinkPersonForm(
            request.POST or None,
            initial={"open_reintegration_case": contact.status == ContactStatus.RETURNEE},
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                actions.link_contact_person(
                    actor=request.user,
                    contact=contact,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    phone=data["phone"],
                    consent=data["consent"],
                    consent_language=data["consent_language"],
                    open_reintegration_case=data["open_reintegration_case"],
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The contact is linked to the person."))
                return redirect("desk:contact-detail", pk=contact.pk)
    elif request.method == "POST":
        deny(request, "cases.manage_cases")
    return render(
        request,
        "desk/contact_link.html",
        {
            "contact": contact,
            "form": form,
            "can_link": can_link,
            "idempotency_key": new_key(),
            "detail_url": reverse("desk:contact-detail", args=[contact.pk]),
            "today": timezone.localdate(),
        },
    )


urlpatterns = [
    path("<uuid:pk>/contacts/", contact_list, name="contact-list"),
    path("<uuid:pk>/contacts/new/", contact_create, name="contact-create"),
    path("contacts/<uuid:pk>/", contact_detail, name="contact-detail"),
    path("contacts/<uuid:pk>/slip/", contact_slip, name="contact-slip"),
    path("contacts/<uuid:pk>/link/", contact_link, name="contact-link"),
    path("orientations/<uuid:pk>/reached/", orientation_reached, name="orientation-reached"),
]
