"""The reintegration case, its statuses and its timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from ..querysets import CaseQuerySet
from .person import Beneficiary

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY


class CaseStatus(models.TextChoices):
    RECEPTION = "reception", _("Reception")
    ASSESSMENT = "assessment", _("Needs assessment")
    PLAN = "plan", _("Reintegration plan")
    SUPPORT = "support", _("Support")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")


_S = CaseStatus


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.PROTECT, related_name="cases")
    antenna = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("antenna"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsellor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEPTION
    )
    closure_reason = models.TextField(_("closure reason"), blank=True)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    # Where a case may go from each status (forward, one step back to correct, or closed).
    ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
        _S.RECEPTION: frozenset({_S.ASSESSMENT, _S.CLOSED}),
        _S.ASSESSMENT: frozenset({_S.PLAN, _S.RECEPTION, _S.CLOSED}),
        _S.PLAN: frozenset({_S.SUPPORT, _S.ASSESSMENT, _S.CLOSED}),
        _S.SUPPORT: frozenset({_S.FOLLOW_UP, _S.PLAN, _S.CLOSED}),
        _S.FOLLOW_UP: frozenset({_S.SUPPORT, _S.CLOSED}),
        _S.CLOSED: frozenset(),
    }

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "beneficiary": _NONE,
        "antenna": _NONE,
        "counsellor": _NONE,
        "status": _NONE,
        # Free text about the person: personal, shown to case staff only.
        "closure_reason": _ID,
        "opened_at": _NONE,
        "closed_at": _NONE,
    }

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(
                fields=["beneficiary"],
                condition=~Q(status="closed"),
                name="one_open_case_per_beneficiary",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(closure_reason=""),
                name="closed_case_has_reason",
            ),
        ]
        # The case lists: an antenna's cases newest first (ties by id, as the lists order
        # them, so that a page deep in the list is read from the index without a sort).
        indexes = [
            models.Index(fields=["antenna", "-opened_at", "id"], name="case_antenna_opened_idx2"),
            models.Index(
                fields=["antenna", "status", "-opened_at", "id"], name="case_antenna_status_idx3"
            ),
        ]

    def __str__(self):
        return f"{self.beneficiary_id}:{self.status}"

    def allowed_next(self) -> list[str]:
        return [s for s in CaseStatus.values if s in self.ALLOWED_TRANSITIONS[self.status]]

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class CaseEventKind(models.TextChoices):
    OPENED = "opened", _("Case opened")
    STATUS_CHANGED = "status_changed", _("Status changed")
    CONSENT_RECORDED = "consent_recorded", _("Consent recorded")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    BENEFICIARY_UPDATED = "beneficiary_updated", _("Record updated")
    ELIGIBILITY_CHECKED = "eligibility_checked", _("Eligibility checked")
    ELIGIBILITY_OVERRIDDEN = "eligibility_overridden", _("Eligibility overridden")
    EMERGENCY_REQUESTED = "emergency_requested", _("Emergency processing requested")
    EMERGENCY_DECIDED = "emergency_decided", _("Emergency processing decided")
    MERGED = "merged", _("Records merged")
    ERASED = "erased", _("Personal data erased")
    SUBJECT_ACCESS = "subject_access", _("Record exported for the person")
    ATTACHMENT_ADDED = "attachment_added", _("Document attached")
    NEEDS_ASSESSED = "needs_assessed", _("Needs assessed")
    VULNERABILITY_RECORDED = "vulnerability_recorded", _("Vulnerability recorded")
    PLAN_UPDATED = "plan_updated", _("Reintegration plan updated")
    AID_SUBMITTED = "aid_submitted", _("Aid file submitted")
    AID_DECIDED = "aid_decided", _("Aid file decided")
    AID_CONTRACT = "aid_contract", _("Commitment contract issued")
    AID_DISBURSED = "aid_disbursed", _("Aid disbursed")
    REFERRAL_SENT = "referral_sent", _("Referral sent")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral_declined", _("Referral declined")
    REFERRAL_COMPLETED = "referral_completed", _("Referral completed")
    REFERRAL_OVERDUE = "referral_overdue", _("Referral overdue")
    REFERRAL_FEEDBACK = "referral_feedback", _("Person's feedback on a referral")
    FOLLOW_UP_SCHEDULED = "follow_up_scheduled", _("Follow-up scheduled")
    FOLLOW_UP_RECORDED = "follow_up_recorded", _("Follow-up visit recorded")
    SCORE_RECORDED = "score_recorded", _("Sustainability score recorded")
    TRANSFERRED = "transferred", _("Case transferred")


class CaseEvent(models.Model):
    """The case timeline. Summaries name what happened, never the sensitive values."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(max_length=30, choices=CaseEventKind.choices)
    # The English message (a msgid) and its parameters, translated when read (``text``);
    # rows written before parameters existed hold text in the writer's language.
    summary = models.CharField(max_length=300, blank=True)
    params = models.JSONField(default=dict, blank=True)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "at": _NONE,
        "actor": _NONE,
        "kind": _NONE,
        "summary": _NONE,
        "params": _NONE,
    }

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"], name="case_event_case_at_idx")]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self):
        return f"{self.case_id}:{self.kind}"

    @property
    def text(self) -> str:
        """The summary in the reader's language."""
        if not self.summary:
            return ""
        message = gettext(self.summary)
        if not self.params:
            return message
        params = {k: gettext(v) if isinstance(v, str) and v else v for k, v in self.params.items()}
        try:
            return message % params
        except (KeyError, TypeError, ValueError):  # a translation that lost a placeholder
            return self.summary % self.params
