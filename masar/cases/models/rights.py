"""Data rights around a person's record: the name keys that find duplicates, merges,
emergency processing without consent, and erasures."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from .person import Beneficiary

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY


class NameKey(models.Model):
    """A script-independent key of a person's name (``rules.duplicates.name_key``), one row
    per spelling (Latin, Arabic), with the date of birth: the indexed entry points of the
    duplicate search, so that it never scans the whole register. Derived data, rebuilt by
    ``actions.rights.refresh_name_keys`` whenever the name or the date of birth changes."""

    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120, db_index=True)
    birth_date = models.DateField(null=True, blank=True, db_index=True)

    DATA_CLASSIFICATION = {"id": _NONE, "beneficiary": _NONE, "key": _ID, "birth_date": _ID}
    # Rebuilt rather than moved on a merge, left out of subject-access exports.
    DERIVED = True

    class Meta:
        verbose_name = _("name key")
        verbose_name_plural = _("name keys")
        constraints = [models.UniqueConstraint(fields=["beneficiary", "key"], name="name_key_once")]

    def __str__(self):
        return self.key


class MergeRecord(models.Model):
    """Two records of one person made one: what the merged-away record held, kept whole."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kept = models.ForeignKey(
        Beneficiary,
        verbose_name=_("kept record"),
        on_delete=models.CASCADE,
        related_name="merge_records",
    )
    merged_id = models.UUIDField(_("identifier of the merged-away record"), db_index=True)
    snapshot = models.JSONField(_("values of the merged-away record"), default=dict, blank=True)
    filled = models.JSONField(_("fields filled on the kept record"), default=list, blank=True)
    moved = models.JSONField(_("related records moved"), default=dict, blank=True)
    clashes = models.JSONField(
        _("related records that could not be moved"), default=list, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(_("merged at"), default=timezone.now)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "kept": _NONE,
        "merged_id": _NONE,
        "snapshot": _ID,
        "filled": _NONE,
        "moved": _NONE,
        "clashes": _ID,
        "reason": _ID,
        "merged_by": _NONE,
        "merged_at": _NONE,
    }

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("merge of records")
        verbose_name_plural = _("merges of records")

    def __str__(self):
        return f"{self.merged_id}→{self.kept_id}"


class EmergencyStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class EmergencyProcessing(models.Model):
    """Processing without the person's consent: a written reason, a second person's
    approval, a time limit. While approved and not expired it stands in for the consent to
    case management (``rules.has_active_consent``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    beneficiary = models.ForeignKey(
        Beneficiary, on_delete=models.CASCADE, related_name="emergencies"
    )
    reason = models.TextField(_("reason for proceeding without consent"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EmergencyStatus.choices,
        default=EmergencyStatus.REQUESTED,
    )
    days = models.PositiveSmallIntegerField(_("duration requested (days)"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "beneficiary": _NONE,
        "reason": _ID,
        "status": _NONE,
        "days": _NONE,
        "requested_by": _NONE,
        "requested_at": _NONE,
        "decided_by": _NONE,
        "decided_at": _NONE,
        "decision_note": _ID,
        "valid_until": _NONE,
    }

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("emergency processing")
        verbose_name_plural = _("emergency processings")
        indexes = [
            models.Index(fields=["beneficiary", "status", "valid_until"], name="emergency_idx")
        ]

    def __str__(self):
        return f"{self.beneficiary_id}:{self.status}"

    def is_active(self, at=None) -> bool:
        at = at or timezone.now()
        return (
            self.status == EmergencyStatus.APPROVED
            and self.valid_until is not None
            and self.valid_until > at
        )


class ErasureMode(models.TextChoices):
    ERASED = "erased", _("Erased")
    ANONYMISED = "anonymised", _("Anonymised (a retention rule applies)")


class ErasureRecord(models.Model):
    """The fact of an erasure: when, by whom, how and under which retention rules — never
    the values erased."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE, related_name="erasures")
    mode = models.CharField(_("what was done"), max_length=12, choices=ErasureMode.choices)
    retention_rules = models.JSONField(_("retention rules that applied"), default=list, blank=True)
    fields = models.JSONField(_("fields cleared"), default=list, blank=True)
    files_deleted = models.PositiveIntegerField(_("files deleted"), default=0)
    request_reference = models.CharField(_("reference of the request"), max_length=100)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "beneficiary": _NONE,
        "mode": _NONE,
        "retention_rules": _NONE,
        "fields": _NONE,
        "files_deleted": _NONE,
        "request_reference": _NONE,
        "erased_by": _NONE,
        "erased_at": _NONE,
    }

    class Meta:
        ordering = ["-erased_at", "-pk"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self):
        return f"{self.beneficiary_id}:{self.mode}"
