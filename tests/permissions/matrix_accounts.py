"""Permission matrix rows for the accounts pages (see test_matrix.py for the format).

``kwargs`` callables receive the ``tests.personas.Personas`` instance of the test.
State-changing rows carry a high ``order`` so that they run after every read; sign-out
runs last of all.
"""

from tests.personas import PERSONAS

from . import EVERYONE

STAFF = set(PERSONAS)
USER_VIEWERS = {"admin", "admin.sfax", "superviseur"}
USER_MANAGERS = {"admin", "admin.sfax"}
SYSADMIN = {"admin"}


def _counsellor_sfax(personas):
    return {"pk": personas("conseiller.sfax").pk}


def _ote_sfax(personas):
    return {"pk": personas.institution("ote-sfax").pk}


def _reset_link(personas):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = personas("suivi")
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


MATRIX = {
    # Sign-in, two-factor, passwords
    "accounts:login": {"allowed": EVERYONE},
    "accounts:logout": {"allowed": STAFF, "method": "post", "order": 1000},
    "accounts:otp-setup": {"allowed": STAFF},
    "accounts:otp-verify": {"allowed": STAFF},
    "accounts:profile": {"allowed": STAFF},
    "accounts:password-change": {"allowed": STAFF},
    "accounts:password-reset": {"allowed": EVERYONE},
    "accounts:password-reset-done": {"allowed": EVERYONE},
    "accounts:password-reset-confirm": {"allowed": EVERYONE, "kwargs": _reset_link},
    "accounts:password-reset-complete": {"allowed": EVERYONE},
    # Users: institution administrators (own institution) and the system administrator;
    # supervisors read their own institution's users (conseiller.sfax is not theirs: 404).
    "accounts:user-list": {"allowed": USER_VIEWERS},
    "accounts:user-create": {"allowed": USER_MANAGERS},
    "accounts:user-detail": {"allowed": USER_MANAGERS, "kwargs": _counsellor_sfax},
    "accounts:user-edit": {"allowed": USER_MANAGERS, "kwargs": _counsellor_sfax},
    "accounts:user-reset-two-factor": {
        "allowed": USER_MANAGERS,
        "method": "post",
        "kwargs": _counsellor_sfax,
        "order": 800,
    },
    "accounts:user-deactivate": {
        "allowed": USER_MANAGERS,
        "method": "post",
        "kwargs": _counsellor_sfax,
        "order": 900,
    },
    # Institutions: a shared directory; only the system administrator keeps it.
    "accounts:institution-list": {"allowed": STAFF},
    "accounts:institution-detail": {"allowed": STAFF, "kwargs": _ote_sfax},
    "accounts:institution-create": {"allowed": SYSADMIN},
    "accounts:institution-edit": {"allowed": SYSADMIN, "kwargs": _ote_sfax},
}
