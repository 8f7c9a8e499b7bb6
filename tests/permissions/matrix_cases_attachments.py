"""Permission matrix rows for attachments: added and read by the Sfax case staff only."""

from . import SFAX_CASE_STAFF


def _person(personas):
    from tests.factories.cases import BeneficiaryFactory

    return {"pk": BeneficiaryFactory(actor=personas("conseiller.sfax"), consent=True).pk}


def _attachment(personas):
    from tests.factories.attachments import attach_pdf
    from tests.factories.cases import BeneficiaryFactory

    person = BeneficiaryFactory(actor=personas("conseiller.sfax"), consent=True)
    return {"pk": attach_pdf(person).pk}


def _upload(personas):
    from tests.factories.attachments import pdf_upload

    return {"kind": "identity", "file": pdf_upload()}


MATRIX = {
    "cases:attachment-add": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _person,
        "data": _upload,
        "order": 500,
    },
    "cases:attachment-download": {"allowed": SFAX_CASE_STAFF, "kwargs": _attachment},
}
