"""The desk measures against populations counted by hand: the first quarter of 2025."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from masar.monitoring.measures import CATALOGUE
from tests.factories.desk import DeskContactFactory, DeskPointFactory, OutreachActivityFactory
from tests.factories.measures import END, START, governorates

pytestmark = pytest.mark.django_db

D = datetime.date
GOVS = ["TN-11", "TN-61", "TN-53"]


def _pks(qs):
    return {r.pk for r in qs}


@pytest.fixture
def contacts(persona):
    g = governorates()
    # The Tunis desk is held by the Tunis antenna (its counsellor sees it); Sfax's by another.
    tunis = DeskPointFactory(holder=persona.institution("ote-tunis"), governorate=g["tunis"])
    sfax = DeskPointFactory(governorate=g["sfax"])

    def contact(desk, day, **kw):
        return DeskContactFactory(desk=desk, contacted_on=day, **kw)

    return {
        "k1": contact(
            tunis,
            START,
            sex="female",
            age_group="18-24",
            nationality="TN",
            status="returnee",
            topics=["rights", "work"],
        ),
        "k2": contact(
            tunis, END, sex="male", age_group="25-34", status="young_tunisian", topics=["work"]
        ),
        "k3": contact(
            sfax,
            D(2025, 2, 1),
            sex="female",
            age_group="15-17",
            nationality="CI",
            status="migrant",
            topics=["rights", "documents", "health"],
        ),
        "k6": contact(sfax, D(2025, 2, 2), status="migrant", topics=["other"]),
        # Not counted: the day after, the day before.
        "k4": contact(sfax, D(2025, 4, 1), sex="female", status="migrant", topics=["rights"]),
        "k5": contact(sfax, D(2024, 12, 31), sex="female", status="migrant", topics=["rights"]),
    }


def test_desk_contacts_hand_counted(contacts, django_assert_num_queries):
    m = CATALOGUE["desk_contacts"]
    with django_assert_num_queries(1):
        assert m.compute(start=START, end=END).total == 4  # k1 k2 k3 k6
    with django_assert_num_queries(1):
        by_topic = m.compute(start=START, end=END, by="topic")
    # A contact asks about several topics: 7 topics for 4 contacts.
    assert by_topic.total == 4
    assert by_topic.cells == {
        "rights": 2,  # k1 k3
        "services": 0,
        "legal_migration": 0,
        "irregular_risks": 0,
        "health": 1,  # k3
        "schooling": 0,
        "work": 2,  # k1 k2
        "documents": 1,  # k3
        "housing": 0,
        "reintegration": 0,
        "psychosocial": 0,
        "other": 1,  # k6
    }
    cells = {by: m.compute(start=START, end=END, by=by).cells for by in m.disaggregations}
    assert cells["sex"] == {"female": 2, "male": 1, "unspecified": 1}
    assert cells["age_group"] == {
        "0-14": 0,
        "15-17": 1,
        "18-24": 1,
        "25-34": 1,
        "35-49": 0,
        "50+": 0,
        "unknown": 1,
    }
    assert cells["status"] == {"returnee": 1, "migrant": 2, "young_tunisian": 1, "other": 0}
    # An open list: what was found, "not stated" always there.
    assert cells["nationality"] == {"unspecified": 2, "CI": 1, "TN": 1}
    by_gov = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert by_gov.cells == {"TN-11": 2, "TN-53": 0, "TN-61": 2}
    assert m.compute(start=START, end=END, governorates=["TN-11"]).total == 2


def test_desk_contacts_records(contacts, persona):
    m = CATALOGUE["desk_contacts"]
    c = contacts
    suivi = persona("suivi")  # reads every desk
    assert _pks(m.records(user=suivi, start=START, end=END)) == {
        c[k].pk for k in ("k1", "k2", "k3", "k6")
    }
    rights = m.records(user=suivi, start=START, end=END, cell="topic:rights")
    assert _pks(rights) == {c["k1"].pk, c["k3"].pk}
    unstated = m.records(user=suivi, start=START, end=END, cell="nationality:unspecified")
    assert _pks(unstated) == {c["k2"].pk, c["k6"].pk}
    sfax = m.records(user=suivi, start=START, end=END, cell="governorate:TN-61")
    assert _pks(sfax) == {c["k3"].pk, c["k6"].pk}
    # A counsellor of the Tunis antenna: the desk it holds only.
    tunis = m.records(user=persona("conseiller.tunis"), start=START, end=END)
    assert _pks(tunis) == {c["k1"].pk, c["k2"].pk}
    with pytest.raises(PermissionDenied):  # desk staff who do not read programmes
        m.records(user=persona("mediateur.lamarsa"), start=START, end=END)
    with pytest.raises(ValidationError):
        m.records(user=suivi, start=START, end=END, cell="topic:weather")
    with pytest.raises(ValidationError):
        m.compute(start=START, end=END, by="institution")


@pytest.fixture
def outreach(persona):
    g = governorates()
    holder = persona.institution("mun-la-marsa")

    def activity(day, gov, women, men, unspecified):
        return OutreachActivityFactory(
            holder=holder,
            held_on=day,
            governorate=gov,
            reached_women=women,
            reached_men=men,
            reached_unspecified=unspecified,
            reached_minors=0,
        )

    return {
        "o1": activity(START, g["tunis"], 10, 5, 0),
        "o2": activity(END, g["sfax"], 3, 4, 2),
        "o4": activity(D(2025, 2, 1), None, 1, 1, 1),
        # Not counted: the day after, the day before.
        "o3": activity(D(2025, 4, 1), g["tunis"], 100, 0, 0),
        "o5": activity(D(2024, 12, 31), g["tunis"], 100, 0, 0),
    }


def test_outreach_reached_hand_counted(outreach, persona, django_assert_num_queries):
    m = CATALOGUE["outreach_reached"]
    with django_assert_num_queries(1):
        assert m.compute(start=START, end=END).total == 27  # 15 + 9 + 3
    with django_assert_num_queries(1):
        by_sex = m.compute(start=START, end=END, by="sex")
    assert by_sex.cells == {"female": 14, "male": 10, "unspecified": 3}
    with django_assert_num_queries(1):
        by_gov = m.compute(start=START, end=END, governorates=GOVS, by="governorate")
    assert (by_gov.total, by_gov.cells) == (24, {"TN-11": 15, "TN-53": 0, "TN-61": 9})
    everywhere = m.compute(start=START, end=END, by="governorate").cells
    assert everywhere["unknown"] == 3  # o4 has no governorate
    o = outreach
    suivi = persona("suivi")
    assert _pks(m.records(user=suivi, start=START, end=END)) == {
        o[k].pk for k in ("o1", "o2", "o4")
    }
    unspecified = m.records(user=suivi, start=START, end=END, cell="sex:unspecified")
    assert _pks(unspecified) == {o["o2"].pk, o["o4"].pk}
    # Held by La Marsa: a Tunis counsellor sees none of it.
    assert not m.records(user=persona("conseiller.tunis"), start=START, end=END).exists()
