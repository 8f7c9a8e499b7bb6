"""Follow-up visits, sustainability scores and case transfers."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from ..querysets.followups import (
    CaseTransferQuerySet,
    FollowUpVisitQuerySet,
    SustainabilityScoreQuerySet,
)
from .case import Case

_NONE, _ID, _PSY = DataClass.NONE, DataClass.IDENTITY, DataClass.PSYCHOLOGICAL

# Months after support starts at which a follow-up visit is due.
FOLLOW_UP_MONTHS = (3, 6, 12)


class ActivityState(models.TextChoices):
    """The state of the person's business or job at a follow-up visit."""

    BUSINESS_GROWING = "business_growing", _("Business running and growing")
    BUSINESS_RUNNING = "business_running", _("Business running")
    BUSINESS_DIFFICULTY = "business_difficulty", _("Business running with difficulty")
    BUSINESS_STOPPED = "business_stopped", _("Business stopped")
    EMPLOYED = "employed", _("Employed")
    IN_TRAINING = "in_training", _("In training")
    UNEMPLOYED = "unemployed", _("Unemployed")
    UNREACHABLE = "unreachable", _("Person could not be reached")
    LEFT_COUNTRY = "left_country", _("Person has left the country")


class FollowUpVisit(models.Model):
    """A visit due ``month`` months after support started; recorded once it happened."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    month = models.PositiveSmallIntegerField(_("month"))
    due_on = models.DateField(_("due on"))
    visited_on = models.DateField(_("visit date"), null=True, blank=True)
    state = models.CharField(
        _("state of the business or job"),
        max_length=30,
        choices=ActivityState.choices,
        blank=True,
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowUpVisitQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "month": _NONE,
        "due_on": _NONE,
        "visited_on": _NONE,
        # What the person lives on, and free text about them: personal, for case staff.
        "state": _ID,
        "notes": _ID,
        "recorded_by": _NONE,
        "recorded_at": _NONE,
        "created_at": _NONE,
    }

    class Meta:
        ordering = ["due_on", "month"]
        verbose_name = _("follow-up visit")
        verbose_name_plural = _("follow-up visits")
        constraints = [
            models.UniqueConstraint(fields=["case", "month"], name="one_follow_up_per_month"),
            models.CheckConstraint(
                condition=models.Q(visited_on__isnull=True) | ~models.Q(state=""),
                name="recorded_follow_up_has_state",
            ),
        ]
        indexes = [models.Index(fields=["visited_on", "due_on"], name="follow_up_due_idx")]

    def __str__(self):
        return f"{self.case_id}:M{self.month}"

    @property
    def is_done(self) -> bool:
        return self.visited_on is not None

    def is_overdue(self, today=None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())


class ScoreOccasion(models.TextChoices):
    INTAKE = "intake", _("Intake")
    FOLLOW_UP = "follow_up", _("Follow-up visit")
    OTHER = "other", _("Other")


class SustainabilityScore(models.Model):
    """One survey: the answers, the version of the instrument they answer, and the scores
    computed from them when recorded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="scores")
    visit = models.OneToOneField(
        FollowUpVisit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="score",
    )
    occasion = models.CharField(_("occasion"), max_length=20, choices=ScoreOccasion.choices)
    taken_on = models.DateField(_("date"))
    instrument_version = models.CharField(_("instrument version"), max_length=40)
    answers = models.JSONField(_("answers"), default=dict)
    economic = models.FloatField(_("economic"))
    social = models.FloatField(_("social"))
    psychosocial = models.FloatField(_("psychosocial"))
    composite = models.FloatField(_("composite"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = SustainabilityScoreQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "visit": _NONE,
        "occasion": _NONE,
        "taken_on": _NONE,
        "instrument_version": _NONE,
        # The answers include the psychosocial questions (signs of distress, discrimination):
        # never in the audit trail, read only with the sensitive permission.
        "answers": _PSY,
        "economic": _ID,
        "social": _ID,
        "psychosocial": _ID,
        "composite": _ID,
        "recorded_by": _NONE,
        "recorded_at": _NONE,
    }

    class Meta:
        ordering = ["taken_on", "recorded_at"]
        verbose_name = _("sustainability score")
        verbose_name_plural = _("sustainability scores")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(economic__gte=0, economic__lte=1)
                & models.Q(social__gte=0, social__lte=1)
                & models.Q(psychosocial__gte=0, psychosocial__lte=1)
                & models.Q(composite__gte=0, composite__lte=1),
                name="sustainability_scores_in_unit_interval",
            ),
        ]

    def __str__(self):
        return f"{self.case_id}:{self.occasion}:{self.composite}"


class CaseTransfer(models.Model):
    """A case moved from one antenna to another (the person moved)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_antenna = models.ForeignKey(
        "accounts.Institution", on_delete=models.PROTECT, related_name="+"
    )
    to_antenna = models.ForeignKey(
        "accounts.Institution", on_delete=models.PROTECT, related_name="+"
    )
    from_counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)

    objects = CaseTransferQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "from_antenna": _NONE,
        "to_antenna": _NONE,
        "from_counsellor": _NONE,
        "to_counsellor": _NONE,
        # Why the person moved: free text about them.
        "reason": _ID,
        "by": _NONE,
        "at": _NONE,
    }

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case transfer")
        verbose_name_plural = _("case transfers")

    def __str__(self):
        return f"{self.case_id}:{self.from_antenna_id}->{self.to_antenna_id}"
