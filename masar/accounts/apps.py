from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "masar.accounts"
    label = "accounts"
    verbose_name = _("Institutions and accounts")

    def ready(self):
        from . import signals  # noqa: F401  (login/logout audit)
