"""Logins, failed logins and logouts go to the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from masar.audit.actions import record_event
from masar.audit.models import AuditAction


def _ip(request):
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record_event(actor=user, action=AuditAction.LOGIN, obj=user, ip_address=_ip(request))


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record_event(actor=user, action=AuditAction.LOGOUT, obj=user, ip_address=_ip(request))


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    record_event(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        actor_username=username,
        object_type="accounts.user",
        ip_address=_ip(request),
    )
