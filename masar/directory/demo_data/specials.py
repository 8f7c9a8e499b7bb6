"""Demo directory data — Named organisations of the programme documents, extra services, always-fresh keys."""

from .common import RETURNEE_ELIGIBILITY

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
