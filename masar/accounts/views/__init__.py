"""Accounts pages: sign-in, two-factor, profile, users and institutions."""

from .auth import (
    MasarLoginView,
    MasarPasswordChangeView,
    MasarPasswordResetConfirmView,
    logout_view,
)
from .institutions import institution_create, institution_detail, institution_edit, institution_list
from .otp import otp_setup, otp_verify
from .profile import profile
from .users import (
    user_create,
    user_deactivate,
    user_detail,
    user_edit,
    user_list,
    user_reset_two_factor,
)

__all__ = [
    "MasarLoginView",
    "MasarPasswordChangeView",
    "MasarPasswordResetConfirmView",
    "institution_create",
    "institution_detail",
    "institution_edit",
    "institution_list",
    "logout_view",
    "otp_setup",
    "otp_verify",
    "profile",
    "user_create",
    "user_deactivate",
    "user_detail",
    "user_edit",
    "user_list",
    "user_reset_two_factor",
]
