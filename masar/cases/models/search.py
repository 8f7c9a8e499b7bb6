"""The name index of the case lists: one row per case and normalised word of the person's
Latin and Arabic names, with the case's antenna, so that a counsellor's search by name goes
through an index on (antenna, word) at a million cases (``LIKE '%…%'`` would scan them all,
and a word index without the antenna would visit every namesake in the country)."""

from django.db import models

from masar.core.classification import DataClass

from .case import Case


class CaseNameToken(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="name_tokens")
    antenna = models.ForeignKey("accounts.Institution", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=40)

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "case": DataClass.NONE,
        "antenna": DataClass.NONE,
        "token": DataClass.IDENTITY,
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["antenna", "token", "case"], name="case_name_token_unique"
            )
        ]

    def __str__(self):
        return self.token
