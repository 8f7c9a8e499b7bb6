from django.conf import settings
from django.utils.translation import get_language_bidi

from masar.accounts.policy import permissions_of


def masar(request):
    user = getattr(request, "user", None)
    return {
        "MASAR_DEMO_RELAX_2FA": settings.MASAR_DEMO_RELAX_2FA,
        "LANGUAGE_BIDI": get_language_bidi(),
        "masar_perms": permissions_of(user) if user is not None else frozenset(),
    }
