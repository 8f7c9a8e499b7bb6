"""``manage.py verify_audit``: walk the audit chain in ``seq`` order and check every link.

For each event: its ``seq`` follows the previous one (no gap: a deleted row is detected),
its ``prev_hash`` is the previous event's hash, and its ``hash`` is what
``AuditEvent.compute_hash`` gives for its content (an edited row is detected). The chain head
must point at the last event. Constant memory: rows are streamed with an iterator.
Exit status 0 when the chain is intact, 1 (CommandError) at the first broken event.
"""

from django.core.management.base import BaseCommand, CommandError

from masar.audit.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64
CHUNK = 2000


def verify_chain() -> tuple[int, int | None, str]:
    """(events checked, first broken seq or None, reason)."""
    previous_hash, expected_seq, count = GENESIS, None, 0
    events = AuditEvent.objects.order_by("seq").iterator(chunk_size=CHUNK)
    for event in events:
        if expected_seq is not None and event.seq != expected_seq:
            return count, expected_seq, f"missing events before seq {event.seq}"
        if expected_seq is None and event.seq != 1:
            return count, 1, f"the chain starts at seq {event.seq}"
        if event.prev_hash != previous_hash:
            return count, event.seq, "link to the previous event broken"
        if event.compute_hash() != event.hash:
            return count, event.seq, "content does not match its hash"
        previous_hash, expected_seq = event.hash, event.seq + 1
        count += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = (expected_seq or 1) - 1
    if head is not None and (head.last_seq, head.last_hash) != (last_seq, previous_hash):
        if head.last_seq > last_seq:
            return count, last_seq + 1, f"events after seq {last_seq} are missing"
        return count, head.last_seq, "the chain head does not match the last event"
    return count, None, ""


class Command(BaseCommand):
    help = "Verify the hash chain of the audit trail."

    def handle(self, *args, **options):
        count, broken, reason = verify_chain()
        if broken is None:
            self.stdout.write(self.style.SUCCESS(f"OK: {count} audit events, chain intact."))
            return
        raise CommandError(
            f"BROKEN at seq {broken}: {reason} ({count} events verified before it).",
            returncode=1,
        )
