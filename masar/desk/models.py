"""Information desks (guichets): desk points held by a municipality, an antenna or an
organisation, their weekly schedule and mediators, the sessions actually held, the contacts
recorded there (anonymous by default) with the topics asked about and the orientations given
to directory services, and outreach (peer sessions in schools, themed events, performances).

A contact holds the least data that serves: a profile (sex, age group, nationality, status)
and topics. It names a person only when that person consented, through ``beneficiary``.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass
from masar.directory.models import Weekday
from masar.geo.models import PlaceInTerritory

from .querysets import (
    DeskContactQuerySet,
    DeskPointQuerySet,
    DeskSessionQuerySet,
    OrientationQuerySet,
    OutreachActivityQuerySet,
)

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY


def _translated(*names):
    return [f"{n}_{lang}" for n in names for lang in ("fr", "ar", "en")]


class Sex(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    UNSPECIFIED = "unspecified", _("Not stated")


class AgeGroup(models.TextChoices):
    UNDER_15 = "0-14", _("Under 15")
    FROM_15 = "15-17", _("15–17")
    FROM_18 = "18-24", _("18–24")
    FROM_25 = "25-34", _("25–34")
    FROM_35 = "35-49", _("35–49")
    FROM_50 = "50+", _("50 and over")
    UNKNOWN = "unknown", _("Not stated")


class ContactStatus(models.TextChoices):
    RETURNEE = "returnee", _("Returnee")
    MIGRANT = "migrant", _("Migrant in Tunisia")
    YOUNG_TUNISIAN = "young_tunisian", _("Young Tunisian")
    OTHER = "other", _("Other")


class Topic(models.TextChoices):
    RIGHTS = "rights", _("Rights")
    SERVICES = "services", _("Local services")
    LEGAL_MIGRATION = "legal_migration", _("Legal migration")
    IRREGULAR_RISKS = "irregular_risks", _("Risks of irregular migration")
    HEALTH = "health", _("Health")
    SCHOOLING = "schooling", _("Schooling")
    WORK = "work", _("Work and training")
    DOCUMENTS = "documents", _("Documents and residence")
    HOUSING = "housing", _("Housing")
    REINTEGRATION = "reintegration", _("Reintegration scheme")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    OTHER = "other", _("Other")


class Reached(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    YES = "yes", _("Reached the service")
    NO = "no", _("Did not reach the service")


class SessionStatus(models.TextChoices):
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class OutreachKind(models.TextChoices):
    PEER_SCHOOL = "peer_school", _("Peer-to-peer session in a school")
    THEMED_EVENT = "themed_event", _("Themed community event")
    PERFORMANCE = "performance", _("Artistic performance")
    OTHER = "other", _("Other outreach")


class DeskPoint(PlaceInTerritory):
    """A place where a desk is held, by an institution, on a weekly schedule."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    holder = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("held by"),
        on_delete=models.PROTECT,
        related_name="desks",
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    access_notes = models.TextField(_("how to find it"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mediators"),
        related_name="desks_staffed",
        blank=True,
    )
    # The directory services this desk usually orients people to (offered first when a
    # contact is recorded, and listed on the desk's public page).
    services = models.ManyToManyField(
        "directory.Service",
        verbose_name=_("services it orients to"),
        related_name="desks",
        blank=True,
    )
    is_public = models.BooleanField(_("shown on the public portal"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeskPointQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        **dict.fromkeys(
            [
                "id",
                "code",
                "name",
                "holder",
                "address",
                "access_notes",
                "phone",
                "latitude",
                "longitude",
                "is_public",
                "is_active",
                "created_at",
                "governorate",
                "delegation",
                "municipality",
                *_translated("name", "address", "access_notes"),
            ],
            _NONE,
        )
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("desk")
        verbose_name_plural = _("desks")

    def __str__(self):
        return self.name


class DeskOpening(models.Model):
    """Weekly schedule: one row per day and opening span."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey(DeskPoint, on_delete=models.CASCADE, related_name="openings")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))

    DATA_CLASSIFICATION = dict.fromkeys(["id", "desk", "weekday", "opens_at", "closes_at"], _NONE)

    class Meta:
        ordering = ["weekday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__lt=F("closes_at")), name="desk_opening_before_closing"
            )
        ]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"


class DeskSession(models.Model):
    """A session actually held (or announced as cancelled, so the portal says so)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    desk = models.ForeignKey(DeskPoint, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("start"))
    ends_at = models.TimeField(_("end"))
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.HELD
    )
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("mediators present"), related_name="+", blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeskSessionQuerySet.as_manager()

    DATA_CLASSIFICATION = dict.fromkeys(
        [
            "id",
            "desk",
            "held_on",
            "starts_at",
            "ends_at",
            "status",
            "note",
            "recorded_by",
            "created_at",
        ],
        _NONE,
    )

    class Meta:
        ordering = ["-held_on", "-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="desk_session_start_before_end"
            ),
            models.UniqueConstraint(
                fields=["desk", "held_on", "starts_at"], name="desk_session_unique_slot"
            ),
        ]
        verbose_name = _("desk session")
        verbose_name_plural = _("desk sessions")

    def __str__(self):
        return f"{self.desk} {self.held_on:%Y-%m-%d}"


class DeskContact(models.Model):
    """One person's visit (or call) to a desk. Anonymous unless ``beneficiary`` is set, which
    needs the person's consent (see ``masar.desk.actions``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Short reference printed on the slip (e.g. "LMA-7K3Q9"), unique.
    reference = models.CharField(_("reference"), max_length=16, unique=True)
    desk = models.ForeignKey(DeskPoint, on_delete=models.PROTECT, related_name="contacts")
    session = models.ForeignKey(
        DeskSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    contacted_on = models.DateField(_("date"), default=timezone.localdate)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.UNSPECIFIED)
    age_group = models.CharField(
        _("age group"), max_length=8, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    # ISO 3166-1 alpha-2; empty when not stated.
    nationality = models.CharField(_("nationality"), max_length=2, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ContactStatus.choices)
    # With the person's consent only: the named person and, for returnees, their case.
    beneficiary = models.ForeignKey(
        "cases.Beneficiary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="desk_contacts",
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # Against double taps: a second POST with the same key returns the first contact.
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    objects = DeskContactQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        **dict.fromkeys(
            [
                "id",
                "reference",
                "desk",
                "session",
                "contacted_on",
                "sex",
                "age_group",
                "nationality",
                "status",
                "case",
                "recorded_by",
                "recorded_at",
                "idempotency_key",
            ],
            _NONE,
        ),
        "beneficiary": _ID,
    }

    class Meta:
        ordering = ["-contacted_on", "-recorded_at"]
        indexes = [
            models.Index(fields=["desk", "contacted_on"], name="desk_contact_desk_day_idx"),
            models.Index(fields=["contacted_on"], name="desk_contact_day_idx"),
        ]
        verbose_name = _("desk contact")
        verbose_name_plural = _("desk contacts")

    def __str__(self):
        return self.reference


class ContactTopic(models.Model):
    """A topic asked about during a contact (a row each, so statistics count by topic).
    The desk and date are copied from the contact so topic counts need no join."""

    contact = models.ForeignKey(DeskContact, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    desk = models.ForeignKey(DeskPoint, on_delete=models.PROTECT, related_name="+")
    contacted_on = models.DateField()

    DATA_CLASSIFICATION = dict.fromkeys(["id", "contact", "topic", "desk", "contacted_on"], _NONE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contact", "topic"], name="contact_topic_unique")
        ]
        indexes = [
            models.Index(fields=["desk", "contacted_on", "topic"], name="contact_topic_desk_idx"),
            models.Index(fields=["contacted_on", "topic"], name="contact_topic_day_idx"),
        ]
        verbose_name = _("topic asked about")
        verbose_name_plural = _("topics asked about")

    def __str__(self):
        return self.get_topic_display()


class Orientation(models.Model):
    """An orientation given during a contact: to one directory service."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(DeskContact, on_delete=models.CASCADE, related_name="orientations")
    service = models.ForeignKey(
        "directory.Service", on_delete=models.PROTECT, related_name="desk_orientations"
    )
    reached = models.CharField(
        _("reached the service"), max_length=8, choices=Reached.choices, default=Reached.UNKNOWN
    )
    reached_noted_at = models.DateTimeField(null=True, blank=True)
    reached_noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = OrientationQuerySet.as_manager()

    DATA_CLASSIFICATION = dict.fromkeys(
        ["id", "contact", "service", "reached", "reached_noted_at", "reached_noted_by"], _NONE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "service"], name="orientation_unique_service"
            )
        ]
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")

    def __str__(self):
        return str(self.service)


class OutreachActivity(PlaceInTerritory):
    """Peer sessions in schools, themed community events, artistic performances, with the
    numbers reached (counts only, never names)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    holder = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("held by"),
        on_delete=models.PROTECT,
        related_name="outreach_activities",
    )
    desk = models.ForeignKey(
        DeskPoint,
        verbose_name=_("desk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OutreachKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    reached_women = models.PositiveIntegerField(
        _("women and girls reached"), default=0, validators=[MaxValueValidator(100_000)]
    )
    reached_men = models.PositiveIntegerField(
        _("men and boys reached"), default=0, validators=[MaxValueValidator(100_000)]
    )
    reached_unspecified = models.PositiveIntegerField(
        _("others reached (sex not stated)"), default=0, validators=[MaxValueValidator(100_000)]
    )
    reached_minors = models.PositiveIntegerField(
        _("of whom under 18"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100_000)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    objects = OutreachActivityQuerySet.as_manager()

    DATA_CLASSIFICATION = dict.fromkeys(
        [
            "id",
            "holder",
            "desk",
            "kind",
            "title",
            "held_on",
            "place",
            "topics",
            "reached_women",
            "reached_men",
            "reached_unspecified",
            "reached_minors",
            "recorded_by",
            "recorded_at",
            "idempotency_key",
            "governorate",
            "delegation",
            "municipality",
        ],
        _NONE,
    )

    class Meta:
        ordering = ["-held_on"]
        indexes = [models.Index(fields=["held_on"], name="outreach_day_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    reached_minors__lte=F("reached_women")
                    + F("reached_men")
                    + F("reached_unspecified")
                ),
                name="outreach_minors_within_total",
            )
        ]
        verbose_name = _("outreach activity")
        verbose_name_plural = _("outreach activities")

    def __str__(self):
        return self.title

    @property
    def reached_total(self) -> int:
        return self.reached_women + self.reached_men + self.reached_unspecified
