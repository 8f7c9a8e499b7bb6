"""How the portal words a desk's openings: "Today", "Tomorrow" or the date, and the hours,
in the visitor's language; the weekly schedule grouped by day."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from masar.desk.schedule import next_openings
from masar.directory.models import Weekday


def describe(start, end, *, now) -> dict:
    start, end = timezone.localtime(start), timezone.localtime(end)
    today = timezone.localtime(now).date()
    if start.date() == today:
        day = _("Today")
    elif start.date() == today + datetime.timedelta(days=1):
        day = _("Tomorrow")
    else:
        day = date_format(start, "l j F")
    return {
        "day": day,
        "hours": f"{start:%H:%M}–{end:%H:%M}",
        "start": start,
        "end": end,
        "now_open": start <= now < end,
    }


def upcoming(desk, *, now, count: int) -> list[dict]:
    """The next openings of a desk (cancelled sessions skipped), described."""
    return [describe(s, e, now=now) for s, e in next_openings(desk, now=now, count=count)]


def weekly(desk) -> list[dict]:
    """[{"day": "Wednesday", "hours": ["09:00–13:00", …]}, …] from the prefetched openings."""
    days: dict[int, list[str]] = {}
    for opening in sorted(desk.openings.all(), key=lambda o: (o.weekday, o.opens_at)):
        days.setdefault(opening.weekday, []).append(
            f"{opening.opens_at:%H:%M}–{opening.closes_at:%H:%M}"
        )
    return [{"day": Weekday(d).label, "hours": hours} for d, hours in days.items()]
