"""Schemas of the public portal operations (information pages and desks, for a mobile app).

Texts come in the language asked for (``?lang=fr|ar|en``, else the Accept-Language header),
falling back to French where a page is not translated (``translated`` says so)."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class PortalQuery(Schema):
    lang: str | None = Field(None, max_length=10, description="fr, ar or en")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)


class LangQuery(Schema):
    lang: str | None = Field(None, max_length=10, description="fr, ar or en")


class PageSummaryOut(Schema):
    slug: str
    category: str
    title: str
    summary: str
    translated: bool
    updated_at: datetime


class PageListOut(Schema):
    language: str
    count: int
    items: list[PageSummaryOut]


class PageOut(PageSummaryOut):
    language: str
    body_html: str = Field(description="Sanitised HTML rendered from the Markdown")
    body_markdown: str


class OpeningOut(Schema):
    start: datetime
    end: datetime


class DeskServiceOut(Schema):
    id: UUID
    name: str
    hsds_url: str = Field(description="The service in the HSDS API")


class DeskOut(Schema):
    code: str
    name: str
    address: str
    access_notes: str
    phone: str
    municipality: str | None
    governorate: str | None
    latitude: float | None
    longitude: float | None
    next_openings: list[OpeningOut]
    services: list[DeskServiceOut]


class DeskListOut(Schema):
    language: str
    count: int
    items: list[DeskOut]
