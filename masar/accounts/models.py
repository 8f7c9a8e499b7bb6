from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from .policy import Role
from .querysets import InstitutionQuerySet, MasarUserManager


class InstitutionKind(models.TextChoices):
    OTE_HQ = "ote_hq", _("OTE headquarters")
    OTE_ANTENNA = "ote_antenna", _("OTE antenna")
    CPS = "cps", _("Social promotion centre (CPS)")
    ANETI = "aneti", _("ANETI employment office")
    ESPACE_ENTREPRENDRE = "espace_entreprendre", _("Espace Entreprendre")
    MICROFINANCE = "microfinance", _("Microfinance institution")
    BANK = "bank", _("Bank")
    CSO = "cso", _("Civil-society organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    HEALTH = "health", _("Health facility")
    SCHOOL = "school", _("School")
    OBSERVATORY = "observatory", _("Observatory or statistics body")
    DONOR = "donor", _("Donor or implementer")


class Institution(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)  # translated (fr, ar, en)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=InstitutionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    governorates = models.ManyToManyField(
        "geo.Governorate", verbose_name=_("governorates covered"), blank=True
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("seat (municipality)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InstitutionQuerySet.as_manager()

    # An institution's public contact details are not personal data.
    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "code": DataClass.NONE,
        "name": DataClass.NONE,
        "name_fr": DataClass.NONE,
        "name_ar": DataClass.NONE,
        "name_en": DataClass.NONE,
        "acronym": DataClass.NONE,
        "kind": DataClass.NONE,
        "parent": DataClass.NONE,
        "municipality": DataClass.NONE,
        "email": DataClass.NONE,
        "phone": DataClass.NONE,
        "is_active": DataClass.NONE,
        "created_at": DataClass.NONE,
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.name


class User(AbstractUser):
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="users",
        null=True,  # only for accounts created by createsuperuser before assignment
        blank=True,
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, blank=True, default=""
    )

    objects = MasarUserManager()

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "password": DataClass.SECRET,
        "last_login": DataClass.NONE,
        "is_superuser": DataClass.NONE,
        "username": DataClass.IDENTITY,
        "first_name": DataClass.IDENTITY,
        "last_name": DataClass.IDENTITY,
        "email": DataClass.CONTACT,
        "is_staff": DataClass.NONE,
        "is_active": DataClass.NONE,
        "date_joined": DataClass.NONE,
        "institution": DataClass.NONE,
        "phone": DataClass.CONTACT,
        "preferred_language": DataClass.NONE,
    }

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def role_names(self) -> list[str]:
        cached = getattr(self, "_role_names", None)
        if cached is None:
            if self.pk is None:
                return []
            cached = [r.role for r in self.role_assignments.all()]
            if self.is_superuser and Role.SYSADMIN not in cached:
                cached.append(Role.SYSADMIN)
            self._role_names = cached
        return cached

    def role_labels(self) -> list[str]:
        return [Role(r).label for r in self.role_names]


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    DATA_CLASSIFICATION = {
        "id": DataClass.NONE,
        "user": DataClass.NONE,
        "role": DataClass.NONE,
        "granted_at": DataClass.NONE,
    }

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_role_once")]
        verbose_name = _("role assignment")

    def __str__(self):
        return f"{self.user_id}:{self.role}"
