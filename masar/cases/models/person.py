"""A returnee (Beneficiary) and their consent, purpose by purpose."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass
from masar.geo.models import PlaceInTerritory

from ..querysets import BeneficiaryQuerySet, ConsentQuerySet
from ..validators import country_name, validate_cin, validate_country, validate_phone

_ID, _CONTACT, _LEGAL, _NONE = (
    DataClass.IDENTITY,
    DataClass.CONTACT,
    DataClass.LEGAL,
    DataClass.NONE,
)


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class ReturnKind(models.TextChoices):
    VOLUNTARY = "voluntary", _("Voluntary")
    ASSISTED_VOLUNTARY = "assisted_voluntary", _("Assisted voluntary")
    FORCED = "forced", _("Forced")
    SPONTANEOUS = "spontaneous", _("Spontaneous")


class HeardOf(models.TextChoices):
    OTE = "ote", _("OTE office or antenna")
    IOM = "iom", _("IOM or another international organisation")
    ORGANISATION = "organisation", _("Civil-society organisation")
    FAMILY_FRIENDS = "family_friends", _("Family or friends")
    MEDIA = "media", _("Media or social networks")
    CONSULATE = "consulate", _("Consulate or embassy abroad")
    OTHER = "other", _("Other")


class Beneficiary(PlaceInTerritory):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Identity and contact: may be recorded before consent.
    first_name = models.CharField(_("first name (Latin script)"), max_length=100)
    last_name = models.CharField(_("last name (Latin script)"), max_length=100)
    first_name_ar = models.CharField(_("first name (Arabic script)"), max_length=100, blank=True)
    last_name_ar = models.CharField(_("last name (Arabic script)"), max_length=100, blank=True)
    phone = models.CharField(
        _("phone"), max_length=16, blank=True, db_index=True, validators=[validate_phone]
    )
    # Everything below needs an active case-management consent.
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    cin = models.CharField(
        _("national identity card number"),
        max_length=8,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_cin],
    )
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    returned_from = models.CharField(
        _("country returned from"), max_length=2, blank=True, validators=[validate_country]
    )
    return_date = models.DateField(_("date of return"), null=True, blank=True)
    return_kind = models.CharField(
        _("kind of return"), max_length=20, choices=ReturnKind.choices, blank=True
    )
    years_abroad = models.PositiveSmallIntegerField(_("years abroad"), null=True, blank=True)
    situation_abroad = models.TextField(_("situation abroad"), blank=True)
    heard_of_scheme = models.CharField(
        _("how they heard of the scheme"), max_length=20, choices=HeardOf.choices, blank=True
    )
    # Bookkeeping
    institution = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("registered by (institution)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    objects = BeneficiaryQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "first_name": _ID,
        "last_name": _ID,
        "first_name_ar": _ID,
        "last_name_ar": _ID,
        "phone": _CONTACT,
        "sex": _ID,
        "birth_date": _ID,
        "cin": _ID,
        "passport_number": _ID,
        "governorate": _CONTACT,
        "delegation": _CONTACT,
        "municipality": _CONTACT,
        "returned_from": _ID,
        "return_date": _ID,
        "return_kind": _LEGAL,
        "years_abroad": _ID,
        "situation_abroad": _LEGAL,
        "heard_of_scheme": _ID,
        "institution": _NONE,
        "created_by": _NONE,
        "created_at": _NONE,
    }

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        indexes = [models.Index(fields=["last_name", "first_name"], name="benef_name_idx")]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name_ar(self) -> str:
        return f"{self.first_name_ar} {self.last_name_ar}".strip()

    @property
    def returned_from_name(self) -> str:
        return country_name(self.returned_from)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.birth_date and not (
            today.year - 120 <= self.birth_date.year and self.birth_date <= today
        ):
            errors["birth_date"] = gettext("This date of birth is not possible.")
        if self.return_date and self.return_date > today:
            errors["return_date"] = gettext("The date of return cannot be in the future.")
        if self.return_date and self.birth_date and self.return_date < self.birth_date:
            errors["return_date"] = gettext("The date of return is before the date of birth.")
        if self.years_abroad is not None and self.years_abroad > 100:
            errors["years_abroad"] = gettext("Enter a number of years between 0 and 100.")
        errors.update(self.territory_errors())
        if errors:
            raise ValidationError(errors)


class ConsentPurpose(models.TextChoices):
    CASE_MANAGEMENT = "case_management", _("Case management")
    REFERRALS = "referrals", _("Referrals to partner institutions")
    STATISTICS = "statistics", _("Anonymised statistics")
    RESEARCH_CONTACT = "research_contact", _("Contact for research")


class ConsentLanguage(models.TextChoices):
    FR = "fr", _("French")
    AR = "ar", _("Arabic")


class Consent(models.Model):
    """One answer to one purpose, as read to the person in one version of the text. A new
    answer for a purpose ends the previous one (``withdrawn_at``)."""

    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("granted"))
    text_version = models.CharField(_("version of the consent text"), max_length=60)
    language = models.CharField(_("language"), max_length=2, choices=ConsentLanguage.choices)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # Referrals only: the kinds of institution (accounts.InstitutionKind values) the person
    # agreed to be referred to; empty means every kind.
    institution_kinds = models.JSONField(
        _("kinds of institution (referrals)"), default=list, blank=True
    )

    objects = ConsentQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "beneficiary": _NONE,
        "purpose": _NONE,
        "granted": _NONE,
        "text_version": _NONE,
        "language": _NONE,
        "taken_by": _NONE,
        "taken_at": _NONE,
        "expires_at": _NONE,
        "withdrawn_at": _NONE,
        "institution_kinds": _NONE,
    }

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.beneficiary_id}:{self.purpose}:{self.granted}"

    def institution_kind_labels(self) -> list[str]:
        from masar.accounts.models import InstitutionKind

        return [str(InstitutionKind(k).label) for k in self.institution_kinds]

    def covers_kind(self, kind: str) -> bool:
        """For a referrals consent: does it cover referrals to this kind of institution?"""
        return not self.institution_kinds or kind in self.institution_kinds

    def is_active(self, at=None) -> bool:
        at = at or timezone.now()
        return (
            self.granted
            and self.withdrawn_at is None
            and (self.expires_at is None or self.expires_at > at)
        )
