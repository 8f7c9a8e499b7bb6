"""Models of the reintegration case, one concept per module; import from here."""

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
from .search import CaseNameToken

__all__ = [
    "Attachment",
    "AttachmentKind",
    "Beneficiary",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseNameToken",
    "CaseStatus",
    "Consent",
    "ConsentLanguage",
    "ConsentPurpose",
    "HeardOf",
    "ReturnKind",
    "Sex",
]
