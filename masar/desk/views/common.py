"""What the desk views share: the policy gate for desk staff, scoped fetching, keys."""

import uuid
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import deny

from ..models import DeskPoint

# Who works at desks (the "Desks" menu): those who record contacts or manage desks.
DESK_STAFF = (Perm.RECORD_DESK_CONTACTS, Perm.MANAGE_DESKS)


def new_key() -> str:
    return uuid.uuid4().hex


def any_policy_required(*perms):
    """The user must hold at least one of ``perms`` (403, audited, otherwise)."""

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


def scoped_desk(request, pk):
    return get_object_or_404(
        DeskPoint.objects.visible_to(request.user).select_related("holder"), pk=pk
    )


def form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
