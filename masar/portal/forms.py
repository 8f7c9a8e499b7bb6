import time
import uuid

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import COMMENT_MAX_LENGTH, LANGUAGES, InfoPage

FORM_SALT = "masar.portal.feedback-form"
LANGUAGE_LABELS = {"fr": _("French"), "ar": _("Arabic"), "en": _("English")}


class PageForm(forms.ModelForm):
    """The three languages side by side (stacked on a phone); no JavaScript needed."""

    class Meta:
        model = InfoPage
        fields = [
            "slug",
            "category",
            "position",
            *[f"{n}_{lang}" for lang in LANGUAGES for n in ("title", "summary", "body")],
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"
            lang = name.rsplit("_", 1)[-1] if "_" in name else ""
            if lang in LANGUAGES:
                base = name.rsplit("_", 1)[0]
                field.label = {
                    "title": _("Title"),
                    "summary": _("Summary"),
                    "body": _("Text (Markdown)"),
                }[base]
                widget.attrs["lang"] = lang
                widget.attrs["dir"] = "rtl" if lang == "ar" else "ltr"
                if base == "body":
                    widget.attrs["rows"] = 14
                if base == "summary":
                    widget.attrs["rows"] = 2
        self.fields["title_fr"].required = True
        self.fields["slug"].help_text = _(
            "Lower-case letters, digits and hyphens: /info/<address>/"
        )

    def language_fields(self):
        return [
            (
                lang,
                LANGUAGE_LABELS[lang],
                [self[f"{n}_{lang}"] for n in ("title", "summary", "body")],
            )
            for lang in LANGUAGES
        ]

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def form_token(at: float | None = None) -> str:
    """Signed time at which the form was shown (checked for the minimum fill time)."""
    return signing.dumps(int(at if at is not None else time.time()), salt=FORM_SALT)


class FeedbackForm(forms.Form):
    """Public "give your opinion" form. Anti-abuse: a honeypot field people never see
    (``website``), a signed timestamp (``started``) for the minimum fill time; the limits per
    address, duplicates and links are checked by ``actions.submit_feedback``."""

    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5."),
            "invalid_choice": _("Choose a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Your comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("Do not write your name, phone number or other personal details."),
        error_messages={
            "max_length": _("Your comment is too long: %(limit_value)d characters at most.")
        },
    )
    service = forms.UUIDField(required=False, widget=forms.HiddenInput)
    page = forms.UUIDField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    idempotency_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS class), filled by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].widget.attrs["class"] = "form-control"
        self.fields["rating"].widget.attrs["class"] = "form-check-input"

    @classmethod
    def blank(cls, *, service=None, page=None, next_url: str = ""):
        return cls(
            initial={
                "service": service.pk if service else None,
                "page": page.pk if page else None,
                "next": next_url,
                "started": form_token(),
                "idempotency_key": uuid.uuid4().hex,
            }
        )

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(
                _("Your opinion could not be accepted. Please try again."), code="honeypot"
            )
        try:
            started = signing.loads(
                data.get("started") or "",
                salt=FORM_SALT,
                max_age=rules.MAX_FORM_AGE.total_seconds(),
            )
        except signing.BadSignature:  # includes SignatureExpired
            raise forms.ValidationError(
                _("This form has expired. Please reload the page and send your opinion again."),
                code="expired",
            ) from None
        age = time.time() - int(started)
        if age > rules.MAX_FORM_AGE.total_seconds():
            raise forms.ValidationError(
                _("This form has expired. Please reload the page and send your opinion again."),
                code="expired",
            )
        if age < rules.MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very fast. Please take a moment and send your opinion again."),
                code="too_fast",
            )
        if data.get("service") and data.get("page"):
            raise forms.ValidationError(_("An opinion is about one service or one page."))
        return data
