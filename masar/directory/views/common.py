"""Helpers shared by the directory pages."""

import uuid
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from ..models import ServiceAtLocation, Weekday


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def add_action_errors(form, exc: ValidationError) -> None:
    """An action's ValidationError on the form: on the field it names when the form has
    that field, otherwise above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def places_prefetch() -> Prefetch:
    return Prefetch(
        "at_locations",
        queryset=ServiceAtLocation.objects.select_related(
            "location__governorate", "location__delegation", "location__municipality"
        ).order_by("location__name", "pk"),
    )


def with_page_relations(services):
    """What a list or detail page shows of each service, in a fixed number of queries."""
    return services.select_related("organization").prefetch_related(
        "categories", places_prefetch(), "schedules"
    )


def is_open(service, moment=None) -> bool:
    """Open at ``moment`` by its (prefetched) weekly hours, in Tunisia's time."""
    local = timezone.localtime(moment or timezone.now())
    now = local.time()
    return any(
        s.weekday == local.weekday() and s.opens_at <= now < s.closes_at
        for s in service.schedules.all()
    )


def week(service) -> list[tuple[str, list]]:
    """(day name in the active language, spans) for each day of the week, Monday first."""
    spans = defaultdict(list)
    for s in service.schedules.all():
        spans[s.weekday].append(s)
    return [(day.label, sorted(spans[day.value], key=lambda s: s.opens_at)) for day in Weekday]


def place_label(location) -> str:
    # The territory's names come in the reader's language; the free-text town is a fallback.
    town = (
        location.municipality.name
        if location.municipality_id
        else (location.delegation.name if location.delegation_id else location.city)
    )
    parts = [town, location.governorate.name]
    return ", ".join(p for p in dict.fromkeys(parts) if p)


def map_points(services) -> list[dict]:
    """Markers for the map: one per located place (read by masar/map.js)."""
    points, seen = [], set()
    for service in services:
        url = reverse("services:detail", args=[service.pk])
        for sal in service.at_locations.all():
            loc = sal.location
            if loc.latitude is None or loc.longitude is None or (service.pk, loc.pk) in seen:
                continue
            seen.add((service.pk, loc.pk))
            points.append(
                {
                    "lat": round(loc.latitude, 6),
                    "lon": round(loc.longitude, 6),
                    "name": str(service.name),
                    "place": place_label(loc),
                    "url": url,
                }
            )
    return points
