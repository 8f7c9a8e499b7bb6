"""A hand-counted world for the desk statistics (tests/desk/test_stats*.py).

Two desks — La Marsa (held by the municipality, staffed by mediateur.lamarsa) and Sfax (held
by the OTE Sfax antenna) — with seven contacts in September and October 2025 whose every
figure is counted by hand in ``EXPECTED``, two more just outside the period, and outreach.
"""

import datetime

from masar.desk.models import Orientation, OutreachActivity, Reached

from .desk import DeskContactFactory, DeskPointFactory
from .directory import ServiceFactory

PERIOD = {"date_from": "2025-09-01", "date_to": "2025-11-30"}

# (desk, day, sex, age group, nationality, status, topics, services (indexes))
CONTACTS = [
    ("lm", "2025-09-03", "female", "18-24", "CI", "migrant", ["rights", "health"], [0, 1]),
    ("lm", "2025-09-10", "male", "25-34", "CI", "migrant", ["work"], [0]),
    (
        "lm",
        "2025-10-05",
        "female",
        "15-17",
        "TN",
        "young_tunisian",
        ["irregular_risks", "schooling"],
        [],
    ),
    ("lm", "2025-10-20", "unspecified", "unknown", "", "other", ["rights"], [1]),
    ("sf", "2025-09-15", "male", "35-49", "TN", "returnee", ["reintegration", "work"], [0]),
    ("sf", "2025-10-01", "male", "25-34", "TN", "returnee", ["reintegration"], [2]),
    ("sf", "2025-10-31", "female", "50+", "GN", "migrant", ["documents", "rights"], []),
    # Outside the period: never counted.
    ("lm", "2025-08-31", "female", "18-24", "CI", "migrant", ["rights"], [2]),
    ("sf", "2025-12-01", "male", "25-34", "TN", "returnee", ["work"], [0]),
]
# (contact index, service index) → outcome
OUTCOMES = {
    (0, 0): Reached.YES,
    (1, 0): Reached.NO,
    (3, 1): Reached.YES,
    (4, 0): Reached.NO,
    (7, 2): Reached.YES,
}


def build_stats_world(persona) -> dict:
    lamarsa = DeskPointFactory(
        code="lamarsa", name_fr="Guichet de La Marsa", holder=persona.institution("mun-la-marsa")
    )
    mediator = persona("mediateur.lamarsa")
    lamarsa.mediators.add(mediator)
    sfax = DeskPointFactory(
        code="sfax", name_fr="Guichet de Sfax", holder=persona.institution("ote-sfax")
    )
    desks = {"lm": lamarsa, "sf": sfax}
    actors = {"lm": mediator, "sf": persona("conseiller.sfax")}
    services = [ServiceFactory(name_fr=f"Service {n}") for n in ("A", "B", "C")]
    contacts = []
    for desk, day, sex, age, nationality, status, topics, wanted in CONTACTS:
        contacts.append(
            DeskContactFactory(
                actor=actors[desk],
                desk=desks[desk],
                contacted_on=datetime.date.fromisoformat(day),
                sex=sex,
                age_group=age,
                nationality=nationality,
                status=status,
                topics=topics,
                services=[services[i] for i in wanted],
            )
        )
    for (ci, si), reached in OUTCOMES.items():
        Orientation.objects.filter(contact=contacts[ci], service=services[si]).update(
            reached=reached
        )
    for desk, kind, day, women, men, unspecified, minors in [
        ("lm", "peer_school", "2025-09-20", 10, 8, 2, 15),
        ("sf", "themed_event", "2025-10-10", 30, 20, 0, 5),
        ("sf", "performance", "2025-12-05", 100, 100, 0, 0),  # outside the period
    ]:
        OutreachActivity.objects.create(
            holder=desks[desk].holder,
            desk=desks[desk],
            kind=kind,
            title=f"{kind} {day}",
            held_on=datetime.date.fromisoformat(day),
            reached_women=women,
            reached_men=men,
            reached_unspecified=unspecified,
            reached_minors=minors,
            recorded_by=actors[desk],
            governorate=desks[desk].governorate,
        )
    return {"desks": desks, "services": services, "contacts": contacts}
