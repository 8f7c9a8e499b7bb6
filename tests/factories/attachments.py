"""Small valid files for attachment tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name="scan.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def attach_pdf(beneficiary, *, actor=None, kind="identity"):
    from masar.cases.actions.attachments import add_attachment

    return add_attachment(actor=actor, beneficiary=beneficiary, kind=kind, upload=pdf_upload())
