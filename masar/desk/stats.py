"""Desk statistics: aggregates only, never names, over the desks in the reader's scope.

One filter (``StatsFilterForm`` → ``StatsFilter``) serves the page, the XLSX export and the
API: a period (a preset or two dates), an optional desk among those the reader sees, and the
size of the time buckets (month or week).

``compute_stats`` runs a fixed number of GROUP BY queries whatever the number of contacts:

1. contacts by day (``DeskContact`` indexes on desk, date and on date), put into months or
   weeks in Python — the totals and the time series (no date function per row, and no
   time zone question: ``contacted_on`` is a date);
2. contacts by desk — the desk table;
3. contacts by status × sex × age group × nationality — every profile table and the
   status × sex cross tab, from one scan;
4. topics (``ContactTopic``, desk and date copied, read from its own indexes);
5. orientations by service × outcome;
6. the names of the most frequent services (at most ``TOP_SERVICES`` rows);
7. outreach by kind, with the sums of people reached.

Plus the one query that lists the reader's desks (``StatsFilterForm``). Every breakdown is
zero-filled (each month or week of the period, each topic, status, sex, age group, outreach
kind, each desk in scope) so that tables and charts are complete.
"""

import datetime
import gettext as gettext_module
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pycountry
from django import forms
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.directory.models import Service

from .models import (
    AgeGroup,
    ContactStatus,
    ContactTopic,
    DeskContact,
    DeskPoint,
    Orientation,
    OutreachActivity,
    OutreachKind,
    Reached,
    Sex,
    Topic,
)

EARLIEST = datetime.date(2000, 1, 1)
# Beyond these spans a table stops being readable: ten years by month, two by week.
MAX_SPAN_DAYS = {"month": 366 * 10, "week": 366 * 2}
TOP_SERVICES = 10


PERIODS = [
    ("this_month", gettext_lazy("This month")),
    ("last_3_months", gettext_lazy("Last 3 months")),
    ("this_year", gettext_lazy("This year")),
    ("custom", gettext_lazy("Custom dates")),
]
BUCKETS = [("month", gettext_lazy("Month")), ("week", gettext_lazy("Week"))]
DEFAULT_PERIOD = "last_3_months"


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def preset_dates(period: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a preset period (each ends today)."""
    if period == "this_month":
        return _month_start(today), today
    if period == "this_year":
        return datetime.date(today.year, 1, 1), today
    return _add_months(_month_start(today), -2), today


@dataclass
class StatsFilter:
    """What to count: a period, the desks in scope, optionally one desk of them."""

    date_from: datetime.date
    date_to: datetime.date
    period: str
    bucket: str
    desks: list  # the desks in the reader's scope (all of them for VIEW_ALL_DESKS)
    all_desks: bool  # the reader sees every desk (no desk condition on the queries)
    desk: DeskPoint | None = None
    user: object = field(default=None, repr=False)

    def desk_ids(self) -> list | None:
        """The desks to count, or None for every desk (no condition at all)."""
        if self.desk is not None:
            return [self.desk.pk]
        if self.all_desks:
            return None
        return [d.pk for d in self.desks]

    def as_params(self) -> dict:
        """The filter as query parameters (for the export link)."""
        params = {"period": self.period, "bucket": self.bucket}
        if self.period == "custom":
            params |= {"date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat()}
        if self.desk is not None:
            params["desk"] = str(self.desk.pk)
        return params

    def describe(self) -> dict:
        return {
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "period": self.period,
            "bucket": self.bucket,
            "desk": self.desk.code if self.desk is not None else None,
        }


def preset_links(*, bucket: str = "month", desk: str = "") -> list[dict]:
    """The presets as links keeping the desk and the bucket (no JavaScript needed)."""
    keep = {"bucket": bucket} | ({"desk": desk} if desk else {})
    return [
        {"key": key, "label": label, "query": urlencode({"period": key, **keep})}
        for key, label in PERIODS
        if key != "custom"
    ]


class StatsFilterForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=PERIODS, required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    desk = forms.ChoiceField(
        label=gettext_lazy("Desk"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "This desk does not exist or is not one of the desks you can see."
            )
        },
    )
    bucket = forms.ChoiceField(label=gettext_lazy("Count by"), choices=BUCKETS, required=False)

    def __init__(self, data=None, *, user, today=None):
        super().__init__(data)
        self.user = user
        self.today = today or timezone.localdate()
        self.all_desks = has_perm(user, Perm.VIEW_ALL_DESKS)
        # One query: the desks in the reader's scope (for the choice list and the names).
        self.desks = list(DeskPoint.objects.visible_to(user).order_by("name", "pk"))
        self.fields["desk"].choices = [("", _("All my desks"))] + [
            (str(d.pk), d.name) for d in self.desks
        ]
        for name in ("period", "date_from", "date_to", "desk", "bucket"):
            self.fields[name].widget.attrs.setdefault("class", "form-select")
        for name in ("date_from", "date_to"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        date_from, date_to = data.get("date_from"), data.get("date_to")
        period = data.get("period") or ""
        preset = preset_dates(period, self.today) if period not in ("", "custom") else None
        if preset and (not (date_from or date_to) or (date_from, date_to) == preset):
            # A preset, alone or with its own dates (the page's form echoes them).
            date_from, date_to = preset
        elif date_from or date_to or period:
            # Dates given (changed from the preset's, or "custom"): they are what counts.
            period = "custom"
            if not (date_from and date_to):
                raise forms.ValidationError(
                    _("For custom dates, give both the first and the last day.")
                )
        else:
            period = DEFAULT_PERIOD
            date_from, date_to = preset_dates(period, self.today)
        bucket = data.get("bucket") or "month"
        latest = self.today + datetime.timedelta(days=366)
        if date_from < EARLIEST or date_to > latest:
            raise forms.ValidationError(
                _("Choose dates between %(first)s and %(last)s.")
                % {
                    "first": date_format(EARLIEST, "SHORT_DATE_FORMAT"),
                    "last": date_format(latest, "SHORT_DATE_FORMAT"),
                }
            )
        if date_from > date_to:
            raise forms.ValidationError(_("The first day must come before the last day."))
        if (date_to - date_from).days > MAX_SPAN_DAYS[bucket]:
            raise forms.ValidationError(
                _("This period is too long to count by week: count by month.")
                if bucket == "week"
                else _("Choose a period of ten years at most.")
            )
        data.update(date_from=date_from, date_to=date_to, period=period, bucket=bucket)
        # The form shows what was counted: the period (a preset, or "custom" when dates
        # were given), its dates, the bucket.
        self.data = self.data.copy()
        for key, value in (
            ("period", period),
            ("bucket", bucket),
            ("date_from", date_from.isoformat()),
            ("date_to", date_to.isoformat()),
        ):
            self.data[key] = value
        return data

    def stats_filter(self) -> StatsFilter:
        """The validated filter (call after ``is_valid()``)."""
        data = self.cleaned_data
        desk = next((d for d in self.desks if str(d.pk) == data.get("desk")), None)
        return StatsFilter(
            date_from=data["date_from"],
            date_to=data["date_to"],
            period=data["period"],
            bucket=data["bucket"],
            desks=self.desks,
            all_desks=self.all_desks,
            desk=desk,
            user=self.user,
        )


# --- the figures -------------------------------------------------------------------------


def _buckets(flt: StatsFilter) -> list[datetime.date]:
    """Every bucket start of the period, in order (zero-filled time series)."""
    out = []
    if flt.bucket == "week":
        day = flt.date_from - datetime.timedelta(days=flt.date_from.weekday())
        while day <= flt.date_to:
            out.append(day)
            day += datetime.timedelta(days=7)
    else:
        day = _month_start(flt.date_from)
        while day <= flt.date_to:
            out.append(day)
            day = _add_months(day, 1)
    return out


def _bucket_label(day: datetime.date, bucket: str) -> str:
    if bucket == "week":
        return _("Week of %(day)s") % {"day": date_format(day, "SHORT_DATE_FORMAT")}
    return date_format(day, "YEAR_MONTH_FORMAT")


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def _rows(counts: dict, choices, total: int) -> list[dict]:
    """A row per choice (zero-filled), in the choices' order."""
    return [
        {
            "key": str(key),
            "label": str(label),
            "count": counts.get(key, 0),
            "share": _share(counts.get(key, 0), total),
        }
        for key, label in choices
    ]


def _country_name(code: str) -> str:
    if not code:
        return _("Not stated")
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    language = (get_language() or "fr")[:2]
    if language == "en":
        return country.name
    catalogue = gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    return catalogue.gettext(country.name)


def _contacts(flt: StatsFilter):
    contacts = DeskContact.objects.filter(contacted_on__range=(flt.date_from, flt.date_to))
    ids = flt.desk_ids()
    if ids is not None:
        contacts = contacts.filter(desk_id__in=ids)
    return contacts.order_by()


def _topics(flt: StatsFilter):
    topics = ContactTopic.objects.filter(contacted_on__range=(flt.date_from, flt.date_to))
    ids = flt.desk_ids()
    if ids is not None:
        topics = topics.filter(desk_id__in=ids)
    return topics.order_by()


def _orientations(flt: StatsFilter):
    orientations = Orientation.objects.filter(
        contact__contacted_on__range=(flt.date_from, flt.date_to)
    )
    ids = flt.desk_ids()
    if ids is not None:
        orientations = orientations.filter(contact__desk_id__in=ids)
    return orientations.order_by()


def _outreach(flt: StatsFilter):
    activities = OutreachActivity.objects.visible_to(flt.user).filter(
        held_on__range=(flt.date_from, flt.date_to)
    )
    if flt.desk is not None:
        activities = activities.filter(desk=flt.desk)
    return activities.order_by()


def _bucket_start(day: datetime.date, bucket: str) -> datetime.date:
    if bucket == "week":
        return day - datetime.timedelta(days=day.weekday())
    return _month_start(day)


def _time_and_desks(flt: StatsFilter) -> tuple[list[dict], list[dict], int]:
    # Counted by day (a few thousand rows at most: the span is bounded) and put into weeks
    # or months here: no date function per row, read from the date indexes alone.
    by_start: dict = {}
    for row in _contacts(flt).values("contacted_on").annotate(n=Count("*")):
        start = _bucket_start(row["contacted_on"], flt.bucket)
        by_start[start] = by_start.get(start, 0) + row["n"]
    by_desk = {
        row["desk_id"]: row["n"] for row in _contacts(flt).values("desk_id").annotate(n=Count("*"))
    }
    total = sum(by_start.values())
    periods = [
        {
            "key": day.isoformat(),
            "label": _bucket_label(day, flt.bucket),
            "count": by_start.get(day, 0),
            "share": _share(by_start.get(day, 0), total),
        }
        for day in _buckets(flt)
    ]
    shown = [flt.desk] if flt.desk is not None else flt.desks
    desks = [
        {
            "key": d.code,
            "label": d.name,
            "count": by_desk.get(d.pk, 0),
            "share": _share(by_desk.get(d.pk, 0), total),
        }
        for d in shown
    ]
    return periods, desks, total


def _profiles(flt: StatsFilter, total: int) -> dict:
    rows = _contacts(flt).values("status", "sex", "age_group", "nationality").annotate(n=Count("*"))
    status, sex, age, nationality, cross = {}, {}, {}, {}, {}
    for row in rows:
        n = row["n"]
        status[row["status"]] = status.get(row["status"], 0) + n
        sex[row["sex"]] = sex.get(row["sex"], 0) + n
        age[row["age_group"]] = age.get(row["age_group"], 0) + n
        nationality[row["nationality"]] = nationality.get(row["nationality"], 0) + n
        pair = (row["status"], row["sex"])
        cross[pair] = cross.get(pair, 0) + n
    nationalities = sorted(nationality.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
    return {
        "by_status": _rows(status, ContactStatus.choices, total),
        "by_sex": _rows(sex, Sex.choices, total),
        "by_age_group": _rows(age, AgeGroup.choices, total),
        "by_nationality": [
            {"key": code, "label": _country_name(code), "count": n, "share": _share(n, total)}
            for code, n in nationalities
        ],
        "status_by_sex": {
            "columns": [{"key": k, "label": str(v)} for k, v in Sex.choices],
            "rows": [
                {
                    "key": s,
                    "label": str(label),
                    "counts": [cross.get((s, x), 0) for x in Sex.values],
                    "total": status.get(s, 0),
                }
                for s, label in ContactStatus.choices
            ],
            "totals": [sex.get(x, 0) for x in Sex.values],
            "total": total,
        },
    }


def _topic_rows(flt: StatsFilter, total: int) -> list[dict]:
    counts = {row["topic"]: row["n"] for row in _topics(flt).values("topic").annotate(n=Count("*"))}
    # Share of contacts that asked about the topic (a contact can ask about several).
    return _rows(counts, Topic.choices, total)


def _orientation_figures(flt: StatsFilter) -> dict:
    per_service: dict = {}
    outcomes = dict.fromkeys(Reached.values, 0)
    for row in _orientations(flt).values("service_id", "reached").annotate(n=Count("*")):
        item = per_service.setdefault(row["service_id"], {"count": 0, "reached": 0, "known": 0})
        item["count"] += row["n"]
        outcomes[row["reached"]] += row["n"]
        if row["reached"] != Reached.UNKNOWN:
            item["known"] += row["n"]
        if row["reached"] == Reached.YES:
            item["reached"] += row["n"]
    top = sorted(per_service.items(), key=lambda kv: (-kv[1]["count"], str(kv[0])))
    top = top[:TOP_SERVICES]
    names = {}
    if top:
        names = {
            s.pk: s.name
            for s in Service.objects.filter(pk__in=[pk for pk, _v in top]).only(
                "pk", "name", "name_fr", "name_ar", "name_en"
            )
        }
    given = sum(outcomes.values())
    known = outcomes[Reached.YES] + outcomes[Reached.NO]
    return {
        "given": given,
        "services": len(per_service),
        "known": known,
        "reached": outcomes[Reached.YES],
        "not_reached": outcomes[Reached.NO],
        "unknown": outcomes[Reached.UNKNOWN],
        "reached_share": _share(outcomes[Reached.YES], known) if known else None,
        "top_services": [
            {
                "key": str(pk),
                "label": names.get(pk, ""),
                "count": item["count"],
                "known": item["known"],
                "reached": item["reached"],
            }
            for pk, item in top
        ],
    }


def _outreach_figures(flt: StatsFilter) -> dict:
    sums = {
        row["kind"]: row
        for row in _outreach(flt)
        .values("kind")
        .annotate(
            activities=Count("*"),
            women=Sum("reached_women"),
            men=Sum("reached_men"),
            unspecified=Sum("reached_unspecified"),
            minors=Sum("reached_minors"),
        )
    }
    fields = ("activities", "women", "men", "unspecified", "minors")
    rows = []
    for kind, label in OutreachKind.choices:
        row = {"key": kind, "label": str(label)}
        row |= {f: (sums.get(kind) or {}).get(f) or 0 for f in fields}
        row["reached"] = row["women"] + row["men"] + row["unspecified"]
        rows.append(row)
    totals = {f: sum(r[f] for r in rows) for f in (*fields, "reached")}
    return {"rows": rows, "totals": totals}


def compute_stats(flt: StatsFilter) -> dict:
    """Every figure of the page, the export and the API, as plain data (labels in the active
    language, codes in ``key``)."""
    periods, desks, total = _time_and_desks(flt)
    profiles = _profiles(flt, total)
    topics = _topic_rows(flt, total)
    orientations = _orientation_figures(flt)
    outreach = _outreach_figures(flt)
    return {
        "filter": flt.describe(),
        "totals": {
            "contacts": total,
            "topics": sum(r["count"] for r in topics),
            "orientations": orientations["given"],
            "desks_with_contacts": sum(1 for d in desks if d["count"]),
            "outreach_activities": outreach["totals"]["activities"],
            "outreach_reached": outreach["totals"]["reached"],
        },
        "by_period": periods,
        "by_desk": desks,
        "by_topic": topics,
        **profiles,
        "orientations": orientations,
        "outreach": outreach,
    }


def definitions() -> list[str]:
    """What each figure means, shown on the page and in the workbook's About sheet."""
    return [
        _("A contact is one visit or call recorded at a desk, on the day it took place."),
        _("Periods include their first and last day; weeks start on Monday."),
        _(
            "Topics: the contacts that asked about each topic; a contact can ask about "
            "several, so the topic shares add up to more than the whole."
        ),
        _(
            "Orientations: one per service a person was oriented to. The share that reached "
            "the service counts only the orientations whose outcome is known."
        ),
        _(
            "Outreach: the activities held in the period and the people they reached, as "
            "counted by the organisers (under 18 is part of the total)."
        ),
        _("Only the desks you can see are counted; nothing identifies a person."),
    ]


def chart_data(stats: dict) -> dict:
    """What desk-charts.js draws: the same numbers as the tables."""
    cross = stats["status_by_sex"]
    return {
        "over_time": {
            "type": "bar",
            "label": _("Contacts"),
            "labels": [r["label"] for r in stats["by_period"]],
            "series": [
                {"label": _("Contacts"), "values": [r["count"] for r in stats["by_period"]]}
            ],
        },
        "by_topic": {
            "type": "bar",
            "horizontal": True,
            "labels": [r["label"] for r in stats["by_topic"]],
            "series": [{"label": _("Contacts"), "values": [r["count"] for r in stats["by_topic"]]}],
        },
        "status_by_sex": {
            "type": "bar",
            "stacked": True,
            "labels": [r["label"] for r in cross["rows"]],
            "series": [
                {
                    "label": col["label"],
                    "key": col["key"],
                    "values": [r["counts"][i] for r in cross["rows"]],
                }
                for i, col in enumerate(cross["columns"])
            ],
        },
    }
