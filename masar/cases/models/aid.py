"""Enrolment of a case in a programme (with its eligibility check) and aid files ("dossiers
d'aide"): committee decision, commitment contract, disbursement in tranches."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from ..querysets.aid import AidFileQuerySet, EnrolmentQuerySet
from .attachments import Attachment
from .case import Case

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY
MONEY = {"max_digits": 14, "decimal_places": 3}  # TND, to the millime


class Enrolment(models.Model):
    """A case in a programme. ``checks`` holds every rule's result as
    ``[{"rule": code, "passed": bool, "params": {...}}]``; the explanation is worded when
    shown (masar.cases.rules.eligibility.explain), in the reader's language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="enrolments")
    programme = models.ForeignKey(
        "monitoring.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    eligible = models.BooleanField(_("eligible"))
    checks = models.JSONField(_("eligibility checks"), default=list)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(_("overridden at"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "programme": _NONE,
        "eligible": _NONE,
        # The parameters name the country returned from: personal.
        "checks": _ID,
        "checked_by": _NONE,
        "checked_at": _NONE,
        "override_reason": _ID,
        "overridden_by": _NONE,
        "overridden_at": _NONE,
    }

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["case", "programme"], name="one_enrolment_per_case"),
            models.CheckConstraint(
                condition=Q(overridden_at__isnull=True) | ~Q(override_reason=""),
                name="override_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.case_id}:{self.programme_id}"

    @property
    def overridden(self) -> bool:
        return self.overridden_at is not None

    @property
    def admitted(self) -> bool:
        """Eligible, or admitted by a supervisor's override."""
        return self.eligible or self.overridden


class AidKind(models.TextChoices):
    BUSINESS_IN_KIND = "business_in_kind", _("Business start-up (in kind)")
    TRAINING = "training", _("Training")
    SOCIAL = "social", _("Social aid")
    EQUIPMENT = "equipment", _("Equipment")
    OTHER = "other", _("Other")


class AidStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the committee")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AidFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="aid_files")
    kind = models.CharField(_("kind of aid"), max_length=20, choices=AidKind.choices)
    amount = models.DecimalField(
        _("amount (TND)"), validators=[MinValueValidator(Decimal("0.001"))], **MONEY
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    supplier = models.CharField(_("supplier"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AidStatus.choices, default=AidStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    contract_issued_at = models.DateTimeField(_("contract issued at"), null=True, blank=True)
    documents = models.ManyToManyField(
        Attachment, verbose_name=_("quotes and documents"), blank=True, related_name="aid_files"
    )

    objects = AidFileQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "enrolment": _NONE,
        "kind": _NONE,
        "amount": _NONE,
        "funder": _NONE,
        "supplier": _NONE,
        # Free text about the person's project: personal.
        "description": _ID,
        "status": _NONE,
        "created_by": _NONE,
        "created_at": _NONE,
        "submitted_at": _NONE,
        "decided_by": _NONE,
        "decided_at": _NONE,
        "decision_reason": _ID,
        "contract_issued_at": _NONE,
    }

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("aid file")
        verbose_name_plural = _("aid files")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="aid_amount_positive"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_reason=""),
                name="aid_rejection_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["enrolment", "status"], name="aid_enrolment_status_idx")]

    def __str__(self):
        return f"{self.kind}:{self.amount}"

    @property
    def case(self):
        return self.enrolment.case


class Tranche(models.Model):
    """One disbursement of an approved aid file."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    aid_file = models.ForeignKey(AidFile, on_delete=models.PROTECT, related_name="tranches")
    amount = models.DecimalField(
        _("amount (TND)"), validators=[MinValueValidator(Decimal("0.001"))], **MONEY
    )
    paid_on = models.DateField(_("date of payment"))
    reference = models.CharField(_("payment reference"), max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "aid_file": _NONE,
        "amount": _NONE,
        "paid_on": _NONE,
        "reference": _NONE,
        "recorded_by": _NONE,
        "recorded_at": _NONE,
    }

    class Meta:
        ordering = ["paid_on", "recorded_at", "pk"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="tranche_amount_positive"),
        ]

    def __str__(self):
        return f"{self.aid_file_id}:{self.amount}"
