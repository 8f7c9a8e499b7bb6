import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

pytestmark = pytest.mark.django_db


def _chain(n=5):
    return [
        record_event(
            actor=None,
            action=AuditAction.UPDATE,
            object_type="demo.thing",
            object_id=str(i),
            changes={"n": [i, i + 1]},
            summary=f"event {i}",
        )
        for i in range(n)
    ]


def _sql(sql, params):
    """Test settings lift the append-only guard, as an attacker with database access would."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_verify_audit_accepts_an_intact_chain(capsys):
    _chain(5)
    call_command("verify_audit")
    assert "OK: 5 audit events" in capsys.readouterr().out


def test_verify_audit_accepts_an_empty_trail(capsys):
    call_command("verify_audit")
    assert "OK: 0 audit events" in capsys.readouterr().out


def test_verify_audit_detects_an_edited_row():
    events = _chain(5)
    _sql("UPDATE audit_auditevent SET summary = %s WHERE seq = %s", ["nothing here", events[2].seq])
    with pytest.raises(CommandError, match=f"BROKEN at seq {events[2].seq}: content"):
        call_command("verify_audit")


def test_verify_audit_detects_a_rehashed_row():
    """Recomputing the edited row's hash breaks the link of the next one."""
    events = _chain(5)
    target = events[1]
    target.summary = "forged"
    _sql(
        "UPDATE audit_auditevent SET summary = %s, hash = %s WHERE seq = %s",
        ["forged", target.compute_hash(), target.seq],
    )
    with pytest.raises(CommandError, match=f"BROKEN at seq {events[2].seq}: link"):
        call_command("verify_audit")


def test_verify_audit_detects_a_deleted_row():
    events = _chain(5)
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [events[2].seq])
    with pytest.raises(CommandError, match=f"BROKEN at seq {events[2].seq}: missing"):
        call_command("verify_audit")


def test_verify_audit_detects_a_deleted_last_row():
    events = _chain(4)
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [events[-1].seq])
    with pytest.raises(CommandError, match=f"BROKEN at seq {events[-1].seq}"):
        call_command("verify_audit")
