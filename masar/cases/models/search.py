"""The name index of beneficiaries: one row per normalised word of their Latin and Arabic
names, so that the case list finds people by name through an index at a million records
(``LIKE '%…%'`` would scan them all)."""

from django.db import models

from masar.core.classification import DataClass

from .person import Beneficiary


class NameToken(models.Model):
    beneficiary = models.ForeignKey(
        Beneficiary, on_delete=models.CASCADE, related_name="name_tokens"
    )
    token = models.CharField(max_length=40)

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "beneficiary": DataClass.NONE,
        "token": DataClass.IDENTITY,
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "beneficiary"], name="name_token_unique")
        ]

    def __str__(self):
        return self.token
