"""Validation of the identifiers a returnee gives: national identity card number (CIN),
phone numbers (Tunisian or foreign, stored in E.164) and countries (ISO 3166-1 alpha-2)."""

import gettext as gettext_module
import re

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CIN_RE = re.compile(r"^\d{8}$")
# Tunisian numbers: 8 digits; mobiles start with 2, 4, 5 or 9, fixed lines with 3 or 7.
TUNISIAN_RE = re.compile(r"^[234579]\d{7}$")
E164_RE = re.compile(r"^\+[1-9]\d{7,14}$")
_SEPARATORS = re.compile(r"[\s.\-()/]")


def validate_cin(value: str) -> None:
    if not CIN_RE.match(value or ""):
        raise ValidationError(
            _("A national identity card number has exactly 8 digits."), code="invalid_cin"
        )


def normalize_cin(value: str | None) -> str | None:
    """Spaces removed; an empty value is ``None`` (so that uniqueness ignores it)."""
    value = _SEPARATORS.sub("", value or "")
    if not value:
        return None
    validate_cin(value)
    return value


def normalize_phone(value: str | None) -> str:
    """The number in E.164 (``+21698123456``), or "" when none was given.

    Accepted: a Tunisian number of 8 digits (alone or after +216 / 00216) whose first digit
    is 2, 3, 4, 5, 7 or 9; or a foreign number in international form, +<country><number>,
    8 to 15 digits in all (a leading 00 stands for +).
    """
    raw = _SEPARATORS.sub("", value or "")
    if not raw:
        return ""
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if raw.isdigit() and len(raw) == 8:
        raw = "+216" + raw
    if raw.startswith("+216"):
        if TUNISIAN_RE.match(raw[4:]):
            return raw
        raise ValidationError(
            _(
                "A Tunisian phone number has 8 digits and starts with 2, 3, 4, 5, 7 or 9 "
                "(for example +216 98 123 456)."
            ),
            code="invalid_phone",
        )
    if E164_RE.match(raw):
        return raw
    raise ValidationError(
        _(
            "Enter a Tunisian number (8 digits) or a foreign number in international form, "
            "+ then the country code and number (8 to 15 digits)."
        ),
        code="invalid_phone",
    )


def validate_phone(value: str) -> None:
    if value and normalize_phone(value) != value:
        raise ValidationError(_("Store phone numbers in E.164 form."), code="not_e164")


def validate_country(value: str) -> None:
    if value and (len(value) != 2 or pycountry.countries.get(alpha_2=value.upper()) is None):
        raise ValidationError(
            _("Choose a country (ISO 3166-1 two-letter code)."), code="invalid_country"
        )


def _country_catalogue(language: str):
    """pycountry's own translations of country names (French, Arabic, …)."""
    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def _localised(name: str) -> str:
    language = (get_language() or "fr")[:2]
    return name if language == "en" else _country_catalogue(language).gettext(name)


def country_choices() -> list[tuple[str, str]]:
    """(code, name in the active language) of every country, sorted by that name."""
    return sorted(
        ((c.alpha_2, _localised(c.name)) for c in pycountry.countries), key=lambda c: c[1]
    )


def country_name(code: str) -> str:
    """The country's name in the active language (pycountry's catalogues)."""
    country = pycountry.countries.get(alpha_2=code.upper()) if code else None
    return _localised(country.name) if country else code
