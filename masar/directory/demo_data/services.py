"""Demo directory data — The services each kind of organisation offers, in French, Arabic and English."""

from .common import LOAN_FEES, RETURNEE_ELIGIBILITY, TICKET

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
