"""Two-factor authentication with an authenticator app (TOTP, django-otp).

Enrolment is forced at first sign-in for every role that reads personal data
(``policy.requires_two_factor``); TwoFactorRequiredMiddleware sends unverified sessions here.
"""

from base64 import b32encode
from binascii import unhexlify

import segno
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from .. import actions
from ..forms import OTPTokenForm
from .common import has_confirmed_device, safe_next, with_next

SETUP_KEY = "masar_otp_setup_key"
SETUP_FAILURES = "masar_otp_setup_failures"
SETUP_MAX_FAILURES = 5


def _qr_svg(device: TOTPDevice) -> str:
    # segno writes plain SVG elements (no script, no style attribute): safe under our CSP.
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, light="#fff"))  # noqa: S308


def _grouped_secret(key: str) -> str:
    secret = b32encode(unhexlify(key)).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _verified_login(request, device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session key for the stronger sign-in


def otp_setup(request):
    user = request.user
    next_url = safe_next(request, reverse("accounts:profile"))
    enrolled = has_confirmed_device(user)
    if enrolled and not user.is_verified():
        # A password alone never replaces an enrolled authenticator.
        return redirect(with_next("accounts:otp-verify", next_url))
    key = request.session.get(SETUP_KEY)
    if not key:
        key = request.session[SETUP_KEY] = random_hex(20)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = actions.enrol_totp_device(
            actor=user, key=key, token=form.cleaned_data["otp_token"], name=_("Authenticator app")
        )
        if device is not None:
            request.session.pop(SETUP_KEY, None)
            request.session.pop(SETUP_FAILURES, None)
            _verified_login(request, device)
            messages.success(request, _("Two-factor authentication is set up."))
            return redirect(next_url)
        failures = request.session.get(SETUP_FAILURES, 0) + 1
        request.session[SETUP_FAILURES] = failures
        if failures >= SETUP_MAX_FAILURES:
            # Too many wrong codes for this secret: start again with a new one.
            key = request.session[SETUP_KEY] = random_hex(20)
            request.session[SETUP_FAILURES] = 0
            form.add_error(
                "otp_token",
                _("Too many wrong codes. A new secret was made: scan the new QR code."),
            )
        else:
            form.add_error(
                "otp_token",
                _("This code is not valid. Check the time on your phone and try again."),
            )
    device = TOTPDevice(user=user, key=key)
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device),
            "secret": _grouped_secret(key),
            "enrolled": enrolled,
            "next": next_url,
        },
    )


def otp_verify(request):
    user = request.user
    next_url = safe_next(request)
    if not has_confirmed_device(user):
        return redirect(with_next("accounts:otp-setup", next_url))
    if user.is_verified() and request.method != "POST":
        return redirect(next_url)
    form = OTPTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, throttled = actions.verify_second_factor(
            actor=user, token=form.cleaned_data["otp_token"]
        )
        if device is not None:
            _verified_login(request, device)
            return redirect(next_url)
        if throttled:
            form.add_error(
                "otp_token",
                _("Too many wrong codes in a row. Wait a little, then try the newest code."),
            )
        else:
            form.add_error(
                "otp_token",
                _("This code is not valid or was already used. Enter the newest code."),
            )
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})
