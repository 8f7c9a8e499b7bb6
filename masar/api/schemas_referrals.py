"""Schemas of the referral operations.

A referral shows the receiving institution the minimum of the case: the person's name and
phone, the reason and the due date. The case id and the person's feedback are shown to case
staff only (``case`` and ``feedback`` are null for partner officers).
"""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from masar.cases.models import ReferralStatus


class ReferralPerson(Schema):
    first_name: str
    last_name: str
    first_name_ar: str
    last_name_ar: str
    phone: str


class ReferralFeedbackOut(Schema):
    received: bool | None
    satisfaction: int | None
    comment: str
    recorded_at: datetime | None


class ReferralOut(Schema):
    id: UUID
    status: str
    status_label: str
    institution: str
    institution_name: str
    service: UUID | None
    service_name: str | None
    reason: str
    due_date: date
    overdue: bool
    sent_at: datetime
    sent_from: str
    responded_at: datetime | None
    decline_reason: str
    completed_at: datetime | None
    outcome: str
    cancelled_at: datetime | None
    person: ReferralPerson
    case: UUID | None
    feedback: ReferralFeedbackOut | None

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_institution(obj) -> str:
        return obj.institution.code

    @staticmethod
    def resolve_institution_name(obj) -> str:
        return obj.institution.name

    @staticmethod
    def resolve_service(obj):
        return obj.service_id

    @staticmethod
    def resolve_service_name(obj):
        return obj.service.name if obj.service_id else None

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_sent_from(obj) -> str:
        return obj.case.antenna.code

    @staticmethod
    def resolve_person(obj):
        return obj.case.beneficiary

    @staticmethod
    def resolve_case(obj):
        return obj.case_id if getattr(obj, "for_case_staff", False) else None

    @staticmethod
    def resolve_feedback(obj):
        if not getattr(obj, "for_case_staff", False):
            return None
        return {
            "received": obj.feedback_received,
            "satisfaction": obj.feedback_satisfaction,
            "comment": obj.feedback_comment,
            "recorded_at": obj.feedback_at,
        }


class ReferralIn(Schema):
    case: UUID = Field(..., description="Id of an open case in your scope")
    institution: str | None = Field(
        None, max_length=60, description="Code of the receiving institution (e.g. aneti-sfax)"
    )
    service: UUID | None = Field(
        None, description="A directory service; the referral goes to its institution's inbox"
    )
    reason: str = Field(..., max_length=2000, description="Reason and need")
    due_date: date


class ReferralFilter(Schema):
    status: ReferralStatus | None = None
    overdue: bool = False
    limit: int = Field(100, ge=1, le=100)
    offset: int = Field(0, ge=0)


class ReferralPage(Schema):
    items: list[ReferralOut]
    count: int


class DeclineIn(Schema):
    reason: str = Field(..., max_length=2000)


class CompleteIn(Schema):
    outcome: str = Field(..., max_length=2000)


class CancelIn(Schema):
    reason: str = Field("", max_length=2000)


class FeedbackIn(Schema):
    received: bool
    satisfaction: int | None = Field(None, ge=1, le=5)
    comment: str = Field("", max_length=2000)


class ReferralFigures(Schema):
    institution: str
    institution_name: str
    institution_kind: str
    sent: int
    accepted: int
    declined: int
    completed: int
    completed_on_time: int
    median_days_to_accept: float | None
    mean_days_to_accept: float | None
    median_days_to_complete: float | None
    mean_days_to_complete: float | None
