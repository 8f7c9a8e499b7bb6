"""Opening hours as field surveys write them, and back.

Grammar: spans separated by ``;`` or new lines; each span is days then one or more times::

    lun-ven 08:00-16:00
    lun-jeu 08:00-12:00, 14:00-17:00; ven 08:00-13:00
    sam 9h-12h
    الاثنين-الجمعة 08:00-16:00

Days in French, English or Arabic, whole or abbreviated; a range ``lun-ven`` or a list
``lun, mer``. Times ``8:00``, ``08h30``, ``9h``; ranges with ``-``, ``–`` or ``à``.
"""

import re
from datetime import time

from django.utils.translation import gettext as _

from masar.directory.normalize import normalize_text

DAY_NAMES = {
    0: ["lun", "lundi", "mon", "monday", "الاثنين", "اثنين", "الإثنين"],
    1: ["mar", "mardi", "tue", "tuesday", "الثلاثاء", "ثلاثاء"],
    2: ["mer", "mercredi", "wed", "wednesday", "الاربعاء", "الأربعاء", "اربعاء"],
    3: ["jeu", "jeudi", "thu", "thursday", "الخميس", "خميس"],
    4: ["ven", "vendredi", "fri", "friday", "الجمعة", "جمعة"],
    5: ["sam", "samedi", "sat", "saturday", "السبت", "سبت"],
    6: ["dim", "dimanche", "sun", "sunday", "الاحد", "الأحد", "احد"],
}
_DAYS = {normalize_text(n): d for d, names in DAY_NAMES.items() for n in names}
FRENCH_ABBREVIATIONS = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"]

_TIME = r"(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?"
_SPAN = re.compile(_TIME + r"\s*(?:-|–|—|à|a|to|الى|إلى)\s*" + _TIME)
_RANGE_WORDS = re.compile(r"\s*(?:-|–|—|\bau\b|\bà\b|\bto\b|الى|إلى)\s*")


class HoursError(ValueError):
    pass


def _time(hours: str, minutes: str | None) -> time:
    h, m = int(hours), int(minutes or 0)
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise HoursError(_("“%(value)s” is not a time of day.") % {"value": f"{hours}:{m:02d}"})
    return time(h, m)


def _day(word: str) -> int:
    key = normalize_text(word.strip(" .,"))
    if key not in _DAYS:
        raise HoursError(_("“%(value)s” is not a day of the week.") % {"value": word})
    return _DAYS[key]


def _days(text: str) -> list[int]:
    days: list[int] = []
    text = _RANGE_WORDS.sub("-", text.strip(" :"))
    for part in re.split(r"\s*(?:,|/|\bet\b|\band\b|\s)\s*", text):
        if not part:
            continue
        if "-" in part:
            first, _sep, last = part.partition("-")
            start, end = _day(first), _day(last)
            span = list(range(start, end + 1)) if start <= end else [*range(start, 7)]
            if start > end:
                span += list(range(0, end + 1))
            days.extend(span)
        else:
            days.append(_day(part))
    return days


def parse_hours(text: str) -> list[tuple[int, time, time]]:
    """``"lun-ven 08:00-16:00"`` → [(0, 08:00, 16:00), …, (4, 08:00, 16:00)]."""
    result: set[tuple[int, time, time]] = set()
    for segment in re.split(r"[;\n]+", text or ""):
        segment = segment.strip()
        if not segment:
            continue
        spans = list(_SPAN.finditer(segment))
        if not spans:
            raise HoursError(
                _("No opening times found in “%(value)s” (write e.g. lun-ven 08:00-16:00).")
                % {"value": segment[:60]}
            )
        # Days written before the times; a range like "lun-ven" contains a dash, so cut at
        # the first digit of the first time.
        days_text = segment[: spans[0].start()]
        days = _days(days_text)
        if not days:
            raise HoursError(_("No days given in “%(value)s”.") % {"value": segment[:60]})
        for match in spans:
            opens = _time(match.group(1), match.group(2))
            closes = _time(match.group(3), match.group(4))
            if opens >= closes:
                raise HoursError(
                    _("In “%(value)s” the closing time is not after the opening time.")
                    % {"value": segment[:60]}
                )
            result.update((d, opens, closes) for d in days)
    return sorted(result)


def format_hours(schedules) -> str:
    """The inverse: [(weekday, opens, closes)] → ``"lun-ven 08:00-16:00; sam 09:00-12:00"``,
    grouping consecutive days that share the same times."""
    by_day: dict[int, list[tuple[time, time]]] = {}
    for weekday, opens, closes in schedules:
        by_day.setdefault(weekday, []).append((opens, closes))
    groups: list[tuple[list[int], tuple]] = []
    for weekday in sorted(by_day):
        spans = tuple(sorted(by_day[weekday]))
        if groups and groups[-1][1] == spans and groups[-1][0][-1] == weekday - 1:
            groups[-1][0].append(weekday)
        else:
            groups.append(([weekday], spans))
    parts = []
    for days, spans in groups:
        first, last = FRENCH_ABBREVIATIONS[days[0]], FRENCH_ABBREVIATIONS[days[-1]]
        label = first if len(days) == 1 else f"{first}-{last}"
        times = ", ".join(f"{o:%H:%M}-{c:%H:%M}" for o, c in spans)
        parts.append(f"{label} {times}")
    return "; ".join(parts)
