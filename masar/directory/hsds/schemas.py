"""Query parameters and answer envelopes of the HSDS API, as the HSDS 3.0 OpenAPI description
names them. The objects themselves are plain dicts built by ``serializers`` (validated in the
tests against the HSDS JSON schemas), so that lists are not re-validated field by field."""

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

Lang = Literal["fr", "ar", "en"]
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100
PER_PAGE_MAX_MINIMAL = 1000

HSDS_SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

LANG_FIELD = Field(
    None,
    description="Language of the text fields (fr, ar, en); default: Accept-Language, then "
    "French. A text missing in the language asked for is given in French.",
)


class LangQuery(Schema):
    lang: Lang | None = LANG_FIELD


class PageQuery(LangQuery):
    search: str | None = Field(None, max_length=200, description="Full text search.")
    page: int = Field(
        1, ge=1, le=1_000_000, description="Page number of paginated result (from 1)."
    )
    per_page: int = Field(
        PER_PAGE_DEFAULT,
        ge=1,
        description=f"Number of results requested in a single page (at most {PER_PAGE_MAX}; "
        "larger values are capped).",
    )
    format: Literal["json"] | None = Field(None, description="Only `json` is served.")


class ServiceFilters(PageQuery):
    taxonomy_term_id: UUID | None = Field(
        None, description="Services tagged with this term (or one of its sub-terms)."
    )
    taxonomy_id: UUID | None = Field(
        None, description="Services tagged with any term of this taxonomy."
    )
    organization_id: UUID | None = Field(
        None, description="Services provided by this organization."
    )
    modified_after: datetime | None = Field(
        None,
        description="Only what was modified on or after this ISO 8601 date-time "
        "(Africa/Tunis time when no offset is given).",
    )
    postcode: str | None = Field(
        None, pattern=r"^\d{4}$", description="Delivered at a place with this postal code."
    )
    proximity: str | None = Field(
        None,
        max_length=60,
        description="`lat,lon` or `lat,lon,radius_km` (default radius 10 km): places within "
        "the radius, nearest first. With `postcode`, a number of metres from the centroid "
        "of the postal code.",
    )
    full: bool = Field(False, description="Return fully nested objects.")


class ServiceQuery(ServiceFilters):
    minimal: bool = Field(
        False,
        description="Only id, name, status and last_modified of each service (per_page up "
        f"to {PER_PAGE_MAX_MINIMAL}).",
    )


class OrganizationQuery(PageQuery):
    full: bool = Field(False, description="Return fully nested organizations.")
    full_service: bool = Field(
        False, description="Nest full services in each organization (with `full`)."
    )


class OrganizationDetailQuery(LangQuery):
    full_service: bool = Field(False, description="Nest full services, not their summary.")


class TaxonomyTermQuery(PageQuery):
    taxonomy_id: UUID | None = Field(None, description="Terms of this taxonomy.")
    parent_id: UUID | None = Field(None, description="Terms whose parent is this term.")
    top_only: bool = Field(False, description="Only terms without a parent.")


class Page(Schema):
    """The HSDS paging envelope; ``contents`` holds the HSDS objects of the page."""

    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


class ApiMeta(Schema):
    version: str
    profile: str
    openapi_url: str
    masar_profile: dict[str, Any]


def hsds_response(schema_path: str, *, page: bool = False) -> dict:
    """``openapi_extra`` naming the HSDS JSON schema that an answer (or each item of a page)
    follows, without pulling the remote document into ours."""
    note = f"HSDS 3.0: {HSDS_SCHEMA_BASE}{schema_path}"
    if page:
        note = f"A Page whose contents are HSDS objects ({HSDS_SCHEMA_BASE}{schema_path})."
    return {"responses": {200: {"description": note, "x-hsds-schema": schema_path}}}
