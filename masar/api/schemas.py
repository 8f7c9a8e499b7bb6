"""Request and response schemas. Names come in the active language (modeltranslation)."""

from datetime import datetime

from ninja import Field, Schema

from masar.accounts.policy import Role


class Problem(Schema):
    """RFC 9457 problem details (served as application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str = ""


class FieldError(Schema):
    loc: list[str]
    msg: str
    type: str


class ValidationProblem(Problem):
    errors: list[FieldError] = []


class InstitutionRef(Schema):
    code: str
    name: str


class RoleOut(Schema):
    code: str
    label: str


class MeOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    email: str
    institution: InstitutionRef | None
    roles: list[RoleOut]
    permissions: list[str]


class InstitutionOut(Schema):
    code: str
    name: str
    acronym: str
    kind: str
    kind_label: str
    parent: str | None
    governorates: list[str]
    email: str
    phone: str
    is_active: bool

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None

    @staticmethod
    def resolve_governorates(obj) -> list[str]:
        return sorted(g.code for g in obj.governorates.all())


class InstitutionFilter(Schema):
    kind: str | None = Field(None, description="Institution type, e.g. ote_antenna, cps")
    governorate: str | None = Field(None, description="ISO 3166-2 code covered, e.g. TN-61")
    active: bool | None = None


class GovernorateOut(Schema):
    code: str
    name: str
    latitude: float | None
    longitude: float | None


class DelegationOut(Schema):
    code: str
    name: str
    postal_code: str
    governorate: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_governorate(obj) -> str:
        return obj.governorate.code


class LocalityOut(Schema):
    name: str
    postal_code: str
    delegation: str
    delegation_name: str
    governorate: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_delegation(obj) -> str:
        return obj.delegation.code

    @staticmethod
    def resolve_delegation_name(obj) -> str:
        return obj.delegation.name

    @staticmethod
    def resolve_governorate(obj) -> str:
        return obj.delegation.governorate.code


class UserIn(Schema):
    institution: str = Field(..., min_length=1, max_length=60, description="Institution code")
    username: str = Field(..., min_length=1, max_length=150)
    email: str = Field("", max_length=254)
    first_name: str = Field("", max_length=150)
    last_name: str = Field("", max_length=150)
    roles: list[Role] = Field(default_factory=list)


class UserOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    email: str
    is_active: bool
    institution: str | None
    roles: list[str]

    @staticmethod
    def resolve_institution(obj) -> str | None:
        return obj.institution.code if obj.institution_id else None

    @staticmethod
    def resolve_roles(obj) -> list[str]:
        return sorted(obj.role_names)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    status: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
