"""Permission-matrix rows for the printable brochure (``brochure:``): public, like the
published directory it prints."""

from . import EVERYONE


def _sfax(personas):
    """An existing area (the governorate of Sfax); an empty area still gets its PDF."""
    from tests.factories.directory import governorate

    return {"area_code": governorate().code}


MATRIX = {
    "brochure:choose": {"allowed": EVERYONE},
    "brochure:area": {"allowed": EVERYONE, "kwargs": _sfax},
}
