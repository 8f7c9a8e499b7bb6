"""The reintegration-sustainability score: a versioned instrument (a JSON data file in
masar/cases/data/sustainability/) and one pure function that scores answers against it."""

from .sustainability import (
    CURRENT_VERSION,
    DIMENSIONS,
    Instrument,
    Scores,
    instrument,
    score,
)

__all__ = ["CURRENT_VERSION", "DIMENSIONS", "Instrument", "Scores", "instrument", "score"]
