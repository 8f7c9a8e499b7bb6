"""The territory: governorates, delegations, localities by postal code. Reference data that
every API user may read; names come in the request's language (French fallback)."""

from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema

from masar.api.schemas import DelegationOut, GovernorateOut, LocalityOut
from masar.geo.models import Delegation, Governorate, Locality

from . import errors

router = Router(tags=["geo"])


@router.get(
    "/governorates",
    response={200: list[GovernorateOut], **errors(403)},
    url_name="governorate-list",
    operation_id="listGovernorates",
    summary="The 24 governorates",
)
def list_governorates(request):
    return Governorate.objects.order_by("code")


@router.get(
    "/governorates/{code}/delegations",
    response={200: list[DelegationOut], **errors(403, 404)},
    url_name="delegation-list",
    operation_id="listDelegations",
    summary="Delegations of one governorate",
)
def list_delegations(request, code: str):
    governorate = get_object_or_404(Governorate, code=code)
    return (
        Delegation.objects.filter(governorate=governorate)
        .select_related("governorate")
        .order_by("code")
    )


class LocalityQuery(Schema):
    postal_code: str = Field(..., pattern=r"^\d{4}$", description="Four-digit postal code")


@router.get(
    "/localities",
    response={200: list[LocalityOut], **errors(403, 422)},
    url_name="locality-list",
    operation_id="listLocalities",
    summary="Localities with a postal code",
)
def list_localities(request, query: Query[LocalityQuery]):
    return (
        Locality.objects.filter(postal_code=query.postal_code)
        .select_related("delegation__governorate")
        .order_by(Coalesce(NullIf(f"name_{get_language()}", Value("")), "name_fr"), "pk")
    )
