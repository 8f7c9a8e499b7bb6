"""Writing to the audit trail. Called inside the transaction of the change it records."""

from django.db import transaction
from django.utils import timezone

from masar.core.classification import MASKED_IN_AUDIT, field_class
from masar.core.context import client_ip, request_id

from .models import AuditAction, AuditChainHead, AuditEvent

MASK = "•••"


def _label(obj) -> tuple[str, str]:
    if obj is None:
        return "", ""
    meta = obj._meta
    return f"{meta.app_label}.{meta.model_name}", str(obj.pk or "")


def mask_changes(model, changes: dict) -> dict:
    """Replace values of sensitive and secret fields by a mask: the trail says *that* they
    changed, never what they hold."""
    masked = {}
    for name, value in changes.items():
        cls = field_class(model, name) if model is not None else None
        if cls in MASKED_IN_AUDIT:
            masked[name] = MASK
        elif isinstance(value, list | tuple) and len(value) == 2:
            masked[name] = [_jsonable(value[0]), _jsonable(value[1])]
        else:
            masked[name] = _jsonable(value)
    return masked


def _jsonable(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    return str(value)


def record_event(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    summary: str = "",
    changes: dict | None = None,
    ip_address: str | None = None,
    actor_username: str = "",
) -> AuditEvent:
    """Append one event to the chain. Must run inside the caller's transaction; opens one
    itself when called outside (e.g. a login)."""
    with transaction.atomic():
        head = _locked_head()
        if obj is not None:
            object_type, object_id = _label(obj)
        authenticated = actor is not None and getattr(actor, "is_authenticated", False)
        event = AuditEvent(
            seq=head.last_seq + 1,
            at=timezone.now(),
            actor_id=actor.pk if authenticated else None,
            actor_username=(actor.get_username() if authenticated else actor_username)[:150],
            institution_id=getattr(actor, "institution_id", None) if authenticated else None,
            ip_address=ip_address or client_ip.get(),
            action=AuditAction(action),
            object_type=object_type[:100],
            object_id=str(object_id)[:64],
            summary=summary[:300],
            changes=mask_changes(obj._meta.model if obj is not None else None, changes or {}),
            request_id=request_id.get() or "",
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=head.pk).update(last_seq=event.seq, last_hash=event.hash)
        return event


def _locked_head() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
    return head


def diff(instance, before: dict, fields) -> dict:
    """{field: [old, new]} for the fields whose value changed."""
    out = {}
    for name in fields:
        new = getattr(instance, name)
        old = before.get(name)
        if old != new:
            out[name] = [old, new]
    return out


def snapshot(instance, fields) -> dict:
    return {name: getattr(instance, name) for name in fields}


def audit_read(*, actor, obj, summary: str = "") -> AuditEvent:
    """Record that someone read a record holding personal data."""
    return record_event(actor=actor, action=AuditAction.READ, obj=obj, summary=summary)
