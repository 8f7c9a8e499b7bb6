"""Demo directory, as data: the kinds of organisations the programme documents name (OTE
antennas, CPS, ANETI, Espaces Entreprendre, microfinance, hospitals, legal aid, CSOs…),
their services in French, Arabic and English, and the areas they are placed in.
Used by ``masar.directory.demo.seed_directory``. Addresses, phones and dates are invented
but plausible; organisations' names are real bodies of the Tunisian network.

Placeholders in texts: ``{de}`` (« de Sfax », « du Kef »), ``{bi}`` (« بصفاقس »),
``{city}``/``{city_ar}``/``{city_en}`` (the governorate's seat), ``{place}``/``{place_ar}``
(the delegation of the location).
"""

# --- The areas: governorate code → seat, phone prefix, streets --------------------------
# slug: for institution codes ("ote-sfax"); others: delegations for branch offices.
AREAS = {
    "TN-11": {
        "slug": "tunis",
        "de": "de Tunis",
        "bi": "بتونس",
        "phone": "71",
        "seat": "TN-11-bab-bhar",
        "others": ("TN-11-el-omrane", "TN-11-sidi-hassine", "TN-11-el-menzah"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue de Marseille",
            "Avenue de Paris",
            "Rue Charles de Gaulle",
            "Avenue Mohamed V",
            "Avenue de la Liberté",
            "Rue d'Angleterre",
            "Avenue Hédi Chaker",
        ),
    },
    "TN-12": {
        "slug": "ariana",
        "de": "de l'Ariana",
        "bi": "بأريانة",
        "phone": "71",
        "seat": "TN-12-ariana-ville",
        "others": ("TN-12-ettadhamen", "TN-12-la-soukra", "TN-12-mnihla"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue Taïeb Mhiri",
            "Avenue de l'Environnement",
            "Rue Ibn Khaldoun",
            "Avenue Abdelaziz Thaalbi",
            "Rue de la Liberté",
        ),
    },
    "TN-61": {
        "slug": "sfax",
        "de": "de Sfax",
        "bi": "بصفاقس",
        "phone": "74",
        "seat": "TN-61-sfax-ville",
        "others": ("TN-61-sfax-sud", "TN-61-sakiet-ezzit", "TN-61-jebeniana"),
        "streets": (
            "Avenue Majida Boulila",
            "Avenue Hédi Chaker",
            "Rue Habib Maazoun",
            "Avenue des Martyrs",
            "Route de Tunis km 1",
            "Rue Abou El Kacem Chebbi",
            "Avenue Ali Belhouane",
            "Rue Mongi Slim",
        ),
    },
    "TN-82": {
        "slug": "medenine",
        "de": "de Médenine",
        "bi": "بمدنين",
        "phone": "75",
        "seat": "TN-82-medenine-nord",
        "others": ("TN-82-zarzis", "TN-82-ben-guerdane", "TN-82-houmet-essouk"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue du 18 Janvier",
            "Avenue de la République",
            "Rue de Palestine",
            "Avenue Mongi Slim",
        ),
    },
    "TN-53": {
        "slug": "mahdia",
        "de": "de Mahdia",
        "bi": "بالمهدية",
        "phone": "73",
        "seat": "TN-53-mahdia",
        "others": ("TN-53-el-jem", "TN-53-ksour-essaf", "TN-53-la-chebba"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue Farhat Hached",
            "Avenue Taïeb Mhiri",
            "Route de la Corniche",
            "Rue de l'Indépendance",
        ),
    },
    "TN-23": {
        "slug": "bizerte",
        "de": "de Bizerte",
        "bi": "ببنزرت",
        "phone": "72",
        "seat": "TN-23-bizerte-nord",
        "others": ("TN-23-menzel-bourguiba", "TN-23-mateur", "TN-23-ras-jebel"),
        "streets": (
            "Boulevard Hassen Nouri",
            "Avenue Habib Bourguiba",
            "Rue d'Alger",
            "Avenue Taïeb Mhiri",
            "Rue Ibn Khaldoun",
        ),
    },
    "TN-33": {
        "slug": "le-kef",
        "de": "du Kef",
        "bi": "بالكاف",
        "phone": "78",
        "seat": "TN-33-le-kef-ouest",
        "others": ("TN-33-le-kef-est", "TN-33-tajerouine", "TN-33-dahmani"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue Hédi Chaker",
            "Avenue de l'Environnement",
            "Rue Ali Belhouane",
            "Place de l'Indépendance",
        ),
    },
    "TN-83": {
        "slug": "tataouine",
        "de": "de Tataouine",
        "bi": "بتطاوين",
        "phone": "75",
        "seat": "TN-83-tataouine-nord",
        "others": ("TN-83-tataouine-sud", "TN-83-ghomrassen", "TN-83-remada"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Avenue Farhat Hached",
            "Rue du 2 Mars 1934",
            "Avenue de la République",
        ),
    },
    "TN-52": {
        "slug": "monastir",
        "de": "de Monastir",
        "bi": "بالمنستير",
        "phone": "73",
        "seat": "TN-52-monastir",
        "others": ("TN-52-moknine", "TN-52-ksar-helal", "TN-52-jemmal"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue du 1er Juin 1955",
            "Avenue de l'Indépendance",
            "Route de Khniss",
            "Avenue Farhat Hached",
        ),
    },
    "TN-41": {
        "slug": "kairouan",
        "de": "de Kairouan",
        "bi": "بالقيروان",
        "phone": "77",
        "seat": "TN-41-kairouan-nord",
        "others": ("TN-41-kairouan-sud", "TN-41-haffouz", "TN-41-sbikha"),
        "streets": (
            "Avenue de la République",
            "Avenue Ibn El Jazzar",
            "Rue Ali Belhouane",
            "Boulevard de l'Environnement",
            "Avenue Habib Bourguiba",
        ),
    },
    "TN-71": {
        "slug": "gafsa",
        "de": "de Gafsa",
        "bi": "بقفصة",
        "phone": "76",
        "seat": "TN-71-gafsa-sud",
        "others": ("TN-71-gafsa-nord", "TN-71-metlaoui", "TN-71-redeyef"),
        "streets": (
            "Avenue Habib Bourguiba",
            "Rue Abou El Kacem Chebbi",
            "Avenue Taïeb Mhiri",
            "Rue Houcine Bouzaiene",
            "Avenue de la Liberté",
        ),
    },
}

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

# --- Service templates: key → texts (fr, ar, en) and facets -----------------------------
# fees None = free of charge. langs: ISO 639-1 codes, space-separated.
SERVICES = {
    "ote-welcome": {
        "name": (
            "Accueil, information et orientation des Tunisiens de retour — {city}",
            "استقبال وإعلام وتوجيه التونسيين العائدين — {city_ar}",
            "Reception, information and orientation of returnees — {city_en}",
        ),
        "desc": (
            "Premier accueil, information sur les droits et les services, orientation vers les partenaires du dispositif (promotion sociale, emploi, création de projet).",
            "استقبال أوّلي وإعلام حول الحقوق والخدمات وتوجيه نحو شركاء الآلية (النهوض الاجتماعي، التشغيل، بعث المشاريع).",
            "First reception, information on rights and services, orientation to the scheme's partners (social promotion, employment, business creation).",
        ),
        "cats": "information-orientation reintegration",
        "aud": "returnees families",
    },
    "ote-plan": {
        "name": (
            "Plan individuel de réinsertion et dossier d'aide (Tounesna) — {city}",
            "خطة إعادة الإدماج الفردية وملف المساعدة (تونسنا) — {city_ar}",
            "Individual reintegration plan and aid file (Tounesna) — {city_en}",
        ),
        "desc": (
            "Évaluation des besoins, plan de réinsertion (accompagnement social, emploi, création de projet) et montage du dossier d'aide soumis au comité régional.",
            "تقييم الاحتياجات وإعداد خطة إعادة الإدماج (مرافقة اجتماعية، تشغيل، بعث مشروع) وإعداد ملف المساعدة المعروض على اللجنة الجهوية.",
            "Needs assessment, reintegration plan (social support, employment, business creation) and the aid file put to the regional committee.",
        ),
        "cats": "reintegration social-support business-creation",
        "aud": "returnees",
        "elig": RETURNEE_ELIGIBILITY,
        "apply": (
            "Sur rendez-vous, avec la carte d'identité nationale et tout justificatif du retour.",
            "بموعد مسبق، مع بطاقة التعريف الوطنية وكل وثيقة تثبت العودة.",
            "By appointment, with the national identity card and any proof of return.",
        ),
    },
    "ote-families": {
        "name": (
            "Accompagnement social des familles de Tunisiens à l'étranger — {city}",
            "المرافقة الاجتماعية لعائلات التونسيين بالخارج — {city_ar}",
            "Social support for families of Tunisians abroad — {city_en}",
        ),
        "desc": (
            "Écoute, médiation familiale et aide aux démarches pour les familles restées en Tunisie.",
            "الإصغاء والوساطة العائلية والمساعدة في الإجراءات للعائلات المقيمة بتونس.",
            "Listening, family mediation and help with formalities for families living in Tunisia.",
        ),
        "cats": "social-support family-children",
        "aud": "families minors",
    },
    "cps-support": {
        "name": (
            "Accompagnement social et orientation",
            "المرافقة الاجتماعية والتوجيه",
            "Social support and orientation",
        ),
        "desc": (
            "Accueil par un travailleur social, diagnostic de la situation et accompagnement personnalisé, y compris des migrants de retour orientés par l'OTE.",
            "استقبال من قبل أخصائي اجتماعي وتشخيص الوضعية ومرافقة شخصية، بما في ذلك المهاجرون العائدون الموجهون من ديوان التونسيين بالخارج.",
            "Reception by a social worker, assessment and personal support, including returnees referred by the OTE.",
        ),
        "cats": "social-support reintegration",
        "aud": "returnees families women everyone",
    },
    "cps-enquiry": {
        "name": (
            "Enquête sociale et aides sociales (PNAFN, carte de soins)",
            "البحث الاجتماعي والمساعدات الاجتماعية (برنامج إعانة العائلات المعوزة، بطاقة العلاج)",
            "Social enquiry and social aid (PNAFN, health-care card)",
        ),
        "desc": (
            "Enquête sociale à domicile pour l'accès au programme national d'aide aux familles nécessiteuses et à la carte de soins gratuits ou à tarif réduit.",
            "بحث اجتماعي بالمنزل للانتفاع بالبرنامج الوطني لإعانة العائلات المعوزة وببطاقة العلاج المجاني أو بالتعريفة المنخفضة.",
            "Home social enquiry for the national aid programme for families in need and the free or reduced-rate health-care card.",
        ),
        "cats": "social-support health",
        "aud": "families everyone",
        "apply": (
            "Dépôt de la demande au centre avec la carte d'identité et les extraits de naissance des enfants.",
            "إيداع المطلب بالمركز مع بطاقة التعريف ومضامين ولادة الأطفال.",
            "Apply at the centre with the identity card and the children's birth certificates.",
        ),
    },
    "cps-disability": {
        "name": (
            "Carte d'handicap et aides aux personnes handicapées",
            "بطاقة الإعاقة والمساعدات لفائدة الأشخاص ذوي الإعاقة",
            "Disability card and support for people with disabilities",
        ),
        "desc": (
            "Instruction de la demande de carte d'handicap, aides techniques et orientation vers les établissements spécialisés.",
            "دراسة مطلب بطاقة الإعاقة والمعينات الفنية والتوجيه نحو المؤسسات المختصة.",
            "Disability card applications, technical aids and orientation to specialised centres.",
        ),
        "cats": "disability",
        "aud": "disabled families",
    },
    "aneti-jobs": {
        "name": (
            "Inscription des demandeurs d'emploi et offres d'emploi — {place}",
            "ترسيم طالبي الشغل وعروض الشغل — {place_ar}",
            "Job-seeker registration and job offers — {place_en}",
        ),
        "desc": (
            "Inscription, entretien avec un conseiller en emploi et mise en relation avec les offres des entreprises de la région.",
            "الترسيم والمقابلة مع مستشار في التشغيل والربط مع عروض المؤسسات بالجهة.",
            "Registration, interview with an employment counsellor and matching with local job offers.",
        ),
        "cats": "employment",
        "aud": "workers young-people returnees",
        "apply": (
            "Se présenter avec la carte d'identité et les diplômes, ou s'inscrire sur emploi.nat.tn.",
            "الحضور مع بطاقة التعريف والشهائد أو الترسيم عبر الموقع emploi.nat.tn.",
            "Come with your identity card and diplomas, or register on emploi.nat.tn.",
        ),
    },
    "aneti-programmes": {
        "name": (
            "Programmes d'insertion : stages SIVP et contrats CAIP",
            "برامج الإدماج: تربصات الإعداد للحياة المهنية وعقود التكيف والإدماج المهني",
            "Job-insertion programmes: SIVP internships and CAIP contracts",
        ),
        "desc": (
            "Stages d'initiation à la vie professionnelle et contrats d'adaptation et d'insertion professionnelle, avec une indemnité mensuelle.",
            "تربصات الإعداد للحياة المهنية وعقود التكيف والإدماج المهني مع منحة شهرية.",
            "Work-experience internships and adaptation contracts, with a monthly allowance.",
        ),
        "cats": "employment training",
        "aud": "young-people students",
        "min_age": 18,
        "max_age": 35,
    },
    "aneti-abroad": {
        "name": (
            "Placement à l'international et migration régulière",
            "التشغيل بالخارج والهجرة النظامية",
            "Jobs abroad and legal migration",
        ),
        "desc": (
            "Information sur les offres d'emploi à l'étranger gérées par l'ANETI, les procédures de visa de travail et les risques de la migration irrégulière.",
            "الإعلام حول عروض الشغل بالخارج التي تتصرف فيها الوكالة وإجراءات تأشيرة العمل ومخاطر الهجرة غير النظامية.",
            "Information on jobs abroad handled by ANETI, work-visa procedures and the risks of irregular migration.",
        ),
        "cats": "legal-migration irregular-migration-risks employment",
        "aud": "workers young-people",
    },
    "ee-create": {
        "name": (
            "Accompagnement à la création d'entreprise",
            "المرافقة في بعث المؤسسات",
            "Support for starting a business",
        ),
        "desc": (
            "Accueil des porteurs d'idées, étude de faisabilité, plan d'affaires et mise en relation avec les financeurs (BTS, microfinance).",
            "استقبال أصحاب الأفكار ودراسة الجدوى وإعداد مخطط الأعمال والربط مع جهات التمويل (البنك التونسي للتضامن، مؤسسات التمويل الصغير).",
            "Reception of project holders, feasibility study, business plan and contacts with lenders (BTS, microfinance).",
        ),
        "cats": "business-creation",
        "aud": "entrepreneurs returnees young-people women",
    },
    "ee-cefe": {
        "name": (
            "Formation à l'entrepreneuriat (CEFE) et suivi après la création",
            "التكوين في روح المبادرة (CEFE) والمتابعة بعد الإحداث",
            "Entrepreneurship training (CEFE) and follow-up after start-up",
        ),
        "desc": (
            "Sessions de deux semaines sur l'esprit d'entreprise, puis suivi du projet pendant les premières années.",
            "دورات تكوينية لمدة أسبوعين في روح المبادرة ثم متابعة المشروع خلال السنوات الأولى.",
            "Two-week entrepreneurship courses, then follow-up in the first years.",
        ),
        "cats": "business-creation training",
        "aud": "entrepreneurs returnees",
    },
    "enda-credit": {
        "name": (
            "Microcrédit pour activité génératrice de revenus",
            "قرض صغير لنشاط مدرّ للدخل",
            "Microcredit for income-generating activities",
        ),
        "desc": (
            "Prêts de 200 à 40 000 dinars pour les micro-entreprises, remboursables par mensualités, avec une assurance.",
            "قروض من 200 إلى 40000 دينار للمؤسسات الصغرى، تسدد بأقساط شهرية، مع تأمين.",
            "Loans of 200 to 40,000 dinars for micro-businesses, repaid monthly, with insurance.",
        ),
        "cats": "microfinance",
        "aud": "entrepreneurs women returnees",
        "fees": LOAN_FEES,
        "hours": "office_sat",
    },
    "enda-bidaya": {
        "name": (
            "Bidaya : crédit et accompagnement des jeunes créateurs",
            "بداية: تمويل ومرافقة الشباب الباعثين",
            "Bidaya: loans and coaching for young founders",
        ),
        "desc": (
            "Financement et accompagnement des jeunes diplômés qui lancent leur première entreprise.",
            "تمويل ومرافقة الشباب من حاملي الشهائد في بعث مؤسستهم الأولى.",
            "Loans and coaching for young graduates starting their first business.",
        ),
        "cats": "microfinance business-creation",
        "aud": "young-people entrepreneurs",
        "fees": LOAN_FEES,
        "hours": "office_sat",
        "min_age": 18,
    },
    "taysir-credit": {
        "name": (
            "Microcrédit pour petits projets et agriculture",
            "قروض صغيرة للمشاريع الصغرى والفلاحة",
            "Microcredit for small businesses and farming",
        ),
        "desc": (
            "Crédits pour le commerce, l'artisanat, l'élevage et l'agriculture, avec des échéances adaptées aux saisons.",
            "قروض للتجارة والحرف وتربية الماشية والفلاحة بآجال ملائمة للمواسم.",
            "Loans for trade, crafts, livestock and farming, with seasonal repayment.",
        ),
        "cats": "microfinance",
        "aud": "entrepreneurs women",
        "fees": LOAN_FEES,
    },
    "bts-credit": {
        "name": (
            "Crédit de création de petits projets",
            "قروض بعث المشاريع الصغرى",
            "Loans to start small businesses",
        ),
        "desc": (
            "Crédits à taux bonifié pour les diplômés, les artisans et les migrants de retour porteurs d'un projet, sur présentation d'une étude de projet.",
            "قروض بنسبة فائدة تفاضلية لأصحاب الشهائد والحرفيين والمهاجرين العائدين أصحاب المشاريع، بعد تقديم دراسة المشروع.",
            "Low-interest loans for graduates, craftspeople and returnees with a project, on presentation of a project study.",
        ),
        "cats": "microfinance business-creation",
        "aud": "entrepreneurs returnees young-people",
        "fees": (
            "Taux bonifié ; autofinancement minimal selon le montant.",
            "نسبة فائدة تفاضلية وتمويل ذاتي أدنى حسب المبلغ.",
            "Subsidised rate; a minimum own contribution depending on the amount.",
        ),
        "hours": "bank",
    },
    "hosp-emergency": {
        "name": (
            "Urgences médicales et chirurgicales",
            "قسم الاستعجالي الطبي والجراحي",
            "Medical and surgical emergencies",
        ),
        "desc": (
            "Accueil des urgences 24 heures sur 24, y compris pour les personnes sans couverture sociale.",
            "استقبال الحالات الاستعجالية على مدار الساعة، بما في ذلك الأشخاص دون تغطية اجتماعية.",
            "Emergency care 24 hours a day, including people without health cover.",
        ),
        "cats": "health",
        "aud": "everyone migrants",
        "fees": TICKET,
        "hours": "always",
    },
    "hosp-psych": {
        "name": (
            "Consultations de psychiatrie et de psychologie",
            "استشارات الطب النفسي وعلم النفس",
            "Psychiatry and psychology consultations",
        ),
        "desc": (
            "Consultations externes sur rendez-vous : dépression, anxiété, addictions.",
            "استشارات خارجية بموعد مسبق: الاكتئاب والقلق والإدمان.",
            "Outpatient consultations by appointment: depression, anxiety, addiction.",
        ),
        "cats": "mental-health",
        "aud": "everyone young-people",
        "fees": TICKET,
        "hours": "mornings",
    },
    "csb-gp": {
        "name": (
            "Médecine générale — centres de santé de base",
            "الطب العام — مراكز الصحة الأساسية",
            "General practice — primary health centres",
        ),
        "desc": (
            "Consultations de médecine générale, soins infirmiers et médicaments essentiels dans les centres de santé de base.",
            "فحوصات الطب العام والعلاجات التمريضية والأدوية الأساسية بمراكز الصحة الأساسية.",
            "GP consultations, nursing care and essential medicines at primary health centres.",
        ),
        "cats": "health",
        "aud": "everyone migrants returnees",
        "fees": TICKET,
        "hours": "clinic",
    },
    "csb-mch": {
        "name": (
            "Santé de la mère et de l'enfant : vaccination et suivi de grossesse",
            "صحة الأم والطفل: التلقيح ومتابعة الحمل",
            "Mother and child health: vaccination and pregnancy care",
        ),
        "desc": (
            "Vaccination des enfants selon le calendrier national, consultations prénatales et planification familiale.",
            "تلقيح الأطفال حسب الرزنامة الوطنية والفحوصات السابقة للولادة والتنظيم العائلي.",
            "Child vaccination on the national schedule, antenatal care and family planning.",
        ),
        "cats": "health family-children",
        "aud": "women minors families migrants",
        "hours": "clinic",
    },
    "cre-enrol": {
        "name": (
            "Inscription et réintégration scolaire des enfants revenus de l'étranger",
            "ترسيم وإعادة إدماج التلاميذ العائدين من الخارج",
            "School enrolment for children back from abroad",
        ),
        "desc": (
            "Équivalence des niveaux, affectation dans un établissement et cours de soutien en arabe pour les élèves ayant étudié à l'étranger.",
            "معادلة المستويات والتوجيه إلى مؤسسة تربوية ودروس دعم في اللغة العربية للتلاميذ الذين درسوا بالخارج.",
            "Level equivalence, school placement and Arabic support lessons for pupils who studied abroad.",
        ),
        "cats": "schooling",
        "aud": "minors families returnees migrants",
        "apply": (
            "Dossier : bulletins scolaires du pays d'accueil, extrait de naissance, certificat de résidence.",
            "الملف: بطاقات الأعداد من بلد الإقامة ومضمون ولادة وشهادة إقامة.",
            "File: school reports from abroad, birth certificate, proof of residence.",
        ),
        "max_age": 20,
    },
    "cre-listen": {
        "name": (
            "Cellule d'écoute et d'orientation scolaire",
            "خلية الإصغاء والإرشاد المدرسي",
            "School listening and guidance unit",
        ),
        "desc": (
            "Psychologues et conseillers d'orientation pour les élèves en difficulté et leurs parents.",
            "أخصائيون نفسانيون ومستشارو توجيه للتلاميذ الذين يواجهون صعوبات ولأوليائهم.",
            "Psychologists and guidance counsellors for pupils in difficulty and their parents.",
        ),
        "cats": "schooling mental-health",
        "aud": "minors families",
    },
    "bar-consult": {
        "name": (
            "Consultations juridiques gratuites",
            "استشارات قانونية مجانية",
            "Free legal consultations",
        ),
        "desc": (
            "Permanence d'avocats bénévoles : droit de la famille, droit du travail, état civil et droits des migrants.",
            "حصص استمرار لمحامين متطوعين: قانون الأسرة وقانون الشغل والحالة المدنية وحقوق المهاجرين.",
            "Volunteer lawyers on duty: family law, labour law, civil status and migrants' rights.",
        ),
        "cats": "legal-aid",
        "aud": "everyone returnees migrants",
        "hours": "lawyers",
    },
    "court-aid": {
        "name": (
            "Aide judiciaire (avocat commis d'office)",
            "الإعانة العدلية (تسخير محام)",
            "Legal aid (court-appointed lawyer)",
        ),
        "desc": (
            "L'État prend en charge les honoraires d'avocat et les frais de procédure des personnes aux ressources insuffisantes.",
            "تتكفل الدولة بأتعاب المحامي ومصاريف التقاضي لفائدة الأشخاص محدودي الدخل.",
            "The State pays lawyer and court costs for people with insufficient means.",
        ),
        "cats": "legal-aid",
        "aud": "everyone",
        "elig": (
            "Personnes justifiant de ressources insuffisantes (loi n° 2002-52).",
            "الأشخاص الذين يثبتون عدم كفاية مواردهم (القانون عدد 52 لسنة 2002).",
            "People with insufficient means (Law 2002-52).",
        ),
    },
    "crt-welcome": {
        "name": (
            "Accueil, écoute et orientation des personnes vulnérables",
            "استقبال وإصغاء وتوجيه الأشخاص في وضعية هشاشة",
            "Reception, listening and orientation of vulnerable people",
        ),
        "desc": (
            "Premier accueil des migrants et des personnes en détresse, premiers secours et rétablissement des liens familiaux.",
            "الاستقبال الأوّل للمهاجرين وللأشخاص في وضعية صعبة والإسعافات الأولية وإعادة الروابط العائلية.",
            "First reception of migrants and people in distress, first aid and restoring family links.",
        ),
        "cats": "reception-shelter information-orientation",
        "aud": "migrants returnees everyone",
        "langs": "ar fr en",
        "hours": "association",
    },
    "crt-relief": {
        "name": (
            "Aide humanitaire d'urgence (colis alimentaires, kits d'hygiène)",
            "مساعدات إنسانية عاجلة (طرود غذائية وحقائب صحية)",
            "Emergency relief (food parcels, hygiene kits)",
        ),
        "desc": (
            "Distribution d'aide d'urgence après la visite d'un volontaire.",
            "توزيع مساعدات عاجلة بعد زيارة يقوم بها متطوع.",
            "Emergency aid handed out after a volunteer's visit.",
        ),
        "cats": "social-support",
        "aud": "migrants families everyone",
        "hours": "association",
    },
    "atfp-qual": {
        "name": (
            "Formation professionnelle qualifiante (CAP, BTP, BTS)",
            "تكوين مهني مؤهل (شهادة الكفاءة المهنية، مؤهل التقني المهني، مؤهل التقني السامي)",
            "Qualifying vocational training (CAP, BTP, BTS)",
        ),
        "desc": (
            "Formations en alternance dans le bâtiment, la mécanique, l'électricité, l'hôtellerie et l'habillement.",
            "تكوين بالتداول في البناء والميكانيك والكهرباء والنزل والملابس.",
            "Work-linked training in building, mechanics, electricity, hotels and clothing.",
        ),
        "cats": "training",
        "aud": "young-people",
        "min_age": 15,
    },
    "atfp-short": {
        "name": (
            "Formations courtes et reconversion des adultes",
            "دورات تكوينية قصيرة وإعادة تأهيل الكهول",
            "Short courses and retraining for adults",
        ),
        "desc": (
            "Modules de trois à six mois pour apprendre un métier ou faire reconnaître une expérience acquise à l'étranger.",
            "وحدات تكوينية من ثلاثة إلى ستة أشهر لتعلّم مهنة أو للمصادقة على خبرة مكتسبة بالخارج.",
            "Three- to six-month modules to learn a trade or have experience gained abroad recognised.",
        ),
        "cats": "training",
        "aud": "returnees workers",
        "min_age": 18,
    },
    "utss-aid": {
        "name": (
            "Aide sociale et accompagnement des familles vulnérables",
            "المساعدة الاجتماعية ومرافقة العائلات الهشة",
            "Social aid and support for vulnerable families",
        ),
        "desc": (
            "Aides ponctuelles, soutien scolaire et petits projets pour les familles en difficulté et les migrants de retour.",
            "مساعدات ظرفية ودروس دعم ومشاريع صغرى للعائلات التي تمر بصعوبات وللمهاجرين العائدين.",
            "One-off aid, school support and small projects for families in difficulty and returnees.",
        ),
        "cats": "social-support family-children",
        "aud": "families returnees minors",
        "hours": "association",
    },
    "mun-civil": {
        "name": (
            "État civil : extraits et légalisation de signature",
            "الحالة المدنية: المضامين والتعريف بالإمضاء",
            "Civil registry: certificates and signature certification",
        ),
        "desc": (
            "Extraits de naissance, de mariage et de décès, légalisation de signature et copies conformes.",
            "مضامين الولادة والزواج والوفاة والتعريف بالإمضاء والنسخ المطابقة للأصل.",
            "Birth, marriage and death certificates, signature certification and certified copies.",
        ),
        "cats": "civil-documents",
        "aud": "everyone returnees",
        "fees": (
            "Timbre municipal de quelques centaines de millimes par document.",
            "طابع بلدي ببضع مئات من المليمات لكل وثيقة.",
            "A municipal stamp of a few hundred millimes per document.",
        ),
        "hours": "office_sat",
    },
    "mun-citizen": {
        "name": (
            "Bureau des relations avec le citoyen",
            "مكتب العلاقات مع المواطن",
            "Citizens' relations office",
        ),
        "desc": (
            "Information sur les services municipaux, réclamations et orientation.",
            "الإعلام حول الخدمات البلدية وقبول الشكاوى والتوجيه.",
            "Information on municipal services, complaints and orientation.",
        ),
        "cats": "information-orientation",
        "aud": "everyone migrants",
    },
    "onfp-srh": {
        "name": (
            "Santé sexuelle et reproductive",
            "الصحة الجنسية والإنجابية",
            "Sexual and reproductive health",
        ),
        "desc": (
            "Consultations, contraception, dépistage et information des jeunes, dans la confidentialité.",
            "فحوصات ووسائل منع الحمل والتقصي وإعلام الشباب في كنف السرية.",
            "Consultations, contraception, screening and information for young people, in confidence.",
        ),
        "cats": "health",
        "aud": "women young-people",
        "hours": "clinic",
    },
    "onfp-violence": {
        "name": (
            "Écoute et prise en charge des femmes victimes de violence",
            "الإصغاء والتكفل بالنساء ضحايا العنف",
            "Listening and care for women victims of violence",
        ),
        "desc": (
            "Accueil confidentiel, soutien psychologique, certificat médical et orientation juridique. Numéro vert national : 1899.",
            "استقبال سري ودعم نفسي وشهادة طبية وتوجيه قانوني. الرقم الأخضر الوطني: 1899.",
            "Confidential reception, psychological support, medical certificate and legal orientation. National free number: 1899.",
        ),
        "cats": "violence-protection mental-health",
        "aud": "women",
    },
}

# --- Organisations present in every area (or in the areas listed) -----------------------
# at: "seat", an index into the area's "others", or "clinics" (seat + two others).
KINDS = {
    "ote": {
        "name": ("Antenne Tounesna {de}", "فرع برنامج تونسنا {bi}", "Tounesna antenna, {city_en}"),
        "desc": (
            "Antenne régionale de l'Office des Tunisiens à l'Étranger pour le dispositif national de réinsertion des migrants de retour.",
            "فرع جهوي لديوان التونسيين بالخارج في إطار الآلية الوطنية لإعادة إدماج المهاجرين العائدين.",
            "Regional antenna of the Office of Tunisians Abroad for the national reintegration scheme.",
        ),
        "acronym": "OTE",
        "legal": "Établissement public",
        "website": "https://www.ote.nat.tn",
        "institution": "ote-{slug}",
        "areas": ("TN-11", "TN-61", "TN-82", "TN-23", "TN-33", "TN-83", "TN-52", "TN-41", "TN-71"),
        "services": ("ote-welcome", "ote-plan", "ote-families"),
    },
    "cps": {
        "name": (
            "Centre de promotion sociale {de}",
            "مركز النهوض الاجتماعي {bi}",
            "Social promotion centre, {city_en}",
        ),
        "acronym": "CPS",
        "legal": "Service public (ministère des Affaires sociales)",
        "website": "https://www.social.gov.tn",
        "institution": "cps-{slug}",
        "services": ("cps-support", "cps-enquiry", "cps-disability"),
    },
    "aneti": {
        "name": (
            "Bureau de l'emploi ANETI {de}",
            "مكتب التشغيل والعمل المستقل {bi}",
            "ANETI employment office, {city_en}",
        ),
        "acronym": "ANETI",
        "legal": "Établissement public",
        "website": "https://www.emploi.nat.tn",
        "institution": "aneti-{slug}",
        "services": ("aneti-jobs", "aneti-programmes", "aneti-abroad"),
    },
    "aneti-branch": {
        "name": (
            "Bureau de l'emploi ANETI — {place}",
            "مكتب التشغيل والعمل المستقل — {place_ar}",
            "ANETI employment office — {place_en}",
        ),
        "acronym": "ANETI",
        "legal": "Établissement public",
        "website": "https://www.emploi.nat.tn",
        "institution": "aneti-{slug}",
        "at": 0,
        "services": ("aneti-jobs",),
    },
    "ee": {
        "name": ("Espace Entreprendre {de}", "فضاء المبادر {bi}", "Espace Entreprendre, {city_en}"),
        "legal": "Établissement public (ANETI)",
        "website": "https://www.emploi.nat.tn",
        "institution": "ee-{slug}",
        "services": ("ee-create", "ee-cefe"),
    },
    "enda": {
        "name": (
            "Enda Tamweel — agence {de}",
            "إندا تمويل — وكالة {city_ar}",
            "Enda Tamweel — {city_en} branch",
        ),
        "acronym": "Enda",
        "legal": "Institution de microfinance",
        "website": "https://www.endatamweel.tn",
        "institution": "enda-{slug}",
        "services": ("enda-credit", "enda-bidaya"),
    },
    "taysir": {
        "name": (
            "Taysir Microfinance — agence {de}",
            "تيسير للتمويل الصغير — وكالة {city_ar}",
            "Taysir Microfinance — {city_en} branch",
        ),
        "acronym": "Taysir",
        "legal": "Institution de microfinance",
        "areas": ("TN-11", "TN-12", "TN-61", "TN-41", "TN-71", "TN-33", "TN-23"),
        "at": 1,
        "services": ("taysir-credit",),
    },
    "bts": {
        "name": (
            "Banque Tunisienne de Solidarité — agence {de}",
            "البنك التونسي للتضامن — وكالة {city_ar}",
            "Tunisian Solidarity Bank — {city_en} branch",
        ),
        "acronym": "BTS",
        "legal": "Banque publique",
        "website": "https://www.bts.com.tn",
        "institution": "bts-{slug}",
        "services": ("bts-credit",),
    },
    "hospital": {
        "name": None,  # from HOSPITALS
        "legal": "Établissement public de santé",
        "services": ("hosp-emergency", "hosp-psych"),
    },
    "drs": {
        "name": (
            "Direction régionale de la santé {de}",
            "الإدارة الجهوية للصحة {bi}",
            "Regional health directorate, {city_en}",
        ),
        "legal": "Service public (ministère de la Santé)",
        "at": "clinics",
        "services": ("csb-gp", "csb-mch"),
    },
    "cre": {
        "name": (
            "Commissariat régional à l'éducation {de}",
            "المندوبية الجهوية للتربية {bi}",
            "Regional education office, {city_en}",
        ),
        "legal": "Service public (ministère de l'Éducation)",
        "services": ("cre-enrol", "cre-listen"),
    },
    "bar": {
        "name": (
            "Ordre des avocats — section régionale {de}",
            "الهيئة الوطنية للمحامين — الفرع الجهوي {bi}",
            "Bar association — {city_en} regional section",
        ),
        "legal": "Ordre professionnel",
        "services": ("bar-consult",),
    },
    "court": {
        "name": (
            "Tribunal de première instance {de}",
            "المحكمة الابتدائية {bi}",
            "Court of first instance, {city_en}",
        ),
        "legal": "Juridiction",
        "services": ("court-aid",),
    },
    "crt": {
        "name": (
            "Croissant-Rouge tunisien — comité régional {de}",
            "الهلال الأحمر التونسي — الهيئة الجهوية {bi}",
            "Tunisian Red Crescent — {city_en} regional committee",
        ),
        "legal": "Association",
        "services": ("crt-welcome", "crt-relief"),
    },
    "atfp": {
        "name": (
            "Centre de formation et d'apprentissage {de}",
            "مركز التكوين والتدريب المهني {bi}",
            "Vocational training centre, {city_en}",
        ),
        "acronym": "ATFP",
        "legal": "Établissement public (ATFP)",
        "website": "https://www.atfp.tn",
        "at": 1,
        "services": ("atfp-qual", "atfp-short"),
    },
    "utss": {
        "name": (
            "UTSS — comité régional {de}",
            "الاتحاد التونسي للتضامن الاجتماعي — الهيئة الجهوية {bi}",
            "UTSS — {city_en} regional committee",
        ),
        "acronym": "UTSS",
        "legal": "Association",
        "institution": "utss",
        "at": 0,
        "services": ("utss-aid",),
    },
    "mun": {
        "name": ("Municipalité {de}", "بلدية {city_ar}", "Municipality of {city_en}"),
        "legal": "Collectivité locale",
        "services": ("mun-civil", "mun-citizen"),
    },
    "onfp": {
        "name": (
            "Office national de la famille et de la population — délégation {de}",
            "الديوان الوطني للأسرة والعمران البشري — المندوبية الجهوية {bi}",
            "National Office for Family and Population — {city_en}",
        ),
        "acronym": "ONFP",
        "legal": "Établissement public",
        "areas": ("TN-11", "TN-61", "TN-41", "TN-71", "TN-82"),
        "services": ("onfp-srh", "onfp-violence"),
    },
}

# --- One-off organisations: places are (delegation code, address, phone or None) ---------
SPECIALS = {
    "ote-siege": {
        "name": (
            "Office des Tunisiens à l'Étranger — siège",
            "ديوان التونسيين بالخارج — المقر المركزي",
            "Office of Tunisians Abroad — headquarters",
        ),
        "acronym": "OTE",
        "legal": "Établissement public",
        "website": "https://www.ote.nat.tn",
        "institution": "ote-siege",
        "places": [("TN-11-bab-bhar", "2, Rue d'Espagne", None)],
        "services": [
            {
                "name": (
                    "Programme Tounesna — information sur le dispositif national de réinsertion",
                    "برنامج تونسنا — الإعلام حول الآلية الوطنية لإعادة الإدماج",
                    "Tounesna programme — information on the national reintegration scheme",
                ),
                "desc": (
                    "Information des Tunisiens de retour et de leurs familles sur les aides à la réinsertion et les antennes régionales.",
                    "إعلام التونسيين العائدين وعائلاتهم حول مساعدات إعادة الإدماج والفروع الجهوية.",
                    "Information for returnees and their families on reintegration support and the regional antennas.",
                ),
                "cats": "reintegration information-orientation",
                "aud": "returnees families",
                "langs": "ar fr en",
                "elig": RETURNEE_ELIGIBILITY,
            },
            {
                "name": (
                    "Information sur la migration régulière et les droits des Tunisiens à l'étranger",
                    "الإعلام حول الهجرة النظامية وحقوق التونسيين بالخارج",
                    "Information on legal migration and the rights of Tunisians abroad",
                ),
                "desc": (
                    "Conventions de sécurité sociale, visas, contrats de travail et risques de la migration irrégulière.",
                    "اتفاقيات الضمان الاجتماعي والتأشيرات وعقود الشغل ومخاطر الهجرة غير النظامية.",
                    "Social-security agreements, visas, work contracts and the risks of irregular migration.",
                ),
                "cats": "legal-migration irregular-migration-risks",
                "aud": "young-people workers families",
                "langs": "ar fr en",
            },
        ],
    },
    "cies": {
        "name": (
            "CIES Tunisie — Centre d'information et d'éducation au développement",
            "مركز الإعلام والتربية من أجل التنمية (CIES) — تونس",
            "CIES Tunisia — Centre for Development Information and Education",
        ),
        "acronym": "CIES",
        "legal": "Association",
        "email": "ciestunisie@cies.example.tn",
        "institution": "cies-tunisie",
        "places": [("TN-11-la-marsa", "10, Rue Ali Bach Hamba", "+216 71 749 608")],
        "services": [
            {
                "name": (
                    "Orientation des migrants vers les services locaux (application I-MIGR)",
                    "توجيه المهاجرين نحو الخدمات المحلية (تطبيقة I-MIGR)",
                    "Orienting migrants to local services (I-MIGR app)",
                ),
                "desc": (
                    "Information sur les droits et sur le réseau des services de La Marsa et de Raoued, en particulier pour les jeunes et les femmes.",
                    "الإعلام حول الحقوق وشبكة الخدمات بالمرسى ورواد، خاصة لفائدة الشباب والنساء.",
                    "Information on rights and on the services of La Marsa and Raoued, especially for young people and women.",
                ),
                "cats": "information-orientation",
                "aud": "migrants students women young-people",
                "langs": "ar fr en it",
                "hours": "association",
            },
            {
                "name": (
                    "Journées portes ouvertes et ateliers interculturels",
                    "أيام مفتوحة وورشات بين الثقافات",
                    "Open days and intercultural workshops",
                ),
                "desc": (
                    "Rencontres régulières pour le dialogue interculturel et l'inclusion sociale et économique des migrants.",
                    "لقاءات دورية من أجل الحوار بين الثقافات والإدماج الاجتماعي والاقتصادي للمهاجرين.",
                    "Regular meetings for intercultural dialogue and the social and economic inclusion of migrants.",
                ),
                "cats": "information-orientation",
                "aud": "migrants everyone",
                "langs": "ar fr en",
                "hours": "association",
            },
        ],
    },
    "mun-la-marsa": {
        "name": ("Municipalité de La Marsa", "بلدية المرسى", "Municipality of La Marsa"),
        "legal": "Collectivité locale",
        "institution": "mun-la-marsa",
        "places": [("TN-11-la-marsa", "Avenue Habib Bourguiba, La Marsa", "+216 71 774 200")],
        "services": [
            {
                "key": "desk",
                "name": (
                    "Guichet d'information et d'orientation des migrants — La Marsa",
                    "شباك الإعلام والتوجيه للمهاجرين — المرسى",
                    "Information and orientation desk for migrants — La Marsa",
                ),
                "desc": (
                    "Une fois par semaine, des médiateurs interculturels formés informent sur les droits et orientent vers le réseau des services locaux.",
                    "مرة في الأسبوع، يقدم وسطاء بين الثقافات مكوَّنون معلومات حول الحقوق ويوجهون نحو شبكة الخدمات المحلية.",
                    "Once a week, trained intercultural mediators give information on rights and orient people to local services.",
                ),
                "cats": "information-orientation legal-migration",
                "aud": "migrants students women young-people",
                "langs": "ar fr en",
                "hours": "desk_wed",
            },
            {"template": "mun-civil"},
        ],
    },
    "mun-raoued": {
        "name": ("Municipalité de Raoued", "بلدية رواد", "Municipality of Raoued"),
        "legal": "Collectivité locale",
        "institution": "mun-raoued",
        "places": [("TN-12-raoued", "Avenue de la République, Raoued", "+216 71 862 015")],
        "services": [
            {
                "key": "desk",
                "name": (
                    "Guichet d'information et d'orientation des migrants — Raoued",
                    "شباك الإعلام والتوجيه للمهاجرين — رواد",
                    "Information and orientation desk for migrants — Raoued",
                ),
                "desc": (
                    "Une fois par semaine, des médiateurs interculturels formés informent sur les droits et orientent vers le réseau des services locaux.",
                    "مرة في الأسبوع، يقدم وسطاء بين الثقافات مكوَّنون معلومات حول الحقوق ويوجهون نحو شبكة الخدمات المحلية.",
                    "Once a week, trained intercultural mediators give information on rights and orient people to local services.",
                ),
                "cats": "information-orientation legal-migration",
                "aud": "migrants students women young-people",
                "langs": "ar fr en",
                "hours": "desk_thu",
            },
            {"template": "mun-civil"},
        ],
    },
    "aesat": {
        "name": (
            "Association des étudiants et stagiaires africains en Tunisie",
            "جمعية الطلبة والمتربصين الأفارقة بتونس",
            "Association of African Students and Trainees in Tunisia",
        ),
        "acronym": "AESAT",
        "legal": "Association",
        "institution": "aesat",
        "places": [("TN-11-el-menzah", "14, Rue Jamel Abdennasser, El Menzah", None)],
        "services": [
            {
                "name": (
                    "Accueil et accompagnement des étudiants et stagiaires africains",
                    "استقبال ومرافقة الطلبة والمتربصين الأفارقة",
                    "Reception and support for African students and trainees",
                ),
                "desc": (
                    "Accueil des nouveaux arrivants, logement, inscription universitaire et vie associative.",
                    "استقبال الوافدين الجدد والسكن والترسيم الجامعي والحياة الجمعياتية.",
                    "Welcome for newcomers, housing, university enrolment and student life.",
                ),
                "cats": "information-orientation reception-shelter",
                "aud": "students migrants",
                "langs": "fr en ar",
                "hours": "association",
            },
            {
                "name": (
                    "Aide aux démarches de carte de séjour étudiant",
                    "المساعدة في إجراءات بطاقة الإقامة للطلبة",
                    "Help with student residence permits",
                ),
                "desc": (
                    "Liste des pièces, prise de rendez-vous et suivi du dossier auprès des services compétents.",
                    "قائمة الوثائق وأخذ المواعيد ومتابعة الملف لدى المصالح المختصة.",
                    "Documents to provide, appointments and follow-up with the authorities.",
                ),
                "cats": "civil-documents legal-aid",
                "aud": "students",
                "langs": "fr en",
                "hours": "association",
            },
        ],
    },
    "atcd": {
        "name": (
            "Association tunisienne de coopération pour le développement",
            "الجمعية التونسية للتعاون من أجل التنمية",
            "Tunisian Association for Development Cooperation",
        ),
        "acronym": "ATCD",
        "legal": "Association",
        "institution": "atcd",
        "places": [("TN-12-ettadhamen", "Avenue Abdelaziz Thaalbi, Ettadhamen", None)],
        "services": [
            {
                "name": (
                    "Sensibilisation des jeunes aux risques de la migration irrégulière",
                    "توعية الشباب بمخاطر الهجرة غير النظامية",
                    "Raising young people's awareness of the risks of irregular migration",
                ),
                "desc": (
                    "Séances entre pairs dans les écoles et les maisons de jeunes, témoignages de migrants de retour.",
                    "حصص بين الأقران في المدارس ودور الشباب وشهادات لمهاجرين عائدين.",
                    "Peer sessions in schools and youth centres, with returnees' testimonies.",
                ),
                "cats": "irregular-migration-risks",
                "aud": "young-people minors",
                "hours": "association",
            },
            {
                "name": (
                    "Insertion socio-économique des jeunes et des femmes",
                    "الإدماج الاجتماعي والاقتصادي للشباب والنساء",
                    "Social and economic inclusion of young people and women",
                ),
                "desc": (
                    "Formations courtes, stages et accompagnement vers l'emploi dans les quartiers populaires.",
                    "دورات تكوينية قصيرة وتربصات ومرافقة نحو التشغيل في الأحياء الشعبية.",
                    "Short courses, internships and job coaching in working-class neighbourhoods.",
                ),
                "cats": "employment training",
                "aud": "young-people women",
                "hours": "association",
            },
        ],
    },
    "alda": {
        "name": (
            "Association pour le leadership et le développement en Afrique",
            "جمعية القيادة والتنمية في أفريقيا",
            "Association for Leadership and Development in Africa",
        ),
        "acronym": "ALDA",
        "legal": "Association",
        "institution": "alda",
        "places": [("TN-12-ariana-ville", "7, Rue Ibn Khaldoun, Ariana", None)],
        "services": [
            {
                "name": (
                    "Médiation interculturelle pour les migrants",
                    "الوساطة بين الثقافات لفائدة المهاجرين",
                    "Intercultural mediation for migrants",
                ),
                "desc": (
                    "Médiateurs linguistiques qui accompagnent les migrants vers les services de santé, d'éducation et les administrations.",
                    "وسطاء لغويون يرافقون المهاجرين نحو خدمات الصحة والتعليم والإدارات.",
                    "Language mediators who go with migrants to health, education and public services.",
                ),
                "cats": "information-orientation",
                "aud": "migrants students",
                "langs": "fr en ar",
                "hours": "association",
            },
            {
                "name": (
                    "Cours d'arabe et de français pour migrants",
                    "دروس في اللغة العربية والفرنسية للمهاجرين",
                    "Arabic and French courses for migrants",
                ),
                "desc": (
                    "Cours du soir et du samedi, niveaux débutant et intermédiaire.",
                    "دروس مسائية ويوم السبت، مستوى مبتدئ ومتوسط.",
                    "Evening and Saturday classes, beginner and intermediate.",
                ),
                "cats": "language-courses",
                "aud": "migrants students",
                "langs": "fr en ar",
                "hours": "association",
            },
        ],
    },
    "terre-d-asile": {
        "name": ("Terre d'Asile Tunisie", "أرض اللجوء تونس", "Terre d'Asile Tunisia"),
        "legal": "Association",
        "places": [
            ("TN-11-bab-bhar", "20, Rue de Marseille", None),
            ("TN-61-sfax-ville", "35, Avenue Hédi Chaker", None),
        ],
        "services": [
            {
                "name": (
                    "Maison du droit et des migrations — permanence juridique — {city}",
                    "دار الحق والهجرة — استمرار قانوني — {city_ar}",
                    "House of law and migration — legal advice — {city_en}",
                ),
                "desc": (
                    "Information et accompagnement juridique des migrants : séjour, travail, accès aux droits.",
                    "إعلام ومرافقة قانونية للمهاجرين: الإقامة والعمل والنفاذ إلى الحقوق.",
                    "Legal information and support for migrants: residence, work, access to rights.",
                ),
                "cats": "legal-aid civil-documents",
                "aud": "migrants students workers",
                "langs": "ar fr en",
                "hours": "association",
                "each_place": True,
            },
            {
                "name": (
                    "Accompagnement social et psychosocial des migrants — {city}",
                    "المرافقة الاجتماعية والنفسية للمهاجرين — {city_ar}",
                    "Social and psychosocial support for migrants — {city_en}",
                ),
                "desc": (
                    "Écoute, soutien psychosocial et orientation vers les services de santé et d'hébergement.",
                    "الإصغاء والدعم النفسي الاجتماعي والتوجيه نحو خدمات الصحة والإيواء.",
                    "Listening, psychosocial support and orientation to health and shelter services.",
                ),
                "cats": "social-support mental-health",
                "aud": "migrants women minors",
                "langs": "ar fr en",
                "hours": "association",
                "each_place": True,
            },
        ],
    },
    "cefa": {
        "name": ("CEFA Tunisie", "اللجنة الأوروبية للتكوين والفلاحة (CEFA) — تونس", "CEFA Tunisia"),
        "acronym": "CEFA",
        "legal": "Organisation non gouvernementale",
        "institution": "cefa-tunisie",
        "places": [("TN-53-mahdia", "Rue Farhat Hached, Mahdia", None)],
        "services": [
            {
                "name": (
                    "Accompagnement des migrants de retour dans leur projet de réinsertion",
                    "مرافقة المهاجرين العائدين في مشاريع إعادة إدماجهم",
                    "Support for returnees' reintegration projects",
                ),
                "desc": (
                    "Accompagnement personnalisé au niveau social et économique et suivi de la pérennité des projets, avec les services publics du gouvernorat.",
                    "مرافقة شخصية على المستويين الاجتماعي والاقتصادي ومتابعة ديمومة المشاريع بالتعاون مع المصالح العمومية بالولاية.",
                    "Personal social and economic support and follow-up of the projects' sustainability, with the governorate's public services.",
                ),
                "cats": "reintegration business-creation",
                "aud": "returnees entrepreneurs",
                "hours": "association",
            },
            {
                "name": (
                    "Campagnes d'information sur les services de réinsertion",
                    "حملات إعلامية حول خدمات إعادة الإدماج",
                    "Information campaigns on reintegration services",
                ),
                "desc": (
                    "Sessions d'information avec la société civile de Mahdia sur les services existants et les risques de la migration irrégulière.",
                    "حصص إعلامية مع المجتمع المدني بالمهدية حول الخدمات المتوفرة ومخاطر الهجرة غير النظامية.",
                    "Information sessions with Mahdia's civil society on existing services and the risks of irregular migration.",
                ),
                "cats": "information-orientation irregular-migration-risks",
                "aud": "returnees young-people families",
                "hours": "association",
            },
        ],
    },
    "atct": {
        "name": (
            "Agence tunisienne de coopération technique",
            "الوكالة التونسية للتعاون الفني",
            "Tunisian Agency for Technical Cooperation",
        ),
        "acronym": "ATCT",
        "legal": "Établissement public",
        "places": [("TN-11-el-menzah", "Avenue Hédi Nouira, El Menzah", None)],
        "services": [
            {
                "name": (
                    "Recrutement de compétences tunisiennes pour l'étranger",
                    "انتداب الكفاءات التونسية للعمل بالخارج",
                    "Recruiting Tunisian professionals for work abroad",
                ),
                "desc": (
                    "Offres de contrats de coopération technique à l'étranger, dans le cadre légal et avec une protection sociale.",
                    "عروض عقود تعاون فني بالخارج في إطار قانوني مع تغطية اجتماعية.",
                    "Technical-cooperation contracts abroad, within the legal framework and with social cover.",
                ),
                "cats": "legal-migration employment",
                "aud": "workers",
            },
        ],
    },
    "ofii": {
        "name": (
            "Office français de l'immigration et de l'intégration — représentation en Tunisie",
            "الديوان الفرنسي للهجرة والإدماج — تمثيلية تونس",
            "French Office for Immigration and Integration — Tunisia office",
        ),
        "acronym": "OFII",
        "legal": "Établissement public étranger",
        "places": [("TN-11-la-goulette", "Rue du Lac Windermere, Les Berges du Lac", None)],
        "services": [
            {
                "name": (
                    "Information sur l'immigration légale vers la France",
                    "الإعلام حول الهجرة القانونية إلى فرنسا",
                    "Information on legal immigration to France",
                ),
                "desc": (
                    "Travail saisonnier, regroupement familial, études : conditions et démarches.",
                    "العمل الموسمي ولمّ الشمل العائلي والدراسة: الشروط والإجراءات.",
                    "Seasonal work, family reunification, studies: conditions and procedures.",
                ),
                "cats": "legal-migration",
                "aud": "workers students families",
                "langs": "fr ar",
                "hours": "mornings",
            },
            {
                "name": (
                    "Aide à la réinsertion des personnes revenant de France",
                    "المساعدة على إعادة إدماج العائدين من فرنسا",
                    "Reintegration support for people back from France",
                ),
                "desc": (
                    "Aide au projet de réinsertion économique, en lien avec le dispositif national de l'OTE.",
                    "مساعدة على مشروع إعادة الإدماج الاقتصادي بالتنسيق مع الآلية الوطنية لديوان التونسيين بالخارج.",
                    "Support for an economic reintegration project, with the OTE's national scheme.",
                ),
                "cats": "reintegration business-creation",
                "aud": "returnees",
                "langs": "fr ar",
                "hours": "mornings",
            },
        ],
    },
}

# --- Services added to an area's organisation of a kind: (area, kind, service) ----------
EXTRA_SERVICES = [
    (
        "TN-61",
        "hospital",
        {
            "key": "returnees-psy",
            "name": (
                "Soutien psychologique des Tunisiens de retour — Sfax",
                "الدعم النفسي للتونسيين العائدين — صفاقس",
                "Psychological support for returnees — Sfax",
            ),
            "desc": (
                "Consultations de psychologues et de psychiatres pour les migrants de retour et leurs familles, sur orientation de l'antenne Tounesna ou sur simple demande.",
                "استشارات لدى أخصائيين نفسانيين وأطباء نفسيين للمهاجرين العائدين وعائلاتهم، بتوجيه من فرع تونسنا أو بطلب منهم.",
                "Psychologists and psychiatrists for returnees and their families, referred by the Tounesna antenna or on request.",
            ),
            "cats": "mental-health reintegration",
            "aud": "returnees families",
            "hours": "psy_weekdays",
        },
    ),
    (
        "TN-82",
        "crt",
        {
            "key": "shelter",
            "name": (
                "Centre d'accueil et d'hébergement des migrants de Médenine",
                "مركز استقبال وإيواء المهاجرين بمدنين",
                "Migrant reception and shelter centre, Médenine",
            ),
            "desc": (
                "Hébergement temporaire, repas, soins de première nécessité et orientation des migrants en situation de vulnérabilité.",
                "إيواء مؤقت ووجبات وعلاجات أولية وتوجيه المهاجرين في وضعية هشاشة.",
                "Temporary shelter, meals, basic care and orientation for vulnerable migrants.",
            ),
            "cats": "reception-shelter",
            "aud": "migrants women minors",
            "langs": "ar fr en",
            "hours": "always",
        },
    ),
]

# Services that stay verified and recent whatever the draw (the stories of the demo).
ALWAYS_FRESH = {"TN-61/hospital/returnees-psy", "mun-la-marsa/desk", "mun-raoued/desk"}
