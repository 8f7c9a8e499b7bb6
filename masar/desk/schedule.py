"""When a desk is next open: its weekly openings, minus the sessions announced as cancelled."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from .models import DeskSession, SessionStatus

CANCELLED_ATTR = "upcoming_cancellations"


def with_schedule(queryset, *, now=None):
    """Prefetch what ``next_openings`` reads (weekly openings, cancelled sessions from today),
    so that a list of desks costs two queries more, however many desks it shows."""
    today = timezone.localtime(now or timezone.now()).date()
    return queryset.prefetch_related(
        "openings",
        Prefetch(
            "sessions",
            queryset=DeskSession.objects.filter(
                status=SessionStatus.CANCELLED, held_on__gte=today
            ).only("desk_id", "held_on", "starts_at"),
            to_attr=CANCELLED_ATTR,
        ),
    )


def next_openings(
    desk, *, now=None, count: int = 3
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The next ``count`` opening spans (start, end as aware datetimes) from ``now``; an
    opening under way is included. Reads ``desk.openings`` (prefetch it for lists) and one
    query for cancelled sessions, none when the desk comes from ``with_schedule``)."""
    now = timezone.localtime(now or timezone.now())
    openings = sorted(desk.openings.all(), key=lambda o: (o.weekday, o.opens_at))
    if not openings:
        return []
    horizon = now.date() + datetime.timedelta(days=7 * (count + 8))
    prefetched = getattr(desk, CANCELLED_ATTR, None)
    if prefetched is not None:  # with_schedule()
        cancelled = {(s.held_on, s.starts_at) for s in prefetched}
    else:
        cancelled = set(
            desk.sessions.filter(
                status=SessionStatus.CANCELLED, held_on__gte=now.date(), held_on__lte=horizon
            ).values_list("held_on", "starts_at")
        )
    found = []
    day = now.date()
    tz = timezone.get_current_timezone()
    while day <= horizon and len(found) < count:
        for opening in openings:
            if opening.weekday != day.weekday() or (day, opening.opens_at) in cancelled:
                continue
            start = datetime.datetime.combine(day, opening.opens_at, tzinfo=tz)
            end = datetime.datetime.combine(day, opening.closes_at, tzinfo=tz)
            if end > now:
                found.append((start, end))
        day += datetime.timedelta(days=1)
    return found[:count]
