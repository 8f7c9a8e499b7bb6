"""Scoring of the reintegration-sustainability survey (after IOM's RSS).

The instrument — questions, answer scales, weights, threshold and where each comes from — is
data: ``masar/cases/data/sustainability/iom-rss-<version>.json``. ``score()`` is a pure
function of an instrument and the answers:

- each answer option carries a score in [0, 1] (worst to best);
- a dimension score is the weighted mean of its questions' option scores;
- the composite is the weighted mean of the dimension scores.

Every score is therefore in [0, 1], and a better answer never lowers any score.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "sustainability"
CURRENT_VERSION = "2019-masar-1"
DIMENSIONS = ("economic", "social", "psychosocial")


def _text(value: dict | str) -> str:
    """A label in the active language (French, then English, as fallbacks)."""
    if isinstance(value, str):
        return value
    language = (get_language() or "fr").split("-")[0]
    return value.get(language) or value.get("fr") or value.get("en", "")


@dataclass(frozen=True)
class Scores:
    economic: float
    social: float
    psychosocial: float
    composite: float

    def as_dict(self) -> dict[str, float]:
        return {
            "economic": self.economic,
            "social": self.social,
            "psychosocial": self.psychosocial,
            "composite": self.composite,
        }


@dataclass(frozen=True)
class Instrument:
    """A parsed instrument file; ``data`` is the file's content as loaded."""

    data: dict

    @property
    def version(self) -> str:
        return self.data["version"]

    @property
    def threshold(self) -> float:
        return float(self.data["threshold"])

    @property
    def questions(self) -> list[dict]:
        return self.data["questions"]

    @property
    def weights_published(self) -> bool:
        return bool(self.data.get("flags", {}).get("weights_published"))

    @property
    def weights_source(self) -> str:
        return self.data.get("weights_source", "")

    @property
    def sources(self) -> list[str]:
        return self.data.get("source", {}).get("documents", [])

    def title(self) -> str:
        return _text(self.data["title"])

    def dimension_label(self, dimension: str) -> str:
        for d in self.data["dimensions"]:
            if d["id"] == dimension:
                return _text(d["label"])
        return dimension

    def question_text(self, question: dict) -> str:
        return _text(question["text"])

    def option_choices(self, question: dict) -> list[tuple[str, str]]:
        return [(o["value"], _text(o["label"])) for o in question["options"]]

    def validate(self, answers: dict) -> dict[str, str]:
        """Errors by question id: a missing or unknown answer, or an unknown question."""
        errors = {}
        known = {q["id"] for q in self.questions}
        for key in set(answers) - known:
            errors[key] = "unknown question"
        for q in self.questions:
            values = {o["value"] for o in q["options"]}
            if q["id"] not in answers:
                errors[q["id"]] = "missing"
            elif answers[q["id"]] not in values:
                errors[q["id"]] = "unknown answer"
        return errors


def check_instrument(data: dict) -> None:
    """Refuse a malformed instrument file (raised at load, so a bad file never scores)."""
    dims = {d["id"]: float(d["weight"]) for d in data["dimensions"]}
    if set(dims) != set(DIMENSIONS) or any(w <= 0 for w in dims.values()):
        raise ValueError("an instrument has the three dimensions, each with a positive weight")
    seen = set()
    for q in data["questions"]:
        if q["id"] in seen or q["dimension"] not in dims or float(q["weight"]) <= 0:
            raise ValueError(f"bad question {q['id']!r}")
        seen.add(q["id"])
        scores = [float(o["score"]) for o in q["options"]]
        if len(scores) < 2 or any(not 0 <= s <= 1 for s in scores):
            raise ValueError(f"question {q['id']!r}: option scores lie in [0, 1]")
    for dimension in DIMENSIONS:
        if not any(q["dimension"] == dimension for q in data["questions"]):
            raise ValueError(f"no question for the {dimension} dimension")
    if not 0 <= float(data["threshold"]) <= 1:
        raise ValueError("the threshold lies in [0, 1]")


@cache
def instrument(version: str = CURRENT_VERSION) -> Instrument:
    path = DATA_DIR / f"iom-rss-{version}.json"
    if not path.is_file() or "/" in version:
        raise LookupError(f"no sustainability instrument {version!r}")
    data = json.loads(path.read_text(encoding="utf-8"))
    check_instrument(data)
    return Instrument(data)


def score(data: dict, answers: dict[str, str]) -> Scores:
    """Score complete, valid ``answers`` (question id → option value) against the
    instrument ``data``. Raises KeyError on a missing question or unknown option."""
    totals = dict.fromkeys(DIMENSIONS, 0.0)
    weights = dict.fromkeys(DIMENSIONS, 0.0)
    for q in data["questions"]:
        options = {o["value"]: float(o["score"]) for o in q["options"]}
        value = options[answers[q["id"]]]
        weight = float(q["weight"])
        totals[q["dimension"]] += weight * value
        weights[q["dimension"]] += weight
    dims = {d: _clamp(totals[d] / weights[d]) for d in DIMENSIONS}
    dim_weights = {d["id"]: float(d["weight"]) for d in data["dimensions"]}
    composite = sum(dim_weights[d] * dims[d] for d in DIMENSIONS) / sum(dim_weights.values())
    return Scores(
        economic=round(dims["economic"], 4),
        social=round(dims["social"], 4),
        psychosocial=round(dims["psychosocial"], 4),
        composite=round(_clamp(composite), 4),
    )


def _clamp(value: float) -> float:
    # Float sums of values in [0, 1] may stray by an ulp; the bounds are part of the contract.
    return min(1.0, max(0.0, value))
