"""The public service finder and service pages: no sign-in, work without JavaScript."""

import math
from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from masar.geo.models import Delegation, Municipality
from masar.portal.public import public_page

from ..filters import PAGE_SIZE, FinderForm, filtered_services, ordered_page, page_number
from ..models import Service
from .common import is_open, map_points, place_label, week, with_page_relations

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


@dataclass
class ResultPage:
    number: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / PAGE_SIZE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1 if self.total else 0


def decorate(services, *, moment=None, distances=None):
    """Attributes the result cards show, computed from the prefetched relations."""
    moment = moment or timezone.now()
    for service in services:
        service.open_now = is_open(service, moment)
        service.distance_km = (distances or {}).get(service.pk)
        places = [sal.location for sal in service.at_locations.all()]
        service.place = place_label(places[0]) if places else ""
    return services


@public_page(cache_seconds=60)
@require_GET
def search(request):
    form = FinderForm(request.GET)
    values = form.values()
    notices = form.notices
    requested, usable = page_number(request.GET.get("page"))
    if not usable:
        notices.append(_("That page does not exist: here is the first page."))
    now = timezone.now()
    services = filtered_services(request.user, values, now=now)
    ids, total, number, distances = ordered_page(services, values, page=requested)
    if number < requested:
        notices.append(_("That page does not exist: here is the last page of results."))
    by_id = {s.pk: s for s in with_page_relations(Service.objects.filter(pk__in=ids))}
    results = decorate([by_id[i] for i in ids if i in by_id], moment=now, distances=distances)
    _narrow_area_choices(form, values)
    context = {
        "form": form,
        "values": values,
        "notices": notices,
        "results": results,
        "page": ResultPage(number=number, total=total),
        "map_points": map_points(results),
        "near": form.has_position,
        "filtering": any(
            values.get(n)
            for n in (
                "category",
                "governorate",
                "delegation",
                "municipality",
                "audience",
                "language",
                "free",
                "open_now",
            )
        ),
        "tiles": OSM_TILES,
        "attribution": OSM_ATTRIBUTION,
    }
    return render(request, "directory/finder.html", context)


def _narrow_area_choices(form, values):
    """Offer only the delegations of the chosen governorate (and the municipalities of the
    chosen delegation); the browser narrows them again with htmx when JavaScript runs."""
    governorate, delegation = values.get("governorate"), values.get("delegation")
    form.fields["delegation"].queryset = (
        Delegation.objects.filter(governorate=governorate).order_by("name")
        if governorate
        else Delegation.objects.none()
    )
    if delegation:
        municipalities = Municipality.objects.filter(delegation=delegation)
    elif governorate:
        municipalities = Municipality.objects.filter(delegation__governorate=governorate)
    else:
        municipalities = Municipality.objects.none()
    form.fields["municipality"].queryset = municipalities.order_by("name")


@public_page(cache_seconds=60)
@require_GET
def service_detail(request, pk):
    service = get_object_or_404(
        with_page_relations(Service.objects.visible_to(request.user)).prefetch_related(
            "audiences", "languages", "phones"
        ),
        pk=pk,
    )
    decorate([service])
    return render(request, "directory/service_public_detail.html", service_context(service))


def service_context(service) -> dict:
    languages = []
    for lang in service.languages.all():
        try:
            languages.append(get_language_info(lang.code)["name_translated"])
        except KeyError:
            languages.append(lang.code)
    return {
        "service": service,
        "week": week(service),
        "has_hours": bool(service.schedules.all()),
        "spoken_languages": languages,
        "places": [sal.location for sal in service.at_locations.all()],
        "map_points": map_points([service]),
        "tiles": OSM_TILES,
        "attribution": OSM_ATTRIBUTION,
    }


@login_not_required
@require_GET
def area_options(request):
    """``<option>`` elements for the delegation select (``?governorate=TN-61``) or the
    municipality select (``?delegation=…``): what htmx swaps in when a choice changes."""
    governorate = request.GET.get("governorate", "")[:10]
    delegation = request.GET.get("delegation", "")[:80]
    if "governorate" in request.GET:
        options = Delegation.objects.filter(governorate__code=governorate)
        empty = _("All delegations")
    else:
        options = Municipality.objects.filter(delegation__code=delegation)
        empty = _("All municipalities")
    if request.GET.get("blank") == "none":
        empty = "---------"
    response = render(
        request,
        "directory/_area_options.html",
        {"options": options.order_by("name"), "empty": empty},
    )
    patch_cache_control(response, public=True, max_age=60 * 60)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
