"""``manage.py seed_demo``: the demo institutions and logins, the directory and the demo
cases, built through the actions.

Deterministic and idempotent: what exists (by institution code, by username) is kept as it
is; a second run creates nothing and changes nothing. Loads the territory first when empty.
"""

import importlib
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from masar.accounts.actions import create_institution, create_user
from masar.accounts.models import Institution, InstitutionKind, User
from masar.accounts.policy import Role
from masar.cases.demo import seed_cases
from masar.directory.demo import seed_directory
from masar.geo.actions import load_territory
from masar.geo.models import Governorate, Municipality
from masar.geo.sources import TerritoryError

DEMO_PASSWORD = "masar-demo"  # noqa: S105 — the published demo password, demo data only
K = InstitutionKind
ALL = "*"

# code: (French, Arabic, English, acronym, kind, parent code, governorates, seat)
INSTITUTIONS: dict[str, tuple] = {
    "ote-siege": (
        "Office des Tunisiens à l'Étranger — siège",
        "ديوان التونسيين بالخارج — المقر المركزي",
        "Office of Tunisians Abroad — headquarters",
        "OTE",
        K.OTE_HQ,
        None,
        ALL,
        None,
    ),
    "ote-tunis": (
        "Antenne Tounesna de Tunis",
        "فرع برنامج تونسنا بتونس",
        "Tounesna antenna, Tunis",
        "OTE",
        K.OTE_ANTENNA,
        "ote-siege",
        ["TN-11", "TN-12", "TN-13", "TN-14"],
        None,
    ),
    "ote-sfax": (
        "Antenne Tounesna de Sfax",
        "فرع برنامج تونسنا بصفاقس",
        "Tounesna antenna, Sfax",
        "OTE",
        K.OTE_ANTENNA,
        "ote-siege",
        ["TN-61"],
        None,
    ),
    "ote-medenine": (
        "Antenne Tounesna de Médenine",
        "فرع برنامج تونسنا بمدنين",
        "Tounesna antenna, Médenine",
        "OTE",
        K.OTE_ANTENNA,
        "ote-siege",
        ["TN-82", "TN-83"],
        None,
    ),
    "cps-tunis": (
        "Centre de promotion sociale de Tunis",
        "مركز النهوض الاجتماعي بتونس",
        "Social promotion centre, Tunis",
        "CPS",
        K.CPS,
        None,
        ["TN-11"],
        None,
    ),
    "cps-sfax": (
        "Centre de promotion sociale de Sfax",
        "مركز النهوض الاجتماعي بصفاقس",
        "Social promotion centre, Sfax",
        "CPS",
        K.CPS,
        None,
        ["TN-61"],
        None,
    ),
    "cps-medenine": (
        "Centre de promotion sociale de Médenine",
        "مركز النهوض الاجتماعي بمدنين",
        "Social promotion centre, Médenine",
        "CPS",
        K.CPS,
        None,
        ["TN-82"],
        None,
    ),
    "aneti-tunis": (
        "Bureau de l'emploi ANETI de Tunis",
        "مكتب التشغيل والعمل المستقل بتونس",
        "ANETI employment office, Tunis",
        "ANETI",
        K.ANETI,
        None,
        ["TN-11"],
        None,
    ),
    "aneti-sfax": (
        "Bureau de l'emploi ANETI de Sfax",
        "مكتب التشغيل والعمل المستقل بصفاقس",
        "ANETI employment office, Sfax",
        "ANETI",
        K.ANETI,
        None,
        ["TN-61"],
        None,
    ),
    "aneti-medenine": (
        "Bureau de l'emploi ANETI de Médenine",
        "مكتب التشغيل والعمل المستقل بمدنين",
        "ANETI employment office, Médenine",
        "ANETI",
        K.ANETI,
        None,
        ["TN-82"],
        None,
    ),
    "ee-sfax": (
        "Espace Entreprendre Sfax",
        "فضاء المبادر بصفاقس",
        "Espace Entreprendre, Sfax",
        "",
        K.ESPACE_ENTREPRENDRE,
        "aneti-sfax",
        ["TN-61"],
        None,
    ),
    "enda-sfax": (
        "Enda Tamweel — agence de Sfax",
        "إندا تمويل — وكالة صفاقس",
        "Enda Tamweel — Sfax branch",
        "Enda",
        K.MICROFINANCE,
        None,
        ["TN-61"],
        None,
    ),
    "bts-sfax": (
        "Banque Tunisienne de Solidarité — agence de Sfax",
        "البنك التونسي للتضامن — وكالة صفاقس",
        "Tunisian Solidarity Bank — Sfax branch",
        "BTS",
        K.BANK,
        None,
        ["TN-61"],
        None,
    ),
    "mun-la-marsa": (
        "Municipalité de La Marsa",
        "بلدية المرسى",
        "Municipality of La Marsa",
        "",
        K.MUNICIPALITY,
        None,
        ["TN-11"],
        "TN-11-la-marsa",
    ),
    "mun-raoued": (
        "Municipalité de Raoued",
        "بلدية رواد",
        "Municipality of Raoued",
        "",
        K.MUNICIPALITY,
        None,
        ["TN-12"],
        "TN-12-raoued",
    ),
    "cies-tunisie": (
        "CIES Tunisie — Centre d'information et d'éducation au développement",
        "مركز الإعلام والتربية من أجل التنمية (CIES) — تونس",
        "CIES Tunisia — Centre for Development Information and Education",
        "CIES",
        K.CSO,
        None,
        ["TN-11", "TN-12"],
        None,
    ),
    "utss": (
        "Union tunisienne de solidarité sociale",
        "الاتحاد التونسي للتضامن الاجتماعي",
        "Tunisian Union of Social Solidarity",
        "UTSS",
        K.CSO,
        None,
        ALL,
        None,
    ),
    "aesat": (
        "Association des étudiants et stagiaires africains en Tunisie",
        "جمعية الطلبة والمتربصين الأفارقة بتونس",
        "Association of African Students and Trainees in Tunisia",
        "AESAT",
        K.CSO,
        None,
        ["TN-11", "TN-12"],
        None,
    ),
    "atcd": (
        "Association tunisienne de coopération pour le développement",
        "الجمعية التونسية للتعاون من أجل التنمية",
        "Tunisian Association for Development Cooperation",
        "ATCD",
        K.CSO,
        None,
        ["TN-11", "TN-12"],
        None,
    ),
    "alda": (
        "Association pour le leadership et le développement en Afrique",
        "جمعية القيادة والتنمية في أفريقيا",
        "Association for Leadership and Development in Africa",
        "ALDA",
        K.CSO,
        None,
        ["TN-11", "TN-12"],
        None,
    ),
    "cefa-tunisie": (
        "CEFA Tunisie",
        "اللجنة الأوروبية للتكوين والفلاحة (CEFA) — تونس",
        "CEFA Tunisia",
        "CEFA",
        K.CSO,
        None,
        ["TN-53"],
        None,
    ),
    "onm": (
        "Observatoire national de la migration",
        "المرصد الوطني للهجرة",
        "National Migration Observatory",
        "ONM",
        K.OBSERVATORY,
        None,
        ALL,
        None,
    ),
    "ins": (
        "Institut national de la statistique",
        "المعهد الوطني للإحصاء",
        "National Institute of Statistics",
        "INS",
        K.OBSERVATORY,
        None,
        ALL,
        None,
    ),
    "expertise-france": (
        "Expertise France",
        "الوكالة الفرنسية للتعاون التقني الدولي (Expertise France)",
        "Expertise France",
        "",
        K.DONOR,
        None,
        ALL,
        None,
    ),
    "icmpd": (
        "Centre international pour le développement des politiques migratoires",
        "المركز الدولي لتطوير سياسات الهجرة",
        "International Centre for Migration Policy Development",
        "ICMPD",
        K.DONOR,
        None,
        ["TN-11", "TN-12"],
        None,
    ),
}

# username: (first name, last name, institution code, roles)
USERS: dict[str, tuple] = {
    "admin": ("Sami", "Ben Salah", "ote-siege", [Role.SYSADMIN]),
    "admin.sfax": ("Nizar", "Frikha", "ote-sfax", [Role.INSTITUTION_ADMIN]),
    "conseiller.tunis": ("Amira", "Trabelsi", "ote-tunis", [Role.COUNSELLOR]),
    "conseiller.sfax": ("Mohamed Ali", "Kammoun", "ote-sfax", [Role.COUNSELLOR]),
    "superviseur": ("Leïla", "Ben Ammar", "ote-siege", [Role.SUPERVISOR]),
    "social.sfax": ("Ines", "Ellouze", "ote-sfax", [Role.SOCIAL_WORKER]),
    "aneti.sfax": ("Hela", "Masmoudi", "aneti-sfax", [Role.PARTNER_OFFICER]),
    "cps.sfax": ("Karim", "Chaabouni", "cps-sfax", [Role.PARTNER_OFFICER]),
    "mediateur.lamarsa": ("Yassine", "Gharbi", "mun-la-marsa", [Role.MEDIATOR]),
    "suivi": ("Rania", "Jaziri", "ote-siege", [Role.ME_OFFICER]),
    "onm": ("Walid", "Hamdi", "onm", [Role.DATA_ANALYST]),
}


def seed_demo() -> tuple[int, int]:
    """Create what is missing; returns (institutions created, users created)."""
    governorates = {g.code: g for g in Governorate.objects.all()}
    created_institutions = created_users = 0
    with transaction.atomic():
        institutions = {i.code: i for i in Institution.objects.filter(code__in=INSTITUTIONS)}
        for code, (fr, ar, en, acronym, kind, parent, covered, seat) in INSTITUTIONS.items():
            if code in institutions:
                continue
            codes = sorted(governorates) if covered == ALL else covered
            institutions[code] = create_institution(
                actor=None,
                code=code,
                name_fr=fr,
                name_ar=ar,
                name_en=en,
                acronym=acronym,
                kind=kind,
                parent=institutions[parent] if parent else None,
                municipality=Municipality.objects.get(code=seat) if seat else None,
                governorates=[governorates[c] for c in codes],
            )
            created_institutions += 1
        existing = set(User.objects.filter(username__in=USERS).values_list("username", flat=True))
        for username, (first, last, code, roles) in USERS.items():
            if username in existing:
                continue
            create_user(
                actor=None,
                institution=institutions[code],
                username=username,
                email=f"{username}@masar.example.tn",
                first_name=first,
                last_name=last,
                roles=roles,
                password=DEMO_PASSWORD,
                validate=False,
            )
            created_users += 1
    return created_institutions, created_users


class Command(BaseCommand):
    help = "Create the demo institutions and logins (idempotent)."

    def handle(self, *args, **options):
        started = time.monotonic()
        if not Governorate.objects.exists():
            self.stdout.write("The territory is empty: loading it first.")
            try:
                load_territory(actor=None)
            except TerritoryError as exc:
                raise CommandError(str(exc)) from exc
        institutions, users = seed_demo()
        self.stdout.write(
            f"institutions: {institutions} created, "
            f"{len(INSTITUTIONS) - institutions} already there"
        )
        self.stdout.write(f"users: {users} created, {len(USERS) - users} already there")
        directory = seed_directory()
        self.stdout.write("directory: " + ", ".join(f"{k} {v}" for k, v in directory.items()))
        cases = seed_cases()
        self.stdout.write("cases: " + ", ".join(f"{k} {v} created" for k, v in cases.items()))
        for name in ("needs", "followups", "referrals", "aid", "rights"):
            module = importlib.import_module(f"masar.cases.demo_{name}")
            created = module.seed()
            if created:
                self.stdout.write(
                    f"{name}: " + ", ".join(f"{k} {v} created" for k, v in created.items())
                )
        self.stdout.write(f"logframes: {importlib.import_module('masar.monitoring.demo').seed()}")
        self.stdout.write(f"desks: {importlib.import_module('masar.desk.demo').seed()}")
        self.stdout.write(f"portal: {importlib.import_module('masar.portal.demo').seed()}")
        self.print_logins()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {elapsed:.1f} s."))

    def print_logins(self):
        rows = [("login", "password", "role", "institution")]
        for username, (_first, _last, code, roles) in USERS.items():
            rows.append(
                (
                    username,
                    DEMO_PASSWORD,
                    ", ".join(str(Role(r).label) for r in roles),
                    INSTITUTIONS[code][0],
                )
            )
        widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        for n, row in enumerate(rows):
            line = "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True))
            self.stdout.write(("  " + line).rstrip())
            if n == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths))
        self.stdout.write(
            "  (also mediatrice.raoued, the Raoued desk's mediator made by the desk demo, "
            "same password)"
        )
