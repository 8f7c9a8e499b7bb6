"""Demo directory, as data: the kinds of organisations the programme documents name (OTE
antennas, CPS, ANETI, Espaces Entreprendre, microfinance, hospitals, legal aid, CSOs…),
their services in French, Arabic and English, and the areas they are placed in.
Used by ``masar.directory.demo.seed_directory``. Addresses, phones and dates are invented
but plausible; organisations' names are real bodies of the Tunisian network.

Placeholders in texts: ``{de}`` (« de Sfax », « du Kef »), ``{bi}`` (« بصفاقس »),
``{city}``/``{city_ar}``/``{city_en}`` (the governorate's seat), ``{place}``/``{place_ar}``
(the delegation of the location).
"""

from .areas import AREAS
from .common import HOSPITALS, HOURS, LOAN_FEES, RETURNEE_ELIGIBILITY, TICKET
from .kinds import KINDS
from .services import SERVICES
from .specials import ALWAYS_FRESH, EXTRA_SERVICES, SPECIALS

__all__ = [
    "ALWAYS_FRESH",
    "AREAS",
    "EXTRA_SERVICES",
    "HOSPITALS",
    "HOURS",
    "KINDS",
    "LOAN_FEES",
    "RETURNEE_ELIGIBILITY",
    "SERVICES",
    "SPECIALS",
    "TICKET",
]
