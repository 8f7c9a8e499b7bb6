"""Documents attached to a person's record (identity documents, signed consent forms, quotes,
photos). Files live in private storage (MEDIA_ROOT, outside the web root, never served by
URL) and are read only through ``cases:attachment-download``, which checks the policy and
audits the read."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from .case import Case
from .person import Beneficiary

_NONE, _ID = DataClass.NONE, DataClass.IDENTITY


class AttachmentKind(models.TextChoices):
    IDENTITY = "identity", _("Identity document")
    SIGNED_CONSENT = "signed_consent", _("Signed consent form")
    QUOTE = "quote", _("Quote")
    INVOICE = "invoice", _("Invoice or receipt")
    CONTRACT = "contract", _("Signed commitment contract")
    PHOTO = "photo", _("Photo")
    CERTIFICATE = "certificate", _("Certificate or diploma")
    OTHER = "other", _("Other document")


def _path(instance, filename):
    # Never the uploaded name: it may carry personal data and path tricks.
    return f"attachments/{instance.uploaded_at:%Y/%m}/{instance.pk}"


class Attachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    beneficiary = models.ForeignKey(
        Beneficiary, on_delete=models.CASCADE, related_name="attachments"
    )
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    kind = models.CharField(_("kind of document"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "beneficiary": _NONE,
        "case": _NONE,
        "kind": _NONE,
        "file": _ID,
        "original_name": _ID,
        "content_type": _NONE,
        "size": _NONE,
        "sha256": _NONE,
        "uploaded_by": _NONE,
        "uploaded_at": _NONE,
    }

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.kind}:{self.pk}"
