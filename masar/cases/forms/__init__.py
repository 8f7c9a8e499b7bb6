"""Forms of the case pages, one module per concept."""

from .person import (
    DATE,
    BeneficiaryForm,
    CaseFilterForm,
    ConsentForm,
    RegisterForm,
    StatusForm,
    WithdrawForm,
)

__all__ = [
    "DATE",
    "BeneficiaryForm",
    "CaseFilterForm",
    "ConsentForm",
    "RegisterForm",
    "StatusForm",
    "WithdrawForm",
]
