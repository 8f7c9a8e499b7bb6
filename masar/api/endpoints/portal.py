"""/api/v1/portal: the public portal's content as JSON for a mobile app (no token needed).

Information pages and public desks, in the language asked for (``?lang=`` or
Accept-Language; an unknown ``lang`` is a 400 problem, not a silent fallback), paginated with
``limit``/``offset``, with an ETag (a matching If-None-Match answers 304). Services are in
the HSDS API: each desk lists the ids and the /api/hsds/services/{id} address of its
services.
"""

import hashlib
import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from ninja import Query, Router

from masar.api.problems import problem
from masar.api.schemas_portal import DeskListOut, LangQuery, PageListOut, PageOut, PortalQuery
from masar.desk.schedule import next_openings
from masar.portal.models import LANGUAGES, InfoPage
from masar.portal.views.desks import public_desks

from . import errors

router = Router(tags=["portal"])
MAX_AGE = 300


class UnknownLanguage(Exception):
    pass


def _language(request, lang: str | None) -> str:
    if lang is None or lang == "":
        return (translation.get_language() or "fr")[:2]
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    return lang


def _unknown_language(lang: str) -> HttpResponse:
    return problem(
        400,
        "unknown-language",
        _("Unknown language"),
        _("The language “%(lang)s” is not available: use fr, ar or en.") % {"lang": lang[:10]},
    )


def _cached(request, response_body, *, tag: str, modified, max_age: int = MAX_AGE):
    """Answer 304 when the client holds this version; otherwise the body with an ETag."""
    etag = quote_etag(hashlib.sha256(tag.encode()).hexdigest()[:32])
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        response = response_body()
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _page_summary(page, lang):
    return {
        "slug": page.slug,
        "category": page.category,
        "title": page.title,
        "summary": page.summary,
        "translated": page.is_translated(lang),
        "updated_at": page.updated_at,
    }


@router.get(
    "/portal/pages",
    auth=None,
    response={200: PageListOut, 304: None, **errors(400, 422)},
    url_name="portal-page-list",
    operation_id="listPortalPages",
    summary="Published information pages",
)
def list_pages(request, query: Query[PortalQuery]):
    try:
        lang = _language(request, query.lang)
    except UnknownLanguage:
        return _unknown_language(query.lang)
    with translation.override(lang):
        pages = InfoPage.objects.published().order_by("position", "slug")
        count = pages.count()
        items = list(pages[query.offset : query.offset + query.limit])
        latest = max((p.updated_at for p in items), default=None)
        body = {
            "language": lang,
            "count": count,
            "items": [_page_summary(p, lang) for p in items],
        }
    tag = f"pages|{lang}|{count}|{query.offset}|{query.limit}|" + ",".join(
        f"{p.pk}:{p.updated_at.isoformat()}" for p in items
    )
    return _cached(request, lambda: _ok(request, body, PageListOut), tag=tag, modified=latest)


@router.get(
    "/portal/pages/{slug}",
    auth=None,
    response={200: PageOut, 304: None, **errors(400, 404, 422)},
    url_name="portal-page-detail",
    operation_id="getPortalPage",
    summary="One published information page, with its text",
)
def get_page(request, slug: str, query: Query[LangQuery]):
    try:
        lang = _language(request, query.lang)
    except UnknownLanguage:
        return _unknown_language(query.lang)
    page = get_object_or_404(InfoPage.objects.published(), slug=slug[:80])
    with translation.override(lang):
        body = {
            **_page_summary(page, lang),
            "language": lang,
            "body_html": str(page.body_html),
            "body_markdown": page.body,
        }
    tag = f"page|{lang}|{page.pk}|{page.updated_at.isoformat()}"
    return _cached(request, lambda: _ok(request, body, PageOut), tag=tag, modified=page.updated_at)


@router.get(
    "/portal/desks",
    auth=None,
    response={200: DeskListOut, 304: None, **errors(400, 422)},
    url_name="portal-desk-list",
    operation_id="listPortalDesks",
    summary="Public information desks, their next openings and the services they orient to",
)
def list_desks(request, query: Query[PortalQuery]):
    try:
        lang = _language(request, query.lang)
    except UnknownLanguage:
        return _unknown_language(query.lang)
    now = timezone.now()
    with translation.override(lang):
        desks = public_desks().prefetch_related("services")
        count = desks.count()
        page = list(desks[query.offset : query.offset + query.limit])
        published = _published_service_ids(page)
        items = [
            {
                "code": desk.code,
                "name": desk.name,
                "address": desk.address,
                "access_notes": desk.access_notes,
                "phone": desk.phone,
                "municipality": desk.municipality.name if desk.municipality else None,
                "governorate": desk.governorate.name if desk.governorate else None,
                "latitude": desk.latitude,
                "longitude": desk.longitude,
                "next_openings": [
                    {"start": s, "end": e} for s, e in next_openings(desk, now=now, count=3)
                ],
                "services": [
                    {
                        "id": s.pk,
                        "name": s.name,
                        "hsds_url": f"/api/hsds/services/{s.pk}",
                    }
                    for s in desk.services.all()
                    if s.pk in published
                ],
            }
            for desk in page
        ]
    body = {"language": lang, "count": count, "items": items}
    # Openings move with the clock: the ETag is the content's own hash, the cache short.
    tag = "desks|" + json.dumps(body, sort_keys=True, default=str)
    return _cached(
        request, lambda: _ok(request, body, DeskListOut), tag=tag, modified=None, max_age=60
    )


def _published_service_ids(desks) -> set:
    from masar.directory.models import Service

    ids = {s.pk for d in desks for s in d.services.all()}
    return set(Service.objects.published().filter(pk__in=ids).values_list("pk", flat=True))


def _ok(request, body, schema):
    """Validate ``body`` against the schema and render it as the API would."""
    from masar.api.api import api

    data = schema.model_validate(body).model_dump(mode="json")
    return api.create_response(request, data, status=200)
