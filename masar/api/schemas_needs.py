"""Schemas of the reintegration-plan operations. Output fields are listed one by one; the
plan holds nothing sensitive (assessments and vulnerability details are not in the API)."""

from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from masar.cases.models import ActionStatus, TrackKind


class PlanActionOut(Schema):
    id: UUID
    track: str
    description: str
    institution: str
    institution_name: str
    due_date: date
    status: str
    status_label: str
    result: str
    overdue: bool
    updated_at: datetime

    @staticmethod
    def resolve_track(obj) -> str:
        return obj.track.kind

    @staticmethod
    def resolve_institution(obj) -> str:
        return obj.institution.code

    @staticmethod
    def resolve_institution_name(obj) -> str:
        return obj.institution.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue


class PlanTrackOut(Schema):
    id: UUID
    kind: str
    kind_label: str
    objective: str
    created_at: datetime
    actions: list[PlanActionOut]

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_actions(obj) -> list:
        return list(obj.actions.all())


class PlanOut(Schema):
    case: UUID
    tracks: list[PlanTrackOut]
    overdue: int


class PlanActionIn(Schema):
    track: TrackKind = Field(
        ..., description="social, employment or business; the track is added if missing"
    )
    description: str = Field(..., min_length=1, max_length=300)
    institution: str = Field(..., max_length=60, description="Code of the responsible institution")
    due_date: date
    status: ActionStatus = ActionStatus.PLANNED
    result: str = Field("", max_length=4000, description="Required when done or cancelled")
