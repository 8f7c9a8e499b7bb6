"""Reads behind the HSDS API: what is public, the filters of the HSDS query parameters, the
prefetches that keep every list at a fixed number of queries, ordering and paging in SQL."""

import math
from dataclasses import dataclass

from django.db.models import (
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja.errors import ValidationError as NinjaValidationError

from masar.geo.models import Delegation, Locality

from .. import search
from ..models import (
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    ServiceLanguage,
    TaxonomyTerm,
)

KM_PER_DEGREE = 111.32
DEFAULT_RADIUS_KM = 10.0
MAX_RADIUS_KM = 500.0
LOCATION_RELATED = ("governorate", "delegation", "municipality")


def invalid(field: str, message: str):
    """A 422 problem naming a query parameter, like the ones ninja gives."""
    return NinjaValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


# --- What is public, with what the serializers read ------------------------------------------


def published():
    return Service.objects.published()


def public_organizations():
    return Organization.objects.filter(Exists(published().filter(organization=OuterRef("pk"))))


def phones_prefetch():
    return Prefetch("phones", queryset=Phone.objects.order_by("number", "id"))


def locations():
    return Location.objects.select_related(*LOCATION_RELATED).prefetch_related(phones_prefetch())


def terms():
    return TaxonomyTerm.objects.select_related("taxonomy")


def with_summary(services):
    return services.select_related("organization", "verified_by__institution")


def with_everything(services):
    at_locations = (
        ServiceAtLocation.objects.select_related(*(f"location__{r}" for r in LOCATION_RELATED))
        .prefetch_related(Prefetch("location__phones", queryset=Phone.objects.order_by("id")))
        .order_by("location__name", "id")
    )
    return with_summary(services).prefetch_related(
        phones_prefetch(),
        "schedules",
        Prefetch("languages", queryset=ServiceLanguage.objects.order_by("code")),
        Prefetch("categories", queryset=terms()),
        Prefetch("audiences", queryset=terms()),
        Prefetch("at_locations", queryset=at_locations),
    )


def by_name(prefix: str = ""):
    """Order by name in the active language (French when missing), then id."""
    lang = get_language() or "fr"
    if lang == "fr":
        return [f"{prefix}name_fr", f"{prefix}id"]
    return [Coalesce(NullIf(f"{prefix}name_{lang}", Value("")), f"{prefix}name_fr"), f"{prefix}id"]


def text_search(queryset, text: str, *fields: str):
    """Rows with ``text`` in one of ``fields`` (translated fields: pass the base name)."""
    text = text.strip()
    condition = Q()
    for name in fields:
        names = [f"{name}_{lang}" for lang in ("fr", "ar", "en")] if name == "name" else [name]
        for field in names:
            condition |= Q(**{f"{field}__icontains": text})
    return queryset.filter(condition)


# --- Filters ---------------------------------------------------------------------------------


@dataclass
class Circle:
    lat: float
    lon: float
    radius_km: float

    def distance_sq(self, prefix: str):
        """Squared distance in degrees of latitude (equirectangular; exact enough at the
        scale of a country, and plain arithmetic on SQLite and PostgreSQL alike)."""
        k = math.cos(math.radians(self.lat))
        dlat = F(f"{prefix}latitude") - Value(self.lat)
        dlon = (F(f"{prefix}longitude") - Value(self.lon)) * Value(k)
        return ExpressionWrapper(dlat * dlat + dlon * dlon, output_field=FloatField())

    def box(self, prefix: str) -> Q:
        d = self.radius_km / KM_PER_DEGREE
        dlon = d / max(math.cos(math.radians(self.lat)), 0.01)
        return Q(
            **{
                f"{prefix}latitude__range": (self.lat - d, self.lat + d),
                f"{prefix}longitude__range": (self.lon - dlon, self.lon + dlon),
            }
        )

    @property
    def limit_sq(self) -> float:
        return (self.radius_km / KM_PER_DEGREE) ** 2


def circle(proximity: str | None, postcode: str | None) -> Circle | None:
    """``lat,lon[,radius_km]``, or metres around the centroid of ``postcode``."""
    if not proximity:
        return None
    parts = [p.strip() for p in proximity.split(",")]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 1 and postcode:
        centre = _postcode_centroid(postcode)
        if centre is None:
            raise invalid("postcode", _("The place of this postal code is not known."))
        lat, lon, radius = centre[0], centre[1], numbers[0] / 1000
    elif len(numbers) in (2, 3):
        lat, lon = numbers[0], numbers[1]
        radius = numbers[2] if len(numbers) == 3 else DEFAULT_RADIUS_KM
    else:
        raise invalid(
            "proximity",
            _("Give a point as “latitude,longitude” or “latitude,longitude,radius in km”."),
        )
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise invalid("proximity", _("These coordinates are not on Earth."))
    if not (0 < radius <= MAX_RADIUS_KM):
        raise invalid(
            "proximity",
            _("The radius must be above 0 and at most %(max)d km.") % {"max": MAX_RADIUS_KM},
        )
    return Circle(lat, lon, radius)


def _postcode_centroid(postcode: str):
    for model in (Locality, Delegation):
        points = list(
            model.objects.filter(postal_code=postcode, latitude__isnull=False).values_list(
                "latitude", "longitude"
            )[:200]
        )
        if points:
            return (
                sum(p[0] for p in points) / len(points),
                sum(p[1] for p in points) / len(points),
            )
    return None


def postcode_q(postcode: str, prefix: str = "") -> Q:
    return Q(**{f"{prefix}postal_code": postcode}) | Q(
        **{f"{prefix}postal_code": "", f"{prefix}delegation__postal_code": postcode}
    )


FILTERS = ("organization_id", "taxonomy_term_id", "taxonomy_id", "modified_after", "postcode")


def filter_services(services, query):
    """The HSDS filters on services (``query``: ``schemas.ServiceFilters``). Each selects ids
    from a small link table (an indexed ``pk__in`` subquery), not a test per service."""
    categories = Service.categories.through.objects
    audiences = Service.audiences.through.objects
    if query.organization_id:
        services = services.filter(organization_id=query.organization_id)
    if query.taxonomy_term_id:
        term = query.taxonomy_term_id
        terms = [term, *TaxonomyTerm.objects.filter(parent_id=term).values_list("pk", flat=True)]
        services = services.filter(
            Q(pk__in=categories.filter(taxonomyterm_id__in=terms).values("service_id"))
            | Q(pk__in=audiences.filter(taxonomyterm_id__in=terms).values("service_id"))
        )
    if query.taxonomy_id:
        terms = list(
            TaxonomyTerm.objects.filter(taxonomy_id=query.taxonomy_id).values_list("pk", flat=True)
        )
        services = services.filter(
            Q(pk__in=categories.filter(taxonomyterm_id__in=terms).values("service_id"))
            | Q(pk__in=audiences.filter(taxonomyterm_id__in=terms).values("service_id"))
        )
    if query.modified_after:
        moment = query.modified_after
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        services = services.filter(modified_at__gte=moment)
    if query.postcode and not query.proximity:
        places = ServiceAtLocation.objects.filter(postcode_q(query.postcode, "location__"))
        services = services.filter(pk__in=places.values("service_id"))
    return services


def is_filtered(query) -> bool:
    return any(getattr(query, name, None) for name in FILTERS)


def near_services(services, area: Circle):
    """Services delivered within the circle, with their nearest place's ``distance_sq``."""
    near = (
        ServiceAtLocation.objects.filter(area.box("location__"))
        .annotate(d=area.distance_sq("location__"))
        .filter(d__lte=area.limit_sq)
    )
    return services.filter(pk__in=near.values("service_id")).annotate(
        distance_sq=Min(area.distance_sq("at_locations__location__"))
    )


MAX_BEST_MATCHES = 2000


def _ranked(text: str, services, filtered: bool):
    """Without filters, the search reads only its index (which knows what is published)."""
    if filtered:
        return search.ranked_ids(text, services)
    return search.ranked_ids(text, published_only=True)


def best_matches(text: str, services, *, filtered: bool = True) -> list:
    """Ids of the services among ``services`` that match ``text`` best (every word when some
    do), for the lists that are not ordered by relevance (places, distance)."""
    rows, _total = _ranked(text, services, filtered).page(0, MAX_BEST_MATCHES)
    if not rows:
        return []
    best = rows[0]["matched"]
    return [row["service_id"] for row in rows if row["matched"] == best]


# --- Paging ----------------------------------------------------------------------------------


def envelope(contents: list, total: int, page: int, per_page: int) -> dict:
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def page_slice(queryset, page: int, per_page: int, prepare=None) -> tuple[list, int]:
    """(rows of the page, total). With ``prepare``, the page's ids are chosen first by a
    narrow query, then their rows are loaded with ``prepare``'s joins and prefetches."""
    total = queryset.count()
    start = (page - 1) * per_page
    if start >= total:
        return [], total
    if prepare is None:
        return list(queryset[start : start + per_page]), total
    ids = list(queryset.values_list("pk", flat=True)[start : start + per_page])
    return _load(queryset.model, ids, prepare), total


def _load(model, ids: list, prepare) -> list:
    loaded = {obj.pk: obj for obj in prepare(model.objects.filter(pk__in=ids))}
    return [loaded[i] for i in ids if i in loaded]


def search_page(
    services, text: str, page: int, per_page: int, prepare, *, filtered: bool
) -> tuple[list, int]:
    """A page of services in rank order: ranking and paging run in SQL on the search index
    (one query); ``prepare`` adds the prefetches to the query that loads the page."""
    ranked = _ranked(text, services, filtered)
    rows, total = ranked.page((page - 1) * per_page, per_page)
    ids = [row["service_id"] for row in rows]
    return (_load(Service, ids, prepare) if ids else []), total
