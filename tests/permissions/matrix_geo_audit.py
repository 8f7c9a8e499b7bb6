"""Permission-matrix rows for the territory (geo:*) and the audit trail (audit:*)."""

from . import EVERYONE


def _latest_event(personas):
    """An existing audit event (creating the personas writes some)."""
    from masar.audit.actions import record_event
    from masar.audit.models import AuditAction, AuditEvent

    personas("admin")
    latest = AuditEvent.objects.order_by("-seq").first()
    if latest is None:
        latest = record_event(actor=None, action=AuditAction.EXPORT, summary="matrix")
    return {"seq": latest.seq}


MATRIX = {
    # Public, cacheable map layer (governorate outlines, © OpenStreetMap contributors).
    "geo:governorates-geojson": {"allowed": EVERYONE},
    # The audit trail: system administrators only; read-only.
    "audit:event-list": {"allowed": {"admin"}},
    "audit:event-detail": {"allowed": {"admin"}, "kwargs": _latest_event},
}
