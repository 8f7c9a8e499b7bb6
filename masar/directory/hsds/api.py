"""The read-only Open Referral HSDS 3.0 API of the directory, mounted at /api/hsds/.

Public (no authentication), GET only; only published services (verified at least once, not
defunct) and what they link to are visible. Answers are HSDS objects in the language asked
for (``?lang=`` or ``Accept-Language``, French fallback; see ``urls.py``); errors are
problem+json. Objects are built as plain dicts by ``serializers`` and sent as they are.
"""

import json
from uuid import UUID

from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from ninja import NinjaAPI, Query

from masar.api.problems import install_problem_handlers
from masar.api.schemas import Problem, ValidationProblem

from ..models import ServiceAtLocation, Taxonomy
from . import queries
from . import serializers as hsds
from .profile import masar_profile
from .schemas import (
    PER_PAGE_MAX,
    PER_PAGE_MAX_MINIMAL,
    ApiMeta,
    LangQuery,
    OrganizationDetailQuery,
    OrganizationQuery,
    Page,
    PageQuery,
    ServiceFilters,
    ServiceQuery,
    TaxonomyTermQuery,
    hsds_response,
)

HSDS_VERSION = "3.0"

api = NinjaAPI(
    title="Masar HSDS API",
    version=HSDS_VERSION,
    description=(
        "The service directory of Masar as Open Referral HSDS 3.0 (read-only, public). "
        "HSDS has no translations: text fields come in the language asked for with "
        "`?lang=fr|ar|en` or `Accept-Language`, in French when missing. Errors are RFC 9457 "
        "problem details (application/problem+json). See `/` for Masar's HSDS profile."
    ),
    urls_namespace="api-hsds",
    auth=None,
    docs_url=None,
    openapi_url="/openapi.json",
)
install_problem_handlers(api)

LIST_ERRORS = {200: Page, 422: ValidationProblem}
DETAIL_ERRORS = {404: Problem, 422: ValidationProblem}


def _json(data) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/json",
    )


def _base(request) -> str:
    return request.build_absolute_uri(reverse("api-hsds:root")).rstrip("/")


def _per_page(query, maximum=PER_PAGE_MAX) -> int:
    return min(query.per_page, maximum)


def _page(contents, total, query, per_page) -> HttpResponse:
    return _json(queries.envelope(contents, total, query.page, per_page))


MINIMAL_FIELDS = ("id", "name_fr", "name_ar", "name_en", "status", "modified_at")


# --- / -----------------------------------------------------------------------------------------


@api.get(
    "/",
    response={200: ApiMeta, 422: ValidationProblem},
    url_name="root",
    operation_id="getAPIMetaInformation",
    summary="HSDS version, profile and OpenAPI document of this API",
)
def meta(request, query: Query[LangQuery]):
    base = _base(request)
    taxonomies = [
        {"id": str(t.id), "code": t.code, "name": t.name} for t in Taxonomy.objects.order_by("code")
    ]
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": f"{base}/#masar_profile",
            "openapi_url": f"{base}/openapi.json",
            "masar_profile": masar_profile(taxonomies),
        }
    )


# --- Services ----------------------------------------------------------------------------


@api.get(
    "/services",
    response=LIST_ERRORS,
    url_name="service-list",
    operation_id="getPaginatedListOfServices",
    summary="Published services (one-to-one fields, or fully nested with full=true)",
    openapi_extra=hsds_response("compiled/service_list.json", page=True),
)
def list_services(request, query: Query[ServiceQuery]):
    services = queries.filter_services(queries.published(), query)
    filtered = queries.is_filtered(query)
    area = queries.circle(query.proximity, query.postcode)
    if query.minimal:
        per_page = _per_page(query, PER_PAGE_MAX_MINIMAL)
        prepare, render = None, hsds.service_minimal
        services = services.only(*MINIMAL_FIELDS)
    elif query.full:
        per_page, base = _per_page(query), _base(request)
        prepare, render = queries.with_everything, (lambda s: hsds.service_full(s, base))
    else:
        per_page, prepare, render = _per_page(query), queries.with_summary, hsds.service_summary
    if query.search and not area:
        found, total = queries.search_page(
            services,
            query.search,
            query.page,
            per_page,
            prepare or (lambda qs: qs.only(*MINIMAL_FIELDS)),
            filtered=filtered,
        )
        return _page([render(s) for s in found], total, query, per_page)
    if query.search:
        matches = queries.best_matches(query.search, services, filtered=filtered)
        services = services.filter(pk__in=matches)
    if area:
        services = queries.near_services(services, area).order_by("distance_sq", "id")
    else:  # oldest change first: an indexed order that suits incremental sync
        services = services.order_by("modified_at", "id")
    found, total = queries.page_slice(services, query.page, per_page, prepare)
    return _page([render(s) for s in found], total, query, per_page)


@api.get(
    "/services/{id}",
    response=DETAIL_ERRORS,
    url_name="service-detail",
    operation_id="getFullyNestedServiceById",
    summary="A published service, fully nested",
    openapi_extra=hsds_response("compiled/service.json"),
)
def get_service(request, id: UUID, query: Query[LangQuery]):  # noqa: A002 — HSDS name
    service = queries.with_everything(queries.published()).get(pk=id)
    return _json(hsds.service_full(service, _base(request)))


# --- Service at locations --------------------------------------------------------------------


def _sal_related(sals, *, full: bool):
    sals = sals.select_related(
        "service__organization",
        "service__verified_by__institution",
        *(f"location__{r}" for r in queries.LOCATION_RELATED),
    )
    if full:
        sals = sals.prefetch_related("location__phones", "service__schedules")
    return sals


@api.get(
    "/service_at_locations",
    response=LIST_ERRORS,
    url_name="service-at-location-list",
    operation_id="getPaginatedListOfServiceAtLocation",
    summary="The places where published services are delivered",
    openapi_extra=hsds_response("compiled/service_at_location_list.json", page=True),
)
def list_service_at_locations(request, query: Query[ServiceFilters]):
    """Ordered by id (a stable order for syncing), or nearest first with ``proximity``."""
    services = queries.filter_services(queries.published(), query)
    sals = ServiceAtLocation.objects.filter(service__in=services.values("pk"))
    area = queries.circle(query.proximity, query.postcode)
    order = ["id"]
    if area:
        sals = (
            sals.filter(area.box("location__"))
            .annotate(distance_sq=area.distance_sq("location__"))
            .filter(distance_sq__lte=area.limit_sq)
        )
        order = ["distance_sq", "id"]
    elif query.postcode:
        sals = sals.filter(queries.postcode_q(query.postcode, "location__"))
    if query.search:
        filtered = queries.is_filtered(query)
        matches = queries.best_matches(query.search, services, filtered=filtered)
        sals = sals.filter(service_id__in=matches)
    per_page = _per_page(query)
    found, total = queries.page_slice(
        sals.order_by(*order),
        query.page,
        per_page,
        lambda qs: _sal_related(qs, full=query.full),
    )
    contents = [
        hsds.service_at_location(
            sal, full=query.full, service_data=hsds.service_summary(sal.service)
        )
        for sal in found
    ]
    return _page(contents, total, query, per_page)


@api.get(
    "/service_at_locations/{id}",
    response=DETAIL_ERRORS,
    url_name="service-at-location-detail",
    operation_id="getServiceAtLocationWithNestedDataById",
    summary="A place where a published service is delivered, fully nested",
    openapi_extra=hsds_response("compiled/service_at_location.json"),
)
def get_service_at_location(request, id: UUID, query: Query[LangQuery]):  # noqa: A002
    sals = _sal_related(ServiceAtLocation.objects, full=True)
    sal = sals.filter(service__in=queries.published().values("pk")).get(pk=id)
    return _json(
        hsds.service_at_location(sal, full=True, service_data=hsds.service_summary(sal.service))
    )


# --- Organizations -----------------------------------------------------------------------


def _organizations(*, full: bool, full_service: bool):
    orgs = queries.public_organizations()
    if not full:
        return orgs
    services = queries.published().order_by(*queries.by_name())
    services = queries.with_everything(services) if full_service else queries.with_summary(services)
    return orgs.prefetch_related(
        queries.phones_prefetch(),
        Prefetch("locations", queryset=queries.locations().order_by("name", "id")),
        Prefetch("services", queryset=services, to_attr="public_services"),
    )


def _organization_full(org, full_service: bool, base: str) -> dict:
    if full_service:
        services = [hsds.service_full(s, base) for s in org.public_services]
    else:
        services = [hsds.service_summary(s) for s in org.public_services]
    for service in services:
        service.pop("organization", None)  # it is the enclosing object
    return hsds.organization_full(org, services)


@api.get(
    "/organizations",
    response=LIST_ERRORS,
    url_name="organization-list",
    operation_id="getPaginatedListOfOrganizations",
    summary="Organizations with published services",
    openapi_extra=hsds_response("compiled/organization_list.json", page=True),
)
def list_organizations(request, query: Query[OrganizationQuery]):
    orgs = _organizations(full=query.full, full_service=query.full_service)
    if query.search:
        orgs = queries.text_search(orgs, query.search, "name", "alternate_name")
    per_page = _per_page(query)
    found, total = queries.page_slice(orgs.order_by(*queries.by_name()), query.page, per_page)
    if query.full:
        base = _base(request)
        contents = [_organization_full(o, query.full_service, base) for o in found]
    else:
        contents = [hsds.organization(o) for o in found]
    return _page(contents, total, query, per_page)


@api.get(
    "/organizations/{id}",
    response=DETAIL_ERRORS,
    url_name="organization-detail",
    operation_id="getOrganizationById",
    summary="An organization with its places and published services",
    openapi_extra=hsds_response("compiled/organization.json"),
)
def get_organization(request, id: UUID, query: Query[OrganizationDetailQuery]):  # noqa: A002
    org = _organizations(full=True, full_service=query.full_service).get(pk=id)
    return _json(_organization_full(org, query.full_service, _base(request)))


# --- Taxonomies ----------------------------------------------------------------------------


@api.get(
    "/taxonomies",
    response=LIST_ERRORS,
    url_name="taxonomy-list",
    operation_id="getPaginatedListOfTaxonomies",
    summary="Masar's taxonomies: needs (categories) and audiences",
    openapi_extra=hsds_response("taxonomy.json", page=True),
)
def list_taxonomies(request, query: Query[PageQuery]):
    taxonomies = Taxonomy.objects.order_by("code")
    if query.search:
        taxonomies = queries.text_search(taxonomies, query.search, "name", "code")
    per_page, base = _per_page(query), _base(request)
    found, total = queries.page_slice(taxonomies, query.page, per_page)
    return _page([hsds.taxonomy(t, base) for t in found], total, query, per_page)


@api.get(
    "/taxonomies/{id}",
    response=DETAIL_ERRORS,
    url_name="taxonomy-detail",
    operation_id="getTaxonomyById",
    summary="A taxonomy",
    openapi_extra=hsds_response("taxonomy.json"),
)
def get_taxonomy(request, id: UUID, query: Query[LangQuery]):  # noqa: A002
    return _json(hsds.taxonomy(Taxonomy.objects.get(pk=id), _base(request)))


@api.get(
    "/taxonomy_terms",
    response=LIST_ERRORS,
    url_name="taxonomy-term-list",
    operation_id="getPaginatedListOfTaxonomyTerms",
    summary="Terms of Masar's taxonomies",
    openapi_extra=hsds_response("taxonomy_term.json", page=True),
)
def list_taxonomy_terms(request, query: Query[TaxonomyTermQuery]):
    terms = queries.terms().order_by("taxonomy__code", "position", "code")
    if query.taxonomy_id:
        terms = terms.filter(taxonomy_id=query.taxonomy_id)
    if query.parent_id:
        terms = terms.filter(parent_id=query.parent_id)
    if query.top_only:
        terms = terms.filter(parent__isnull=True)
    if query.search:
        terms = queries.text_search(terms, query.search, "name", "code")
    per_page, base = _per_page(query), _base(request)
    found, total = queries.page_slice(terms, query.page, per_page)
    return _page([hsds.taxonomy_term(t, base) for t in found], total, query, per_page)


@api.get(
    "/taxonomy_terms/{id}",
    response=DETAIL_ERRORS,
    url_name="taxonomy-term-detail",
    operation_id="getTaxonomyTermById",
    summary="A taxonomy term",
    openapi_extra=hsds_response("taxonomy_term.json"),
)
def get_taxonomy_term(request, id: UUID, query: Query[LangQuery]):  # noqa: A002
    return _json(hsds.taxonomy_term(queries.terms().get(pk=id), _base(request)))
