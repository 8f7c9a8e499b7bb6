from django.apps import AppConfig
from django.conf import settings
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _audit_guard() -> int:
    """1 = audit rows are protected. Only test settings set MASAR_AUDIT_ALLOW_PURGE."""
    return 0 if getattr(settings, "MASAR_AUDIT_ALLOW_PURGE", False) else 1


def register_sqlite_guard(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("masar_audit_guard", 0, _audit_guard)


class AuditConfig(AppConfig):
    name = "masar.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        connection_created.connect(register_sqlite_guard, dispatch_uid="masar_audit_guard")
