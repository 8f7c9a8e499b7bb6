"""Append-only, hash-chained audit trail.

Rows are only ever inserted (database triggers refuse UPDATE and DELETE, see the migration).
Each row's hash covers its content and the previous row's hash, so that any edit, removal or
re-ordering is detected by ``manage.py verify_audit``.
"""

import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass


class AuditAction(models.TextChoices):
    CREATE = "create", _("Create")
    UPDATE = "update", _("Change")
    DELETE = "delete", _("Delete")
    READ = "read", _("Read personal data")
    EXPORT = "export", _("Export")
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOGOUT = "logout", _("Logout")
    OTP_ENROLLED = "otp_enrolled", _("Two-factor enrolled")
    OTP_FAILED = "otp_failed", _("Two-factor code refused")
    TOKEN_CREATED = "token_created", _("API token created")
    TOKEN_REVOKED = "token_revoked", _("API token revoked")
    DENIED = "denied", _("Access denied")
    RESTORE = "restore", _("Database restored")


class AuditChainHead(models.Model):
    """A single row locked while appending, so that the chain is strictly sequential."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "last_seq": DataClass.NONE,
        "last_hash": DataClass.NONE,
    }

    def __str__(self):
        return f"audit head #{self.last_seq}"


class AuditEvent(models.Model):
    seq = models.BigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("when"), db_index=True)
    actor_id = models.BigIntegerField(_("actor id"), null=True, db_index=True)
    actor_username = models.CharField(_("who"), max_length=150, blank=True)
    institution_id = models.BigIntegerField(_("institution id"), null=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "seq": DataClass.NONE,
        "at": DataClass.NONE,
        "actor_id": DataClass.NONE,
        "actor_username": DataClass.IDENTITY,
        "institution_id": DataClass.NONE,
        "ip_address": DataClass.CONTACT,
        "action": DataClass.NONE,
        "object_type": DataClass.NONE,
        "object_id": DataClass.NONE,
        # Summaries never carry personal values; changes are masked by field class.
        "summary": DataClass.NONE,
        "changes": DataClass.IDENTITY,
        "request_id": DataClass.NONE,
        "prev_hash": DataClass.NONE,
        "hash": DataClass.NONE,
    }

    class Meta:
        ordering = ["-seq"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "seq"], name="audit_object_idx"),
            models.Index(fields=["actor_username", "seq"], name="audit_username_idx"),
            models.Index(fields=["ip_address", "seq"], name="audit_ip_idx"),
            models.Index(fields=["action", "at"], name="audit_action_at_idx"),
        ]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def payload(self) -> dict:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor_id": self.actor_id,
            "actor_username": self.actor_username,
            "institution_id": self.institution_id,
            "ip_address": self.ip_address,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "summary": self.summary,
            "changes": self.changes,
            "request_id": self.request_id,
        }

    def compute_hash(self) -> str:
        body = json.dumps(self.payload(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256((self.prev_hash + body).encode("utf-8")).hexdigest()
