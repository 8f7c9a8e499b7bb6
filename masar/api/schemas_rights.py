"""Schemas of the data-rights operations: duplicate search, merge, subject access."""

from datetime import date
from uuid import UUID

from ninja import Field, Schema


class DuplicateQuery(Schema):
    first_name: str = Field("", max_length=100)
    last_name: str = Field("", max_length=100)
    first_name_ar: str = Field("", max_length=100)
    last_name_ar: str = Field("", max_length=100)
    birth_date: date | None = None
    cin: str = Field("", max_length=12, description="8 digits")
    phone: str = Field("", max_length=30)


class DuplicatePerson(Schema):
    id: UUID
    first_name: str
    last_name: str
    first_name_ar: str
    last_name_ar: str
    birth_date: date | None


class DuplicateOut(Schema):
    beneficiary: DuplicatePerson
    reasons: list[str] = Field(
        ...,
        description=(
            "Strongest first: same_cin, same_name_and_birth_date, close_name_and_birth_date, "
            "same_phone, same_name"
        ),
    )
    labels: list[str]
    score: float = Field(..., description="Name similarity, 0–100")


class DuplicatesOut(Schema):
    items: list[DuplicateOut]
    outside_scope: int = Field(
        ..., description="Further possible matches outside your scope (not named)"
    )


class MergeIn(Schema):
    other: UUID = Field(..., description="The other record of the same person")
    keep: str = Field(
        "this", pattern="^(this|other)$", description="`this` keeps the record in the path"
    )
    reason: str = Field("", max_length=1000)


class MergeOut(Schema):
    id: UUID
    kept: UUID
    merged_id: UUID
    filled: list[str]
    moved: dict[str, int]
    clashes: int

    @staticmethod
    def resolve_kept(obj) -> UUID:
        return obj.kept_id

    @staticmethod
    def resolve_clashes(obj) -> int:
        return len(obj.clashes)
