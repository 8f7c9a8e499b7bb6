"""Data of the demo desks (masar/desk/demo.py): the three desks, what people ask about by
status, the directory needs that answer each topic, the profiles met at each desk, and the
outreach activities."""

import datetime

from .models import ContactStatus, OutreachKind

T = datetime.time

DESKS = {
    "la-marsa": {
        "holder": "mun-la-marsa",
        "names": ("Guichet de La Marsa", "شباك المرسى", "La Marsa desk"),
        "address": (
            "Municipalité de La Marsa, avenue Habib Bourguiba, La Marsa",
            "بلدية المرسى، شارع الحبيب بورقيبة، المرسى",
            "La Marsa town hall, avenue Habib Bourguiba, La Marsa",
        ),
        "access": (
            "Rez-de-chaussée de la mairie, bureau des relations avec le citoyen.",
            "الطابق الأرضي للبلدية، مكتب العلاقات مع المواطن.",
            "Ground floor of the town hall, citizens' relations office.",
        ),
        "phone": "+216 71 774 200",
        "area": "TN-11-la-marsa",
        "coords": (36.8782, 10.3247),
        "openings": [(2, T(9), T(13))],
        "mediators": ["mediateur.lamarsa"],
        "recorder": "mediateur.lamarsa",
        "categories": (
            "health",
            "schooling",
            "legal-aid",
            "employment",
            "mental-health",
            "civil-documents",
            "legal-migration",
            "social-support",
        ),
        "weight": 45,
        "sessions": 8,
    },
    "raoued": {
        "holder": "mun-raoued",
        "names": ("Guichet de Raoued", "شباك رواد", "Raoued desk"),
        "address": (
            "Municipalité de Raoued, avenue de la République, Raoued",
            "بلدية رواد، شارع الجمهورية، رواد",
            "Raoued town hall, avenue de la République, Raoued",
        ),
        "access": ("", "", ""),
        "phone": "+216 71 862 015",
        "area": "TN-12-raoued",
        "coords": (36.9325, 10.1580),
        "openings": [(3, T(9), T(13))],
        "mediators": ["mediatrice.raoued"],
        "recorder": "mediatrice.raoued",
        "categories": (
            "health",
            "schooling",
            "legal-aid",
            "employment",
            "social-support",
            "civil-documents",
            "legal-migration",
        ),
        "weight": 30,
        "sessions": 6,
    },
    "ote-tunis": {
        "holder": "ote-tunis",
        "names": (
            "Antenne Tounesna de Tunis — accueil",
            "فرع تونسنا بتونس — الاستقبال",
            "Tounesna antenna, Tunis — reception desk",
        ),
        "address": (
            "Antenne Tounesna de l'OTE, Bab Bhar, Tunis",
            "فرع تونسنا لديوان التونسيين بالخارج، باب البحر، تونس",
            "OTE Tounesna antenna, Bab Bhar, Tunis",
        ),
        "access": ("", "", ""),
        "phone": "",
        "area": "TN-11-bab-bhar",
        "coords": (36.7995, 10.1805),
        "openings": [(1, T(9), T(15)), (3, T(9), T(15))],
        "mediators": ["conseiller.tunis"],
        "recorder": "conseiller.tunis",
        "categories": (
            "reintegration",
            "employment",
            "training",
            "business-creation",
            "microfinance",
            "mental-health",
            "legal-aid",
            "health",
        ),
        "weight": 25,
        "sessions": 6,
    },
}

# What people ask about, by status (topic: weight), and which directory needs answer it.
TOPICS = {
    ContactStatus.MIGRANT: {
        "documents": 6,
        "health": 5,
        "rights": 5,
        "work": 4,
        "schooling": 3,
        "housing": 2,
        "services": 3,
        "legal_migration": 2,
        "psychosocial": 1,
    },
    ContactStatus.YOUNG_TUNISIAN: {
        "legal_migration": 6,
        "irregular_risks": 5,
        "work": 5,
        "rights": 1,
        "services": 2,
    },
    ContactStatus.RETURNEE: {
        "reintegration": 7,
        "work": 5,
        "psychosocial": 3,
        "documents": 2,
        "health": 2,
        "schooling": 1,
    },
    ContactStatus.OTHER: {"services": 4, "rights": 2, "documents": 2, "health": 1},
}
NEEDS = {
    "documents": ("civil-documents", "legal-aid"),
    "health": ("health",),
    "rights": ("legal-aid",),
    "work": ("employment", "training"),
    "schooling": ("schooling",),
    "housing": ("social-support",),
    "services": ("social-support", "information-orientation"),
    "legal_migration": ("legal-migration",),
    "irregular_risks": ("legal-migration",),
    "psychosocial": ("mental-health",),
    "reintegration": ("reintegration", "business-creation", "microfinance"),
}
STATUS_MIX = {
    "la-marsa": {"migrant": 70, "young_tunisian": 18, "returnee": 6, "other": 6},
    "raoued": {"migrant": 62, "young_tunisian": 26, "returnee": 6, "other": 6},
    "ote-tunis": {"returnee": 70, "young_tunisian": 22, "migrant": 4, "other": 4},
}
MIGRANT_NATIONALITIES = {"CI": 30, "CM": 14, "GN": 12, "ML": 10, "SN": 8, "BF": 6, "NG": 5}
MIGRANT_NATIONALITIES |= {"SD": 6, "CD": 4, "CG": 3, "SY": 2, "": 10}
AGES = {"15-17": 6, "18-24": 30, "25-34": 36, "35-49": 18, "50+": 4, "unknown": 6}
YOUNG_AGES = {"15-17": 30, "18-24": 60, "25-34": 10}

OUTREACH = [
    (
        "la-marsa",
        OutreachKind.PEER_SCHOOL,
        "Séance de pairs au lycée de La Marsa : les risques de la migration irrégulière",
        "Lycée Taïeb Mhiri, La Marsa",
        ["irregular_risks", "legal_migration"],
        (34, 29, 0, 58),
        20,
    ),
    (
        "raoued",
        OutreachKind.PEER_SCHOOL,
        "Séance de pairs au collège de Raoued : droits et voies légales",
        "Collège de Raoued",
        ["rights", "legal_migration"],
        (27, 31, 0, 58),
        45,
    ),
    (
        "la-marsa",
        OutreachKind.THEMED_EVENT,
        "Journée portes ouvertes : vivre ensemble à La Marsa",
        "Place de la municipalité, La Marsa",
        ["rights", "services", "health"],
        (62, 55, 14, 21),
        70,
    ),
    (
        "raoued",
        OutreachKind.PERFORMANCE,
        "Théâtre-forum « La traversée » avec la troupe des jeunes de Raoued",
        "Maison de la culture de Raoued",
        ["irregular_risks"],
        (48, 52, 0, 37),
        95,
    ),
    (
        "ote-tunis",
        OutreachKind.THEMED_EVENT,
        "Rencontre d'information sur le dispositif de réintégration",
        "Antenne Tounesna, Tunis",
        ["reintegration", "work"],
        (9, 26, 0, 0),
        120,
    ),
    (
        "la-marsa",
        OutreachKind.PEER_SCHOOL,
        "Séance de pairs à l'école primaire de Sidi Daoud : l'école pour tous",
        "École primaire de Sidi Daoud, La Marsa",
        ["schooling", "rights"],
        (22, 19, 0, 41),
        150,
    ),
]
