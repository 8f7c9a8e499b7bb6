"""Who am I, institutions, users."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from masar.accounts.actions import create_user
from masar.accounts.models import Institution, User
from masar.accounts.policy import Perm, Role, permissions_of
from masar.api.auth import require
from masar.api.schemas import InstitutionFilter, InstitutionOut, MeOut, UserIn, UserOut
from masar.audit.actions import audit_read

from . import errors

router = Router(tags=["accounts"])


@router.get(
    "/me",
    response={200: MeOut, **errors(403)},
    url_name="me",
    operation_id="getMe",
    summary="The account the token belongs to",
)
def me(request):
    user = request.auth
    institution = user.institution
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "institution": {"code": institution.code, "name": institution.name}
        if institution
        else None,
        "roles": [{"code": r, "label": str(Role(r).label)} for r in sorted(user.role_names)],
        "permissions": sorted(permissions_of(user)),
    }


@router.get(
    "/institutions",
    response={200: list[InstitutionOut], **errors(403, 422)},
    url_name="institution-list",
    operation_id="listInstitutions",
    summary="Institutions of the network",
)
@paginate(LimitOffsetPagination, max_limit=100)
def list_institutions(request, filters: Query[InstitutionFilter]):
    require(request, Perm.VIEW_INSTITUTIONS)
    qs = (
        Institution.objects.visible_to(request.auth)
        .select_related("parent")
        .prefetch_related("governorates")
        .order_by("code")
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.governorate:
        qs = qs.filter(
            Q(governorates__code=filters.governorate)
            | Q(municipality__delegation__governorate__code=filters.governorate)
        ).distinct()
    if filters.active is not None:
        qs = qs.filter(is_active=filters.active)
    return qs


@router.get(
    "/institutions/{code}",
    response={200: InstitutionOut, **errors(403, 404)},
    url_name="institution-detail",
    operation_id="getInstitution",
    summary="One institution",
)
def get_institution(request, code: str):
    require(request, Perm.VIEW_INSTITUTIONS)
    qs = Institution.objects.visible_to(request.auth).select_related("parent")
    return get_object_or_404(qs.prefetch_related("governorates"), code=code)


@router.post(
    "/users",
    response={201: UserOut, **errors(400, 403, 409, 413, 422)},
    url_name="user-list",
    operation_id="createUser",
    summary="Create a user in an institution",
    description=(
        "An institution administrator creates users in their own institution only. The new "
        "account has no password: the person sets one through the reset link. Send an "
        "`Idempotency-Key` header to retry safely."
    ),
)
def post_user(request, payload: UserIn, response: HttpResponse):
    actor = request.auth
    require(request, Perm.MANAGE_USERS)
    institution = Institution.objects.visible_to(actor).filter(code=payload.institution).first()
    if institution is None:
        raise ValidationError({"institution": _("There is no institution with this code.")})
    user = create_user(
        actor=actor,
        institution=institution,
        username=payload.username.strip(),
        email=payload.email.strip(),
        first_name=payload.first_name.strip(),
        last_name=payload.last_name.strip(),
        roles=[str(r.value) for r in payload.roles],
    )
    response["Location"] = reverse("api-v1:user-detail", kwargs={"user_id": user.pk})
    return Status(201, user)


@router.get(
    "/users/{user_id}",
    response={200: UserOut, **errors(403, 404)},
    url_name="user-detail",
    operation_id="getUser",
    summary="One user account",
)
def get_user(request, user_id: int):
    qs = User.objects.visible_to(request.auth).select_related("institution")
    user = get_object_or_404(qs.prefetch_related("role_assignments"), pk=user_id)
    if user.pk != request.auth.pk:
        audit_read(actor=request.auth, obj=user, summary=f"user {user.pk} via API")
    return user
