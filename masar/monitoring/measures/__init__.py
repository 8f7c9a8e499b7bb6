"""The catalogue of named measures: indicator values computed from the records.

``CATALOGUE[code]`` is a ``Measure``: ``compute(start=, end=, governorates=, by=)`` gives a
``Result`` (aggregates only, whoever asks); ``records(user=, start=, end=, governorates=,
cell=)`` the records behind the figure or one cell, in the reader's scope. See ``base`` for
the conventions every measure follows.
"""

from .base import DISAGGREGATIONS, Measure, Result
from .cases import BUSINESS_AID_APPROVED, RETURNEES_REGISTERED, SUSTAINABILITY_CHANGE
from .desks import DESK_CONTACTS, OUTREACH_REACHED
from .referrals import REFERRALS_COMPLETED_ON_TIME

CATALOGUE: dict[str, Measure] = {
    m.code: m
    for m in (
        RETURNEES_REGISTERED,
        BUSINESS_AID_APPROVED,
        REFERRALS_COMPLETED_ON_TIME,
        SUSTAINABILITY_CHANGE,
        DESK_CONTACTS,
        OUTREACH_REACHED,
    )
}


def measure_choices() -> list[tuple[str, str]]:
    """For a form's select: (code, label), in the catalogue's order."""
    return [(code, m.label) for code, m in CATALOGUE.items()]


__all__ = ["CATALOGUE", "DISAGGREGATIONS", "Measure", "Result", "measure_choices"]
