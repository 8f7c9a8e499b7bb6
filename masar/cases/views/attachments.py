"""Attachments: added from the person's page, read only through the permission check."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read
from masar.core.permissions import policy_required

from ..actions.attachments import add_attachment
from ..forms.attachments import AttachmentForm
from ..models import Attachment, Beneficiary, Case
from .common import flash_errors


def case_context(request, case) -> dict:
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    return {
        "attachments": beneficiary.attachments.select_related("uploaded_by"),
        "attachment_form": AttachmentForm() if has_perm(request.user, Perm.MANAGE_CASES) else None,
    }


@require_POST
@policy_required(Perm.MANAGE_CASES)
def attachment_add(request, pk):
    beneficiary = get_object_or_404(Beneficiary.objects.visible_to(request.user), pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    case = Case.objects.visible_to(request.user).filter(beneficiary=beneficiary).open().first()
    try:
        add_attachment(
            actor=request.user,
            beneficiary=beneficiary,
            case=case,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The document was attached."))
    return redirect("cases:beneficiary-detail", pk=beneficiary.pk)


@policy_required(Perm.VIEW_CASES)
def attachment_download(request, pk):
    visible = Beneficiary.objects.visible_to(request.user)
    attachment = get_object_or_404(Attachment.objects.filter(beneficiary__in=visible), pk=pk)
    audit_read(actor=request.user, obj=attachment, summary="attachment downloaded")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=f"{attachment.kind}-{str(attachment.pk)[:8]}{_EXT[attachment.content_type]}",
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


_EXT = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}

urlpatterns = [
    path(
        "beneficiaries/<uuid:pk>/attachments/",
        attachment_add,
        name="attachment-add",
    ),
    path("attachments/<uuid:pk>/", attachment_download, name="attachment-download"),
]
