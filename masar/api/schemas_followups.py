"""Schemas of the follow-up operations: visits, sustainability scores, transfers.

The answers to the sustainability survey include psychosocial questions (classified
psychological): they are returned only to holders of ``cases.view_health``; the scores are
returned to every case worker in scope.
"""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from masar.cases.models import ActivityState
from masar.cases.scoring import CURRENT_VERSION


class ScoreOut(Schema):
    id: UUID
    occasion: str
    taken_on: date
    instrument_version: str
    economic: float
    social: float
    psychosocial: float
    composite: float
    visit: UUID | None
    answers: dict[str, str] | None = Field(
        None, description="Only with the sensitive permission cases.view_health"
    )

    @staticmethod
    def resolve_visit(obj) -> UUID | None:
        return obj.visit_id

    @staticmethod
    def resolve_answers(obj) -> dict | None:
        return getattr(obj, "visible_answers", None)


class ScoreList(Schema):
    instrument_version: str
    threshold: float
    weights_published: bool = Field(
        ..., description="False: the weights are Masar placeholders, not IOM's published ones"
    )
    weights_source: str
    items: list[ScoreOut]


class ScoreIn(Schema):
    answers: dict[str, str] = Field(..., description="Question id → option value")
    occasion: Literal["intake", "other"] = "intake"
    taken_on: date | None = Field(None, description="Default: today")
    instrument_version: str = Field(CURRENT_VERSION, max_length=40)


class FollowUpOut(Schema):
    id: UUID
    month: int
    due_on: date
    visited_on: date | None
    state: str
    notes: str
    overdue: bool
    score: ScoreOut | None

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_score(obj):
        return getattr(obj, "visible_score", None)


class FollowUpIn(Schema):
    visited_on: date
    state: ActivityState
    notes: str = Field("", max_length=4000)
    answers: dict[str, str] | None = Field(
        None, description="The sustainability survey taken at the visit (all questions), if any"
    )
    instrument_version: str = Field(CURRENT_VERSION, max_length=40)


class TransferIn(Schema):
    to_antenna: str = Field(..., max_length=50, description="Code of an OTE antenna")
    reason: str = Field(..., max_length=2000)
    counsellor: str | None = Field(
        None, max_length=150, description="Username of a counsellor of the new antenna"
    )


class TransferOut(Schema):
    id: UUID
    case: UUID
    from_antenna: str
    to_antenna: str
    counsellor: str | None
    reason: str
    at: datetime

    @staticmethod
    def resolve_case(obj) -> UUID:
        return obj.case_id

    @staticmethod
    def resolve_from_antenna(obj) -> str:
        return obj.from_antenna.code

    @staticmethod
    def resolve_to_antenna(obj) -> str:
        return obj.to_antenna.code

    @staticmethod
    def resolve_counsellor(obj) -> str | None:
        return obj.to_counsellor.username if obj.to_counsellor_id else None
