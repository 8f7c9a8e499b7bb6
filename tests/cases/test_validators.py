"""Card numbers, phones and countries: what is accepted, what is refused, how it is stored."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from masar.cases.validators import (
    normalize_cin,
    normalize_phone,
    validate_cin,
    validate_country,
)

digits = st.text(alphabet="0123456789", min_size=1, max_size=12)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_cin_eight_digits_is_valid(value):
    validate_cin(value)
    assert normalize_cin(value) == value


@given(digits.filter(lambda s: len(s) != 8))
def test_cin_of_another_length_is_refused(value):
    with pytest.raises(ValidationError):
        validate_cin(value)


@given(st.text(min_size=8, max_size=8).filter(lambda s: not s.isascii() or not s.isdigit()))
def test_cin_with_non_digits_is_refused(value):
    with pytest.raises(ValidationError):
        validate_cin(value)


def test_cin_blank_is_none():
    assert normalize_cin("") is None
    assert normalize_cin(" 0123 4567 ") == "01234567"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("98 123 456", "+21698123456"),
        ("+216 22-123-456", "+21622123456"),
        ("00216 71 123 456", "+21671123456"),
        ("+216 (5) 1234567", "+21651234567"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0039 333 1234567", "+393331234567"),
        ("", ""),
    ],
)
def test_phone_normalized_to_e164(raw, stored):
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "12345678",  # Tunisian numbers do not start with 1
        "+216 61 234 567",  # nor 6
        "+216 9812345",  # 7 digits
        "+216 981234567",  # 9 digits
        "0612345678",  # a national foreign number without its country code
        "+0123456789",
        "+1234567",  # too short
        "+1234567890123456",  # too long
        "call me",
    ],
)
def test_phone_invalid_is_refused(raw, english):
    with pytest.raises(ValidationError) as exc:
        normalize_phone(raw)
    assert "number" in exc.value.messages[0]


@given(st.sampled_from("234579"), st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_phone_any_tunisian_number_is_accepted(first, rest):
    assert normalize_phone(first + rest) == f"+216{first}{rest}"


def test_country_iso_codes():
    validate_country("IT")
    validate_country("")
    for bad in ("XX", "ITA", "1"):
        with pytest.raises(ValidationError):
            validate_country(bad)


def test_country_names_follow_the_active_language():
    from django.utils import translation

    from masar.cases.validators import country_name

    expected = {"fr": "Italie", "ar": "إيطاليا", "en": "Italy"}
    for language, name in expected.items():
        with translation.override(language):
            assert country_name("IT") == name
