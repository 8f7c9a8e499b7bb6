"""The progressive web app: manifest, service worker, offline page, directory snapshot.

Everything here is public and holds public data only. The service worker (sw.js) keeps
for offline reading the pages marked ``X-Masar-Public: 1`` (masar.portal.public) under the
public paths listed in ``PUBLIC_PREFIXES``, and the directory snapshot; nothing a signed-in
person sees is ever stored in the browser.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from masar.desk.models import DeskPoint
from masar.desk.schedule import next_openings, with_schedule
from masar.directory.models import Phone, Service
from masar.directory.views.common import places_prefetch

from .public import PUBLIC_HEADER, public_page

# Paths whose anonymous pages the service worker may keep (sw.js holds the same list, and a
# test checks that they agree and that no staff path is among them).
PUBLIC_PREFIXES = ("/info/", "/desks/", "/services/", "/offline/")
PUBLIC_EXACT = ("/",)
# Small static files kept at install. The larger ones a page uses (Bootstrap's CSS in the
# page's direction, scripts) are kept when the page is seen, from the browser's HTTP cache
# (pwa.js sends their addresses): the install costs no second download of them.
PRECACHE_STATIC = (
    "masar/masar.css",
    "masar/directory.css",
    "masar/pwa.js",
    "masar/offline.js",
    "masar/favicon.svg",
    "masar/icons/icon-192.png",
)
THEME_COLOR = "#0b6e4f"
BACKGROUND_COLOR = "#ffffff"
SNAPSHOT_MAX_AGE = 5 * 60
LANGS = ("fr", "ar", "en")


def _source(name: str) -> Path:
    found = finders.find(name)
    if not found:  # collected only (production without finders)
        found = str(Path(settings.STATIC_ROOT) / name)
    return Path(found)


@cache
def _static_version() -> str:
    """A hash of the static files the worker precaches and of the worker itself: a new
    deployment changes it, so the worker installs anew and drops the old caches."""
    digest = hashlib.sha256()
    for name in ("masar/sw.js", *PRECACHE_STATIC):
        try:
            digest.update(_source(name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.hexdigest()[:12]


def _precache_urls() -> list[str]:
    return [
        reverse("pwa:offline"),
        reverse("pwa:snapshot"),
        *(static(name) for name in PRECACHE_STATIC),
    ]


@login_not_required
@require_GET
def manifest(request):
    lang = get_language()
    data = {
        "name": _("Masar — services for migrants and returnees"),
        "short_name": _("Masar"),
        "description": _(
            "Find services, information desks and practical information, even offline."
        ),
        "lang": lang,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": "/",
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": static("masar/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("masar/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("masar/icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    patch_cache_control(response, public=True, max_age=60 * 60)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@login_not_required
@require_GET
def service_worker(request):
    """sw.js from the static folder, with the cache version and the precache list filled in.
    Served from the root so that its scope covers the whole site."""
    source = _source("masar/sw.js").read_text(encoding="utf-8")
    source = source.replace("__MASAR_VERSION__", _static_version()).replace(
        "__MASAR_PRECACHE__", json.dumps(_precache_urls())
    )
    response = HttpResponse(source, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _translations(obj, field: str) -> dict:
    """{"fr": …, "ar": …, "en": …} with the empty ones left out (the reader falls back to
    French)."""
    values = {}
    for lang in LANGS:
        value = getattr(obj, f"{field}_{lang}", "") or ""
        if value and (lang == "fr" or value != values.get("fr")):
            values[lang] = value
    return values


def _hm(value) -> str:
    return value.strftime("%H:%M")


def snapshot_data(*, now=None) -> dict:
    """The published directory and the public desks, compactly, public fields only."""
    now = now or timezone.now()
    services = (
        Service.objects.published()
        .select_related("organization")
        .prefetch_related(
            "categories",
            "schedules",
            places_prefetch(),
            Prefetch("phones", queryset=Phone.objects.order_by("number")),
        )
        .order_by("name")
    )
    categories = {}
    rows = []
    for service in services:
        places = [sal.location for sal in service.at_locations.all()]
        area = ""
        if places:
            place = places[0]
            area = {
                lang: ", ".join(
                    filter(
                        None,
                        [
                            getattr(place.municipality, f"name_{lang}", "")
                            if place.municipality_id
                            else place.city,
                            getattr(place.governorate, f"name_{lang}", "")
                            if place.governorate_id
                            else "",
                        ],
                    )
                )
                for lang in LANGS
            }
            area = {k: v for k, v in area.items() if v and (k == "fr" or v != area.get("fr"))}
        for term in service.categories.all():
            categories.setdefault(term.code, _translations(term, "name"))
        row = {
            "id": str(service.pk),
            "name": _translations(service, "name"),
            "org": _translations(service.organization, "name"),
            "cat": sorted(term.code for term in service.categories.all()),
            "phones": [phone.number for phone in service.phones.all()],
            "hours": [
                [s.weekday, _hm(s.opens_at), _hm(s.closes_at)]
                for s in sorted(service.schedules.all(), key=lambda s: (s.weekday, s.opens_at))
            ],
        }
        if area:
            row["area"] = area
        if service.is_free:
            row["free"] = 1
        rows.append(row)
    desks = []
    for desk in with_schedule(
        DeskPoint.objects.public().prefetch_related("services").order_by("code")
    ):
        desks.append(
            {
                "code": desk.code,
                "name": _translations(desk, "name"),
                "address": _translations(desk, "address"),
                "phone": desk.phone,
                "openings": [
                    [o.weekday, _hm(o.opens_at), _hm(o.closes_at)]
                    for o in sorted(desk.openings.all(), key=lambda o: (o.weekday, o.opens_at))
                ],
                "next": [
                    [start.isoformat(), end.isoformat()]
                    for start, end in next_openings(desk, now=now, count=3)
                ],
                "services": sorted(str(s.pk) for s in desk.services.all()),
            }
        )
    published_ids = {row["id"] for row in rows}
    for desk in desks:  # only services the public may see
        desk["services"] = [pk for pk in desk["services"] if pk in published_ids]
    return {
        "version": 1,
        "generated": now.isoformat(timespec="seconds"),
        "categories": categories,
        "services": rows,
        "desks": desks,
    }


@login_not_required
@require_GET
def snapshot(request):
    body = json.dumps(snapshot_data(), ensure_ascii=False, separators=(",", ":")).encode()
    # The generation time changes every request: leave it out of the validator.
    data = json.loads(body)
    data.pop("generated")
    etag = f'"{hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]}"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        # The same public data for everyone: compressed like the public pages.
        response[PUBLIC_HEADER] = "1"
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=SNAPSHOT_MAX_AGE)
    return response


@public_page
@require_GET
def offline(request):
    """What the saved copy offers without a connection: the snapshot, searchable with
    JavaScript, and the pages kept for offline reading (listed by pwa.js from the cache)."""
    return render(
        request,
        "portal/offline.html",
        {"snapshot_url": reverse("pwa:snapshot")},
    )


urlpatterns = [
    path("manifest.webmanifest", manifest, name="manifest"),
    path("sw.js", service_worker, name="service-worker"),
    path("offline/", offline, name="offline"),
    path("offline/directory.json", snapshot, name="snapshot"),
]
