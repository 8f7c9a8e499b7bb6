"""Nobody can change the trail: the model refuses, the database refuses."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from masar.audit.actions import record_event
from masar.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _guarded_sql(sql, params):
    """Run ``sql`` with the append-only guard on, as in every setting but the tests'."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL masar.allow_audit_purge = 'off'")
        cursor.execute(sql, params)


def test_audit_event_model_refuses_update_and_delete():
    event = record_event(actor=None, action=AuditAction.EXPORT, summary="original")
    event.summary = "edited"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    event.refresh_from_db()
    assert event.summary == "original"


@override_settings(MASAR_AUDIT_ALLOW_PURGE=False)
def test_audit_event_database_refuses_update():
    event = record_event(actor=None, action=AuditAction.EXPORT, summary="original")
    with pytest.raises(DatabaseError, match="append-only"):
        _guarded_sql(
            "UPDATE audit_auditevent SET summary = %s WHERE seq = %s", ["edited", event.seq]
        )
    assert AuditEvent.objects.get(seq=event.seq).summary == "original"


@override_settings(MASAR_AUDIT_ALLOW_PURGE=False)
def test_audit_event_database_refuses_delete():
    event = record_event(actor=None, action=AuditAction.EXPORT)
    with pytest.raises(DatabaseError, match="append-only"):
        _guarded_sql("DELETE FROM audit_auditevent WHERE seq = %s", [event.seq])
    assert AuditEvent.objects.filter(seq=event.seq).exists()
