"""The one way views check policy: ``@policy_required(Perm.X)`` or ``PolicyRequiredMixin``.

- not signed in → the login page (LoginRequiredMiddleware normally answers first);
- signed in without the permission → 403 (``masar/templates/403.html``), audited as DENIED;
- signed in with the permission but the object outside their scope → 404, which views get
  by fetching through ``Model.objects.visible_to(request.user)``.

Every decision comes from ``masar.accounts.policy``; nothing here knows about roles.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from masar.accounts.policy import has_perm


def deny(request, reason: str = ""):
    """Record the refusal in the audit trail, then answer 403."""
    from masar.audit.actions import record_event
    from masar.audit.models import AuditAction

    summary = f"{request.method} {request.path}" + (f" ({reason})" if reason else "")
    record_event(actor=request.user, action=AuditAction.DENIED, summary=summary)
    raise PermissionDenied(_("You are not allowed to do this."))


def check_policy(request, perms) -> None:
    """Raise PermissionDenied (audited) unless the signed-in user holds every permission."""
    missing = [p for p in perms if not has_perm(request.user, p)]
    if missing:
        deny(request, ", ".join(sorted(missing)))


def policy_required(*perms):
    """Decorator for function views: the user must hold every permission in ``perms``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            check_policy(request, perms)
            return view(request, *args, **kwargs)

        wrapped.masar_required_perms = frozenset(perms)
        return wrapped

    return decorator


def any_policy_required(*perms):
    """Decorator for function views: the user must hold at least one of ``perms`` (403,
    audited, otherwise)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not any(has_perm(request.user, p) for p in perms):
                deny(request, " | ".join(sorted(perms)))
            return view(request, *args, **kwargs)

        wrapped.masar_required_perms = frozenset(perms)
        return wrapped

    return decorator


class PolicyRequiredMixin:
    """Class-based views: set ``required_perms = (Perm.X, ...)``."""

    required_perms: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        check_policy(request, self.required_perms)
        return super().dispatch(request, *args, **kwargs)
