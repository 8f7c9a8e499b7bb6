"""Forms of the accounts pages. They parse and validate; the actions write."""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from masar.geo.models import Governorate, Municipality

from .models import Institution, InstitutionKind
from .policy import Perm, Role, assignable_roles, has_perm

User = get_user_model()

INVITATION_SUBJECT = "accounts/invitation_subject.txt"
INVITATION_EMAIL = "accounts/invitation_email.txt"


class BootstrapMixin:
    """Bootstrap classes on every widget (templates render fields with accounts/_field.html)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class MasarAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is incorrect. Check them and try again: after "
            "5 failed attempts, sign-in is blocked for 15 minutes."
        ),
        "inactive": _("This account is deactivated. Ask your institution administrator."),
    }


class MasarPasswordChangeForm(BootstrapMixin, PasswordChangeForm):
    pass


class MasarSetPasswordForm(BootstrapMixin, SetPasswordForm):
    pass


class MasarPasswordResetForm(BootstrapMixin, PasswordResetForm):
    """Django skips accounts without a usable password; Masar creates every account that way
    (the person sets their own), so those may ask for a link too. Inactive accounts never."""

    def get_users(self, email):
        field = User.get_email_field_name()
        return User.objects.filter(**{f"{field}__iexact": email, "is_active": True})


class InvitationForm(MasarPasswordResetForm):
    """Sends the set-your-password link to one new account (not to every account that shares
    its e-mail address)."""

    def __init__(self, *, user):
        self.invited = user
        super().__init__(data={"email": user.email})

    def get_users(self, email):
        return [self.invited] if self.invited.is_active and self.invited.email else []

    def send(self, request) -> None:
        """Written in the new person's preferred language when they have one."""
        if self.is_valid():
            with translation.override(
                self.invited.preferred_language or translation.get_language()
            ):
                self.save(
                    request=request,
                    use_https=request.is_secure(),
                    subject_template_name=INVITATION_SUBJECT,
                    email_template_name=INVITATION_EMAIL,
                )


class OTPTokenForm(BootstrapMixin, forms.Form):
    otp_token = forms.CharField(
        label=_("Six-digit code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_otp_token(self):
        token = re.sub(r"[\s-]", "", self.cleaned_data["otp_token"])
        if not re.fullmatch(r"\d{6}", token):
            raise forms.ValidationError(_("Enter the six digits shown by your authenticator app."))
        return token


LANGUAGE_CHOICES = [("", _("Interface default")), *settings.LANGUAGES]


class _UserFieldsForm(BootstrapMixin, forms.Form):
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    email = forms.EmailField(
        label=_("e-mail"), help_text=_("The link to set a password is sent to this address.")
    )
    phone = forms.CharField(label=_("phone"), max_length=30, required=False)
    preferred_language = forms.ChoiceField(
        label=_("preferred language"), choices=LANGUAGE_CHOICES, required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("roles"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        allowed = assignable_roles(actor)
        self.fields["roles"].choices = [(r, Role(r).label) for r in allowed]


class UserCreateForm(_UserFieldsForm):
    field_order = ["institution", "username", "first_name", "last_name", "email", "phone"]

    institution = forms.ModelChoiceField(label=_("institution"), queryset=Institution.objects)
    username = forms.CharField(
        label=_("username"),
        max_length=150,
        help_text=_("Letters, digits and @/./+/-/_ only."),
        validators=[User.username_validator],
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, actor=actor, **kwargs)
        field = self.fields["institution"]
        if has_perm(actor, Perm.MANAGE_ALL_USERS):
            field.queryset = Institution.objects.active()
        else:
            # An institution administrator creates accounts in their own institution only:
            # the choice is fixed, and a forged value is ignored (disabled fields keep their
            # initial value).
            field.queryset = Institution.objects.filter(pk=actor.institution_id)
            field.initial = actor.institution_id
            field.disabled = True

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is already taken."))
        return username


class UserEditForm(_UserFieldsForm):
    is_active = forms.BooleanField(
        label=_("active"),
        required=False,
        help_text=_("Clearing this ends the person's sessions at once."),
    )

    def __init__(self, *args, actor, target, **kwargs):
        initial = {
            "first_name": target.first_name,
            "last_name": target.last_name,
            "email": target.email,
            "phone": target.phone,
            "preferred_language": target.preferred_language,
            "is_active": target.is_active,
            "roles": list(target.role_names),
        }
        super().__init__(*args, actor=actor, initial=initial, **kwargs)
        self.target = target
        if actor.pk == target.pk:
            # Nobody switches off their own account or their own roles by mistake.
            self.fields["is_active"].disabled = True
            self.fields["roles"].disabled = True


class UserFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Name or username"), required=False, max_length=100)


class InstitutionForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Institution
        fields = [
            "name_fr", "name_ar", "name_en", "code", "acronym", "kind", "parent",
            "governorates", "municipality", "email", "phone", "is_active",
        ]  # fmt: skip
        labels = {
            "name_fr": _("name (French)"),
            "name_ar": _("name (Arabic)"),
            "name_en": _("name (English)"),
        }
        widgets = {"governorates": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fr"].required = True
        self.fields["name_ar"].widget.attrs.update({"dir": "rtl", "lang": "ar"})
        self.fields["governorates"].queryset = Governorate.objects.order_by("code")
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        parents = Institution.objects.order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        else:
            del self.fields["is_active"]
        self.fields["parent"].queryset = parents

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        node, seen = parent, set()
        while node is not None and self.instance.pk and node.pk not in seen:
            if node.pk == self.instance.pk:
                raise forms.ValidationError(
                    _("An institution cannot be placed under one of its own branches.")
                )
            seen.add(node.pk)
            node = node.parent
        return parent

    def action_values(self) -> dict:
        """Keyword arguments for create_institution / update_institution."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "governorates"}
        for name in ("name_ar", "name_en", "acronym", "email", "phone"):
            data[name] = data.get(name) or ""
        return data


class InstitutionFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Name, acronym or code"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("type"), required=False, choices=[("", _("All types")), *InstitutionKind.choices]
    )
    governorate = forms.ModelChoiceField(
        label=_("governorate"),
        required=False,
        queryset=Governorate.objects.order_by("code"),
        to_field_name="code",
        empty_label=_("All governorates"),
    )
