"""What every measure shares: the ``Measure`` and its ``Result``, the period and governorate
filters, and the dimensions a figure is broken down by.

A measure counts records, never names: ``compute`` runs one aggregate query (GROUP BY the
dimension asked for) over every record, whoever asks; ``records`` lists the records behind the
figure or one of its cells, for a reader allowed to see them (``visible_to``).

Conventions, the same for every measure:

- a period is two dates, both included; a date-time field counts on its day in Tunis;
- categories are codes (``female``, ``18-24``, ``TN-61``…); counts are zero-filled for every
  category, ratios and means are ``None`` in a category with nothing to divide;
- sex is ``female`` / ``male`` / ``unspecified`` and age groups are the desk's
  (``masar.desk.models.AgeGroup``) for every measure; a person's age is their age on the last
  day of the period;
- a record without a governorate is in the ``unknown`` governorate.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.desk.models import AgeGroup

Number = int | float | Decimal | None

DISAGGREGATIONS = (
    "sex",
    "age_group",
    "governorate",
    "nationality",
    "status",
    "topic",
    "institution",
)
UNKNOWN = "unknown"
UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Result:
    """One figure. ``total`` is the figure over everything counted; ``cells`` (when a
    breakdown was asked) the figure per category. Ratios keep what they divide: ``numerator``
    and ``denominator`` for the total, ``parts[key] = (numerator, denominator)`` per cell
    (for a mean: the sum and the number of records). ``extra`` holds a measure's second
    figures (e.g. the amount approved)."""

    total: Number
    cells: dict[str, Number] | None = None
    numerator: Number = None
    denominator: int | None = None
    parts: dict[str, tuple[Number, int]] | None = None
    extra: dict[str, Number] = field(default_factory=dict)
    computed_at: datetime.datetime = field(default_factory=timezone.now)

    def figures(self) -> dict:
        """Everything but the time of computation (what must be the same for the same
        records)."""
        return {
            "total": self.total,
            "cells": self.cells,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "parts": self.parts,
            "extra": self.extra,
        }


@dataclass(frozen=True)
class Measure:
    code: str
    label: Any  # gettext_lazy
    unit: str  # "people", "contacts", "percent", "points"
    disaggregations: tuple[str, ...]
    compute: Callable[..., Result]
    records: Callable[..., Any]
    definition: Any = ""  # gettext_lazy: what is counted, in a sentence or two


# --- the period and the governorates ----------------------------------------------------


def check_period(start: datetime.date, end: datetime.date) -> None:
    if start is None or end is None or start > end:
        raise ValidationError(_("The first day must come before the last day."))


def day_bounds(start: datetime.date, end: datetime.date) -> tuple:
    """The period as a half-open range of aware date-times (midnight in Tunis)."""
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    after = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    )
    return first, after


def in_days(field_name: str, start, end) -> Q:
    """``field_name`` (a date-time) falls on a day of the period."""
    first, after = day_bounds(start, end)
    return Q(**{f"{field_name}__gte": first, f"{field_name}__lt": after})


def governorate_codes(governorates: Iterable | None) -> list[str] | None:
    """Codes from codes or Governorate rows (None: every governorate)."""
    if governorates is None:
        return None
    return sorted({getattr(g, "code", g) for g in governorates})


def governorate_q(path: str, codes: list[str] | None) -> Q:
    """``path`` leads to a governorate foreign key."""
    return Q() if codes is None else Q(**{f"{path}__code__in": codes})


# --- dimensions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    """How a measure breaks down by one dimension: the value grouped on (an expression,
    given the last day of the period), its categories (given the governorate filter), the
    category of a grouped value, and the filter on the records of one category."""

    name: str
    expression: Callable[[datetime.date], Any]
    categories: Callable[[list[str] | None], list[str]]
    to_key: Callable[[Any], str]
    cell_q: Callable[[str, datetime.date], Q]
    open_list: bool = False  # nationality: categories are those found (plus "unspecified")


def _fixed(values) -> Callable:
    values = list(values)
    return lambda _codes: values


def choice_dimension(name: str, path: str, values, *, blank_key: str | None = None) -> Dimension:
    """A field holding one of ``values`` (a blank value, when allowed, is ``blank_key``)."""

    def to_key(raw):
        return blank_key if (raw in ("", None) and blank_key) else raw

    def cell_q(key, _end):
        if key not in values and key != blank_key:
            raise bad_cell()
        return Q(**{path: "" if key == blank_key else key})

    categories = [*values, *([blank_key] if blank_key else [])]
    return Dimension(name, lambda _end: F(path), _fixed(categories), to_key, cell_q)


# Beneficiary.sex is F / M / blank; the desk's sex is already female / male / unspecified.
_PERSON_SEX = {"F": "female", "M": "male", "": UNSPECIFIED}
SEX_KEYS = ["female", "male", UNSPECIFIED]


def person_sex_dimension(path: str) -> Dimension:
    """``path`` leads to a Beneficiary."""
    back = {v: k for k, v in _PERSON_SEX.items()}

    def cell_q(key, _end):
        if key not in back:
            raise bad_cell()
        return Q(**{f"{path}__sex": back[key]})

    return Dimension(
        "sex",
        lambda _end: F(f"{path}__sex"),
        _fixed(SEX_KEYS),
        lambda raw: _PERSON_SEX.get(raw or "", UNSPECIFIED),
        cell_q,
    )


# Age groups as ages in years: (key, youngest, oldest), oldest None for "and over".
_AGE_BOUNDS = [
    (AgeGroup.UNDER_15.value, 0, 14),
    (AgeGroup.FROM_15.value, 15, 17),
    (AgeGroup.FROM_18.value, 18, 24),
    (AgeGroup.FROM_25.value, 25, 34),
    (AgeGroup.FROM_35.value, 35, 49),
    (AgeGroup.FROM_50.value, 50, None),
]


def birthday_threshold(day: datetime.date, years: int) -> datetime.date:
    """The latest date of birth of someone ``years`` old on ``day`` (born on 29 February:
    a year older on 1 March of a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year - years, day=28)


def person_age_dimension(path: str) -> Dimension:
    """``path`` leads to a Beneficiary; age on the last day of the period, from the date of
    birth (none: ``unknown``)."""
    birth = f"{path}__birth_date"

    def bounds_q(key, end):
        if key == AgeGroup.UNKNOWN:
            return Q(**{f"{birth}__isnull": True})
        for k, youngest, oldest in _AGE_BOUNDS:
            if k == key:
                # Aged at least ``youngest``: born on or before that birthday; at most
                # ``oldest``: born after the birthday of ``oldest + 1``.
                q = Q(**{f"{birth}__lte": birthday_threshold(end, youngest)})
                if oldest is not None:
                    q &= Q(**{f"{birth}__gt": birthday_threshold(end, oldest + 1)})
                return q
        raise bad_cell()

    def expression(end):
        whens = [When(**{f"{birth}__isnull": True}, then=Value(AgeGroup.UNKNOWN.value))]
        for key, _youngest, oldest in _AGE_BOUNDS[:-1]:
            whens.append(
                When(
                    **{f"{birth}__gt": birthday_threshold(end, oldest + 1)},
                    then=Value(key),
                )
            )
        return Case(*whens, default=Value(AgeGroup.FROM_50.value), output_field=CharField())

    return Dimension("age_group", expression, _fixed(AgeGroup.values), lambda raw: raw, bounds_q)


def governorate_dimension(path: str) -> Dimension:
    """``path`` leads to a governorate foreign key; categories are the governorates asked
    for, or every governorate plus ``unknown``."""

    def categories(codes):
        if codes is not None:
            return list(codes)
        from masar.geo.models import Governorate

        return [*Governorate.objects.order_by("code").values_list("code", flat=True), UNKNOWN]

    def cell_q(key, _end):
        if key == UNKNOWN:
            return Q(**{f"{path}__isnull": True})
        return Q(**{f"{path}__code": key})

    return Dimension(
        "governorate",
        lambda _end: Coalesce(F(f"{path}__code"), Value(UNKNOWN), output_field=CharField()),
        categories,
        lambda raw: raw or UNKNOWN,
        cell_q,
    )


def nationality_dimension(path: str) -> Dimension:
    def cell_q(key, _end):
        if key == UNSPECIFIED:
            return Q(**{path: ""})
        if len(key) != 2 or not key.isalpha():
            raise bad_cell()
        return Q(**{path: key.upper()})

    return Dimension(
        "nationality",
        lambda _end: F(path),
        _fixed([UNSPECIFIED]),
        lambda raw: raw or UNSPECIFIED,
        cell_q,
        open_list=True,
    )


# --- checks shared by compute and records -----------------------------------------------


def bad_cell() -> ValidationError:
    return ValidationError(_("This figure cannot be broken down this way."), code="bad_cell")


def dimension_for(dimensions: dict[str, Dimension], by: str | None) -> Dimension | None:
    if by is None:
        return None
    if by not in dimensions:
        raise bad_cell()
    return dimensions[by]


def parse_cell(cell) -> tuple[str, str] | None:
    """A cell is ``(dimension, key)`` or ``"dimension:key"``."""
    if cell is None:
        return None
    if isinstance(cell, str):
        name, sep, key = cell.partition(":")
        if not sep:
            raise bad_cell()
        return name, key
    name, key = cell
    return name, key


def check_reader(user) -> None:
    """The records behind a figure are for those who read programmes; what each of them then
    sees is the records' own scope (``visible_to``)."""
    if not has_perm(user, Perm.VIEW_PROGRAMMES):
        raise PermissionDenied


def zero_filled(dim: Dimension, codes, counts: dict, zero=0) -> dict:
    """Every category of ``dim`` in order (``zero`` where nothing was counted), then any
    other key found (open lists: nationality), sorted."""
    cells = dict.fromkeys(dim.categories(codes), zero)
    for key in sorted(k for k in counts if k not in cells):
        cells[key] = zero
    for key, value in counts.items():
        cells[key] = value
    return cells


# --- the engines: one aggregate query each -----------------------------------------------


def grouped(queryset, dim: Dimension, end, aggregates: dict) -> dict[str, dict]:
    """One GROUP BY query: the aggregates per category of ``dim`` (raw values that fall in
    the same category are added up)."""
    rows = (
        queryset.order_by()
        .annotate(measure_key=dim.expression(end))
        .values("measure_key")
        .annotate(**aggregates)
    )
    out: dict[str, dict] = {}
    for row in rows:
        acc = out.setdefault(dim.to_key(row["measure_key"]), dict.fromkeys(aggregates, 0))
        for name in aggregates:
            acc[name] += row[name] or 0
    return out


def count_result(queryset, *, dims, count, start, end, codes, by, extra=None) -> Result:
    """A count (``count``: an aggregate such as ``Count("pk")``), with second figures
    ``extra`` (name → aggregate) summed over the whole."""
    extra = extra or {}
    dim = dimension_for(dims, by)
    if dim is None:
        row = queryset.order_by().aggregate(n=count, **extra)
        return Result(total=row["n"] or 0, extra={k: row[k] or 0 for k in extra})
    groups = grouped(queryset, dim, end, {"n": count, **extra})
    cells = zero_filled(dim, codes, {k: v["n"] for k, v in groups.items()})
    return Result(
        total=sum(cells.values()),
        cells=cells,
        extra={k: sum((g[k] for g in groups.values()), 0) for k in extra},
    )


def ratio(numerator, denominator, scale=100, digits=1):
    """``numerator / denominator × scale`` rounded, None when there is nothing to divide."""
    if not denominator:
        return None
    return round(float(numerator) * scale / denominator, digits)


def ratio_result(queryset, *, dims, numerator, denominator, start, end, codes, by, scale, digits):
    """A ratio: ``numerator`` and ``denominator`` are aggregates (a conditional count or a
    sum, and a count)."""
    dim = dimension_for(dims, by)
    if dim is None:
        row = queryset.order_by().aggregate(num=numerator, den=denominator)
        num, den = row["num"] or 0, row["den"] or 0
        return Result(total=ratio(num, den, scale, digits), numerator=num, denominator=den)
    groups = grouped(queryset, dim, end, {"num": numerator, "den": denominator})
    parts = zero_filled(dim, codes, {k: (v["num"], v["den"]) for k, v in groups.items()}, (0, 0))
    num = sum((p[0] for p in parts.values()), 0)
    den = sum(p[1] for p in parts.values())
    return Result(
        total=ratio(num, den, scale, digits),
        cells={k: ratio(n, d, scale, digits) for k, (n, d) in parts.items()},
        numerator=num,
        denominator=den,
        parts=parts,
    )


def scoped_records(queryset, *, dims, user, start, end, codes, cell, extra_cells=None):
    """The records behind a figure (or one cell of it) that ``user`` may see.
    ``extra_cells`` (name → key → Q) are cells only a list has (e.g. on time / not)."""
    check_reader(user)
    check_period(start, end)
    parsed = parse_cell(cell)
    if parsed is not None:
        name, key = parsed
        if extra_cells and name in extra_cells:
            if key not in extra_cells[name]:
                raise bad_cell()
            queryset = queryset.filter(extra_cells[name][key])
        else:
            queryset = queryset.filter(dimension_for(dims, name).cell_q(key, end))
    return queryset
