"""Generate a national-scale directory for benchmarks: N services, 2N locations.

Bulk inserts (the actions are for people's edits; at this volume they would measure the audit
trail, not search), then the search index is built with the production indexing code.
Deterministic for a given size.
"""

import random
import time
import uuid
from datetime import time as dtime
from datetime import timedelta

NAMESPACE = uuid.UUID("6f1d1c7e-2b7a-4d0e-9d3e-00000000b3ac")

# (category code, French phrases, Arabic phrases, English phrases)
KINDS = [
    (
        "mental-health",
        [
            "Consultation de santé mentale",
            "Soutien psychologique",
            "Écoute et soutien psychosocial",
        ],
        ["استشارة في الصحة النفسية", "الدعم النفسي", "الإصغاء والدعم النفسي الاجتماعي"],
        ["Mental health consultation", "Psychological support"],
    ),
    (
        "health",
        ["Centre de santé de base", "Consultation médicale", "Vaccination"],
        ["مركز الصحة الأساسية", "استشارة طبية", "التلقيح"],
        ["Primary health centre"],
    ),
    (
        "employment",
        [
            "Bureau de l'emploi",
            "Accompagnement à l'emploi des jeunes",
            "Placement et offres d'emploi",
        ],
        ["مكتب التشغيل", "مرافقة الشباب في التشغيل", "عروض الشغل"],
        ["Employment office"],
    ),
    (
        "training",
        ["Formation professionnelle", "Centre de formation", "Apprentissage"],
        ["التكوين المهني", "مركز التكوين", "التدريب المهني"],
        ["Vocational training"],
    ),
    (
        "business-creation",
        ["Espace Entreprendre", "Création d'entreprise", "Accompagnement des porteurs de projet"],
        ["فضاء المبادرة", "بعث المشاريع", "مرافقة باعثي المشاريع"],
        ["Business creation"],
    ),
    (
        "microfinance",
        ["Microcrédit", "Crédit pour petits projets"],
        ["قروض صغرى", "تمويل المشاريع الصغرى"],
        ["Microcredit"],
    ),
    (
        "legal-aid",
        ["Aide juridique", "Consultation juridique gratuite", "Permanence d'avocats"],
        ["المساعدة القانونية", "استشارة قانونية مجانية", "مداومة المحامين"],
        ["Legal aid"],
    ),
    (
        "social-support",
        ["Centre de promotion sociale", "Accompagnement social", "Aide sociale"],
        ["مركز النهوض الاجتماعي", "المرافقة الاجتماعية", "المساعدة الاجتماعية"],
        ["Social support"],
    ),
    (
        "schooling",
        ["Inscription scolaire", "Soutien scolaire"],
        ["الترسيم المدرسي", "الدعم المدرسي"],
        ["School enrolment"],
    ),
    (
        "reception-shelter",
        ["Accueil et hébergement d'urgence", "Centre d'accueil"],
        ["الاستقبال والإيواء الاستعجالي", "مركز الاستقبال"],
        ["Emergency shelter"],
    ),
    (
        "legal-migration",
        ["Information sur la migration régulière", "Guichet migration"],
        ["الإعلام حول الهجرة النظامية", "شباك الهجرة"],
        ["Legal migration information"],
    ),
    (
        "reintegration",
        ["Accueil des migrants de retour", "Réinsertion Tounesna"],
        ["استقبال المهاجرين العائدين", "إعادة الإدماج تونسنا"],
        ["Returnee reception"],
    ),
]
ORG_FR = ["Association", "Centre", "Office", "Bureau régional", "Espace", "Union", "Fondation"]
ORG_AR = ["جمعية", "مركز", "ديوان", "مكتب جهوي", "فضاء", "اتحاد", "مؤسسة"]
ORG_TOPIC_FR = [
    "d'entraide",
    "pour la jeunesse",
    "de solidarité sociale",
    "de développement",
    "des femmes",
    "pour l'emploi",
    "de la santé",
    "des migrants",
]
ORG_TOPIC_AR = [
    "التعاون",
    "الشباب",
    "التضامن الاجتماعي",
    "التنمية",
    "المرأة",
    "التشغيل",
    "الصحة",
    "المهاجرين",
]
DESCRIPTION_FR = (
    "Accueil, information et orientation. Le service reçoit sur rendez-vous et "
    "accompagne les personnes dans leurs démarches."
)
DESCRIPTION_AR = "استقبال وإعلام وتوجيه. تستقبل المصلحة بموعد وترافق الأشخاص في إجراءاتهم."


def generate(n_services: int, *, seed: int = 20261123, out=print) -> None:
    from django.db import transaction
    from django.utils import timezone

    from masar.directory import search
    from masar.directory.models import (
        Location,
        Organization,
        Schedule,
        Service,
        ServiceAtLocation,
        ServiceLanguage,
        TaxonomyTerm,
    )
    from masar.geo.models import Delegation

    rng = random.Random(seed)
    started = time.perf_counter()
    terms = {t.code: t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    audiences = [t for t in terms.values() if t.taxonomy.code == "audiences"]
    delegations = list(Delegation.objects.select_related("governorate"))
    now = timezone.now()
    n_orgs = max(1, n_services // 20)
    with transaction.atomic():
        orgs = []
        for i in range(n_orgs):
            k = rng.randrange(len(ORG_FR))
            t = rng.randrange(len(ORG_TOPIC_FR))
            d = rng.choice(delegations)
            name_fr = f"{ORG_FR[k]} {ORG_TOPIC_FR[t]} de {d.name_fr} {i}"
            name_ar = f"{ORG_AR[k]} {ORG_TOPIC_AR[t]} ب{d.name_ar} {i}"
            orgs.append(
                Organization(
                    id=uuid.uuid5(NAMESPACE, f"org{i}"),
                    name=name_fr,
                    name_fr=name_fr,
                    name_ar=name_ar,
                    modified_at=now,
                )
            )
        Organization.objects.bulk_create(orgs, batch_size=1000)
        services, locations, links, schedules, languages = [], [], [], [], []
        cat_links, aud_links = [], []
        through_c = Service.categories.through
        through_a = Service.audiences.through
        for i in range(n_services):
            org = orgs[i % n_orgs]
            code, fr, ar, en = rng.choice(KINDS)
            d = rng.choice(delegations)
            name_fr = f"{rng.choice(fr)} — {d.name_fr}"
            name_ar = f"{rng.choice(ar)} — {d.name_ar}"
            sid = uuid.uuid5(NAMESPACE, f"svc{i}")
            services.append(
                Service(
                    id=sid,
                    organization=org,
                    name=name_fr,
                    name_fr=name_fr,
                    name_ar=name_ar,
                    name_en=rng.choice(en),
                    description=DESCRIPTION_FR,
                    description_fr=DESCRIPTION_FR,
                    description_ar=DESCRIPTION_AR,
                    is_free=rng.random() < 0.8,
                    verification_status="verified",
                    verified_at=now - timedelta(days=rng.randrange(700)),
                    modified_at=now - timedelta(minutes=i),
                )
            )
            cat_links.append(through_c(service_id=sid, taxonomyterm_id=terms[code].pk))
            aud_links.append(through_a(service_id=sid, taxonomyterm_id=rng.choice(audiences).pk))
            for j in range(2):
                place = d if j == 0 else rng.choice(delegations)
                lid = uuid.uuid5(NAMESPACE, f"loc{i}-{j}")
                locations.append(
                    Location(
                        id=lid,
                        organization=org,
                        name=place.name_fr,
                        name_fr=place.name_fr,
                        address_1=f"{rng.randrange(1, 200)} rue de la République",
                        city=place.name_fr,
                        postal_code=place.postal_code,
                        governorate_id=place.governorate_id,
                        delegation_id=place.pk,
                        latitude=(place.latitude or 35.0) + rng.uniform(-0.02, 0.02),
                        longitude=(place.longitude or 10.0) + rng.uniform(-0.02, 0.02),
                        modified_at=now,
                    )
                )
                links.append(
                    ServiceAtLocation(
                        id=uuid.uuid5(NAMESPACE, f"sal{i}-{j}"), service_id=sid, location_id=lid
                    )
                )
            for day in range(5):
                schedules.append(
                    Schedule(
                        id=uuid.uuid5(NAMESPACE, f"sch{i}-{day}"),
                        service_id=sid,
                        weekday=day,
                        opens_at=dtime(8),
                        closes_at=dtime(16, 30),
                    )
                )
            for lang in ("ar", "fr"):
                languages.append(
                    ServiceLanguage(
                        id=uuid.uuid5(NAMESPACE, f"lng{i}{lang}"), service_id=sid, code=lang
                    )
                )
        for model, rows in (
            (Service, services),
            (Location, locations),
            (ServiceAtLocation, links),
            (Schedule, schedules),
            (ServiceLanguage, languages),
            (through_c, cat_links),
            (through_a, aud_links),
        ):
            model.objects.bulk_create(rows, batch_size=2000)
    out(
        f"  inserted {n_orgs} organisations, {n_services} services, {len(locations)} locations "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    indexed = search.reindex(search.indexed_queryset(Service.objects.order_by("pk")))
    out(
        f"  indexed {indexed} search entries in {time.perf_counter() - started:.1f} s "
        f"({n_services / (time.perf_counter() - started):.0f} services/s)"
    )
