"""Public desk pages: where the desks are, when they next open, what they orient to."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from masar.desk.models import DeskPoint
from masar.desk.schedule import with_schedule

from ..openings import upcoming, weekly
from ..public import public_page

DESKS_PER_PAGE = 20


def public_desks():
    return with_schedule(
        DeskPoint.objects.public()
        .select_related("municipality", "delegation", "governorate", "holder")
        .order_by("name", "code")
    )


def map_links(desk) -> dict:
    if desk.latitude is None or desk.longitude is None:
        return {}
    lat, lon = f"{desk.latitude:.5f}", f"{desk.longitude:.5f}"
    return {
        "geo": f"geo:{lat},{lon}",
        "osm": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
    }


@public_page(cache_seconds=60)
@require_GET
def desk_list(request):
    now = timezone.now()
    page = Paginator(public_desks(), DESKS_PER_PAGE).get_page(request.GET.get("page"))
    desks = list(page.object_list)
    for desk in desks:
        # One query per desk for its cancelled sessions (masar.desk.schedule); a page holds
        # at most DESKS_PER_PAGE desks.
        desk.upcoming = upcoming(desk, now=now, count=1)
    return render(request, "portal/desk_list.html", {"desks": desks, "page": page})


@public_page(cache_seconds=60)
@require_GET
def desk_detail(request, code):
    desk = get_object_or_404(public_desks(), code=code)
    now = timezone.now()
    context = {
        "desk": desk,
        "upcoming": upcoming(desk, now=now, count=4),
        "week": weekly(desk),
        "services": desk.services.published().select_related("organization").order_by("name"),
        "map": map_links(desk),
    }
    return render(request, "portal/desk_detail.html", context)


urlpatterns = [
    path("desks/", desk_list, name="desk-list"),
    path("desks/<slug:code>/", desk_detail, name="desk-detail"),
]
