"""Object predicates for desks (the role → permission matrix is in accounts/policy.py)."""

from masar.accounts.policy import Perm, has_perm


def _in_scope(user, desk) -> bool:
    from .models import DeskPoint

    return DeskPoint.objects.visible_to(user).filter(pk=desk.pk).exists()


def can_record_at(user, desk) -> bool:
    """Record contacts, sessions and outreach at this desk: its institution's staff and its
    mediators."""
    return has_perm(user, Perm.RECORD_DESK_CONTACTS) and desk.is_active and _in_scope(user, desk)


def can_manage_desk(user, desk) -> bool:
    return has_perm(user, Perm.MANAGE_DESKS) and _in_scope(user, desk)


def can_record_session(user, desk) -> bool:
    """A session held (or cancelled ahead) is recorded by those who staff the desk or manage it."""
    return can_record_at(user, desk) or can_manage_desk(user, desk)
