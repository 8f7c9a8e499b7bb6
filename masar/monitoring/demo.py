"""Demo logframes for the five seed programmes (seeds 000–004), through the actions.

Idempotent and deterministic: programmes are found by code, objectives, results and
indicators by their codes, targets by period and governorate; what exists is kept as it is.
Only what the seeds state is written: objectives and results in their French words (Arabic
and English translated here), the figures they give as targets. Where a seed gives no date
(PINSEC) or an unreadable one (I-MIGR, "Jun 2020 Jun 2020") the targets' period is a demo
assumption, said so in the programme's description. Results the seeds do not number
(PINSEC, ProGreS) are numbered in the order the seeds list them.

``tounesna`` and ``progres-2`` are the aid programmes of ``masar.cases.demo_aid``; they are
extended here (created from the same values when the aid demo has not run).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from masar.accounts.models import Institution, User
from masar.geo.models import Governorate, Municipality

from . import actions
from .models import ExpectedResult, Indicator, IndicatorTarget, Objective, Programme

ACTOR = "suivi"

# Three-language text: (French, Arabic, English).
_NO_AID = (
    "Pas d'aide individuelle : programme sans enveloppe d'aide.",
    "لا مساعدات فردية: برنامج دون اعتماد للمساعدات.",
    "No individual aid: a programme without an aid envelope.",
)


def _t(prefix, texts) -> dict:
    return {f"{prefix}_{lang}": text for lang, text in zip(("fr", "ar", "en"), texts, strict=True)}


PROGRAMMES = {
    "pinsec": {
        "values": {
            **_t("name", ("PINSEC", "PINSEC", "PINSEC")),
            "funder": "",
            "funders": "",
            "starts_on": None,
            "ends_on": None,
            "envelope": Decimal("0"),
            **_t("envelope_note", _NO_AID),
            "is_active": False,
            "rule_set": "open",
            **_t(
                "description",
                (
                    "Coordination entre OSC et institutions, sensibilisation et formation de "
                    "médiateurs pour l'inclusion des migrants et des migrants de retour. Le "
                    "document ne donne pas de dates : la période des cibles (2021–2022) est "
                    "une hypothèse de démonstration.",
                    "تنسيق بين منظمات المجتمع المدني والمؤسسات، وتحسيس، وتكوين وسطاء لإدماج "
                    "المهاجرين والمهاجرين العائدين. لا يذكر المصدر تواريخ: فترة الأهداف "
                    "(2021–2022) افتراض للعرض.",
                    "Coordination between civil-society organisations and institutions, "
                    "awareness raising and mediator training for the inclusion of migrants and "
                    "returnees. The source gives no dates: the targets' period (2021–2022) is "
                    "a demo assumption.",
                ),
            ),
        },
        "partners": (),
        "governorates": (),
        "municipalities": (),
        "period": (date(2021, 1, 1), date(2022, 12, 31)),
        "objectives": [
            (
                "OS1",
                (
                    "Favoriser la communication, la coordination et le dialogue entre les "
                    "cadres des OSC et les institutionnels.",
                    "تيسير التواصل والتنسيق والحوار بين إطارات منظمات المجتمع المدني والمؤسسات.",
                    "Foster communication, coordination and dialogue between civil-society "
                    "staff and institutions.",
                ),
                [
                    (
                        "R1",
                        (
                            "Les opérateurs des OSC et les représentants des institutions sont "
                            "formés et accompagnés.",
                            "تكوين ومرافقة أعوان منظمات المجتمع المدني وممثلي المؤسسات.",
                            "Civil-society operators and institution representatives are "
                            "trained and coached.",
                        ),
                    ),
                ],
            ),
            (
                "OS2",
                (
                    "Favoriser l'inclusion sociale des migrants et migrants de retour.",
                    "تعزيز الإدماج الاجتماعي للمهاجرين والمهاجرين العائدين.",
                    "Foster the social inclusion of migrants and returnees.",
                ),
                [
                    (
                        "R2",
                        (
                            "Des campagnes de sensibilisation coordonnées touchent les "
                            "professionnels, les institutions et la communauté.",
                            "حملات تحسيسية منسقة تبلغ المهنيين والمؤسسات والمجتمع.",
                            "Coordinated awareness campaigns reach professionals, institutions "
                            "and the community.",
                        ),
                    ),
                ],
            ),
        ],
        "indicators": [
            # code, result, (fr, ar, en), unit, measure or "", disaggregations, targets
            (
                "R1.1",
                "R1",
                (
                    "Opérateurs des OSC formés",
                    "أعوان منظمات المجتمع المدني المكوَّنون",
                    "Civil-society operators trained",
                ),
                "people",
                "",
                ["sex"],
                [(None, 30)],
            ),
            (
                "R1.2",
                "R1",
                (
                    "Représentants des institutions formés",
                    "ممثلو المؤسسات المكوَّنون",
                    "Institution representatives trained",
                ),
                "people",
                "",
                ["sex"],
                [(None, 10)],
            ),
            (
                "R1.3",
                "R1",
                (
                    "Workshops de conception concertée des services",
                    "ورشات التصميم التشاركي للخدمات",
                    "Workshops designing services together",
                ),
                "events",
                "",
                [],
                [(None, 30)],
            ),
            (
                "R2.1",
                "R2",
                ("Journalistes sensibilisés", "الصحفيون الذين تم تحسيسهم", "Journalists reached"),
                "people",
                "",
                ["sex"],
                [(None, 10)],
            ),
            (
                "R2.2",
                "R2",
                (
                    "Personnes touchées par la sensibilisation",
                    "الأشخاص الذين بلغتهم أنشطة التحسيس",
                    "People reached by awareness raising",
                ),
                "people",
                "outreach_reached",
                ["sex", "age_group"],
                [(None, 30000)],
            ),
        ],
    },
    "i-migr": {
        "values": {
            **_t("name", ("I-MIGR", "I-MIGR", "I-MIGR")),
            "funder": "Union européenne (ICMPD)",
            "funders": (
                "Union européenne, par le biais du Centre international pour le "
                "développement des politiques migratoires (ICMPD)"
            ),
            "starts_on": date(2020, 6, 1),
            "ends_on": None,
            "envelope": Decimal("0"),
            **_t("envelope_note", _NO_AID),
            "is_active": False,
            "rule_set": "open",
            **_t(
                "description",
                (
                    "Gouvernance de la migration urbaine à Raoued et La Marsa. La date de fin "
                    "publiée est illisible : la période des cibles (juin 2020 – mai 2022) est "
                    "une hypothèse de démonstration.",
                    "حوكمة الهجرة الحضرية في رواد والمرسى. تاريخ النهاية المنشور غير مقروء: "
                    "فترة الأهداف (جوان 2020 – ماي 2022) افتراض للعرض.",
                    "Urban migration governance in Raoued and La Marsa. The published end date "
                    "is unreadable: the targets' period (June 2020 – May 2022) is a demo "
                    "assumption.",
                ),
            ),
        },
        "implementer": "cies-tunisie",
        "partners": ("utss", "mun-raoued", "mun-la-marsa", "alda", "aesat", "atcd"),
        "governorates": ("TN-11", "TN-12"),
        "municipalities": ("TN-12-raoued", "TN-11-la-marsa"),
        "period": (date(2020, 6, 1), date(2022, 5, 31)),
        "objectives": [
            (
                "OG",
                (
                    "Promouvoir un système de gouvernance de la migration urbaine basé sur les "
                    "droits.",
                    "تعزيز منظومة لحوكمة الهجرة الحضرية قائمة على الحقوق.",
                    "Promote a rights-based governance of urban migration.",
                ),
                [
                    (
                        "R1",
                        (
                            "Les compétences du personnel et des élu(e)s des municipalités de "
                            "Raoued et La Marsa en matière de diversité, non-discrimination, "
                            "inclusion socio-économique et création de services d'orientation "
                            "ciblés sur les migrants-es sont renforcées.",
                            "تعزيز كفاءات أعوان ومنتخبي بلديتي رواد والمرسى في مجالات التنوع "
                            "وعدم التمييز والإدماج الاجتماعي والاقتصادي وإحداث خدمات توجيه "
                            "موجهة للمهاجرين.",
                            "The skills of Raoued and La Marsa municipal staff and councillors in "
                            "diversity, non-discrimination, socio-economic inclusion and "
                            "guidance services for migrants are strengthened.",
                        ),
                    ),
                    (
                        "R2",
                        (
                            "Les capacités des médiateurs et du personnel des services de la "
                            "santé et de l'éducation en termes d'identification des besoins des "
                            "migrant(e)s et de l'adaptation des services dans ce sens, sont "
                            "renforcées.",
                            "تعزيز قدرات الوسطاء وأعوان خدمات الصحة والتعليم على تحديد "
                            "احتياجات المهاجرين وتكييف الخدمات وفقها.",
                            "Mediators and health and education staff are better able to "
                            "identify migrants' needs and adapt services to them.",
                        ),
                    ),
                    (
                        "R3",
                        (
                            "L'accès des migrants-es aux services au niveau local basé sur les "
                            "droits, est amélioré.",
                            "تحسين نفاذ المهاجرين إلى الخدمات المحلية على أساس الحقوق.",
                            "Migrants' rights-based access to local services is improved.",
                        ),
                    ),
                ],
            ),
            (
                "OS1",
                (
                    "Améliorer et développer la coopération entre les différentes parties "
                    "prenantes en matière de migration au niveau local et national.",
                    "تحسين وتطوير التعاون بين مختلف الأطراف المعنية بالهجرة على المستويين "
                    "المحلي والوطني.",
                    "Improve and develop cooperation between migration stakeholders at local "
                    "and national level.",
                ),
                [],
            ),
            (
                "OS2",
                (
                    "Promouvoir un discours réel et juste sur la migration et renforcer le "
                    "dialogue interculturel et l'entente mutuelle.",
                    "تعزيز خطاب واقعي ومنصف حول الهجرة ودعم الحوار بين الثقافات والتفاهم المتبادل.",
                    "Promote a true and fair discourse on migration and strengthen "
                    "intercultural dialogue and mutual understanding.",
                ),
                [],
            ),
            (
                "OS3",
                (
                    "Améliorer la gestion des données et la connaissance liée à la migration "
                    "dans le domaine de la gouvernance de la migration.",
                    "تحسين إدارة البيانات والمعرفة المتعلقة بالهجرة في مجال حوكمة الهجرة.",
                    "Improve data management and knowledge on migration governance.",
                ),
                [],
            ),
        ],
        "indicators": [
            (
                "R1.1",
                "R1",
                (
                    "Journées de formation du personnel municipal et de la société civile",
                    "أيام تكوين أعوان البلديات والمجتمع المدني",
                    "Training days for municipal and civil-society staff",
                ),
                "days",
                "",
                [],
                [(None, 8)],
            ),
            (
                "R1.2",
                "R1",
                (
                    "Personnes des municipalités et de la société civile formées",
                    "المكوَّنون من البلديات والمجتمع المدني",
                    "Municipal and civil-society staff trained",
                ),
                "people",
                "",
                ["sex"],
                [(None, 25)],
            ),
            (
                "R1.3",
                "R1",
                ("Points focaux identifiés", "نقاط الاتصال المحددة", "Focal points identified"),
                "people",
                "",
                [],
                [(None, 4)],
            ),
            (
                "R2.1",
                "R2",
                (
                    "Jours de formation des médiateurs et des opérateurs",
                    "أيام تكوين الوسطاء والأعوان",
                    "Training days for mediators and service staff",
                ),
                "days",
                "",
                [],
                [(None, 5)],
            ),
            (
                "R2.2",
                "R2",
                (
                    "Médiateurs et personnels de santé et d'éducation formés",
                    "الوسطاء وأعوان الصحة والتعليم المكوَّنون",
                    "Mediators and health and education staff trained",
                ),
                "people",
                "",
                ["sex"],
                [(None, 20)],
            ),
            (
                "R3.1",
                "R3",
                ("Journées portes ouvertes", "أيام الأبواب المفتوحة", "Open days"),
                "events",
                "",
                [],
                [(None, 5)],
            ),
            (
                "R3.2",
                "R3",
                (
                    "Guichets d'information actifs une fois par semaine",
                    "شبابيك الإرشاد المفتوحة مرة في الأسبوع",
                    "Information desks open once a week",
                ),
                "number",
                "",
                [],
                [("TN-12", 1), ("TN-11", 1)],
            ),
            (
                "R3.3",
                "R3",
                ("Contacts au guichet", "الاتصالات بالشباك", "Desk contacts"),
                "people",
                "desk_contacts",
                ["sex", "nationality", "status"],
                [],
            ),
        ],
    },
    "lemma": {
        "values": {
            **_t("name", ("LEMMA — Mahdia", "LEMMA — المهدية", "LEMMA — Mahdia")),
            "funder": "Union européenne",
            "funders": "Union européenne (réf. LEMMA-2017-AP3)",
            "starts_on": date(2017, 11, 1),
            "ends_on": date(2018, 12, 31),
            "envelope": Decimal("0"),
            **_t("envelope_note", _NO_AID),
            "is_active": False,
            "rule_set": "open",
            **_t(
                "description",
                (
                    "Renforcer les services publics existants de Mahdia pour l'accompagnement "
                    "des Tunisiens de retour.",
                    "تعزيز الخدمات العمومية القائمة بالمهدية لمرافقة التونسيين العائدين.",
                    "Strengthening Mahdia's existing public services to support returnees.",
                ),
            ),
        },
        "implementer": "cefa-tunisie",
        "partners": (),
        "governorates": ("TN-53",),
        "municipalities": (),
        "period": (date(2017, 11, 1), date(2018, 12, 31)),
        "objectives": [
            (
                "OG",
                (
                    "Contribuer à améliorer la réinsertion socio-économique des TRE dans le "
                    "Gouvernorat de Mahdia.",
                    "المساهمة في تحسين الإدماج الاجتماعي والاقتصادي للتونسيين العائدين "
                    "بولاية المهدية.",
                    "Help improve the socio-economic reintegration of returning Tunisians in "
                    "Mahdia governorate.",
                ),
                [],
            ),
            (
                "OS",
                (
                    "Renforcer les services d'accompagnement socio-économique à disposition "
                    "des Tunisiens de retour dans le Gouvernorat de Mahdia.",
                    "تعزيز خدمات المرافقة الاجتماعية والاقتصادية المتاحة للتونسيين العائدين "
                    "بولاية المهدية.",
                    "Strengthen the socio-economic support services available to returning "
                    "Tunisians in Mahdia governorate.",
                ),
                [
                    (
                        "R1",
                        (
                            "Un diagnostic des services et associations existants et une "
                            "enquête sur les besoins des TRE de retour sont réalisés.",
                            "إنجاز تشخيص للخدمات والجمعيات القائمة ومسح لاحتياجات العائدين.",
                            "A survey of existing services and associations and a needs survey "
                            "of returnees are carried out.",
                        ),
                    ),
                    (
                        "R2",
                        (
                            "Les services publics existants offrent un accompagnement "
                            "personnalisé de qualité aux migrants de retour.",
                            "تقدم الخدمات العمومية القائمة مرافقة شخصية ذات جودة للمهاجرين "
                            "العائدين.",
                            "Existing public services offer returnees good personalised support.",
                        ),
                    ),
                    (
                        "R3",
                        (
                            "Les capacités de la société civile dans l'inclusion sociale et la "
                            "réinsertion socio-économique des TRE sont renforcées.",
                            "تعزيز قدرات المجتمع المدني في الإدماج الاجتماعي وإعادة الإدماج "
                            "الاقتصادي للعائدين.",
                            "Civil society's capacity in the social inclusion and economic "
                            "reintegration of returnees is strengthened.",
                        ),
                    ),
                    (
                        "R4",
                        (
                            "Une table de coordination régionale élabore et diffuse des "
                            "procédures communes.",
                            "طاولة تنسيق جهوية تعدّ إجراءات مشتركة وتنشرها.",
                            "A regional coordination table drafts and circulates common "
                            "procedures.",
                        ),
                    ),
                ],
            ),
        ],
        "indicators": [
            (
                "R1.1",
                "R1",
                (
                    "Diagnostic des services réalisé",
                    "تشخيص الخدمات المنجز",
                    "Survey of services completed",
                ),
                "number",
                "",
                [],
                [(None, 1)],
            ),
            (
                "R2.1",
                "R2",
                (
                    "Tunisiens de retour inscrits",
                    "التونسيون العائدون المسجلون",
                    "Returnees registered",
                ),
                "people",
                "returnees_registered",
                ["sex", "age_group"],
                [],
            ),
            (
                "R2.2",
                "R2",
                (
                    "Orientations menées à terme dans les délais",
                    "التوجيهات المنجزة في آجالها",
                    "Referrals completed on time",
                ),
                "percent",
                "referrals_completed_on_time",
                [],
                [],
            ),
            (
                "R4.1",
                "R4",
                (
                    "Table de coordination régionale mise en place",
                    "طاولة التنسيق الجهوية المحدثة",
                    "Regional coordination table set up",
                ),
                "number",
                "",
                [],
                [(None, 1)],
            ),
        ],
    },
    "tounesna": {
        "values": {
            "funders": "État tunisien (Office des Tunisiens à l'Étranger)",
            **_t(
                "description",
                (
                    "Accueil, information, orientation, accompagnement social, à l'emploi et à "
                    "la création de projets des Tunisiens de retour, par l'OTE avec la "
                    "Promotion sociale et l'ANETI.",
                    "استقبال التونسيين العائدين وإعلامهم وتوجيههم ومرافقتهم اجتماعياً وفي "
                    "التشغيل وبعث المشاريع، من قبل ديوان التونسيين بالخارج مع النهوض "
                    "الاجتماعي والوكالة الوطنية للتشغيل.",
                    "Reception, information, guidance and social, employment and business "
                    "support for returning Tunisians, by the OTE with Social Promotion and "
                    "ANETI.",
                ),
            ),
        },
        "implementer": "ote-siege",
        "partners": (
            "cps-tunis",
            "cps-sfax",
            "cps-medenine",
            "aneti-tunis",
            "aneti-sfax",
            "aneti-medenine",
        ),
        "governorates": ("TN-11", "TN-61", "TN-82"),
        "municipalities": (),
        "period": None,
        "objectives": [
            (
                "OG",
                (
                    "Accompagner la réinsertion socio-économique de Tunisiens de retour de pays "
                    "de l'UE par une structure publique proposant une palette de services "
                    "adaptés et coordonnés.",
                    "مرافقة إعادة الإدماج الاجتماعي والاقتصادي للتونسيين العائدين من بلدان "
                    "الاتحاد الأوروبي عبر هيكل عمومي يقدم خدمات ملائمة ومنسقة.",
                    "Support the socio-economic reintegration of Tunisians back from EU "
                    "countries through a public body offering adapted, coordinated services.",
                ),
                [],
            ),
        ],
        "indicators": [
            (
                "P.1",
                None,
                (
                    "Tunisiens de retour inscrits",
                    "التونسيون العائدون المسجلون",
                    "Returnees registered",
                ),
                "people",
                "returnees_registered",
                ["sex", "age_group", "governorate"],
                [],
            ),
            (
                "P.2",
                None,
                (
                    "Aides à la création de projet approuvées",
                    "مساعدات بعث المشاريع المصادق عليها",
                    "Business aid approved",
                ),
                "people",
                "business_aid_approved",
                ["sex", "governorate"],
                [],
            ),
            (
                "P.3",
                None,
                (
                    "Orientations menées à terme dans les délais",
                    "التوجيهات المنجزة في آجالها",
                    "Referrals completed on time",
                ),
                "percent",
                "referrals_completed_on_time",
                ["governorate"],
                [],
            ),
            (
                "P.4",
                None,
                (
                    "Évolution moyenne du score de durabilité (accueil → suivi à 12 mois)",
                    "متوسط تطور مؤشر الاستدامة (الاستقبال ← المتابعة بعد 12 شهراً)",
                    "Mean change of the sustainability score (intake → 12-month follow-up)",
                ),
                "number",
                "sustainability_change",
                ["sex"],
                [],
            ),
        ],
    },
    "progres-2": {
        "values": {
            "funders": (
                "Fonds fiduciaire d'urgence de l'Union européenne (mise en œuvre : Expertise "
                "France, avec l'OFII)"
            ),
            "budget": Decimal("3900000"),
            "budget_currency": "EUR",
            "budget_note": "Budget publié du projet (Expertise France) : 3,9 M€.",
            **_t(
                "description",
                (
                    "Renforcer et pérenniser le dispositif Tounesna, déployé dans six régions "
                    "supplémentaires.",
                    "تعزيز برنامج «تونسنا» وضمان استدامته، مع توسيعه إلى ست جهات إضافية.",
                    "Strengthening the Tounesna scheme and making it last, in six more regions.",
                ),
            ),
        },
        "implementer": "expertise-france",
        "partners": ("ote-siege",),
        # The first three regions and the six of phase 2 (Bizerte, Le Kef, Tataouine,
        # Monastir, Kairouan, Gafsa).
        "governorates": (
            "TN-11",
            "TN-61",
            "TN-82",
            "TN-23",
            "TN-33",
            "TN-83",
            "TN-52",
            "TN-41",
            "TN-71",
        ),
        "municipalities": (),
        "period": (date(2021, 12, 1), date(2024, 11, 30)),
        "objectives": [
            (
                "OG",
                (
                    "Accompagner la réinsertion des migrants tunisiens de retour dans le cadre "
                    "du déploiement du dispositif national Tounesna.",
                    "مرافقة إعادة إدماج المهاجرين التونسيين العائدين في إطار توسيع البرنامج "
                    "الوطني «تونسنا».",
                    "Support the reintegration of returning Tunisian migrants as the national "
                    "Tounesna scheme is rolled out.",
                ),
                [
                    (
                        "R1",
                        (
                            "Les mécanismes d'ancrage institutionnel du dispositif Tounesna "
                            "sont élaborés et mis en place par l'OTE.",
                            "إعداد آليات الترسيخ المؤسسي لبرنامج «تونسنا» وإرساؤها من قبل "
                            "ديوان التونسيين بالخارج.",
                            "The OTE designs and sets up the mechanisms that anchor the "
                            "Tounesna scheme in the institutions.",
                        ),
                    ),
                    (
                        "R2",
                        (
                            "Les capacités des acteurs opérationnels pour la mise en place, la "
                            "coordination, le suivi et l'évaluation des programmes de "
                            "réinsertion sont renforcées.",
                            "تعزيز قدرات الفاعلين الميدانيين في إرساء برامج إعادة الإدماج "
                            "وتنسيقها ومتابعتها وتقييمها.",
                            "Operational actors are better able to set up, coordinate, monitor "
                            "and evaluate reintegration programmes.",
                        ),
                    ),
                    (
                        "R3",
                        (
                            "Les capacités du dispositif et des institutions qui le gèrent sont "
                            "renforcées sur les plans techniques et logistiques.",
                            "تعزيز القدرات الفنية واللوجستية للبرنامج والمؤسسات المشرفة عليه.",
                            "The technical and logistical capacity of the scheme and its "
                            "institutions is strengthened.",
                        ),
                    ),
                    (
                        "R4",
                        (
                            "Le dispositif Tounesna assure l'accueil et l'accompagnement de la "
                            "réinsertion socio-économique, par une aide pouvant bénéficier "
                            "jusqu'à 320 migrants et migrantes rentrés de l'UE ou de Suisse.",
                            "يؤمّن برنامج «تونسنا» استقبال ومرافقة إعادة الإدماج الاجتماعي "
                            "والاقتصادي بمساعدة قد يستفيد منها حتى 320 مهاجراً ومهاجرة عائدين "
                            "من الاتحاد الأوروبي أو سويسرا.",
                            "The Tounesna scheme receives and supports returnees, with aid for "
                            "up to 320 migrants back from the EU or Switzerland.",
                        ),
                    ),
                ],
            ),
        ],
        "indicators": [
            (
                "R3.1",
                "R3",
                (
                    "Nouvelles antennes régionales équipées",
                    "الفروع الجهوية الجديدة المجهزة",
                    "New regional antennas equipped",
                ),
                "number",
                "",
                ["governorate"],
                [(None, 6)],
            ),
            (
                "R4.1",
                "R4",
                (
                    "Migrants de retour bénéficiant d'une aide approuvée",
                    "المهاجرون العائدون المنتفعون بمساعدة مصادق عليها",
                    "Returnees with approved aid",
                ),
                "people",
                "business_aid_approved",
                ["sex", "age_group", "governorate"],
                [(None, 320)],
            ),
            (
                "R4.2",
                "R4",
                (
                    "Tunisiens de retour inscrits",
                    "التونسيون العائدون المسجلون",
                    "Returnees registered",
                ),
                "people",
                "returnees_registered",
                ["sex", "governorate"],
                [],
            ),
        ],
    },
}


def _programme(code, spec, actor, counts) -> Programme:
    programme = Programme.objects.filter(code=code).first()
    values = dict(spec["values"])
    if spec.get("implementer"):
        values["implementer"] = Institution.objects.filter(code=spec["implementer"]).first()
    related = {
        "partners": list(Institution.objects.filter(code__in=spec["partners"]).order_by("code")),
        "governorates": list(Governorate.objects.filter(code__in=spec["governorates"])),
        "municipalities": list(Municipality.objects.filter(code__in=spec["municipalities"])),
    }
    if programme is None:
        if "envelope" not in values:  # an aid programme the aid demo has not created yet
            from masar.cases.demo_aid import PROGRAMMES as AID

            values = {**AID[code], **values}
        counts["programmes"] += 1
        return actions.create_programme(actor=actor, code=code, **values, **related)
    changed = {f: v for f, v in values.items() if getattr(programme, f) != v}
    for field, objects in related.items():
        if {o.pk for o in getattr(programme, field).all()} != {o.pk for o in objects}:
            changed[field] = objects
    if changed:
        actions.update_programme(actor=actor, programme=programme, **changed)
    return programme


def _logframe(programme, spec, actor, counts) -> None:
    results = {}
    for position, (code, texts, result_specs) in enumerate(spec["objectives"]):
        objective = Objective.objects.filter(programme=programme, code=code).first()
        if objective is None:
            objective = actions.create_objective(
                actor=actor,
                programme=programme,
                code=code,
                position=position,
                **_t("text", texts),
            )
            counts["objectives"] += 1
        for result_code, result_texts in result_specs:
            result = ExpectedResult.objects.filter(objective=objective, code=result_code).first()
            if result is None:
                result = actions.create_result(
                    actor=actor, objective=objective, code=result_code, **_t("text", result_texts)
                )
                counts["results"] += 1
            results[result_code] = result
    governorates = {g.code: g for g in Governorate.objects.all()}
    start, end = spec["period"] or (None, None)
    for code, result_code, names, unit, measure, disaggregations, targets in spec["indicators"]:
        indicator = Indicator.objects.filter(programme=programme, code=code).first()
        if indicator is None:
            indicator = actions.create_indicator(
                actor=actor,
                programme=programme,
                result=results.get(result_code),
                code=code,
                unit=unit,
                source="measure" if measure else "manual",
                measure_code=measure,
                disaggregations=disaggregations,
                **_t("name", names),
            )
            counts["indicators"] += 1
        for governorate_code, value in targets:
            governorate = governorates.get(governorate_code) if governorate_code else None
            if governorate_code and governorate is None:
                continue  # the territory is not loaded
            exists = IndicatorTarget.objects.filter(
                indicator=indicator, period_start=start, period_end=end, governorate=governorate
            ).exists()
            if not exists:
                actions.set_target(
                    actor=actor,
                    indicator=indicator,
                    period_start=start,
                    period_end=end,
                    governorate=governorate,
                    value=Decimal(value),
                )
                counts["targets"] += 1


def seed() -> dict:
    counts = dict.fromkeys(("programmes", "objectives", "results", "indicators", "targets"), 0)
    actor = User.objects.filter(username=ACTOR).first()
    with transaction.atomic():
        for code, spec in PROGRAMMES.items():
            programme = _programme(code, spec, actor, counts)
            _logframe(programme, spec, actor, counts)
    return counts
