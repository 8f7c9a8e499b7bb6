"""Demo directory data — Shared pieces: hospitals, office hours, fees and eligibility texts."""

# The public hospital of each area: (French, Arabic, English, street).
HOSPITALS = {
    "TN-11": (
        "Hôpital Charles Nicolle",
        "مستشفى شارل نيكول",
        "Charles Nicolle Hospital",
        "Boulevard du 9 Avril 1938",
    ),
    "TN-12": (
        "Hôpital Abderrahmen Mami",
        "مستشفى عبد الرحمان مامي",
        "Abderrahmen Mami Hospital",
        "Rue de l'Hôpital",
    ),
    "TN-61": (
        "CHU Hédi Chaker",
        "المستشفى الجامعي الهادي شاكر",
        "Hédi Chaker University Hospital",
        "Route El Ain km 0,5",
    ),
    "TN-82": (
        "Hôpital régional Habib Bourguiba de Médenine",
        "المستشفى الجهوي الحبيب بورقيبة بمدنين",
        "Habib Bourguiba Regional Hospital, Médenine",
        "Avenue Habib Bourguiba",
    ),
    "TN-53": (
        "CHU Tahar Sfar",
        "المستشفى الجامعي الطاهر صفر",
        "Tahar Sfar University Hospital",
        "Route de Sousse",
    ),
    "TN-23": (
        "Hôpital régional Habib Bougatfa",
        "المستشفى الجهوي الحبيب بوقطفة",
        "Habib Bougatfa Regional Hospital",
        "Rue Habib Bougatfa",
    ),
    "TN-33": (
        "Hôpital régional du Kef",
        "المستشفى الجهوي بالكاف",
        "Le Kef Regional Hospital",
        "Avenue Habib Bourguiba",
    ),
    "TN-83": (
        "Hôpital régional de Tataouine",
        "المستشفى الجهوي بتطاوين",
        "Tataouine Regional Hospital",
        "Route de Médenine",
    ),
    "TN-52": (
        "CHU Fattouma Bourguiba",
        "المستشفى الجامعي فطومة بورقيبة",
        "Fattouma Bourguiba University Hospital",
        "Rue du 1er Juin 1955",
    ),
    "TN-41": (
        "Hôpital Ibn El Jazzar",
        "مستشفى ابن الجزار",
        "Ibn El Jazzar Hospital",
        "Avenue Ibn El Jazzar",
    ),
    "TN-71": (
        "Hôpital régional Houcine Bouzaiene",
        "المستشفى الجهوي الحسين بوزيان",
        "Houcine Bouzaiene Regional Hospital",
        "Avenue Habib Bourguiba",
    ),
}

# --- Weekly hours: (weekdays, opens, closes) spans --------------------------------------
MON_THU, MON_FRI, FRI, SAT = (0, 1, 2, 3), (0, 1, 2, 3, 4), (4,), (5,)
_OFFICE = [
    (MON_THU, "08:00", "12:30"),
    (MON_THU, "14:00", "17:00"),
    (FRI, "08:00", "12:30"),
    (FRI, "14:30", "16:00"),  # Friday afternoons are shorter
]
HOURS = {
    "office": _OFFICE,
    "office_sat": [*_OFFICE, (SAT, "08:00", "12:00")],
    "bank": [
        (MON_THU, "08:00", "12:00"),
        (MON_THU, "13:00", "16:30"),
        (FRI, "08:00", "12:00"),
        (FRI, "14:00", "16:00"),
    ],
    "always": [((0, 1, 2, 3, 4, 5, 6), "00:00", "23:59")],
    "clinic": [((0, 1, 2, 3, 4, 5), "08:00", "14:00")],
    "mornings": [(MON_FRI, "08:30", "13:00")],
    "association": [
        (MON_FRI, "09:00", "13:00"),
        (MON_THU, "14:00", "17:00"),
        (SAT, "09:00", "12:00"),
    ],
    "lawyers": [((1, 3), "09:00", "12:00")],
    "desk_wed": [((2,), "09:00", "13:00")],
    "desk_thu": [((3,), "09:00", "13:00")],
    "psy_weekdays": [(MON_FRI, "08:30", "13:00"), (MON_FRI, "14:00", "16:30")],
}

# --- Texts shared by several services ---------------------------------------------------
TICKET = (
    "Ticket modérateur ; gratuit avec la carte de soins gratuits.",
    "معلوم رمزي؛ مجاني ببطاقة العلاج المجاني.",
    "A small fee; free with the free health-care card.",
)
LOAN_FEES = (
    "Intérêts selon le barème en vigueur et frais de dossier.",
    "فائدة حسب الجدول المعمول به ومعاليم الملف.",
    "Interest at the current rate and a file fee.",
)
RETURNEE_ELIGIBILITY = (
    "Tunisien(ne) de retour d'un pays de l'Union européenne ou de Suisse.",
    "تونسي(ة) عائد(ة) من بلد من بلدان الاتحاد الأوروبي أو من سويسرا.",
    "A Tunisian back from a European Union member state or Switzerland.",
)
