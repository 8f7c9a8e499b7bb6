#!/usr/bin/env python
"""Duplicate-search benchmark (issue 4: the person, duplicate detection).

Generates N beneficiaries (default 1,000,000; kept in var/bench/) with Latin and Arabic
names drawn from common Tunisian names, dates of birth, phones and card numbers, and their
name keys computed by the production code (``rules.duplicates.keys_of``) — bulk inserts, not
the actions, which at this volume would measure the audit trail — printing the generation
rate. Then times ``find_duplicates`` (what the register and edit pages and the API call)
for spellings in both scripts, with and without a date of birth, a card number and a phone,
and prints median and p95 per probe. Target on the 2-core machine: p95 under 50 ms.

    .venv/bin/python bench/duplicates.py                    # 1,000,000 people, SQLite
    .venv/bin/python bench/duplicates.py --people 100000    # a quicker look
"""

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

FIRST = [
    ("Mohamed", "محمد"),
    ("Ahmed", "أحمد"),
    ("Ali", "علي"),
    ("Youssef", "يوسف"),
    ("Hamza", "حمزة"),
    ("Amine", "أمين"),
    ("Walid", "وليد"),
    ("Karim", "كريم"),
    ("Sami", "سامي"),
    ("Bilel", "بلال"),
    ("Oussama", "أسامة"),
    ("Mahmoud", "محمود"),
    ("Fatma", "فاطمة"),
    ("Amira", "أميرة"),
    ("Mariem", "مريم"),
    ("Khadija", "خديجة"),
    ("Imen", "إيمان"),
    ("Sonia", "سونيا"),
    ("Nour", "نور"),
    ("Asma", "أسماء"),
]
LAST = [
    ("Ben Ali", "بن علي"),
    ("Trabelsi", "الطرابلسي"),
    ("Gharbi", "الغربي"),
    ("Hammami", "الحمامي"),
    ("Jlassi", "الجلاصي"),
    ("Ayari", "العياري"),
    ("Ben Salah", "بن صالح"),
    ("Chaabane", "شعبان"),
    ("Mansouri", "المنصوري"),
    ("Brahmi", "البراهمي"),
    ("Kammoun", "كمون"),
    ("Masmoudi", "المصمودي"),
    ("Bouaziz", "بوعزيز"),
    ("Jerbi", "الجربي"),
    ("Ben Khalifa", "بن خليفة"),
    ("Toumi", "التومي"),
    ("Rezgui", "الرزقي"),
    ("Saidi", "السعيدي"),
    ("Nasri", "النصري"),
    ("Riahi", "الرياحي"),
]
# Family names are far more varied than 20 in reality: a numbered suffix spreads them so
# that a name key matches a realistic few dozen people, not 1/400th of the register.
VARIANTS = 500
BATCH = 20_000


def generate(n: int, institution) -> None:
    from django.db import transaction

    from masar.cases.models import Beneficiary, NameKey
    from masar.cases.rules.duplicates import keys_of

    rng = random.Random(20260423)
    started = time.monotonic()
    start_birth = date(1960, 1, 1)
    for offset in range(0, n, BATCH):
        people, keys = [], []
        for i in range(offset, min(n, offset + BATCH)):
            first, first_ar = rng.choice(FIRST)
            last, last_ar = rng.choice(LAST)
            suffix = rng.randrange(VARIANTS)
            last, last_ar = f"{last} {suffix_name(suffix)}", f"{last_ar} {suffix_name(suffix)}"
            birth = start_birth + timedelta(days=rng.randrange(365 * 45))
            person = Beneficiary(
                id=uuid.UUID(int=i + 1),
                first_name=first,
                last_name=last,
                first_name_ar=first_ar,
                last_name_ar=last_ar,
                phone=f"+2169{i:07d}",
                cin=f"{i:08d}",
                birth_date=birth,
                institution=institution,
            )
            people.append(person)
            keys += [
                NameKey(beneficiary_id=person.id, key=k, birth_date=birth)
                for k in keys_of(first, last, first_ar, last_ar)
            ]
        with transaction.atomic():
            Beneficiary.objects.bulk_create(people, batch_size=1000)
            NameKey.objects.bulk_create(keys, batch_size=2000)
        done = min(n, offset + BATCH)
        rate = done / (time.monotonic() - started)
        print(f"\r  {done:>9,} people  ({rate:,.0f} people/s)", end="", flush=True)
    print()


def suffix_name(i: int) -> str:
    """A pronounceable Latin syllable pair from a number (Bench-only variety)."""
    consonants, vowels = "bdfgklmnrstz", "aeiou"
    return (
        consonants[i % 12] + vowels[i // 12 % 5] + consonants[i // 60 % 12] + vowels[i % 5]
    ).capitalize()


def probes():
    from masar.cases.rules.duplicates import Probe

    return [
        ("latin name only", Probe(first_name="Mhamed", last_name="Ben Salah Kaki")),
        ("arabic name only", Probe(first_name_ar="محمد", last_name_ar="شعبان Kaki")),
        (
            "name + birth date",
            Probe(first_name="Mohammed", last_name="Trabelsi Daka", birth_date=date(1990, 5, 1)),
        ),
        ("card number", Probe(first_name="X", last_name="Y", cin="00123456")),
        ("phone", Probe(phone="+21690123456")),
        (
            "everything",
            Probe(
                first_name="Fatma",
                last_name="Gharbi Bede",
                first_name_ar="فاطمة",
                birth_date=date(1985, 3, 3),
                cin="00999999",
                phone="+21690999999",
            ),
        ),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    (harness.ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    path = harness.ROOT / "var" / "bench" / f"duplicates-{args.people}.sqlite3"
    harness.setup_django(f"sqlite:///{path}")
    from django.core.management import call_command
    from django.db import connection

    from masar.accounts.models import Institution
    from masar.cases.models import Beneficiary
    from masar.cases.rules.duplicates import find_duplicates

    call_command("migrate", verbosity=0)
    institution, _ = Institution.objects.get_or_create(
        code="bench-antenna", defaults={"name": "Bench antenna", "kind": "ote_antenna"}
    )
    if Beneficiary.objects.count() != args.people:
        print(f"generating {args.people:,} people…")
        Beneficiary.objects.all().delete()
        generate(args.people, institution)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}, {Beneficiary.objects.count():,} people")
    worst = 0.0
    for label, probe in probes():
        times, found = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            found = len(find_duplicates(probe, Beneficiary.objects.all()))
            times.append((time.perf_counter() - started) * 1000)
        p95 = harness.percentile(times, 95)
        worst = max(worst, p95)
        print(
            f"  {label:<20} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms"
            f"   ({found} possible duplicates)"
        )
    print(f"worst p95: {worst:.1f} ms (target < 50 ms): {'OK' if worst < 50 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
