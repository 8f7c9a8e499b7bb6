"""Attachments: type by content, size cap, private storage, scoped and audited reads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masar.audit.models import AuditAction, AuditEvent
from masar.cases.actions.attachments import MAX_ATTACHMENT_SIZE
from masar.cases.models import Attachment, CaseEvent
from tests.factories.attachments import PDF_BYTES, pdf_upload
from tests.factories.cases import BeneficiaryFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(persona):
    return CaseFactory(actor=persona("conseiller.sfax"))


def _post(client, person, upload, kind="identity"):
    return client.post(
        reverse("cases:attachment-add", args=[person.pk]), {"kind": kind, "file": upload}
    )


def test_attachment_pdf_is_stored_privately_and_on_the_timeline(case, client_for):
    client = client_for("conseiller.sfax")
    response = _post(client, case.beneficiary, pdf_upload("Passeport Ben Salah.pdf"))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"
    assert "Ben Salah" not in attachment.file.name  # stored under a random name
    assert CaseEvent.objects.filter(case=case, kind="attachment_added").exists()
    download = client.get(reverse("cases:attachment-download", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(action=AuditAction.READ, object_id=str(attachment.pk)).exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("virus.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf"),
        SimpleUploadedFile("page.html", b"<script>alert(1)</script>", content_type="text/html"),
    ],
)
def test_attachment_of_another_type_is_refused_and_nothing_is_stored(case, client_for, upload):
    client = client_for("conseiller.sfax")
    response = _post(client, case.beneficiary, upload)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "PDF" in page


def test_attachment_too_large_is_refused(case, client_for):
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * MAX_ATTACHMENT_SIZE)
    _post(client_for("conseiller.sfax"), case.beneficiary, big)
    assert not Attachment.objects.exists()


def test_attachment_of_another_antenna_is_404(case, client_for, persona):
    from tests.factories.attachments import attach_pdf

    attachment = attach_pdf(case.beneficiary)
    tunis = client_for("conseiller.tunis")
    url = reverse("cases:attachment-download", args=[attachment.pk])
    assert tunis.get(url).status_code == 404
    assert _post(tunis, case.beneficiary, pdf_upload()).status_code == 404
    assert Attachment.objects.count() == 1


def test_attachment_without_consent_or_case_still_lists_on_person_page(persona, client_for):
    person = BeneficiaryFactory(actor=persona("conseiller.sfax"), consent=True)
    client = client_for("conseiller.sfax")
    _post(client, person, pdf_upload(), kind="signed_consent")
    page = client.get(reverse("cases:beneficiary-detail", args=[person.pk])).content.decode()
    assert 'data-testid="attachments"' in page
    assert reverse("cases:attachment-download", args=[Attachment.objects.get().pk]) in page
