"""The public portal's own content: information pages that staff write and translate, and the
public's feedback ("give your opinion") on a service, a page or the portal, moderated by staff.

Feedback holds nothing personal by design: a rating, an optional comment kept as plain text,
the language of the page, and a keyed hash of the sender's address and day (for the limits
against flooding) — never the address itself.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from .querysets import FeedbackQuerySet, InfoPageQuerySet

LANGUAGES = ("fr", "ar", "en")
COMMENT_MAX_LENGTH = 1000


def _translated(*names):
    return [f"{n}_{lang}" for n in names for lang in LANGUAGES]


class PageCategory(models.TextChoices):
    RIGHTS = "rights", _("Rights")
    LEGAL_MIGRATION = "legal_migration", _("Legal migration")
    IRREGULAR_RISKS = "irregular_risks", _("Risks of irregular migration")
    REINTEGRATION = "reintegration", _("Reintegration")
    DESK_VISIT = "desk_visit", _("Visiting a desk")
    OTHER = "other", _("Other")


class PageStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class InfoPage(models.Model):
    """An information page. ``body`` is Markdown, rendered and sanitised on output."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("address (slug)"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=PageCategory.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text (Markdown)"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PageStatus.choices, default=PageStatus.DRAFT
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = InfoPageQuerySet.as_manager()

    DATA_CLASSIFICATION = dict.fromkeys(
        [
            "id",
            "slug",
            "category",
            "title",
            "summary",
            "body",
            "status",
            "position",
            "created_at",
            "updated_at",
            "updated_by",
            *_translated("title", "summary", "body"),
        ],
        DataClass.NONE,
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == PageStatus.PUBLISHED

    def is_translated(self, lang: str) -> bool:
        """The title and the text exist in ``lang`` (not only through the French fallback)."""
        return bool(getattr(self, f"title_{lang}", "") and getattr(self, f"body_{lang}", ""))

    @cached_property
    def translations(self) -> dict[str, bool]:
        return {lang: self.is_translated(lang) for lang in LANGUAGES}

    @property
    def body_html(self) -> str:
        from .markup import render_markdown

        return render_markdown(self.body)


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class Feedback(models.Model):
    """A rating (1–5) with an optional comment on a service, an information page or (neither
    set) the portal in general. Shown publicly only once a moderator publishes it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
    )
    page = models.ForeignKey(
        InfoPage,
        verbose_name=_("information page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    # Plain text, always escaped on output.
    comment = models.TextField(
        _("comment"), blank=True, validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)]
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    # HMAC (server secret) of the sender's address and the day: counts submissions for the
    # limits without keeping the address; it changes every day, so it links nothing longer.
    client_key = models.CharField(max_length=64, db_index=True)

    objects = FeedbackQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        **dict.fromkeys(
            [
                "id",
                "service",
                "page",
                "rating",
                "language",
                "status",
                "created_at",
                "moderated_by",
                "moderated_at",
            ],
            DataClass.NONE,
        ),
        # Free text from the public: nothing personal is asked, but someone may write a name.
        "comment": DataClass.IDENTITY,
        # Derived from the network address (pseudonymous, per day).
        "client_key": DataClass.CONTACT,
    }

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=True) | Q(page__isnull=True),
                name="feedback_one_target",
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="feedback_status_idx"),
            models.Index(fields=["client_key", "created_at"], name="feedback_client_idx"),
        ]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.rating}/5"

    @property
    def target(self):
        return self.service or self.page
