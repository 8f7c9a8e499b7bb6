"""Helpers for the accounts tests: codes from an authenticator, sign-in by the real form."""

from binascii import unhexlify

from django.test import Client
from django_otp.oath import totp

from masar.audit.models import AuditEvent
from tests.factories.accounts import PASSWORD


def code_for(key_hex: str, *, offset: int = 0) -> str:
    """The code an authenticator app shows now (``offset`` steps later) for a hex secret."""
    return f"{totp(unhexlify(key_hex), step=30, t0=0, digits=6, drift=offset):06d}"


def sign_in(user, *, password=PASSWORD, ip="192.0.2.10", client=None):
    client = client or Client(REMOTE_ADDR=ip)
    response = client.post(
        "/accounts/login/", {"username": user.username, "password": password}, REMOTE_ADDR=ip
    )
    return client, response


def events(action, **filters):
    return AuditEvent.objects.filter(action=action, **filters)
