"""Every write on beneficiaries and cases, one module per concept. Import the module you need
(``from masar.cases.actions import referrals``) or the re-exports below."""

from .person import (
    EDITABLE_FIELDS,
    change_case_status,
    open_case,
    record_consent,
    register_beneficiary,
    update_beneficiary,
    withdraw_consent,
)

__all__ = [
    "EDITABLE_FIELDS",
    "change_case_status",
    "open_case",
    "record_consent",
    "register_beneficiary",
    "update_beneficiary",
    "withdraw_consent",
]
