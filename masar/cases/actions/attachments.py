"""Attaching documents to a person's record. The type is decided by the file's first bytes,
never by its name or the browser's word; the size is capped; the file goes to private
storage under a random name."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from ..models import Attachment, AttachmentKind, CaseEventKind
from .common import require_manager, timeline

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
# Leading bytes → content type. PDF, JPEG, PNG, WebP: what phones and scanners produce.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


def sniff_content_type(head: bytes) -> str | None:
    for magic, content_type in SIGNATURES:
        if head.startswith(magic):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_upload(upload) -> str:
    """Return the file's content type or raise a ValidationError saying what is wrong."""
    if upload is None or not upload.size:
        raise ValidationError({"file": _("Choose a file to attach.")})
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            {
                "file": _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_ATTACHMENT_SIZE),
                }
            }
        )
    upload.seek(0)
    content_type = sniff_content_type(upload.read(16))
    upload.seek(0)
    if content_type is None:
        raise ValidationError(
            {"file": _("Only PDF documents and JPEG, PNG or WebP images can be attached.")}
        )
    return content_type


@transaction.atomic
def add_attachment(*, actor, beneficiary, kind, upload, case=None) -> Attachment:
    require_manager(actor, beneficiary=beneficiary)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": _("Choose a kind of document from the list.")})
    if case is not None and case.beneficiary_id != beneficiary.pk:
        raise ValidationError(_("This case is not the person's."))
    content_type = check_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        beneficiary=beneficiary,
        case=case,
        kind=kind,
        original_name=(upload.name or "")[-200:],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=actor,
    )
    attachment.file.save(str(attachment.pk), upload, save=False)
    attachment.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=attachment,
        summary=f"attachment {kind} added",
        changes={"beneficiary": [None, str(beneficiary.pk)], "size": [None, upload.size]},
    )
    cases = [case] if case is not None else list(beneficiary.cases.open())
    timeline(
        cases=cases,
        actor=actor,
        kind=CaseEventKind.ATTACHMENT_ADDED,
        summary=AttachmentKind(kind).label,
    )
    return attachment
