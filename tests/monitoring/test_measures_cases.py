"""The case measures against populations counted by hand: the first quarter of 2025
(``START``–``END``); each record says why it counts or not."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from masar.monitoring.measures import CATALOGUE
from tests.factories.measures import (
    END,
    START,
    aid_file,
    at,
    case_for,
    close,
    governorates,
    referral,
    scored_case,
)

pytestmark = pytest.mark.django_db

D = datetime.date
GOVS = ["TN-11", "TN-61", "TN-53"]  # Tunis, Sfax, Mahdia (nothing in Mahdia)


def _pks(qs):
    return {r.pk for r in qs}


# --- returnees registered ---------------------------------------------------------------


@pytest.fixture
def registered(persona):
    g = governorates()
    tunis, sfax = persona("conseiller.tunis"), persona("conseiller.sfax")
    # a: the first day just after midnight; 24 on the last day (25 on 1 April 2025).
    a = case_for(tunis, opened=at(START, 0, 30), sex="F", birth=D(2000, 4, 1), gov=g["tunis"])
    # a again: closed, then a second case in the period; the person counts once.
    close(a)
    a2 = case_for(tunis, opened=at(D(2025, 3, 1)), beneficiary=a.beneficiary)
    # b: the last day late in the evening; 25 on the last day itself.
    b = case_for(sfax, opened=at(END, 23, 30), sex="M", birth=D(2000, 3, 31), gov=g["sfax"])
    # e: nothing known (sex, date of birth, governorate).
    e = case_for(tunis, opened=at(D(2025, 2, 10)))
    # f: born 1960, in Sfax.
    f = case_for(sfax, opened=at(D(2025, 2, 15)), sex="F", birth=D(1960, 1, 1), gov=g["sfax"])
    # Outside: midnight on the day after, and the minute before the first day.
    after = case_for(tunis, opened=at(D(2025, 4, 1), 0, 0), sex="F", gov=g["tunis"])
    before = case_for(tunis, opened=at(D(2024, 12, 31), 23, 59), sex="F", gov=g["tunis"])
    return {"a": a, "a2": a2, "b": b, "e": e, "f": f, "after": after, "before": before}


def test_returnees_registered_hand_counted(registered, django_assert_num_queries):
    m = CATALOGUE["returnees_registered"]
    with django_assert_num_queries(1):
        result = m.compute(start=START, end=END)
    # a (once for two cases), b, e, f.
    assert result.total == 4
    assert result.cells is None
    with django_assert_num_queries(1):
        by_sex = m.compute(start=START, end=END, by="sex")
    assert by_sex.cells == {"female": 2, "male": 1, "unspecified": 1}  # a f / b / e
    by_age = m.compute(start=START, end=END, by="age_group").cells
    assert by_age == {
        "0-14": 0,
        "15-17": 0,
        "18-24": 1,  # a, 24 on 31 March
        "25-34": 1,  # b, 25 on 31 March
        "35-49": 0,
        "50+": 1,  # f
        "unknown": 1,  # e
    }


def test_returnees_registered_by_governorate(registered, django_assert_num_queries):
    m = CATALOGUE["returnees_registered"]
    # Filtered: e (no governorate) is left out; Mahdia is a zero cell.
    with django_assert_num_queries(1):
        result = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert result.total == 3
    assert result.cells == {"TN-11": 1, "TN-53": 0, "TN-61": 2}
    assert m.compute(start=START, end=END, governorates=["TN-61"]).total == 2  # b, f
    sfax = governorates()["sfax"]  # a Governorate row does as well as its code
    assert m.compute(start=START, end=END, governorates=[sfax]).total == 2
    assert m.compute(start=START, end=END, governorates=[]).total == 0
    # Every governorate (one more query: their list), and those with none.
    with django_assert_num_queries(2):
        cells = m.compute(start=START, end=END, by="governorate").cells
    assert cells["TN-11"] == 1 and cells["TN-61"] == 2 and cells["TN-53"] == 0
    assert cells["unknown"] == 1
    assert sum(cells.values()) == 4


def test_returnees_registered_records(registered, persona):
    m = CATALOGUE["returnees_registered"]
    r = registered
    everyone = m.records(user=persona("superviseur"), start=START, end=END)
    # The cases behind the figure: a's two cases, b, e, f.
    assert _pks(everyone) == {r["a"].pk, r["a2"].pk, r["b"].pk, r["e"].pk, r["f"].pk}
    women = m.records(user=persona("superviseur"), start=START, end=END, cell=("sex", "female"))
    assert _pks(women) == {r["a"].pk, r["a2"].pk, r["f"].pk}
    young = m.records(user=persona("superviseur"), start=START, end=END, cell="age_group:18-24")
    assert _pks(young) == {r["a"].pk, r["a2"].pk}
    over_50 = m.records(user=persona("superviseur"), start=START, end=END, cell="age_group:50+")
    assert _pks(over_50) == {r["f"].pk}
    unknown = m.records(
        user=persona("superviseur"), start=START, end=END, cell="governorate:unknown"
    )
    assert _pks(unknown) == {r["e"].pk}
    # A counsellor sees their own antenna's cases only.
    tunis = m.records(user=persona("conseiller.tunis"), start=START, end=END)
    assert _pks(tunis) == {r["a"].pk, r["a2"].pk, r["e"].pk}
    # The M&E officer reads programmes but no case: the aggregate, not the list.
    assert not m.records(user=persona("suivi"), start=START, end=END).exists()
    # Who does not read programmes is refused.
    with pytest.raises(PermissionDenied):
        m.records(user=persona("mediateur.lamarsa"), start=START, end=END)


def test_bad_breakdowns_and_periods(registered, persona):
    m = CATALOGUE["returnees_registered"]
    with pytest.raises(ValidationError):
        m.compute(start=START, end=END, by="topic")
    with pytest.raises(ValidationError):
        m.compute(start=END, end=START)
    for cell in ("sex:other", "colour:red", "sex", ("age_group", "12-13")):
        with pytest.raises(ValidationError):
            m.records(user=persona("superviseur"), start=START, end=END, cell=cell)


def test_same_records_same_numbers(registered):
    m = CATALOGUE["returnees_registered"]
    first = m.compute(start=START, end=END, by="age_group")
    second = m.compute(start=START, end=END, by="age_group")
    assert first.figures() == second.figures()
    assert first.computed_at <= second.computed_at


# --- business aid approved --------------------------------------------------------------


@pytest.fixture
def aid(persona):
    g = governorates()
    tunis, sfax = persona("conseiller.tunis"), persona("conseiller.sfax")
    biz = "business_in_kind"
    # p1: two approved business files in the period: counted once, 4000 + 1000 TND.
    p1 = aid_file(
        tunis,
        kind=biz,
        status="approved",
        decided=at(START, 8),
        amount="4000",
        sex="F",
        gov=g["tunis"],
    )
    p1b = aid_file(
        tunis,
        kind=biz,
        status="approved",
        decided=at(D(2025, 2, 1)),
        amount="1000",
        enrolment=p1.enrolment,
    )
    # p2: approved late on the last day, 3000 TND.
    p2 = aid_file(
        sfax,
        kind=biz,
        status="approved",
        decided=at(END, 22),
        amount="3000",
        sex="M",
        gov=g["sfax"],
    )
    # Not counted: approved the day after; equipment, not business; submitted; rejected.
    out = [
        aid_file(sfax, kind=biz, status="approved", decided=at(D(2025, 4, 1), 0, 10), sex="M"),
        aid_file(tunis, kind="equipment", status="approved", decided=at(D(2025, 2, 1)), sex="F"),
        aid_file(tunis, kind=biz, status="submitted", sex="F"),
        aid_file(tunis, kind=biz, status="rejected", decided=at(D(2025, 2, 1)), sex="F"),
    ]
    return {"p1": p1, "p1b": p1b, "p2": p2, "out": out}


def test_business_aid_approved_hand_counted(aid, persona, django_assert_num_queries):
    m = CATALOGUE["business_aid_approved"]
    with django_assert_num_queries(1):
        result = m.compute(start=START, end=END)
    assert result.total == 2  # p1 and p2
    assert result.extra["amount"] == 8000  # 4000 + 1000 + 3000
    by_sex = m.compute(start=START, end=END, by="sex")
    assert by_sex.cells == {"female": 1, "male": 1, "unspecified": 0}
    assert by_sex.extra["amount"] == 8000
    by_gov = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert by_gov.cells == {"TN-11": 1, "TN-53": 0, "TN-61": 1}
    records = m.records(user=persona("superviseur"), start=START, end=END)
    assert _pks(records) == {aid["p1"].pk, aid["p1b"].pk, aid["p2"].pk}
    men = m.records(user=persona("superviseur"), start=START, end=END, cell="sex:male")
    assert _pks(men) == {aid["p2"].pk}
    assert _pks(m.records(user=persona("conseiller.sfax"), start=START, end=END)) == {aid["p2"].pk}
    assert not m.records(user=persona("suivi"), start=START, end=END).exists()


# --- referrals completed on time --------------------------------------------------------


@pytest.fixture
def referrals(persona):
    g = governorates()
    tunis, sfax = persona("conseiller.tunis"), persona("conseiller.sfax")
    woman = case_for(tunis, sex="F", gov=g["tunis"])
    man = case_for(sfax, sex="M", gov=g["sfax"])
    return {
        # Due the first day, completed late that evening: on time.
        "r1": referral(tunis, woman, due=START, status="completed", completed=at(START, 23, 30)),
        # Due the last day, completed half an hour after midnight in Tunis (still 31 March
        # in UTC): late.
        "r2": referral(sfax, man, due=END, status="completed", completed=at(D(2025, 4, 1), 0, 30)),
        # Still open, and declined: not completed.
        "r3": referral(tunis, woman, due=D(2025, 2, 10), status="accepted"),
        "r4": referral(sfax, man, due=D(2025, 2, 10), status="declined"),
        # Completed ten days early: on time.
        "r8": referral(
            sfax, man, due=D(2025, 3, 1), status="completed", completed=at(D(2025, 2, 20))
        ),
        # Not counted: cancelled; due the day after; due the day before.
        "r5": referral(sfax, man, due=D(2025, 2, 10), status="cancelled"),
        "r6": referral(
            sfax, man, due=D(2025, 4, 1), status="completed", completed=at(D(2025, 3, 1))
        ),
        "r7": referral(
            tunis, woman, due=D(2024, 12, 31), status="completed", completed=at(D(2024, 12, 1))
        ),
    }


def test_referrals_on_time_hand_counted(referrals, django_assert_num_queries):
    m = CATALOGUE["referrals_completed_on_time"]
    with django_assert_num_queries(1):
        result = m.compute(start=START, end=END)
    # Due in the period: r1 r2 r3 r4 r8; on time: r1 r8 → 2 / 5.
    assert (result.numerator, result.denominator, result.total) == (2, 5, 40.0)
    with django_assert_num_queries(1):
        by_sex = m.compute(start=START, end=END, by="sex")
    # Women: r1 on time, r3 not → 1/2; men: r8 of r2 r4 r8 → 1/3; nobody unspecified.
    assert by_sex.cells == {"female": 50.0, "male": 33.3, "unspecified": None}
    assert by_sex.parts == {"female": (1, 2), "male": (1, 3), "unspecified": (0, 0)}
    assert (by_sex.numerator, by_sex.denominator, by_sex.total) == (2, 5, 40.0)
    by_gov = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert by_gov.cells == {"TN-11": 50.0, "TN-53": None, "TN-61": 33.3}
    # Nothing due: no percentage, not 0 %.
    empty = m.compute(start=D(2030, 1, 1), end=D(2030, 12, 31))
    assert (empty.total, empty.denominator) == (None, 0)


def test_referrals_on_time_records(referrals, persona):
    m = CATALOGUE["referrals_completed_on_time"]
    r = referrals
    sup = persona("superviseur")
    due = m.records(user=sup, start=START, end=END)
    assert _pks(due) == {r[k].pk for k in ("r1", "r2", "r3", "r4", "r8")}
    on_time = m.records(user=sup, start=START, end=END, cell="outcome:on_time")
    assert _pks(on_time) == {r["r1"].pk, r["r8"].pk}
    late = m.records(user=sup, start=START, end=END, cell="outcome:not_on_time")
    assert _pks(late) == {r[k].pk for k in ("r2", "r3", "r4")}
    women = m.records(user=sup, start=START, end=END, cell="sex:female")
    assert _pks(women) == {r["r1"].pk, r["r3"].pk}
    assert _pks(m.records(user=persona("conseiller.tunis"), start=START, end=END)) == {
        r["r1"].pk,
        r["r3"].pk,
    }
    assert not m.records(user=persona("suivi"), start=START, end=END).exists()
    with pytest.raises(PermissionDenied):
        m.records(user=persona("aneti.sfax"), start=START, end=END)  # a partner officer
    with pytest.raises(ValidationError):
        m.records(user=sup, start=START, end=END, cell="outcome:soon")


# --- sustainability change --------------------------------------------------------------


@pytest.fixture
def scores(persona):
    g = governorates()
    tunis, sfax = persona("conseiller.tunis"), persona("conseiller.sfax")
    return {
        # 0.40 → 0.70 at the 12-month visit on the first day: +0.30.
        "s1": scored_case(tunis, intake=0.4, visits=[(12, START, 0.7)], sex="F", gov=g["tunis"]),
        # 0.50 → 0.40 on the last day: −0.10.
        "s2": scored_case(sfax, intake=0.5, visits=[(12, END, 0.4)], sex="M", gov=g["sfax"]),
        # Not counted: the visit the day after; no intake score; a 6-month visit.
        "s3": scored_case(
            tunis, intake=0.2, visits=[(12, D(2025, 4, 1), 0.8)], sex="F", gov=g["tunis"]
        ),
        "s4": scored_case(sfax, visits=[(12, D(2025, 2, 1), 0.9)], sex="M", gov=g["sfax"]),
        "s5": scored_case(
            sfax, intake=0.3, visits=[(6, D(2025, 2, 1), 0.9)], sex="F", gov=g["sfax"]
        ),
    }


def test_sustainability_change_hand_counted(scores, persona, django_assert_num_queries):
    m = CATALOGUE["sustainability_change"]
    with django_assert_num_queries(1):
        result = m.compute(start=START, end=END)
    # (+0.30 − 0.10) / 2 = +0.10 → 10.0 points out of 100.
    assert result.total == 10.0
    assert result.denominator == 2
    with django_assert_num_queries(1):
        by_sex = m.compute(start=START, end=END, by="sex")
    assert by_sex.cells == {"female": 30.0, "male": -10.0, "unspecified": None}
    by_gov = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert by_gov.cells == {"TN-11": 30.0, "TN-53": None, "TN-61": -10.0}
    assert m.compute(start=START, end=END, governorates=["TN-61"]).total == -10.0
    records = m.records(user=persona("superviseur"), start=START, end=END)
    assert {s.case_id for s in records} == {scores["s1"].pk, scores["s2"].pk}
    assert {s.visit.month for s in records} == {12}
    tunis = m.records(user=persona("conseiller.tunis"), start=START, end=END)
    assert {s.case_id for s in tunis} == {scores["s1"].pk}
    assert not m.records(user=persona("suivi"), start=START, end=END).exists()
