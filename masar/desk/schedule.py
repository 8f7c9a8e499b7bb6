"""When a desk is next open: its weekly openings, minus the sessions announced as cancelled."""

import datetime

from django.utils import timezone

from .models import SessionStatus


def next_openings(
    desk, *, now=None, count: int = 3
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The next ``count`` opening spans (start, end as aware datetimes) from ``now``; an
    opening under way is included. Reads ``desk.openings`` (prefetch it for lists) and one
    query for cancelled sessions."""
    now = timezone.localtime(now or timezone.now())
    openings = sorted(desk.openings.all(), key=lambda o: (o.weekday, o.opens_at))
    if not openings:
        return []
    horizon = now.date() + datetime.timedelta(days=7 * (count + 8))
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
