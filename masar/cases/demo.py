"""Demo returnees and their reintegration cases in the three Tounesna antennas (Tunis, Sfax,
Médenine), built through the case actions by each antenna's counsellor.

Deterministic (every person is drawn from a random generator seeded by a stable key) and
idempotent: a person is recognised by the card number (CIN) drawn from that key, or, for the
few registered without consent (name and phone only), by name and phone; a second run
creates nothing. Needs the territory and the institutions and logins of ``seed_demo``.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import Institution, User
from masar.accounts.policy import Role
from masar.geo.models import Delegation, Municipality

from . import actions
from .models import Beneficiary, CaseStatus, ConsentPurpose, HeardOf, ReturnKind

SEED = "masar-demo-cases"
# antenna code: (number of people, counsellor username, or None: any counsellor there, else
# the headquarters supervisor, who manages the antennas under the headquarters)
ANTENNAS = {
    "ote-tunis": (90, "conseiller.tunis"),
    "ote-sfax": (70, "conseiller.sfax"),
    "ote-medenine": (40, None),
}
FALLBACK_ACTOR = "superviseur"
WITHOUT_CONSENT_EVERY = 25  # one person in 25: name and phone only, no consent, no case

# Names as "Latin:Arabic" pairs, separated by "|".
MALE = (
    "Mohamed:محمد|Ahmed:أحمد|Ali:علي|Youssef:يوسف|Hamza:حمزة|Amine:أمين|Walid:وليد|Karim:كريم|"
    "Sami:سامي|Bilel:بلال|Oussama:أسامة|Hichem:هشام|Mehdi:مهدي|Khaled:خالد|Nabil:نبيل|"
    "Anis:أنيس|Slim:سليم|Fares:فارس|Aymen:أيمن|Wassim:وسيم|Seifeddine:سيف الدين|"
    "Marouane:مروان|Houssem:حسام|Skander:اسكندر|Mourad:مراد|Riadh:رياض|Habib:حبيب|"
    "Taoufik:توفيق|Mohamed Amine:محمد أمين|Ghassen:غسان"
)
FEMALE = (
    "Fatma:فاطمة|Amira:أميرة|Salma:سلمى|Ines:إيناس|Mariem:مريم|Rim:ريم|Sonia:سونيا|Nour:نور|"
    "Asma:أسماء|Hajer:هاجر|Olfa:ألفة|Sana:سناء|Khadija:خديجة|Yasmine:ياسمين|Wafa:وفاء|"
    "Imen:إيمان|Leila:ليلى|Rania:رانية|Sarra:سارة|Houda:هدى"
)
LAST = (
    "Ben Ali:بن علي|Trabelsi:الطرابلسي|Gharbi:الغربي|Hammami:الحمامي|Jlassi:الجلاصي|"
    "Ayari:العياري|Mejri:الماجري|Dridi:الدريدي|Sassi:الساسي|Khelifi:الخليفي|"
    "Ben Salah:بن صالح|Chaabane:شعبان|Ferchichi:الفرشيشي|Hamdi:حمدي|Mansouri:المنصوري|"
    "Jebali:الجبالي|Brahmi:البراهمي|Toumi:التومي|Rezgui:الرزقي|Saidi:السعيدي|Abidi:العبيدي|"
    "Oueslati:الوسلاتي|Riahi:الرياحي|Amri:العامري|Nasri:النصري|Guesmi:القاسمي|"
    "Ben Youssef:بن يوسف|Baccouche:بكوش"
)
REGIONAL_LAST = {
    "ote-tunis": "Zouari:الزواري|Belhadj:بالحاج|Ben Ammar:بن عمار|Chebbi:الشابي",
    "ote-sfax": (
        "Kammoun:كمون|Masmoudi:المصمودي|Frikha:فريخة|Chaabouni:الشعبوني|Ellouze:اللوز|"
        "Sellami:السلامي|Triki:التريكي|Mseddi:المسدي|Bouaziz:بوعزيز|Jarraya:الجراية"
    ),
    "ote-medenine": (
        "Jerbi:الجربي|Ben Khalifa:بن خليفة|Touati:التواتي|Hamrouni:الحمروني|Ghomrasni:الغمراسني|"
        "Jlidi:الجليدي|Ouerghemmi:الورغمي|Hadded:الحداد|Zammouri:الزموري"
    ),
}
# country: weight (EU countries and Switzerland)
COUNTRIES = {"IT": 30, "FR": 25, "DE": 14, "BE": 8, "CH": 7, "NL": 5, "ES": 5, "AT": 3, "SE": 2}
RETURN_KINDS = {
    ReturnKind.ASSISTED_VOLUNTARY: 40,
    ReturnKind.VOLUNTARY: 25,
    ReturnKind.FORCED: 20,
    ReturnKind.SPONTANEOUS: 15,
}
HEARD_OF = {
    HeardOf.OTE: 25,
    HeardOf.IOM: 25,
    HeardOf.FAMILY_FRIENDS: 20,
    HeardOf.ORGANISATION: 12,
    HeardOf.CONSULATE: 8,
    HeardOf.MEDIA: 8,
    HeardOf.OTHER: 2,
}
SITUATIONS = (
    "Travail saisonnier dans l'agriculture.",
    "Ouvrier du bâtiment, sans titre de séjour.",
    "Employé de restauration sous contrat à durée déterminée.",
    "Études interrompues faute de ressources.",
    "Demande d'asile rejetée, hébergé en centre d'accueil.",
    "Aide à domicile auprès de personnes âgées.",
    "Commerce ambulant, revenus irréguliers.",
    "Sans emploi stable, hébergé par des proches.",
    "Mécanicien dans un garage, titre de séjour non renouvelé.",
    "Travail en usine, licencié après la fermeture du site.",
)
CLOSURE_REASONS = (
    "Plan de réintégration réalisé : activité génératrice de revenus lancée.",
    "Emploi salarié trouvé, suivi terminé.",
    "Personne injoignable depuis plus de six mois.",
    "Déménagement dans un autre gouvernorat, orientée vers l'antenne compétente.",
    "Nouveau départ à l'étranger.",
    "La personne a renoncé à l'accompagnement.",
)
CONSENT_WITHDRAWN_REASON = "Consentement à l'accompagnement retiré par la personne."
# Where each case ends, one entry per person in turn (every status in every antenna).
STATUS_CYCLE = (
    "reception",
    "assessment",
    "plan",
    "support",
    "follow_up",
    "closed",
    "support",
    "assessment",
    "plan",
    "reception",
    "follow_up",
    "support",
    "closed",
    "plan",
    "support",
    "closed",
)
FORWARD = ("reception", "assessment", "plan", "support", "follow_up")
RETURN_FROM, RETURN_TO = date(2022, 1, 1), date(2026, 6, 30)


@dataclass
class Person:
    key: str
    antenna: str
    values: dict  # recorded after consent (empty: registered without consent)
    names: dict
    phone: str
    consent: str = "full"  # full | no_research | stats_withdrawn | cm_withdrawn | none
    language: str = "fr"
    status: str = "reception"
    step_back: bool = False
    closed_after: str = ""  # the stage a closed case had reached
    closure_reason: str = ""


def _rng(key: str) -> random.Random:
    return random.Random(f"{SEED}:{key}")  # noqa: S311 — demo data, not security


def _table(text: str) -> list[tuple[str, str]]:
    return [tuple(pair.split(":")) for pair in text.split("|")]


def _weighted(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _mobile(rng) -> str:
    return f"+216{rng.choice('2459')}{rng.randint(0, 9_999_999):07d}"


def _cin(rng, taken: set) -> str:
    while True:
        cin = f"{rng.choice('01')}{rng.randint(0, 9_999_999):07d}"
        if cin not in taken:
            taken.add(cin)
            return cin


def _date_between(rng, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max((end - start).days, 0)))


def plan(delegations: dict[str, list[Delegation]]) -> list[Person]:
    """Everyone the demo should hold, in a stable order; ``delegations`` by antenna code."""
    latest_return = min(RETURN_TO, timezone.localdate())
    cins: set[str] = set()
    people = []
    for code, (count, _username) in ANTENNAS.items():
        if code not in delegations:
            continue
        lasts = _table(LAST) + _table(REGIONAL_LAST[code]) * 2
        for n in range(count):
            key = f"{code}/{n:03d}"
            rng = _rng(key)
            sex = rng.choice("MMMF")  # most returnees are men
            first = rng.choice(_table(MALE if sex == "M" else FEMALE))
            last = rng.choice(lasts)
            names = {
                "first_name": first[0],
                "last_name": last[0],
                "first_name_ar": first[1],
                "last_name_ar": last[1],
            }
            person = Person(key=key, antenna=code, values={}, names=names, phone=_mobile(rng))
            if n % WITHOUT_CONSENT_EVERY == WITHOUT_CONSENT_EVERY - 1:
                person.consent = "none"
                people.append(person)
                continue
            return_date = _date_between(rng, RETURN_FROM, latest_return)
            age = rng.randint(19, 55)
            years = rng.randint(1, min(20, age - 17))
            delegation = rng.choice(delegations[code])
            person.values = {
                "sex": sex,
                "birth_date": _date_between(
                    rng, date(return_date.year - age - 1, 1, 1), date(return_date.year - age, 1, 1)
                ),
                "cin": _cin(rng, cins),
                "passport_number": f"{rng.choice('ABFGHJKMXZ')}{rng.randint(0, 999_999):06d}"
                if rng.random() < 0.6
                else "",
                "governorate": delegation.governorate,
                "delegation": delegation,
                "municipality": delegation.demo_municipality,
                "returned_from": _weighted(rng, COUNTRIES),
                "return_date": return_date,
                "return_kind": _weighted(rng, RETURN_KINDS),
                "years_abroad": years,
                "situation_abroad": rng.choice(SITUATIONS),
                "heard_of_scheme": _weighted(rng, HEARD_OF),
            }
            person.language = "ar" if rng.random() < 0.45 else "fr"
            person.status = STATUS_CYCLE[n % len(STATUS_CYCLE)]
            draw = rng.random()
            if person.status == "closed" and n % 48 == 5:
                person.consent = "cm_withdrawn"
            elif draw < 0.06:
                person.consent = "stats_withdrawn"
            elif draw < 0.24:
                person.consent = "no_research"
            person.step_back = person.status in ("assessment", "plan") and rng.random() < 0.15
            if person.status == "closed":
                person.closure_reason = (
                    CONSENT_WITHDRAWN_REASON
                    if person.consent == "cm_withdrawn"
                    else rng.choice(CLOSURE_REASONS)
                )
                person.closed_after = rng.choice(FORWARD)
            people.append(person)
    return people


def _purposes(consent: str) -> dict:
    purposes = dict.fromkeys(ConsentPurpose.values, True)
    if consent == "no_research":
        purposes[ConsentPurpose.RESEARCH_CONTACT] = False
    return purposes


def _build(person: Person, *, actor, antenna) -> tuple[int, int]:
    """Register, consent, record and open the case of one person: (consents, cases)."""
    beneficiary = actions.register_beneficiary(
        actor=actor, institution=antenna, phone=person.phone, **person.names
    )
    if person.consent == "none":
        return 0, 0
    consents = actions.record_consent(
        actor=actor,
        beneficiary=beneficiary,
        purposes=_purposes(person.consent),
        text_version=f"tounesna-consent-{person.language}-v1",
        language=person.language,
    )
    actions.update_beneficiary(actor=actor, beneficiary=beneficiary, **person.values)
    if person.consent == "stats_withdrawn":
        actions.withdraw_consent(
            actor=actor, beneficiary=beneficiary, purpose=ConsentPurpose.STATISTICS
        )
    case = actions.open_case(actor=actor, beneficiary=beneficiary, antenna=antenna)
    target = person.closed_after or person.status
    for status in FORWARD[1 : FORWARD.index(target) + 1]:
        case = actions.change_case_status(actor=actor, case=case, to=status)
    if person.step_back:  # a correction: one step back, then forward again
        back = FORWARD[FORWARD.index(target) - 1]
        case = actions.change_case_status(actor=actor, case=case, to=back)
        case = actions.change_case_status(actor=actor, case=case, to=target)
    if person.status == CaseStatus.CLOSED:
        if person.consent == "cm_withdrawn":
            actions.withdraw_consent(
                actor=actor, beneficiary=beneficiary, purpose=ConsentPurpose.CASE_MANAGEMENT
            )
        actions.change_case_status(
            actor=actor, case=case, to=CaseStatus.CLOSED, reason=person.closure_reason
        )
    return len(consents), 1


def _actor(antenna, username):
    if username:
        return User.objects.filter(username=username, institution=antenna).first()
    counsellor = (
        User.objects.filter(institution=antenna, role_assignments__role=Role.COUNSELLOR)
        .order_by("username")
        .first()
    )
    return counsellor or User.objects.filter(username=FALLBACK_ACTOR).first()


def _delegations(antenna) -> list[Delegation]:
    delegations = list(
        Delegation.objects.filter(governorate__in=antenna.governorates.all())
        .select_related("governorate")
        .order_by("code")
    )
    municipalities = {m.delegation_id: m for m in Municipality.objects.order_by("-code")}
    for delegation in delegations:
        delegation.demo_municipality = municipalities.get(delegation.pk)
    return delegations


def seed_cases() -> dict[str, int]:
    """Create the demo people and cases that are missing; returns what was created. Antennas
    without their institution, territory or counsellor are left out."""
    counts = {"beneficiaries": 0, "consents": 0, "cases": 0}
    antennas = {i.code: i for i in Institution.objects.filter(code__in=ANTENNAS)}
    actors, delegations = {}, {}
    for code, (_count, username) in ANTENNAS.items():
        antenna = antennas.get(code)
        if antenna is None:
            continue
        actors[code] = _actor(antenna, username)
        delegations[code] = _delegations(antenna)
    people = plan({c: d for c, d in delegations.items() if d and actors[c] is not None})
    cins = {p.values["cin"] for p in people if p.values}
    existing_cins = set(Beneficiary.objects.filter(cin__in=cins).values_list("cin", flat=True))
    phones = {p.phone for p in people if not p.values}
    existing_unconsented = set(
        Beneficiary.objects.filter(phone__in=phones, cin__isnull=True).values_list(
            "phone", "first_name", "last_name"
        )
    )
    with transaction.atomic():
        for person in people:
            if person.values and person.values["cin"] in existing_cins:
                continue
            key = (person.phone, person.names["first_name"], person.names["last_name"])
            if not person.values and key in existing_unconsented:
                continue
            consents, cases = _build(
                person, actor=actors[person.antenna], antenna=antennas[person.antenna]
            )
            counts["beneficiaries"] += 1
            counts["consents"] += consents
            counts["cases"] += cases
    return counts
