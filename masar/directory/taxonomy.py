"""Masar's taxonomies, as data: the needs a service meets (categories) and the audiences it
serves. Codes are stable (HSDS clients keep them); names are in French, Arabic and English.
Loaded by a data migration; a change here needs a new migration calling ``sync_taxonomies``.
"""

TAXONOMIES = {
    "needs": {
        "name": ("Besoins", "الاحتياجات", "Needs"),
        "description": (
            "Les besoins auxquels un service répond.",
            "الاحتياجات التي تستجيب لها الخدمة.",
            "The needs a service meets.",
        ),
        "terms": [
            (
                "social-support",
                "Accompagnement social",
                "المرافقة الاجتماعية",
                "Social support",
                None,
            ),
            ("health", "Santé", "الصحة", "Health", None),
            (
                "mental-health",
                "Santé mentale et soutien psychosocial",
                "الصحة النفسية والدعم النفسي الاجتماعي",
                "Mental health and psychosocial support",
                "health",
            ),
            (
                "schooling",
                "Scolarité et éducation",
                "التمدرس والتعليم",
                "Schooling and education",
                None,
            ),
            ("legal-aid", "Aide juridique", "المساعدة القانونية", "Legal aid", None),
            (
                "reception-shelter",
                "Accueil et hébergement",
                "الاستقبال والإيواء",
                "Reception and shelter",
                None,
            ),
            (
                "civil-documents",
                "Documents d'état civil et papiers",
                "وثائق الحالة المدنية والأوراق",
                "Civil documents and papers",
                "legal-aid",
            ),
            (
                "training",
                "Formation professionnelle",
                "التكوين المهني",
                "Vocational training",
                None,
            ),
            ("employment", "Emploi", "التشغيل", "Employment", None),
            (
                "business-creation",
                "Création d'entreprise",
                "بعث المشاريع",
                "Business creation",
                None,
            ),
            (
                "microfinance",
                "Microfinance et crédit",
                "التمويل الصغير والقروض",
                "Microfinance and credit",
                "business-creation",
            ),
            (
                "legal-migration",
                "Information sur la migration régulière",
                "الإعلام حول الهجرة النظامية",
                "Information on legal migration",
                None,
            ),
            (
                "irregular-migration-risks",
                "Risques de la migration irrégulière",
                "مخاطر الهجرة غير النظامية",
                "Risks of irregular migration",
                None,
            ),
            (
                "information-orientation",
                "Information et orientation",
                "الإعلام والتوجيه",
                "Information and orientation",
                None,
            ),
            (
                "reintegration",
                "Réinsertion des migrants de retour",
                "إعادة إدماج المهاجرين العائدين",
                "Reintegration of returnees",
                None,
            ),
            (
                "family-children",
                "Famille et enfance",
                "الأسرة والطفولة",
                "Family and children",
                "social-support",
            ),
            ("disability", "Handicap", "الإعاقة", "Disability", "social-support"),
            (
                "violence-protection",
                "Protection contre les violences",
                "الحماية من العنف",
                "Protection against violence",
                "social-support",
            ),
            ("language-courses", "Cours de langue", "دروس اللغة", "Language courses", "training"),
        ],
    },
    "audiences": {
        "name": ("Publics", "الفئات المستهدفة", "Audiences"),
        "description": (
            "Les personnes à qui un service s'adresse.",
            "الأشخاص الذين تتوجه إليهم الخدمة.",
            "The people a service is for.",
        ),
        "terms": [
            (
                "returnees",
                "Migrants tunisiens de retour",
                "المهاجرون التونسيون العائدون",
                "Tunisian returnees",
                None,
            ),
            ("migrants", "Migrants en Tunisie", "المهاجرون في تونس", "Migrants in Tunisia", None),
            ("students", "Étudiants", "الطلبة", "Students", None),
            ("young-people", "Jeunes", "الشباب", "Young people", None),
            ("minors", "Mineurs", "القصّر", "Minors", None),
            ("women", "Femmes", "النساء", "Women", None),
            (
                "disabled",
                "Personnes en situation de handicap",
                "الأشخاص ذوو الإعاقة",
                "People with disabilities",
                None,
            ),
            ("families", "Familles de migrants", "عائلات المهاجرين", "Families of migrants", None),
            ("workers", "Travailleurs", "العمّال", "Workers", None),
            ("entrepreneurs", "Porteurs de projet", "باعثو المشاريع", "Entrepreneurs", None),
            ("everyone", "Tout public", "عموم الناس", "Everyone", None),
        ],
    },
}


def sync_taxonomies(Taxonomy, TaxonomyTerm) -> None:  # noqa: N803 — historical models
    """Create or update the taxonomies and their terms by code (idempotent)."""
    for code, spec in TAXONOMIES.items():
        name, description = spec["name"], spec["description"]
        taxonomy, _ = Taxonomy.objects.update_or_create(
            code=code,
            defaults={
                "name": name[0],
                "name_fr": name[0],
                "name_ar": name[1],
                "name_en": name[2],
                "description": description[0],
                "description_fr": description[0],
                "description_ar": description[1],
                "description_en": description[2],
                "version": "1",
            },
        )
        by_code = {}
        for position, (term_code, fr, ar, en, parent) in enumerate(spec["terms"]):
            term, _ = TaxonomyTerm.objects.update_or_create(
                taxonomy=taxonomy,
                code=term_code,
                defaults={
                    "name": fr,
                    "name_fr": fr,
                    "name_ar": ar,
                    "name_en": en,
                    "parent": by_code.get(parent),
                    "position": position,
                },
            )
            by_code[term_code] = term
