"""Schemas of the aid operations: enrolments (eligibility) and aid files.

Amounts are in Tunisian dinars with three decimals (millimes), sent and returned as strings
("5000.000") so that no float rounds them. The decision reason and the description are
free text about the person: case staff only, like the rest of the case.
"""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from ninja import Field, Schema

from masar.cases.models import AidKind, AidStatus
from masar.cases.rules.eligibility import explain


class CheckOut(Schema):
    rule: str
    passed: bool
    explanation: str

    @staticmethod
    def resolve_explanation(obj) -> str:
        return explain(obj)


class EnrolmentOut(Schema):
    id: UUID
    case: UUID
    programme: str
    eligible: bool
    admitted: bool
    overridden: bool
    override_reason: str
    checked_at: datetime
    overridden_at: datetime | None
    checks: list[CheckOut]

    @staticmethod
    def resolve_case(obj) -> UUID:
        return obj.case_id

    @staticmethod
    def resolve_programme(obj) -> str:
        return obj.programme.code


class EnrolmentIn(Schema):
    programme: str = Field(..., max_length=40, description="The programme's code")


class OverrideIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class TrancheOut(Schema):
    id: UUID
    amount: Decimal
    paid_on: date
    reference: str
    recorded_at: datetime


class AidFileOut(Schema):
    id: UUID
    case: UUID
    enrolment: UUID
    programme: str
    kind: AidKind
    amount: Decimal
    funder: str
    supplier: str
    description: str
    status: AidStatus
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    decision_reason: str
    contract_issued_at: datetime | None

    @staticmethod
    def resolve_case(obj) -> UUID:
        return obj.enrolment.case_id

    @staticmethod
    def resolve_enrolment(obj) -> UUID:
        return obj.enrolment_id

    @staticmethod
    def resolve_programme(obj) -> str:
        return obj.enrolment.programme.code


class AidFileDetailOut(AidFileOut):
    disbursed: Decimal
    tranches: list[TrancheOut]
    documents: list[UUID]

    @staticmethod
    def resolve_tranches(obj) -> list:
        return list(obj.tranches.all())

    @staticmethod
    def resolve_disbursed(obj) -> Decimal:
        return sum((t.amount for t in obj.tranches.all()), start=Decimal("0"))

    @staticmethod
    def resolve_documents(obj) -> list:
        return list(obj.documents.values_list("pk", flat=True))


class AidFilter(Schema):
    status: AidStatus | None = None
    case: UUID | None = None
    programme: str = Field("", max_length=40, description="A programme's code")
    limit: int = Field(100, ge=1, le=100)
    offset: int = Field(0, ge=0)


class AidPage(Schema):
    items: list[AidFileOut]
    count: int


class AidFileIn(Schema):
    enrolment: UUID = Field(..., description="An eligible (or overridden) enrolment")
    kind: AidKind
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=3, description="TND")
    funder: str = Field("", max_length=200, description="Empty: the programme's funder")
    supplier: str = Field("", max_length=200)
    description: str = Field("", max_length=5000)


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


class DecisionIn(Schema):
    decision: Decision
    reason: str = Field("", max_length=2000, description="Required for a rejection")


class TrancheIn(Schema):
    amount: Decimal = Field(..., gt=0, max_digits=14, decimal_places=3, description="TND")
    paid_on: date
    reference: str = Field(..., min_length=1, max_length=100)


class ContractLanguage(StrEnum):
    FR = "fr"
    AR = "ar"


class ContractQuery(Schema):
    language: ContractLanguage = ContractLanguage.FR
