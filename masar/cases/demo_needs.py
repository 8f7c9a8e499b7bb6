"""Demo data for needs, added to the demo cases by seed_demo (idempotent: a second run
creates nothing).

For every open demo case past reception: the person's profile, a needs assessment by the
case's counsellor (with its psychosocial part, recorded by the Sfax social worker or the
headquarters supervisor, for some), vulnerability flags on a few, and, from the plan stage
on, a reintegration plan with tracks and actions given to the partner institutions of the
antenna (some done, some under way, a few overdue). Each case draws from a random generator
seeded by the person's card number, so the same data comes out every time.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import Institution, User

from .actions import needs as actions
from .models import (
    Case,
    CaseStatus,
    NeedsAssessment,
    PlanTrack,
    Profile,
    VulnerabilityFlag,
)

SEED = "masar-demo-needs"
PAST_RECEPTION = (
    CaseStatus.ASSESSMENT,
    CaseStatus.PLAN,
    CaseStatus.SUPPORT,
    CaseStatus.FOLLOW_UP,
)
WITH_PLAN = (CaseStatus.PLAN, CaseStatus.SUPPORT, CaseStatus.FOLLOW_UP)
# Who records the sensitive parts (holds cases.view_health), by antenna; else the supervisor.
HEALTH_ACTOR = {"ote-sfax": "social.sfax"}
FALLBACK_HEALTH_ACTOR = "superviseur"
# Partner institutions by track, in order of preference; "{city}" is the antenna's city.
PARTNERS = {
    "social": ("cps-{city}", "utss"),
    "employment": ("aneti-{city}", "cefa-tunisie"),
    "business": ("ee-{city}", "enda-{city}", "bts-{city}", "enda-sfax", "aneti-{city}"),
}

SKILLS = (
    "Maçonnerie, carrelage",
    "Cuisine et restauration",
    "Mécanique automobile",
    "Agriculture, taille des oliviers",
    "Coiffure",
    "Soudure et ferronnerie",
    "Couture et retouches",
    "Informatique, réparation de téléphones",
    "Commerce, vente",
    "Conduite de poids lourds",
)
LANGUAGES = (
    "arabe, français",
    "arabe, français, italien",
    "arabe, italien",
    "arabe, français, allemand",
    "arabe, français, anglais",
)
ECONOMIC_NOTES = (
    "Cherche un emploi stable dans son métier.",
    "Souhaite lancer une petite activité ; a besoin d'un équipement de départ.",
    "Dettes contractées pour le départ ; remboursement difficile.",
    "Revenus irréguliers, dépend de la famille.",
    "Veut se former à la gestion avant de créer son projet.",
)
SOCIAL_NOTES = (
    "Carte d'identité à renouveler.",
    "Bon soutien familial.",
    "Isolement depuis le retour ; tensions familiales.",
    "Enfants à réinscrire à l'école.",
    "Pas de couverture sociale (CNAM) à ce jour.",
)
PSY_NOTES = (
    "Fatigue et troubles du sommeil depuis le retour.",
    "Sentiment d'échec lié au retour ; demande un accompagnement.",
    "Moral stable, entourage présent.",
)
FLAG_DETAILS = {
    "minor": "Mineur non accompagné au moment du retour ; tuteur désigné.",
    "disability": "Handicap moteur (jambe gauche) après un accident de travail.",
    "addiction": "Consommation d'alcool signalée ; orienté vers le centre d'addictologie.",
    "mental_health": "Symptômes de stress post-traumatique ; suivi au CHU.",
    "family_difficulty": "Famille en grande précarité ; quatre enfants à charge.",
}
TRACK_ACTIONS = {
    "social": (
        "Renouvellement de la carte d'identité",
        "Affiliation à la CNAM",
        "Réinscription des enfants à l'école",
        "Accompagnement psychosocial",
    ),
    "employment": (
        "Inscription au bureau de l'emploi",
        "Formation qualifiante",
        "Mise en relation avec des employeurs",
    ),
    "business": (
        "Formation à la création d'entreprise (CEFE)",
        "Étude de faisabilité du projet",
        "Montage du dossier de financement",
        "Achat de l'équipement",
    ),
}
RESULTS = {
    "done": "Réalisé.",
    "cancelled": "Annulé : la personne a changé de projet.",
}


def _rng(case, step: str) -> random.Random:
    """One generator per case and step: a step skipped on a second run (already there)
    leaves the draws of the others unchanged."""
    key = f"{SEED}:{case.beneficiary.cin or case.beneficiary_id}:{step}"
    return random.Random(key)  # noqa: S311 — demo data, not security


def _partners(codes) -> dict[str, Institution]:
    return {i.code: i for i in Institution.objects.filter(code__in=codes)}


def _institution(track, antenna, partners):
    city = antenna.code.removeprefix("ote-")
    for pattern in PARTNERS[track]:
        institution = partners.get(pattern.format(city=city))
        if institution is not None:
            return institution
    return antenna


def _profile(case, rng, actor) -> int:
    if Profile.objects.filter(beneficiary=case.beneficiary).exists():
        return 0
    household = []
    if rng.random() < 0.6:
        household.append(
            {"relation": "spouse", "sex": rng.choice("FM"), "birth_year": rng.randint(1970, 2000)}
        )
        household[0]["dependent"] = rng.random() < 0.7
    for _n in range(rng.choice((0, 0, 1, 2, 3))):
        household.append(
            {
                "relation": "child",
                "sex": rng.choice("FM"),
                "birth_year": rng.randint(2008, 2024),
                "dependent": True,
            }
        )
    if rng.random() < 0.3:
        household.append({"relation": "parent", "sex": "F", "birth_year": rng.randint(1945, 1965)})
    actions.update_profile(
        actor=actor,
        beneficiary=case.beneficiary,
        education_level=rng.choice(
            ("primary", "lower_secondary", "secondary", "secondary", "vocational", "higher")
        ),
        skills=rng.choice(SKILLS),
        languages=rng.choice(LANGUAGES),
        household=household,
    )
    return 1


def _assessment(case, rng, actor, health_actor, today) -> tuple[int, int]:
    if NeedsAssessment.objects.filter(case=case).exists():
        return 0, 0
    assessment = actions.assess_needs(
        actor=actor,
        case=case,
        assessed_on=today - datetime.timedelta(days=rng.randint(0, 30)),
        work_situation=rng.choice(("unemployed", "unemployed", "informal", "employed")),
        monthly_income=rng.choice((0, 150, 300, 450, 700)),
        housing=rng.choice(("family", "family", "tenant", "owner", "precarious")),
        debts=rng.choice((None, 0, 2000, 5000, 12000)),
        economic_notes=rng.choice(ECONOMIC_NOTES),
        family_situation=rng.choice(("single", "married", "married", "divorced")),
        family_support=rng.choice(("good", "partial", "poor")),
        documents_complete=rng.random() < 0.7,
        access_to_services=rng.choice(("good", "partial", "poor")),
        social_notes=rng.choice(SOCIAL_NOTES),
    )
    if health_actor is None or rng.random() > 0.4:
        return 1, 0
    actions.record_psychosocial(
        actor=health_actor,
        assessment=assessment,
        wellbeing=rng.choice(("good", "partial", "poor")),
        distress_signs=rng.random() < 0.3,
        support_wanted=rng.random() < 0.4,
        notes=rng.choice(PSY_NOTES),
    )
    return 1, 1


def _flags(case, rng, actor, health_actor) -> int:
    if VulnerabilityFlag.objects.filter(case=case).exists() or rng.random() > 0.25:
        return 0
    kinds = rng.sample(sorted(FLAG_DETAILS), k=rng.choice((1, 1, 2)))
    for kind in kinds:
        if health_actor is not None and rng.random() < 0.7:
            actions.record_vulnerability(
                actor=health_actor, case=case, kind=kind, details=FLAG_DETAILS[kind]
            )
        else:
            actions.record_vulnerability(actor=actor, case=case, kind=kind)
    return len(kinds)


def _plan(case, rng, actor, partners, today) -> tuple[int, int]:
    if case.status not in WITH_PLAN or PlanTrack.objects.filter(case=case).exists():
        return 0, 0
    later = case.status != CaseStatus.PLAN  # support and follow-up: work is under way
    kinds = ["business"] if rng.random() < 0.6 else ["employment"]
    if rng.random() < 0.35:
        kinds.append("social")
    tracks = actions_count = 0
    for kind in kinds:
        track = actions.add_track(
            actor=actor,
            case=case,
            kind=kind,
            objective={
                "business": "Créer une activité génératrice de revenus.",
                "employment": "Trouver un emploi salarié stable.",
                "social": "Rétablir les droits et l'accès aux services.",
            }[kind],
        )
        tracks += 1
        steps = TRACK_ACTIONS[kind][: rng.randint(1, 3)]
        for n, description in enumerate(steps):
            if later and n < len(steps) - 1:
                status = rng.choice(("done", "done", "done", "cancelled"))
                due = today - datetime.timedelta(days=rng.randint(10, 90))
            else:
                status = rng.choice(("planned", "planned", "in_progress"))
                # One open action in six is overdue.
                offset = rng.randint(-30, -1) if rng.random() < 1 / 6 else rng.randint(7, 120)
                due = today + datetime.timedelta(days=offset)
            actions.add_plan_action(
                actor=actor,
                track=track,
                description=description,
                institution=_institution(kind, case.antenna, partners),
                due_date=due,
                status=status,
                result=RESULTS.get(status, ""),
            )
            actions_count += 1
    return tracks, actions_count


def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    counts = dict.fromkeys(
        ("profiles", "assessments", "psychosocial", "vulnerabilities", "tracks", "actions"), 0
    )
    cases = list(
        Case.objects.filter(status__in=PAST_RECEPTION)
        .select_related("beneficiary", "antenna", "counsellor")
        .order_by("antenna__code", "beneficiary__cin", "pk")
    )
    if not cases:
        return {}
    users = {
        u.username: u
        for u in User.objects.filter(username__in=[*HEALTH_ACTOR.values(), FALLBACK_HEALTH_ACTOR])
    }
    codes = {
        p.format(city=c.antenna.code.removeprefix("ote-"))
        for c in cases
        for patterns in PARTNERS.values()
        for p in patterns
    }
    partners = _partners(codes)
    today = timezone.localdate()
    with transaction.atomic():
        for case in cases:
            actor = case.counsellor or users.get(FALLBACK_HEALTH_ACTOR)
            if actor is None:
                continue
            health_actor = users.get(HEALTH_ACTOR.get(case.antenna.code, FALLBACK_HEALTH_ACTOR))
            counts["profiles"] += _profile(case, _rng(case, "profile"), actor)
            assessed, psy = _assessment(case, _rng(case, "assessment"), actor, health_actor, today)
            counts["assessments"] += assessed
            counts["psychosocial"] += psy
            counts["vulnerabilities"] += _flags(case, _rng(case, "flags"), actor, health_actor)
            tracks, plan_actions = _plan(case, _rng(case, "plan"), actor, partners, today)
            counts["tracks"] += tracks
            counts["actions"] += plan_actions
    return {k: v for k, v in counts.items() if v}
