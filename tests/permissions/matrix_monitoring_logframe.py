"""Permission matrix rows for programme logframes (see test_matrix.py).

Whoever holds VIEW_PROGRAMMES sees the logframe and downloads the evidence behind a value
entered by hand; MANAGE_PROGRAMMES (supervisor, M&E officer) builds it.
"""

from .matrix_cases_aid import PROGRAMME_MANAGERS, PROGRAMME_VIEWERS


def _programme(personas):
    from tests.factories.logframe import LogframeProgrammeFactory

    return {"pk": LogframeProgrammeFactory().pk}


def _objective(personas):
    from tests.factories.logframe import ObjectiveFactory

    return {"pk": ObjectiveFactory().pk}


def _indicator(personas):
    from tests.factories.logframe import IndicatorFactory

    return {"pk": IndicatorFactory().pk}


def _value(personas):
    from tests.factories.logframe import ManualValueFactory

    return {"pk": ManualValueFactory().pk}


MATRIX = {
    "monitoring:objective-create": {"allowed": PROGRAMME_MANAGERS, "kwargs": _programme},
    "monitoring:result-create": {"allowed": PROGRAMME_MANAGERS, "kwargs": _objective},
    "monitoring:indicator-create": {"allowed": PROGRAMME_MANAGERS, "kwargs": _programme},
    "monitoring:target-create": {"allowed": PROGRAMME_MANAGERS, "kwargs": _indicator},
    "monitoring:manual-value-create": {"allowed": PROGRAMME_MANAGERS, "kwargs": _indicator},
    "monitoring:evidence-download": {"allowed": PROGRAMME_VIEWERS, "kwargs": _value},
}
