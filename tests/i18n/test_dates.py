from datetime import date

from django.template.defaultfilters import date as date_filter
from django.utils import translation

TUNISIAN = [
    "جانفي",
    "فيفري",
    "مارس",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]


def test_arabic_dates_use_tunisian_month_names():
    with translation.override("ar"):
        for month, name in enumerate(TUNISIAN, start=1):
            assert name in date_filter(date(2026, month, 3), "j F Y")
        assert "يناير" not in date_filter(date(2026, 1, 3), "j F Y")


def test_french_dates_keep_french_month_names():
    with translation.override("fr"):
        assert date_filter(date(2026, 2, 3), "j F Y") == "3 février 2026"
