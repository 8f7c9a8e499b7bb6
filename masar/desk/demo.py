"""Demo desks: the weekly guichets of La Marsa (Wednesday) and Raoued (Thursday) held by the
municipalities with intercultural mediators (seed 001, I-MIGR), and the desk of the Tounesna
antenna in Tunis (Tuesday and Thursday); the services each orients to, picked from the demo
directory near them; some 300 contacts over the last six months with realistic profiles,
topics and orientations (some marked reached); 20 sessions held, one cancelled ahead; six
outreach activities.

Everything goes through the actions. Deterministic (``random.Random(SEED)``) and idempotent:
desks by code, sessions by slot, contacts and activities by idempotency key; a second run
creates nothing. Needs ``seed_demo`` (institutions, logins) and the demo directory.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import Institution, User
from masar.accounts.policy import Role
from masar.directory.models import Service
from masar.geo.models import Delegation, Municipality

from . import actions
from .demo_data import (
    AGES,
    DESKS,
    MIGRANT_NATIONALITIES,
    NEEDS,
    OUTREACH,
    STATUS_MIX,
    TOPICS,
    YOUNG_AGES,
)
from .models import (
    ContactStatus,
    DeskContact,
    DeskOpening,
    DeskPoint,
    DeskSession,
    Orientation,
    OutreachActivity,
    Reached,
    SessionStatus,
)

SEED = "masar-demo-desks"
CONTACTS = 300
WINDOW_DAYS = 182
T = datetime.time


def _pick(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def _services_for(spec) -> dict:
    """{service: {category codes}} near the desk: for each need it orients to, the first
    published service with that need in its delegation, else in its governorate (never a
    desk's own directory entry, one service per name)."""
    delegation = Delegation.objects.select_related("governorate").get(code=spec["area"])
    published = Service.objects.published().exclude(name_fr__startswith="Guichet")
    chosen: list[Service] = []
    for code in spec["categories"]:
        names = {s.name_fr for s in chosen}
        for area in (
            {"delegation": delegation.code},
            {"governorate": delegation.governorate.code},
            {"governorate": "TN-11"},
        ):
            candidates = published.in_area(**area).filter(categories__code=code).order_by("name_fr")
            service = next((s for s in candidates[:20] if s.name_fr not in names), None)
            if service is not None:
                chosen.append(service)
                break
    categories: dict = {}
    links = Service.categories.through.objects.filter(
        service_id__in=[s.pk for s in chosen]
    ).select_related("taxonomyterm__parent")
    for link in links:
        term = link.taxonomyterm
        categories.setdefault(link.service_id, set()).update(
            {term.code, term.parent.code if term.parent_id else term.code}
        )
    return {s: categories.get(s.pk, set()) for s in chosen}


def _mediator_raoued(institutions) -> User:
    from masar.accounts.actions import create_user
    from masar.core.management.commands.seed_demo import DEMO_PASSWORD

    user = User.objects.filter(username="mediatrice.raoued").first()
    if user is None:
        user = create_user(
            actor=None,
            institution=institutions["mun-raoued"],
            username="mediatrice.raoued",
            email="mediatrice.raoued@masar.example.tn",
            first_name="Fatou",
            last_name="Diallo",
            roles=[Role.MEDIATOR],
            password=DEMO_PASSWORD,
            validate=False,
        )
    return user


def _desk(code, spec, institutions, users, created) -> DeskPoint:
    desk = DeskPoint.objects.filter(code=code).first()
    if desk is not None:
        return desk
    municipality = Municipality.objects.select_related("delegation__governorate").get(
        code=spec["area"]
    )
    fr, ar, en = spec["names"]
    afr, aar, aen = spec["address"]
    nfr, nar, nen = spec["access"]
    desk = actions.create_desk(
        actor=None,
        holder=institutions[spec["holder"]],
        services=list(_services_for(spec)),
        code=code,
        name_fr=fr,
        name_ar=ar,
        name_en=en,
        address_fr=afr,
        address_ar=aar,
        address_en=aen,
        access_notes_fr=nfr,
        access_notes_ar=nar,
        access_notes_en=nen,
        phone=spec["phone"],
        latitude=spec["coords"][0],
        longitude=spec["coords"][1],
        governorate=municipality.delegation.governorate,
        delegation=municipality.delegation,
        municipality=municipality,
        is_public=True,
        is_active=True,
    )
    for weekday, opens, closes in spec["openings"]:
        actions.add_opening(
            actor=None, desk=desk, weekday=weekday, opens_at=opens, closes_at=closes
        )
    actions.set_mediators(actor=None, desk=desk, mediators=[users[u] for u in spec["mediators"]])
    created["desks"] += 1
    return desk


def _opening_days(desk, today) -> list[tuple[datetime.date, DeskOpening]]:
    openings = list(desk.openings.all())
    days = []
    for back in range(WINDOW_DAYS, -1, -1):
        day = today - datetime.timedelta(days=back)
        days += [(day, o) for o in openings if o.weekday == day.weekday()]
    return days


@transaction.atomic
def seed() -> dict:
    rng = random.Random(SEED)  # noqa: S311 — demo data, not security
    today = timezone.localdate()
    created = dict.fromkeys(("desks", "sessions", "contacts", "reached", "outreach"), 0)
    institutions = {
        i.code: i
        for i in Institution.objects.filter(code__in={s["holder"] for s in DESKS.values()})
    }
    if len(institutions) < len(DESKS):
        return {}
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["mediateur.lamarsa", "conseiller.tunis", "admin"]
        )
    }
    if len(users) < 3:
        return {}
    users["mediatrice.raoued"] = _mediator_raoued(institutions)
    desks = {code: _desk(code, spec, institutions, users, created) for code, spec in DESKS.items()}

    # Sessions: the most recent opening days held, with the desk's mediators; one cancelled
    # ahead at Raoued (the public portal skips it).
    days = {code: _opening_days(desk, today) for code, desk in desks.items()}
    for code, desk in desks.items():
        held = [(d, o) for d, o in days[code] if d <= today][-DESKS[code]["sessions"] :]
        existing = set(DeskSession.objects.filter(desk=desk).values_list("held_on", "starts_at"))
        for day, opening in held:
            if (day, opening.opens_at) in existing:
                continue
            actions.record_session(
                actor=users["admin"],
                desk=desk,
                held_on=day,
                starts_at=opening.opens_at,
                ends_at=opening.closes_at,
                mediators=list(desk.mediators.all()),
            )
            created["sessions"] += 1
    raoued = desks["raoued"]
    upcoming = today + datetime.timedelta(days=(3 - today.weekday()) % 7 + 7)
    if not DeskSession.objects.filter(desk=raoued, status=SessionStatus.CANCELLED).exists():
        actions.record_session(
            actor=users["admin"],
            desk=raoued,
            held_on=upcoming,
            starts_at=T(9),
            ends_at=T(13),
            status=SessionStatus.CANCELLED,
            note="Fermeture exceptionnelle de la mairie (journée de formation des médiateurs).",
        )
        created["sessions"] += 1

    # Contacts.
    offered = {code: _services_for(DESKS[code]) for code in desks}
    weights = {code: spec["weight"] for code, spec in DESKS.items()}
    existing_keys = set(
        DeskContact.objects.filter(idempotency_key__startswith="demo-desk-").values_list(
            "idempotency_key", flat=True
        )
    )
    new_contacts = []
    for n in range(CONTACTS):
        code = _pick(rng, weights)
        desk = desks[code]
        past = [(d, o) for d, o in days[code] if d <= today]
        day, _opening = past[int(len(past) * rng.random() ** 0.8)]
        status = _pick(rng, STATUS_MIX[code])
        topic_weights = TOPICS[status]
        topics = list(
            dict.fromkeys(_pick(rng, topic_weights) for _ in range(rng.choice((1, 1, 2, 2, 3))))
        )
        services = []
        for topic in topics:
            matching = [
                s
                for s, cats in offered[code].items()
                if cats & set(NEEDS.get(topic, ())) and s not in services
            ]
            if matching and rng.random() < 0.8:
                services.append(rng.choice(matching))
        if status == ContactStatus.MIGRANT:
            nationality = _pick(rng, MIGRANT_NATIONALITIES)
            age = _pick(rng, AGES)
        elif status == ContactStatus.YOUNG_TUNISIAN:
            nationality, age = "TN", _pick(rng, YOUNG_AGES)
        elif status == ContactStatus.RETURNEE:
            nationality, age = "TN", _pick(rng, {"18-24": 15, "25-34": 45, "35-49": 30, "50+": 10})
        else:
            nationality, age = rng.choice(("TN", "DZ", "LY", "")), _pick(rng, AGES)
        sex = _pick(rng, {"female": 42, "male": 52, "unspecified": 6})
        key = f"demo-desk-{n:04d}"
        if key in existing_keys:
            continue
        contact = actions.record_desk_contact(
            actor=users[DESKS[code]["recorder"]],
            desk=desk,
            status=status,
            topics=topics,
            services=services,
            sex=sex,
            age_group=age,
            nationality=nationality,
            contacted_on=day,
            idempotency_key=key,
        )
        new_contacts.append((contact, DESKS[code]["recorder"]))
        created["contacts"] += 1

    # Whether people reached the services: known for about half of those older than two weeks.
    for contact, recorder in new_contacts:
        if (today - contact.contacted_on).days < 14:
            continue
        for orientation in Orientation.objects.filter(contact=contact):
            draw = rng.random()
            if draw < 0.5:
                answer = Reached.YES if draw < 0.38 else Reached.NO
                actions.mark_orientation_reached(
                    actor=users[recorder], orientation=orientation, reached=answer
                )
                created["reached"] += 1

    # Outreach.
    for n, (code, kind, title, place, topics, counts, days_ago) in enumerate(OUTREACH):
        key = f"demo-outreach-{n}"
        if OutreachActivity.objects.filter(idempotency_key=key).exists():
            continue
        desk = desks[code]
        women, men, unspecified, minors = counts
        actions.record_outreach(
            actor=users[DESKS[code]["recorder"]],
            holder=desk.holder,
            desk=desk,
            kind=kind,
            title=title,
            held_on=today - datetime.timedelta(days=days_ago),
            place=place,
            topics=topics,
            governorate=desk.governorate,
            delegation=desk.delegation,
            municipality=desk.municipality,
            reached_women=women,
            reached_men=men,
            reached_unspecified=unspecified,
            reached_minors=minors,
            idempotency_key=key,
        )
        created["outreach"] += 1
    return {k: v for k, v in created.items() if v}
