"""Classification of personal data held in model fields.

Every concrete field of every Masar model carries a class. The class drives masking in the
audit trail and, later, anonymisation. A test fails when a field has no class.

Models declare ``DATA_CLASSIFICATION = {"field_name": DataClass.X, ...}``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataClass(models.TextChoices):
    NONE = "none", _("Not personal")
    IDENTITY = "identity", _("Identity")
    CONTACT = "contact", _("Contact")
    HEALTH = "health", _("Sensitive: health")
    PSYCHOLOGICAL = "psychological", _("Sensitive: psychological")
    LEGAL = "legal", _("Sensitive: legal")
    FINANCIAL = "financial", _("Sensitive: financial")
    SECRET = "secret", _("Secret (credentials)")


SENSITIVE = frozenset(
    {DataClass.HEALTH, DataClass.PSYCHOLOGICAL, DataClass.LEGAL, DataClass.FINANCIAL}
)
# Classes whose values never appear in the audit trail, only the fact that they changed.
MASKED_IN_AUDIT = SENSITIVE | {DataClass.SECRET}
PERSONAL = frozenset(DataClass) - {DataClass.NONE}


def field_class(model, field_name: str) -> DataClass | None:
    return getattr(model, "DATA_CLASSIFICATION", {}).get(field_name)


def is_personal_model(model) -> bool:
    return any(c in PERSONAL for c in getattr(model, "DATA_CLASSIFICATION", {}).values())
