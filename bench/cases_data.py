"""Generate a national-scale case load for benchmarks: N beneficiaries, N cases, 5N timeline
events, spread over nine OTE antennas, each with a counsellor.

Bulk inserts (the actions are for people's edits; at this volume they would measure the audit
trail, not the reads we time). Deterministic for a given size; prints its own rate.
"""

import random
import time
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

NAMESPACE = uuid.UUID("0b5c0b9e-6d55-4b8c-a8e2-00000000ca5e")
ANTENNAS = [
    ("bench-tunis", "Antenne Tounesna de Tunis (bench)"),
    ("bench-sfax", "Antenne Tounesna de Sfax (bench)"),
    ("bench-medenine", "Antenne Tounesna de Médenine (bench)"),
    ("bench-bizerte", "Antenne Tounesna de Bizerte (bench)"),
    ("bench-kef", "Antenne Tounesna du Kef (bench)"),
    ("bench-tataouine", "Antenne Tounesna de Tataouine (bench)"),
    ("bench-monastir", "Antenne Tounesna de Monastir (bench)"),
    ("bench-kairouan", "Antenne Tounesna de Kairouan (bench)"),
    ("bench-gafsa", "Antenne Tounesna de Gafsa (bench)"),
]
PASSWORD = "bench-password-masar"  # noqa: S105 — a throw-away benchmark database
EVENTS_PER_CASE = 5
BATCH = 20_000
TZ = ZoneInfo("Africa/Tunis")


def _pairs(text):
    return [tuple(p.split(":")) for p in text.split("|")]


def setup_people():
    """The headquarters, nine antennas and one counsellor in each; returns the antennas and
    the counsellors by antenna code."""
    from masar.accounts.actions import create_institution, create_user
    from masar.accounts.models import Institution, InstitutionKind, User
    from masar.accounts.policy import Role

    hq = Institution.objects.filter(code="bench-hq").first() or create_institution(
        actor=None, code="bench-hq", name_fr="OTE — siège (bench)", kind=InstitutionKind.OTE_HQ
    )
    antennas, counsellors = [], {}
    for code, name in ANTENNAS:
        antenna = Institution.objects.filter(code=code).first() or create_institution(
            actor=None, code=code, name_fr=name, kind=InstitutionKind.OTE_ANTENNA, parent=hq
        )
        antennas.append(antenna)
        username = f"conseiller.{code}"
        counsellors[code] = User.objects.filter(username=username).first() or create_user(
            actor=None,
            institution=antenna,
            username=username,
            first_name="Bench",
            last_name=code,
            roles=[Role.COUNSELLOR],
            password=PASSWORD,
            validate=False,
        )
    return antennas, counsellors


def generate(n: int):
    from django.db import transaction

    from masar.cases.demo import FEMALE, LAST, MALE
    from masar.cases.models import (
        Beneficiary,
        Case,
        CaseEvent,
        CaseEventKind,
        CaseNameToken,
        CaseStatus,
    )
    from masar.cases.search import name_tokens

    antennas, counsellors = setup_people()
    rng = random.Random(f"bench-cases-{n}")  # noqa: S311 — synthetic data
    male, female, last = _pairs(MALE), _pairs(FEMALE), _pairs(LAST)
    statuses = CaseStatus.values
    kinds = [CaseEventKind.OPENED, CaseEventKind.CONSENT_RECORDED, CaseEventKind.STATUS_CHANGED]
    start = datetime(2021, 12, 1, 9, tzinfo=TZ)
    span = (datetime(2026, 11, 1, tzinfo=TZ) - start).total_seconds()
    countries = ["IT", "FR", "DE", "BE", "CH", "NL", "ES", "AT", "SE"]
    began = time.monotonic()
    rows = 0
    for offset in range(0, n, BATCH):
        people, cases, events, names = [], [], [], []
        for i in range(offset, min(offset + BATCH, n)):
            sex = "M" if rng.random() < 0.8 else "F"
            first, first_ar = rng.choice(male if sex == "M" else female)
            last_name, last_ar = rng.choice(last)
            antenna = antennas[i % len(antennas)]
            counsellor = counsellors[antenna.code]
            opened = start + timedelta(seconds=rng.random() * span)
            pid = uuid.uuid5(NAMESPACE, f"b{i}")
            people.append(
                Beneficiary(
                    id=pid,
                    first_name=first,
                    last_name=last_name,
                    first_name_ar=first_ar,
                    last_name_ar=last_ar,
                    phone=f"+216{rng.choice('2459')}{rng.randrange(10**6, 10**7)}",
                    sex=sex,
                    birth_date=date(1960, 1, 1) + timedelta(days=rng.randrange(16000)),
                    cin=f"{10_000_000 + i:08d}",
                    returned_from=rng.choice(countries),
                    return_date=(opened - timedelta(days=rng.randrange(10, 400))).date(),
                    institution_id=antenna.pk,
                    created_by_id=counsellor.pk,
                    created_at=opened,
                )
            )
            status = rng.choice(statuses)
            cid = uuid.uuid5(NAMESPACE, f"c{i}")
            names += [
                CaseNameToken(case_id=cid, antenna_id=antenna.pk, token=t)
                for t in name_tokens(people[-1])
            ]
            cases.append(
                Case(
                    id=cid,
                    beneficiary_id=pid,
                    antenna_id=antenna.pk,
                    counsellor_id=counsellor.pk,
                    status=status,
                    closure_reason="Plan completed" if status == "closed" else "",
                    opened_at=opened,
                    closed_at=opened + timedelta(days=300) if status == "closed" else None,
                )
            )
            for k in range(EVENTS_PER_CASE):
                events.append(
                    CaseEvent(
                        case_id=cid,
                        at=opened + timedelta(days=k * 20, minutes=k),
                        actor_id=counsellor.pk,
                        kind=kinds[min(k, 2)],
                        summary=f"Bench event {k + 1}",
                    )
                )
        with transaction.atomic():
            Beneficiary.objects.bulk_create(people, batch_size=2000)
            Case.objects.bulk_create(cases, batch_size=2000)
            CaseEvent.objects.bulk_create(events, batch_size=5000)
            CaseNameToken.objects.bulk_create(names, batch_size=5000)
        rows += len(people) + len(names) + len(cases) + len(events)
        elapsed = time.monotonic() - began
        print(
            f"  {offset + len(people):>9,} people · {rows:>10,} rows · "
            f"{rows / elapsed:,.0f} rows/s",
            flush=True,
        )
    elapsed = time.monotonic() - began
    print(f"generated {rows:,} rows in {elapsed:.0f} s ({rows / elapsed:,.0f} rows/s)")
