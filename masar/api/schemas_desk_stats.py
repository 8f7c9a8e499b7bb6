"""Schemas of GET /api/v1/desk/stats (aggregates only, never names)."""

import datetime
from typing import Literal
from uuid import UUID

from ninja import Schema


class DeskStatsFilter(Schema):
    period: Literal["this_month", "last_3_months", "this_year", "custom"] | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    desk: UUID | None = None
    bucket: Literal["month", "week"] | None = None


class StatsFilterOut(Schema):
    date_from: datetime.date
    date_to: datetime.date
    period: str
    bucket: str
    desk: str | None  # the desk's code when one desk is counted


class Totals(Schema):
    contacts: int
    topics: int
    orientations: int
    desks_with_contacts: int
    outreach_activities: int
    outreach_reached: int


class CountRow(Schema):
    key: str  # a code (a month's first day, a desk code, a topic, a status, …)
    label: str  # in the request's language
    count: int
    share: float  # percent of the contacts


class CrossColumn(Schema):
    key: str
    label: str


class CrossRow(Schema):
    key: str
    label: str
    counts: list[int]  # in the order of the columns
    total: int


class CrossTab(Schema):
    columns: list[CrossColumn]
    rows: list[CrossRow]
    totals: list[int]
    total: int


class ServiceRow(Schema):
    key: str  # the service's id
    label: str
    count: int
    known: int
    reached: int


class OrientationFigures(Schema):
    given: int
    services: int
    known: int
    reached: int
    not_reached: int
    unknown: int
    reached_share: float | None  # percent of the orientations whose outcome is known
    top_services: list[ServiceRow]


class OutreachRow(Schema):
    key: str
    label: str
    activities: int
    reached: int
    women: int
    men: int
    unspecified: int
    minors: int


class OutreachTotals(Schema):
    activities: int
    reached: int
    women: int
    men: int
    unspecified: int
    minors: int


class OutreachFigures(Schema):
    rows: list[OutreachRow]
    totals: OutreachTotals


class DeskStatsOut(Schema):
    filter: StatsFilterOut
    totals: Totals
    by_period: list[CountRow]
    by_desk: list[CountRow]
    by_topic: list[CountRow]
    by_status: list[CountRow]
    by_sex: list[CountRow]
    by_age_group: list[CountRow]
    by_nationality: list[CountRow]
    status_by_sex: CrossTab
    orientations: OrientationFigures
    outreach: OutreachFigures
