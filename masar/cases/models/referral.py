"""Referrals of a case to a partner institution's inbox (optionally for one service of the
directory), their life from sending to the outcome, and the person's feedback."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.accounts.models import InstitutionKind
from masar.core.classification import DataClass

from ..querysets import ReferralQuerySet
from .case import Case

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY

# Kinds of institution a case may be referred to (and that a referrals consent may name).
REFERRAL_INSTITUTION_KINDS: tuple[str, ...] = (
    InstitutionKind.CPS,
    InstitutionKind.ANETI,
    InstitutionKind.ESPACE_ENTREPRENDRE,
    InstitutionKind.MICROFINANCE,
    InstitutionKind.BANK,
    InstitutionKind.HEALTH,
    InstitutionKind.SCHOOL,
    InstitutionKind.CSO,
    InstitutionKind.MUNICIPALITY,
)


def referral_kind_choices() -> list[tuple[str, str]]:
    return [(k, InstitutionKind(k).label) for k in REFERRAL_INSTITUTION_KINDS]


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


_R = ReferralStatus
# Referrals still waiting for the receiving institution (reminded when past due).
OPEN_STATUSES = (_R.SENT, _R.ACCEPTED)


class Referral(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    # Addressed to the institution's inbox, never to one person.
    institution = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("receiving institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason and need"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    # Accepted or declined
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # Set once, the first time the overdue reminder goes out.
    overdue_notified_at = models.DateTimeField(_("overdue reminder sent at"), null=True, blank=True)
    # The person's word, recorded by the counsellor.
    feedback_received = models.BooleanField(_("service received"), null=True, blank=True)
    feedback_satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–5)"), null=True, blank=True
    )
    feedback_comment = models.TextField(_("comment"), blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    feedback_at = models.DateTimeField(_("feedback recorded at"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    # What is allowed from each status; cancel is the sender's, the rest the receiver's.
    ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
        _R.SENT: frozenset({_R.ACCEPTED, _R.DECLINED, _R.CANCELLED}),
        _R.ACCEPTED: frozenset({_R.COMPLETED, _R.CANCELLED}),
        _R.DECLINED: frozenset(),
        _R.COMPLETED: frozenset(),
        _R.CANCELLED: frozenset(),
    }

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "institution": _NONE,
        "service": _NONE,
        # Free text about the person and their needs: personal.
        "reason": _ID,
        "due_date": _NONE,
        "status": _NONE,
        "sent_by": _NONE,
        "sent_at": _NONE,
        "responded_by": _NONE,
        "responded_at": _NONE,
        "decline_reason": _ID,
        "completed_by": _NONE,
        "completed_at": _NONE,
        "outcome": _ID,
        "cancelled_by": _NONE,
        "cancelled_at": _NONE,
        "cancel_reason": _ID,
        "overdue_notified_at": _NONE,
        "feedback_received": _ID,
        "feedback_satisfaction": _ID,
        "feedback_comment": _ID,
        "feedback_by": _NONE,
        "feedback_at": _NONE,
    }

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["institution", "status"], name="referral_inbox_idx"),
            models.Index(fields=["status", "due_date"], name="referral_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="declined_referral_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(feedback_satisfaction__isnull=True)
                | Q(feedback_satisfaction__gte=1, feedback_satisfaction__lte=5),
                name="referral_satisfaction_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.case_id}→{self.institution_id}:{self.status}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())

    def can_move_to(self, status: str) -> bool:
        return status in self.ALLOWED_TRANSITIONS[self.status]
