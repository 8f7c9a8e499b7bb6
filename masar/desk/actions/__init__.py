"""Writes on desks. Every write is an action: keyword-only, actor first, one transaction,
the audit event written inside it. ``actor=None`` is the system (demo data, imports).
One module per concept; import from here."""

from .common import (
    DESK_FIELDS,
    MAX_ORIENTATIONS,
    MAX_REACHED,
    MEDIATOR_ROLES,
    is_country_code,
    published_services,
    todays_session,
)
from .contacts import mark_orientation_reached, record_desk_contact
from .desks import (
    add_opening,
    create_desk,
    holders_for,
    mediator_candidates,
    record_session,
    remove_opening,
    session_slots,
    set_mediators,
    update_desk,
)
from .outreach import OUTREACH_COUNTS, record_outreach
from .person import link_contact_person

__all__ = [
    "DESK_FIELDS",
    "MAX_ORIENTATIONS",
    "MAX_REACHED",
    "MEDIATOR_ROLES",
    "OUTREACH_COUNTS",
    "add_opening",
    "create_desk",
    "holders_for",
    "is_country_code",
    "link_contact_person",
    "mark_orientation_reached",
    "mediator_candidates",
    "published_services",
    "record_desk_contact",
    "record_outreach",
    "record_session",
    "remove_opening",
    "session_slots",
    "set_mediators",
    "todays_session",
    "update_desk",
]
