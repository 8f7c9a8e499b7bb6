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
from .referral import (
    OPEN_STATUSES,
    REFERRAL_INSTITUTION_KINDS,
    Referral,
    ReferralStatus,
    referral_kind_choices,
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
    "HeardOf",
    "OPEN_STATUSES",
    "REFERRAL_INSTITUTION_KINDS",
    "Referral",
    "ReferralStatus",
    "ReturnKind",
    "Sex",
    "referral_kind_choices",
]
