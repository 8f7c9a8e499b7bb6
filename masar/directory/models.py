"""The service directory in the Open Referral HSDS 3 model: organisations, their services,
the locations where each is delivered, and our own taxonomies of needs and audiences.

Identifiers are UUIDs, as HSDS requires. Translated text (name, description, …) has
``_fr``, ``_ar`` and ``_en`` columns through django-modeltranslation (French fallback).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass
from masar.geo.models import PlaceInTerritory

from .querysets import OrganizationQuerySet, ServiceQuerySet

STALE_AFTER = timedelta(days=365)


def _none(*names):
    return dict.fromkeys(names, DataClass.NONE)


def _translated(*names):
    return [f"{n}_{lang}" for n in names for lang in ("fr", "ar", "en")]


class Taxonomy(models.Model):
    """A vocabulary: Masar's needs (categories) and audiences."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)  # "needs", "audiences"
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("URI"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)

    DATA_CLASSIFICATION = _none(
        "id", "code", "uri", "version", *_translated("name", "description"), "name", "description"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=0)

    DATA_CLASSIFICATION = _none(
        "id",
        "taxonomy",
        "code",
        "parent",
        "position",
        *_translated("name", "description"),
        "name",
        "description",
    )

    class Meta:
        ordering = ["taxonomy__code", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="term_code_per_taxonomy")
        ]
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")

    def __str__(self):
        return self.name


class Organization(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("acronym or other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    legal_status = models.CharField(_("legal status"), max_length=100, blank=True)
    year_incorporated = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    parent_organization = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    # The Masar institution whose staff maintain this organisation's entries, if any.
    institution = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("institution in Masar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_organizations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = OrganizationQuerySet.as_manager()

    # Organisations are public bodies and associations: their contact details are public.
    DATA_CLASSIFICATION = _none(
        "id",
        "alternate_name",
        "email",
        "website",
        "legal_status",
        "year_incorporated",
        "parent_organization",
        "institution",
        "created_at",
        "modified_at",
        *_translated("name", "description"),
        "name",
        "description",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class VerificationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for verification")
    VERIFIED = "verified", _("Verified")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    DEFUNCT = "defunct", _("Closed for good")


class Service(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web page"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    eligibility_description = models.TextField(_("eligibility"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    application_process = models.TextField(_("how to apply"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    fees_description = models.TextField(_("fees"), blank=True)
    categories = models.ManyToManyField(
        TaxonomyTerm, verbose_name=_("categories"), related_name="services", blank=True
    )
    audiences = models.ManyToManyField(
        TaxonomyTerm, verbose_name=_("audiences"), related_name="audience_services", blank=True
    )
    verification_status = models.CharField(
        _("verification"),
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.DRAFT,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True, db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ServiceQuerySet.as_manager()

    DATA_CLASSIFICATION = _none(
        "id",
        "organization",
        "alternate_name",
        "url",
        "email",
        "status",
        "minimum_age",
        "maximum_age",
        "is_free",
        "verification_status",
        "verified_at",
        "verified_by",
        "created_at",
        "modified_at",
        *_translated(
            "name",
            "description",
            "eligibility_description",
            "application_process",
            "fees_description",
        ),
        "name",
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name

    @property
    def is_stale(self) -> bool:
        """Not verified for 12 months (or never): flagged everywhere it appears."""
        return self.verified_at is None or self.verified_at < timezone.now() - STALE_AFTER


class Location(PlaceInTerritory):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("how to get there"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    address_1 = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("town"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    # Required here: every place is at least in a governorate.
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    modified_at = models.DateTimeField(default=timezone.now, db_index=True)

    DATA_CLASSIFICATION = _none(
        "id",
        "organization",
        "address_1",
        "city",
        "postal_code",
        "governorate",
        "delegation",
        "municipality",
        "latitude",
        "longitude",
        "modified_at",
        *_translated("name", "description", "transportation", "accessibility"),
        "name",
        "description",
        "transportation",
        "accessibility",
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["governorate", "delegation"], name="location_area_idx"),
            models.Index(fields=["latitude", "longitude"], name="location_coords_idx"),
        ]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name or self.address_1 or str(self.governorate)


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="services_at")
    description = models.TextField(_("description"), blank=True)

    DATA_CLASSIFICATION = _none("id", "service", "location", "description")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="one_service_per_place")
        ]
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")

    def __str__(self):
        return f"{self.service_id}@{self.location_id}"


class ServiceLanguage(models.Model):
    """A language the service is delivered in (ISO 639-1 code when there is one)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language code"), max_length=3, db_index=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    DATA_CLASSIFICATION = _none("id", "service", "code", "note")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="one_language_once")
        ]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.code


class Phone(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=30)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True)  # voice, fax, text, …
    description = models.CharField(_("description"), max_length=200, blank=True)

    # Switchboards of public services and associations, not personal numbers.
    DATA_CLASSIFICATION = _none(
        "id", "organization", "service", "location", "number", "extension", "type", "description"
    )

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


HSDS_BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class Schedule(models.Model):
    """Weekly opening hours: one row per day and opening span."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    description = models.CharField(_("note"), max_length=200, blank=True)

    DATA_CLASSIFICATION = _none("id", "service", "weekday", "opens_at", "closes_at", "description")

    class Meta:
        ordering = ["weekday", "opens_at"]
        indexes = [models.Index(fields=["weekday", "opens_at", "closes_at"], name="open_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")),
                name="schedule_opens_before_closing",
            )
        ]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"


class SearchEntry(models.Model):
    """The search index: one row per (normalised word, service), with a weight by where the
    word appears (name > category > organisation > description). Rebuilt by the actions that
    change a service, so searches are plain indexed lookups on SQLite and PostgreSQL alike."""

    token = models.CharField(max_length=40)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    weight = models.PositiveSmallIntegerField()
    # Copy of "the public sees this service", so public searches never touch the service
    # table; kept in step by the actions (every change of status reindexes the service).
    published = models.BooleanField(default=False)

    DATA_CLASSIFICATION = _none("id", "token", "service", "weight", "published")

    class Meta:
        # Covering: a search reads only this index.
        indexes = [
            models.Index(
                fields=["token", "published", "service", "weight"], name="search_token_idx"
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["service", "token"], name="one_token_per_service")
        ]

    def __str__(self):
        return self.token
