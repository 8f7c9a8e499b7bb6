"""Demo data for aid, added to the demo cases by seed_demo (idempotent: a second run
creates nothing).

Two programmes: the national Tounesna scheme and ProGreS Migration Tunisie phase 2 (quota of
320 beneficiaries and a 3.9 M€ project budget, seed 004). Their aid envelopes in TND are
DEMO FIGURES chosen for the demonstration, labelled as such on the programme page: they are
not the programmes' published envelopes.

Every demo case past the needs assessment (plan, support, follow-up) is enrolled by its
counsellor in one programme, and gets an aid file in a state that fits its stage: a draft or
a file before the committee (plan), approved and partly paid (support), approved and fully
paid (follow-up), with a few rejected. Decisions and disbursements are the headquarters
supervisor's. Deterministic (seeded random per case) and within the envelopes.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import User
from masar.monitoring.actions import create_programme
from masar.monitoring.models import Programme

from .actions import aid as aid_actions
from .actions import enrolment as enrolment_actions
from .models import AidKind, Case, CaseStatus, Enrolment

SEED = "masar-demo-aid"
DECIDER = "superviseur"

PROGRAMMES = {
    "tounesna": {
        "name_fr": "Dispositif national Tounesna",
        "name_ar": "البرنامج الوطني «تونسنا»",
        "name_en": "Tounesna national scheme",
        "funder": "Office des Tunisiens à l'Étranger (État tunisien)",
        "starts_on": date(2021, 12, 1),
        "ends_on": None,
        "envelope": Decimal("600000.000"),
        "envelope_note_fr": "Chiffre de démonstration, pas l'enveloppe du dispositif.",
        "envelope_note_ar": "رقم للعرض فقط، وليس الاعتماد الفعلي للبرنامج.",
        "envelope_note_en": "Demo figure, not the scheme's envelope.",
        "quota": None,
        "rule_set": "tounesna",
    },
    "progres-2": {
        "name_fr": "ProGreS Migration Tunisie — phase 2",
        "name_ar": "برنامج ProGreS للهجرة تونس — المرحلة الثانية",
        "name_en": "ProGreS Migration Tunisia — phase 2",
        "funder": (
            "Fonds fiduciaire d'urgence de l'Union européenne (mise en œuvre : Expertise France)"
        ),
        "starts_on": date(2021, 12, 1),
        "ends_on": date(2024, 11, 30),  # 36 months from 1 December 2021 (seed 004)
        "envelope": Decimal("1200000.000"),
        "envelope_note_fr": (
            "Chiffre de démonstration en dinars, pas celui du programme : le budget publié "
            "du projet est de 3,9 M€ au total, l'enveloppe d'aide n'y est pas détaillée."
        ),
        "envelope_note_ar": (
            "رقم للعرض بالدينار، وليس رقم البرنامج: الميزانية المعلنة للمشروع 3,9 مليون "
            "يورو إجمالاً دون تفصيل لاعتماد المساعدات."
        ),
        "envelope_note_en": (
            "Demo figure in dinars, not the programme's: the project's published budget is "
            "3.9 M€ in all, without the aid envelope."
        ),
        "quota": 320,
        "rule_set": "tounesna",
    },
}
PAST_ASSESSMENT = (CaseStatus.PLAN, CaseStatus.SUPPORT, CaseStatus.FOLLOW_UP)
SUPPLIERS = (
    "Quincaillerie El Amen",
    "Sté Ben Jemaa Équipements",
    "Centre de formation professionnelle de Sfax",
    "Agri-Sud Médenine",
    "Matériel Pro Ariana",
    "Atelier Kammoun",
)
PROJECTS = {
    AidKind.BUSINESS_IN_KIND: (
        "Petit atelier de menuiserie : outillage et bois",
        "Food-truck : équipement de cuisine",
        "Élevage ovin : achat de 10 brebis",
        "Salon de coiffure : fauteuils et matériel",
    ),
    AidKind.TRAINING: ("Formation de soudeur certifié", "Formation en électricité du bâtiment"),
    AidKind.SOCIAL: ("Aide au logement pendant trois mois", "Frais de scolarité des enfants"),
    AidKind.EQUIPMENT: ("Triporteur de livraison", "Machine à coudre professionnelle"),
    AidKind.OTHER: ("Frais d'immatriculation de l'entreprise",),
}
KIND_WEIGHTS = {
    AidKind.BUSINESS_IN_KIND: 5,
    AidKind.TRAINING: 2,
    AidKind.SOCIAL: 2,
    AidKind.EQUIPMENT: 2,
    AidKind.OTHER: 1,
}


def _programmes(actor, counts) -> dict[str, Programme]:
    programmes = {p.code: p for p in Programme.objects.filter(code__in=PROGRAMMES)}
    for code, values in PROGRAMMES.items():
        if code not in programmes:
            programmes[code] = create_programme(actor=actor, code=code, **values)
            counts["programmes"] += 1
    return programmes


def _kind(rng) -> str:
    kinds = list(KIND_WEIGHTS)
    return rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]


def _aid(case, enrolment, rng, *, actor, decider, counts) -> None:
    kind = _kind(rng)
    amount = Decimal(rng.randrange(1500, 12001, 50))
    aid_file = aid_actions.create_aid_file(
        actor=actor,
        enrolment=enrolment,
        kind=kind,
        amount=amount,
        supplier=rng.choice(SUPPLIERS),
        description=rng.choice(PROJECTS[kind]),
    )
    counts["aid_files"] += 1
    roll = rng.random()
    if case.status == CaseStatus.PLAN and roll < 0.4:
        return  # still a draft
    aid_file = aid_actions.submit_aid_file(actor=actor, aid_file=aid_file)
    if case.status == CaseStatus.PLAN and roll < 0.8:
        return  # before the committee
    if roll > 0.9 or case.status == CaseStatus.PLAN:
        aid_actions.decide_aid_file(
            actor=decider,
            aid_file=aid_file,
            approve=False,
            reason="Devis incomplet : présenter trois devis comparables.",
        )
        return
    aid_file = aid_actions.decide_aid_file(actor=decider, aid_file=aid_file, approve=True)
    today = timezone.localdate()
    if case.status == CaseStatus.FOLLOW_UP:
        tranches = [aid_file.amount]
    else:
        tranches = [(aid_file.amount * Decimal("0.5")).quantize(Decimal("1"))]
    for i, part in enumerate(tranches, start=1):
        aid_actions.record_tranche(
            actor=decider,
            aid_file=aid_file,
            amount=part,
            paid_on=today,
            reference=f"VIR-{str(aid_file.pk)[:6].upper()}-{i}",
        )
        counts["tranches"] += 1


def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    counts = {"programmes": 0, "enrolments": 0, "aid_files": 0, "tranches": 0}
    decider = User.objects.filter(username=DECIDER).first()
    if decider is None:
        return counts
    with transaction.atomic():
        programmes = _programmes(decider, counts)
        enrolled = set(Enrolment.objects.values_list("case_id", flat=True))
        cases = (
            Case.objects.filter(status__in=PAST_ASSESSMENT)
            .exclude(pk__in=enrolled)
            .select_related("beneficiary", "counsellor", "antenna")
            .order_by("opened_at", "pk")
        )
        for case in cases:
            rng = random.Random(f"{SEED}:{case.beneficiary.cin or case.pk}")  # noqa: S311
            actor = case.counsellor or decider
            code = "progres-2" if rng.random() < 0.7 else "tounesna"
            enrolment = enrolment_actions.enrol_case(
                actor=actor, case=case, programme=programmes[code]
            )
            counts["enrolments"] += 1
            if enrolment.admitted:
                _aid(case, enrolment, rng, actor=actor, decider=decider, counts=counts)
    return counts
