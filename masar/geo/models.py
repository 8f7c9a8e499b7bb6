"""The Tunisian territory: governorate → delegation → municipality, and localities with
postal codes. Loaded from ../shared/geo by ``manage.py load_territory`` (see its README for
sources and licences)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

_NONE = DataClass.NONE


def _all_none(*names):
    return dict.fromkeys(names, _NONE)


class Governorate(models.Model):
    code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)  # TN-11
    name = models.CharField(_("name"), max_length=100)  # translated
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Simplified outline (GeoJSON geometry) for maps on slow phones; © OSM contributors, ODbL.
    outline = models.JSONField(null=True, blank=True)

    DATA_CLASSIFICATION = _all_none(
        "id", "code", "name", "name_fr", "name_ar", "name_en", "latitude", "longitude", "outline"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")

    def __str__(self):
        return self.name


class Delegation(models.Model):
    governorate = models.ForeignKey(
        Governorate, on_delete=models.PROTECT, related_name="delegations"
    )
    code = models.CharField(_("code"), max_length=60, unique=True)  # TN-12-raoued, stable
    name = models.CharField(_("name"), max_length=100)  # translated
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    DATA_CLASSIFICATION = _all_none(
        "id",
        "governorate",
        "code",
        "name",
        "name_fr",
        "name_ar",
        "name_en",
        "postal_code",
        "latitude",
        "longitude",
    )

    class Meta:
        ordering = ["governorate__code", "name"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """An elected commune.

    Stand-in: the reference files list no communes (about 350 exist). The communes the
    programmes name (La Marsa, Raoued, …) coincide with delegations of the same name, so
    ``manage.py load_territory`` creates one municipality per delegation, with the
    delegation's names and the delegation's code as its code, until the official list of
    communes (Ministry of the Interior / INS) is loaded. Keep those codes stable: records
    point at them."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.PROTECT, related_name="municipalities"
    )
    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)  # translated

    DATA_CLASSIFICATION = _all_none(
        "id", "delegation", "code", "name", "name_fr", "name_ar", "name_en"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Locality(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="localities")
    name = models.CharField(_("name"), max_length=150)  # translated
    postal_code = models.CharField(_("postal code"), max_length=4, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    DATA_CLASSIFICATION = _all_none(
        "id",
        "delegation",
        "name",
        "name_fr",
        "name_ar",
        "name_en",
        "postal_code",
        "latitude",
        "longitude",
    )

    class Meta:
        ordering = ["postal_code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "name", "postal_code"], name="unique_locality"
            )
        ]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self):
        return f"{self.name} ({self.postal_code})"


class PlaceInTerritory(models.Model):
    """An address in the territory tree: governorate → delegation → municipality.

    Abstract: the directory's locations, beneficiaries' addresses, desks and activities all
    point into the tree the same way and are checked the same way (``territory_errors``)."""

    governorate = models.ForeignKey(
        Governorate,
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def territory_errors(self) -> dict:
        """{field: message} when the delegation is outside the governorate or the
        municipality outside the delegation."""
        from django.utils.translation import gettext

        errors = {}
        if (
            self.delegation_id
            and self.governorate_id
            and self.delegation.governorate_id != self.governorate_id
        ):
            errors["delegation"] = gettext("This delegation is not in the chosen governorate.")
        if (
            self.municipality_id
            and self.delegation_id
            and self.municipality.delegation_id != self.delegation_id
        ):
            errors["municipality"] = gettext("This municipality is not in the chosen delegation.")
        return errors
