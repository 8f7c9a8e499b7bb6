"""Models of the reintegration case, one concept per module; import from here."""

from .aid import AidFile, AidKind, AidStatus, Enrolment, Tranche
from .attachments import Attachment, AttachmentKind
from .case import Case, CaseEvent, CaseEventKind, CaseStatus
from .person import (
    Beneficiary,
    Consent,
    ConsentLanguage,
    ConsentPurpose,
    HeardOf,
    ReturnKind,
    Sex,
)

__all__ = [
    "AidFile",
    "AidKind",
    "AidStatus",
    "Attachment",
    "AttachmentKind",
    "Beneficiary",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseStatus",
    "Consent",
    "ConsentLanguage",
    "ConsentPurpose",
    "Enrolment",
    "HeardOf",
    "ReturnKind",
    "Sex",
    "Tranche",
]
