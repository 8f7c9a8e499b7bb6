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
from .rights import (
    EmergencyProcessing,
    EmergencyStatus,
    ErasureMode,
    ErasureRecord,
    MergeRecord,
    NameKey,
)

__all__ = [
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
    "EmergencyProcessing",
    "EmergencyStatus",
    "ErasureMode",
    "ErasureRecord",
    "HeardOf",
    "MergeRecord",
    "NameKey",
    "ReturnKind",
    "Sex",
]
