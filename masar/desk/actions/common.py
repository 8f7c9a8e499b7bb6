"""What the desk actions share: permission gates, references, the published services."""

import secrets

import pycountry
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Role

from .. import rules
from ..models import (
    DeskSession,
    SessionStatus,
)

# Unambiguous characters for slip references (no 0/O, 1/I/L).
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
MAX_ORIENTATIONS = 10
MAX_REACHED = 100_000
# Who can be named a desk's mediator: the holder's staff with one of these roles.
MEDIATOR_ROLES = (Role.MEDIATOR, Role.COUNSELLOR)
DESK_FIELDS = (
    "code",
    "name_fr",
    "name_ar",
    "name_en",
    "address_fr",
    "address_ar",
    "address_en",
    "access_notes_fr",
    "access_notes_ar",
    "access_notes_en",
    "phone",
    "latitude",
    "longitude",
    "governorate",
    "delegation",
    "municipality",
    "is_public",
    "is_active",
)


def _deny():
    raise PermissionDenied(_("You are not allowed to do this."))


def _require_record(actor, desk):
    if actor is not None and not rules.can_record_at(actor, desk):
        _deny()


def _require_manage(actor, desk):
    if actor is not None and not rules.can_manage_desk(actor, desk):
        _deny()


def _reference(desk) -> str:
    prefix = "".join(ch for ch in desk.code.upper() if ch.isalnum())[:3] or "DSK"
    return f"{prefix}-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def is_country_code(code: str) -> bool:
    return bool(code) and pycountry.countries.get(alpha_2=code.upper()) is not None


def published_services():
    from masar.directory.models import Service

    return Service.objects.published()


def todays_session(desk, day=None):
    """The session held at the desk on ``day`` (today), if one was recorded."""
    day = day or timezone.localdate()
    return (
        DeskSession.objects.filter(desk=desk, held_on=day, status=SessionStatus.HELD)
        .order_by("starts_at")
        .first()
    )
