"""Schemas of the reintegration-case operations (beneficiaries, consents, cases).

Output schemas list their fields one by one: a field reaches the API only when it is named
here. Fields classified sensitive (``masar.core.classification.SENSITIVE``: for now the
legal ones, ``return_kind`` and ``situation_abroad``) are left out until the sensitive
permissions that guard them exist. Who created a record (``created_by``, ``taken_by``) is
bookkeeping and never shown.
"""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from masar.cases.models import CaseStatus


class BeneficiaryRef(Schema):
    id: UUID
    first_name: str
    last_name: str
    first_name_ar: str
    last_name_ar: str


class CaseRef(Schema):
    id: UUID
    status: str
    opened_at: datetime


class BeneficiaryOut(Schema):
    id: UUID
    first_name: str
    last_name: str
    first_name_ar: str
    last_name_ar: str
    phone: str
    sex: str
    birth_date: date | None
    cin: str | None
    passport_number: str
    governorate: str | None
    delegation: str | None
    returned_from: str
    return_date: date | None
    years_abroad: int | None
    heard_of_scheme: str
    institution: str
    created_at: datetime
    active_consents: list[str]
    cases: list[CaseRef]

    @staticmethod
    def resolve_governorate(obj) -> str | None:
        return obj.governorate.code if obj.governorate_id else None

    @staticmethod
    def resolve_delegation(obj) -> str | None:
        return obj.delegation.code if obj.delegation_id else None

    @staticmethod
    def resolve_institution(obj) -> str:
        return obj.institution.code

    @staticmethod
    def resolve_cases(obj) -> list:
        return obj.visible_cases


class BeneficiaryIn(Schema):
    """Before consent, a name and a contact only."""

    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field(..., min_length=1, max_length=100)
    first_name_ar: str = Field("", max_length=100)
    last_name_ar: str = Field("", max_length=100)
    phone: str = Field("", max_length=30, description="Tunisian (8 digits) or +<country>…")


class ConsentIn(Schema):
    purposes: dict[str, bool] = Field(
        ...,
        description=(
            "One answer per purpose: case_management, referrals, statistics, research_contact"
        ),
    )
    text_version: str = Field(..., max_length=60, description="Version of the text read")
    language: str = Field(..., max_length=2, description="fr or ar")
    expires_at: datetime | None = None
    referral_kinds: list[str] = Field(
        default_factory=list,
        description=(
            "Kinds of institution the referrals consent covers (e.g. aneti, cps); empty: every kind"
        ),
    )


class ConsentOut(Schema):
    id: int
    purpose: str
    granted: bool
    text_version: str
    language: str
    taken_at: datetime
    expires_at: datetime | None
    withdrawn_at: datetime | None
    institution_kinds: list[str]


class CaseEventOut(Schema):
    at: datetime
    kind: str
    summary: str = Field(description="What happened, in the language of Accept-Language.")

    @staticmethod
    def resolve_summary(obj) -> str:
        return obj.text


class CaseOut(Schema):
    id: UUID
    status: str
    status_label: str
    beneficiary: BeneficiaryRef
    antenna: str
    counsellor: str | None
    opened_at: datetime
    closed_at: datetime | None
    closure_reason: str
    allowed_next: list[str]

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_antenna(obj) -> str:
        return obj.antenna.code

    @staticmethod
    def resolve_counsellor(obj) -> str | None:
        return obj.counsellor.get_full_name() or obj.counsellor.username if obj.counsellor else None

    @staticmethod
    def resolve_allowed_next(obj) -> list[str]:
        return obj.allowed_next()


class CaseDetailOut(CaseOut):
    events: list[CaseEventOut]

    @staticmethod
    def resolve_events(obj) -> list:
        return list(obj.events.all())


class CaseFilter(Schema):
    status: CaseStatus | None = None
    search: str = Field("", max_length=100, description="Name words, or a CIN (8 digits)")
    limit: int = Field(100, ge=1, le=100)
    offset: int = Field(0, ge=0)


class CasePage(Schema):
    items: list[CaseOut]
    count: int


class CaseIn(Schema):
    beneficiary: UUID = Field(..., description="Id of a consenting beneficiary")


class StatusIn(Schema):
    to: CaseStatus
    reason: str = Field("", max_length=2000, description="Required when closing")
