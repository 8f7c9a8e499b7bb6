"""Schemas of the desk operations (an offline-capable client records contacts with them).
Nothing personal: a contact is its anonymous profile, topics and orientations."""

from datetime import date, time
from uuid import UUID

from ninja import Field, Schema


class OpeningOut(Schema):
    weekday: int
    opens_at: time
    closes_at: time


class DeskServiceOut(Schema):
    id: UUID
    name: str


class DeskOut(Schema):
    id: UUID
    code: str
    name: str
    holder: str
    address: str
    is_active: bool
    is_public: bool
    can_record: bool = False
    openings: list[OpeningOut]
    services: list[DeskServiceOut]

    @staticmethod
    def resolve_holder(obj) -> str:
        return obj.holder.code

    @staticmethod
    def resolve_openings(obj):
        return list(obj.openings.all())

    @staticmethod
    def resolve_services(obj):
        return list(obj.services.all())


class ContactIn(Schema):
    status: str = Field(description="returnee | migrant | young_tunisian | other")
    topics: list[str] = Field(min_length=1, max_length=20)
    services: list[UUID] = Field(default_factory=list, max_length=20)
    sex: str = "unspecified"
    age_group: str = "unknown"
    nationality: str = Field("", max_length=2, description="ISO 3166-1 alpha-2, or empty")
    contacted_on: date | None = None


class OrientationOut(Schema):
    id: UUID
    service: UUID
    service_name: str
    reached: str

    @staticmethod
    def resolve_service(obj):
        return obj.service_id

    @staticmethod
    def resolve_service_name(obj) -> str:
        return obj.service.name


class ContactOut(Schema):
    id: UUID
    reference: str
    desk: UUID
    contacted_on: date
    status: str
    sex: str
    age_group: str
    nationality: str
    topics: list[str]
    orientations: list[OrientationOut]
    slip_url: str

    @staticmethod
    def resolve_desk(obj):
        return obj.desk_id

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [t.topic for t in obj.topics.all()]

    @staticmethod
    def resolve_orientations(obj):
        return list(obj.orientations.select_related("service").order_by("service__name"))

    @staticmethod
    def resolve_slip_url(obj) -> str:
        from django.urls import reverse

        return reverse("desk:contact-slip", args=[obj.pk])


class ReachedIn(Schema):
    reached: str = Field(description="yes | no | unknown")
