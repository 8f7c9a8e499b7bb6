"""The sustainability score: one pure function of a versioned instrument and the answers.
Hypothesis checks the contract (bounds, monotony) on the real instrument and on random ones."""

import copy
import datetime
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masar.cases.actions.followups import add_months
from masar.cases.scoring import CURRENT_VERSION, DIMENSIONS, instrument, score
from masar.cases.scoring.sustainability import DATA_DIR, check_instrument

SURVEY = instrument()


def answers_strategy(data):
    return st.fixed_dictionaries(
        {q["id"]: st.sampled_from([o["value"] for o in q["options"]]) for q in data["questions"]}
    )


@st.composite
def instruments(draw):
    """Random well-formed instruments: 1-4 questions per dimension, 2-5 options with scores
    in [0, 1] (sorted, as a scale is), positive weights."""
    questions = []
    for dimension in DIMENSIONS:
        for i in range(draw(st.integers(1, 4))):
            scores = sorted(draw(st.lists(st.floats(0, 1), min_size=2, max_size=5)))
            questions.append(
                {
                    "id": f"{dimension}_{i}",
                    "dimension": dimension,
                    "weight": draw(st.floats(0.01, 10)),
                    "options": [{"value": f"o{j}", "score": s} for j, s in enumerate(scores)],
                }
            )
    return {
        "version": "test",
        "threshold": 0.5,
        "dimensions": [{"id": d, "weight": draw(st.floats(0.01, 10))} for d in DIMENSIONS],
        "questions": questions,
    }


def _all_scores(s):
    return [s.economic, s.social, s.psychosocial, s.composite]


def test_instrument_file_states_its_source_and_unpublished_weights():
    data = SURVEY.data
    assert data["version"] == CURRENT_VERSION
    documents = " ".join(data["source"]["documents"])
    assert "Reintegration Handbook" in documents and "Annex 4" in documents
    assert "Samuel Hall" in documents and "MEASURE" in documents
    assert data["threshold"] == 0.5
    # Weights we could not find published are flagged as such, never passed off as IOM's.
    assert data["flags"]["weights_published"] is False
    assert "NOT IOM" in data["weights_source"]
    assert all(q["weight_published"] is False for q in data["questions"])
    assert {q["dimension"] for q in data["questions"]} == set(DIMENSIONS)


def test_every_instrument_file_is_well_formed():
    files = sorted(DATA_DIR.glob("iom-rss-*.json"))
    assert files
    for path in files:
        check_instrument(json.loads(path.read_text(encoding="utf-8")))


def test_best_and_worst_answers_give_one_and_zero():
    best = {q["id"]: q["options"][-1]["value"] for q in SURVEY.questions}
    worst = {q["id"]: q["options"][0]["value"] for q in SURVEY.questions}
    assert _all_scores(score(SURVEY.data, best)) == [1.0] * 4
    assert _all_scores(score(SURVEY.data, worst)) == [0.0] * 4


def test_dimension_score_is_the_weighted_mean_and_composite_the_mean_of_dimensions():
    answers = {q["id"]: q["options"][0]["value"] for q in SURVEY.questions}
    economic = [q for q in SURVEY.questions if q["dimension"] == "economic"]
    answers[economic[0]["id"]] = economic[0]["options"][-1]["value"]  # one best answer
    result = score(SURVEY.data, answers)
    assert result.economic == round(1 / len(economic), 4)
    assert (result.social, result.psychosocial) == (0.0, 0.0)
    assert result.composite == round(result.economic / 3, 4)


def test_missing_answer_or_unknown_option_refused():
    answers = {q["id"]: q["options"][0]["value"] for q in SURVEY.questions}
    incomplete = dict(answers)
    incomplete.popitem()
    with pytest.raises(KeyError):
        score(SURVEY.data, incomplete)
    assert SURVEY.validate(incomplete)
    wrong = dict(answers, econ_food="sometimes-ish")
    assert SURVEY.validate(wrong) == {"econ_food": "unknown answer"}


def test_malformed_instrument_refused():
    bad = copy.deepcopy(SURVEY.data)
    bad["questions"][0]["options"][0]["score"] = 1.5
    with pytest.raises(ValueError):
        check_instrument(bad)
    bad = copy.deepcopy(SURVEY.data)
    bad["questions"] = [q for q in bad["questions"] if q["dimension"] != "social"]
    with pytest.raises(ValueError):
        check_instrument(bad)


@settings(max_examples=200, deadline=None)
@given(answers_strategy(SURVEY.data))
def test_real_instrument_scores_lie_in_unit_interval(answers):
    assert all(0 <= v <= 1 for v in _all_scores(score(SURVEY.data, answers)))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_instrument_scores_lie_in_unit_interval(data):
    survey = data.draw(instruments())
    answers = data.draw(answers_strategy(survey))
    assert all(0 <= v <= 1 for v in _all_scores(score(survey, answers)))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_better_answer_never_lowers_any_score(data):
    survey = data.draw(st.one_of(st.just(SURVEY.data), instruments()))
    answers = data.draw(answers_strategy(survey))
    question = data.draw(st.sampled_from(survey["questions"]))
    options = question["options"]
    current = [o["value"] for o in options].index(answers[question["id"]])
    better = data.draw(st.integers(current, len(options) - 1))
    improved = dict(answers, **{question["id"]: options[better]["value"]})
    before, after = score(survey, answers), score(survey, improved)
    for old, new in zip(_all_scores(before), _all_scores(after), strict=True):
        assert new >= old
    # The other dimensions do not move.
    for dimension in DIMENSIONS:
        if dimension != question["dimension"]:
            assert getattr(after, dimension) == getattr(before, dimension)


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 1, 1)),
    st.integers(0, 36),
)
def test_add_months_lands_in_the_right_month_never_past_the_day(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    assert result.day == day.day or result.month != (result + datetime.timedelta(days=1)).month
