"""/api/v1 endpoints for desk staff: my desks, record a contact (an offline-capable client
replays it safely with an ``Idempotency-Key``), mark whether an oriented person reached the
service. Out of scope → 404; writes call the actions of masar.desk."""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.responses import Status

from masar.accounts.policy import Perm, has_perm
from masar.api.auth import require
from masar.api.schemas_desk import ContactIn, ContactOut, DeskOut, OrientationOut, ReachedIn
from masar.desk import actions, rules
from masar.desk.models import DeskContact, DeskPoint, Orientation

from . import errors

router = Router(tags=["desks"])


@router.get(
    "/desks",
    response={200: list[DeskOut], **errors(403)},
    url_name="desk-list",
    operation_id="listDesks",
    summary="The desks in your scope, with their openings and the services they orient to",
)
def list_desks(request):
    if not any(has_perm(request.auth, p) for p in (Perm.RECORD_DESK_CONTACTS, Perm.MANAGE_DESKS)):
        raise PermissionDenied(_("You are not allowed to do this."))
    desks = list(
        DeskPoint.objects.visible_to(request.auth)
        .select_related("holder")
        .prefetch_related("openings", "services")
        .order_by("name")
    )
    recordable = has_perm(request.auth, Perm.RECORD_DESK_CONTACTS)
    for desk in desks:
        desk.can_record = recordable and desk.is_active
    return desks


@router.post(
    "/desks/{desk_id}/contacts",
    response={201: ContactOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="desk-contacts",
    operation_id="recordDeskContact",
    summary="Record an anonymous contact at a desk, with topics and orientations",
    description=(
        "The same action as the contact form. Send an `Idempotency-Key` header: a retried "
        "request (an offline client syncing twice) returns the first contact, never a second."
    ),
)
def post_contact(request, desk_id: UUID, payload: ContactIn, response: HttpResponse):
    require(request, Perm.RECORD_DESK_CONTACTS)
    desk = get_object_or_404(DeskPoint.objects.visible_to(request.auth), pk=desk_id)
    if not rules.can_record_at(request.auth, desk):
        raise PermissionDenied(_("You are not allowed to do this."))
    services = list(actions.published_services().filter(pk__in=payload.services))
    if len(services) != len(set(payload.services)):
        raise ValidationError(
            {"services": _("Orient only to published services of the directory.")}
        )
    key = (request.headers.get("Idempotency-Key") or "")[:64] or None
    contact = actions.record_desk_contact(
        actor=request.auth,
        desk=desk,
        status=payload.status,
        topics=payload.topics,
        services=services,
        sex=payload.sex,
        age_group=payload.age_group,
        nationality=payload.nationality,
        contacted_on=payload.contacted_on,
        idempotency_key=f"api:{request.auth.pk}:{key}"[:64] if key else None,
    )
    contact = DeskContact.objects.prefetch_related("topics").get(pk=contact.pk)
    response["Location"] = reverse("desk:contact-detail", args=[contact.pk])
    return Status(201, contact)


@router.post(
    "/orientations/{orientation_id}/reached",
    response={200: OrientationOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="orientation-reached",
    operation_id="markOrientationReached",
    summary="Record whether the oriented person reached the service (yes / no / unknown)",
)
def post_reached(request, orientation_id: UUID, payload: ReachedIn):
    require(request, Perm.RECORD_DESK_CONTACTS)
    orientation = get_object_or_404(
        Orientation.objects.visible_to(request.auth).select_related("contact__desk", "service"),
        pk=orientation_id,
    )
    return actions.mark_orientation_reached(
        actor=request.auth, orientation=orientation, reached=payload.reached
    )
