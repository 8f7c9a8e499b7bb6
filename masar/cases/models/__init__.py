"""Models of the reintegration case, one concept per module; import from here."""

from .attachments import Attachment, AttachmentKind
from .case import Case, CaseEvent, CaseEventKind, CaseStatus
from .followups import (
    FOLLOW_UP_MONTHS,
    ActivityState,
    CaseTransfer,
    FollowUpVisit,
    ScoreOccasion,
    SustainabilityScore,
)
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
    "FOLLOW_UP_MONTHS",
    "ActivityState",
    "Attachment",
    "AttachmentKind",
    "Beneficiary",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseStatus",
    "CaseTransfer",
    "Consent",
    "ConsentLanguage",
    "ConsentPurpose",
    "FollowUpVisit",
    "HeardOf",
    "ReturnKind",
    "ScoreOccasion",
    "Sex",
    "SustainabilityScore",
]
