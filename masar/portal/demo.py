"""Demo content of the public portal: the five information pages the portal opens with, in
French, Arabic and English, written from the seeds (Tounesna, I-MIGR) and general public
knowledge. General information only: every page sends the reader to a desk for their own
situation.

Deterministic and idempotent: pages are created by slug through the actions (as the system
administrator of the demo) and published; a second run creates nothing.
"""

from django.db import transaction

from masar.accounts.models import User

from .actions import create_page, moderate_feedback, set_page_status, submit_feedback
from .models import Feedback, FeedbackStatus, InfoPage, PageCategory, PageStatus

PAGES = [
    {
        "slug": "droits-des-migrants",
        "category": PageCategory.RIGHTS,
        "position": 10,
        "title_fr": "Vos droits en Tunisie, quelle que soit votre situation",
        "title_ar": "حقوقك في تونس مهما كان وضعك",
        "title_en": "Your rights in Tunisia, whatever your situation",
        "summary_fr": "Dignité, protection contre la violence et l'exploitation, soins urgents, "
        "école pour les enfants : ce que la loi protège et où demander de l'aide.",
        "summary_ar": "الكرامة، والحماية من العنف والاستغلال، والعلاج الاستعجالي، وتمدرس "
        "الأطفال: ما يحميه القانون وأين تطلب المساعدة.",
        "summary_en": "Dignity, protection from violence and exploitation, urgent care, school "
        "for children: what the law protects and where to ask for help.",
        "body_fr": """\
Toute personne présente en Tunisie a des droits fondamentaux, **quel que soit son statut**
(étudiant, travailleur, personne sans titre de séjour).

## Ce que la loi protège
- **La dignité et l'égalité** : la loi organique n° 2018-50 punit la discrimination raciale
  (insultes, refus de service, violences).
- **La protection contre la traite et l'exploitation** : la loi organique n° 2016-61 protège
  les victimes de travail forcé, de servitude domestique ou d'exploitation sexuelle.
  Personne n'a le droit de confisquer votre passeport.
- **Les soins urgents** dans les structures publiques de santé.
- **L'école** pour les enfants.

## Si vous êtes victime ou témoin
- En cas de danger immédiat : police **197**, garde nationale **193**, SAMU **190**.
- Vous pouvez demander l'aide d'une association ou d'un guichet d'information, même sans
  papiers.

## Séjour
Les règles de séjour dépendent de votre nationalité et de votre situation. Elles changent :
ne vous fiez pas aux rumeurs.

**Ces informations sont générales.** Pour votre situation personnelle, venez poser vos
questions à un guichet : c'est gratuit et confidentiel.
""",
        "body_ar": """\
لكل شخص موجود في تونس حقوق أساسية، **مهما كان وضعه** (طالبًا أو عاملًا أو بدون بطاقة إقامة).

## ما يحميه القانون
- **الكرامة والمساواة**: يعاقب القانون الأساسي عدد 50 لسنة 2018 على التمييز العنصري
  (الشتم، ورفض تقديم الخدمة، والعنف).
- **الحماية من الاتجار بالأشخاص والاستغلال**: يحمي القانون الأساسي عدد 61 لسنة 2016 ضحايا
  العمل القسري والاستعباد المنزلي والاستغلال الجنسي. لا يحق لأي أحد حجز جواز سفرك.
- **العلاج الاستعجالي** في المؤسسات الصحية العمومية.
- **التعليم** للأطفال.

## إذا كنت ضحية أو شاهدًا
- في حالة خطر فوري: الشرطة **197**، الحرس الوطني **193**، الإسعاف **190**.
- يمكنك طلب مساعدة جمعية أو شباك إعلام، حتى بدون وثائق.

## الإقامة
تختلف قواعد الإقامة حسب جنسيتك ووضعك، وهي تتغير: لا تعتمد على الإشاعات.

**هذه معلومات عامة.** لوضعك الشخصي، تعال واطرح أسئلتك في شباك الإعلام: الخدمة مجانية وسرية.
""",
        "body_en": """\
Everyone in Tunisia has fundamental rights, **whatever their status** (student, worker,
person without a residence permit).

## What the law protects
- **Dignity and equality**: Organic Law No. 2018-50 punishes racial discrimination (insults,
  refusal of service, violence).
- **Protection from trafficking and exploitation**: Organic Law No. 2016-61 protects victims
  of forced labour, domestic servitude or sexual exploitation. Nobody has the right to keep
  your passport.
- **Urgent care** in public health facilities.
- **School** for children.

## If you are a victim or a witness
- In immediate danger: police **197**, national guard **193**, ambulance (SAMU) **190**.
- You can ask an association or an information desk for help, even without papers.

## Residence
Residence rules depend on your nationality and situation, and they change: do not rely on
rumours.

**This is general information.** For your own situation, bring your questions to a desk: it
is free and confidential.
""",
    },
    {
        "slug": "migration-reguliere",
        "category": PageCategory.LEGAL_MIGRATION,
        "position": 20,
        "title_fr": "Partir légalement : les voies de la migration régulière",
        "title_ar": "السفر بطريقة قانونية: مسالك الهجرة النظامية",
        "title_en": "Leaving legally: the routes of regular migration",
        "summary_fr": "Travail, études, regroupement familial : les démarches officielles, et "
        "comment reconnaître une fausse offre d'emploi.",
        "summary_ar": "العمل، والدراسة، ولمّ الشمل العائلي: الإجراءات الرسمية، وكيف تتعرف على "
        "عرض شغل مزيف.",
        "summary_en": "Work, studies, family reunification: the official steps, and how to "
        "recognise a fake job offer.",
        "body_fr": """\
Partir à l'étranger de façon régulière prend du temps, mais protège vos droits dans le pays
d'arrivée.

## Les principales voies
- **Le travail** : un contrat de travail et un visa de travail délivré par le consulat du
  pays de destination. Les bureaux de l'emploi de l'**ANETI** informent sur les offres de
  placement à l'étranger.
- **Les études** : une inscription dans un établissement étranger, puis un visa d'études.
- **Le regroupement familial** : il est demandé par le membre de la famille qui réside
  légalement à l'étranger, auprès des autorités de son pays de résidence.

## Attention aux arnaques
- Méfiez-vous d'une offre qui promet un visa rapide contre de l'argent.
- Un visa s'obtient auprès d'un consulat ou de son prestataire officiel, jamais par un
  intermédiaire sur les réseaux sociaux.
- Vérifiez une offre de travail auprès d'un bureau de l'emploi avant de payer quoi que ce
  soit ou de remettre votre passeport.

**Ces informations sont générales.** Un guichet peut vous orienter vers le service qui
correspond à votre projet.
""",
        "body_ar": """\
يتطلب السفر إلى الخارج بطريقة نظامية وقتًا، لكنه يحمي حقوقك في بلد الوصول.

## المسالك الرئيسية
- **العمل**: عقد شغل وتأشيرة عمل يسلّمها قنصل بلد الوجهة. تقدّم مكاتب التشغيل التابعة
  لـ**الوكالة الوطنية للتشغيل والعمل المستقل** معلومات حول عروض التوظيف بالخارج.
- **الدراسة**: التسجيل في مؤسسة تعليمية بالخارج، ثم تأشيرة دراسة.
- **لمّ الشمل العائلي**: يطلبه فرد العائلة المقيم بصفة قانونية في الخارج، لدى سلطات بلد
  إقامته.

## احذر من عمليات التحيّل
- احذر من كل عرض يعدك بتأشيرة سريعة مقابل المال.
- تُطلب التأشيرة من القنصلية أو من مقدّم خدماتها الرسمي، وليس أبدًا عن طريق وسيط على
  شبكات التواصل الاجتماعي.
- تحقّق من عرض الشغل لدى مكتب التشغيل قبل دفع أي مبلغ أو تسليم جواز سفرك.

**هذه معلومات عامة.** يمكن لشباك الإعلام أن يوجّهك إلى الخدمة المناسبة لمشروعك.
""",
        "body_en": """\
Going abroad through regular channels takes time, but it protects your rights in the country
of arrival.

## The main routes
- **Work**: an employment contract and a work visa issued by the consulate of the
  destination country. The employment offices of **ANETI** give information on placement
  offers abroad.
- **Studies**: enrolment in a school or university abroad, then a student visa.
- **Family reunification**: requested by the family member who lives legally abroad, from
  the authorities of their country of residence.

## Beware of scams
- Distrust any offer that promises a fast visa for money.
- Visas are obtained from a consulate or its official service provider, never through an
  intermediary on social media.
- Check a job offer with an employment office before paying anything or handing over your
  passport.

**This is general information.** A desk can orient you to the service that fits your plan.
""",
    },
    {
        "slug": "risques-migration-irreguliere",
        "category": PageCategory.IRREGULAR_RISKS,
        "position": 30,
        "title_fr": "Les risques de la migration irrégulière",
        "title_ar": "مخاطر الهجرة غير النظامية",
        "title_en": "The risks of irregular migration",
        "summary_fr": "Traversées dangereuses, passeurs, dettes, exploitation, retour forcé : "
        "ce qu'il faut savoir avant de décider.",
        "summary_ar": "عبور خطير، ومهرّبون، وديون، واستغلال، وترحيل: ما يجب معرفته قبل اتخاذ "
        "القرار.",
        "summary_en": "Dangerous crossings, smugglers, debts, exploitation, forced return: what "
        "to know before deciding.",
        "body_fr": """\
Chaque année, des personnes perdent la vie en tentant de traverser la Méditerranée sur des
embarcations surchargées.

## Les risques
- **La mer** : naufrages, embarcations en mauvais état, aucun secours garanti.
- **Les passeurs** : ils promettent un passage sûr, mais abandonnent souvent les personnes
  et peuvent les exploiter ou les endetter.
- **À l'arrivée** : pas de droit au séjour, travail non déclaré, logement précaire,
  exploitation, rétention et renvoi vers le pays d'origine.
- **Pour la famille** : dettes, inquiétude, absence de nouvelles.

## D'autres chemins existent
- Les voies de la migration régulière (voir la page « Partir légalement »).
- La formation, l'emploi et l'aide à la création de projet en Tunisie.
- Un soutien psychologique, pour vous ou pour vos proches.

Vous pouvez en parler à un guichet sans donner votre nom : les médiateurs sont là pour
écouter et orienter, pas pour juger.
""",
        "body_ar": """\
كل سنة يفقد أشخاص حياتهم وهم يحاولون عبور البحر الأبيض المتوسط على متن قوارب مكتظة.

## المخاطر
- **البحر**: غرق، وقوارب في حالة سيئة، ولا إنقاذ مضمون.
- **المهرّبون**: يعدون بعبور آمن، لكنهم كثيرًا ما يتخلّون عن الأشخاص وقد يستغلّونهم أو
  يُغرقونهم في الديون.
- **عند الوصول**: لا حق في الإقامة، وعمل غير مصرّح به، وسكن هش، واستغلال، واحتجاز،
  وترحيل إلى البلد الأصلي.
- **بالنسبة إلى العائلة**: ديون، وقلق، وانقطاع الأخبار.

## توجد طرق أخرى
- مسالك الهجرة النظامية (انظر صفحة «السفر بطريقة قانونية»).
- التكوين، والتشغيل، والمساعدة على بعث مشروع في تونس.
- الدعم النفسي لك أو لأقاربك.

يمكنك أن تتحدث عن ذلك في شباك الإعلام دون ذكر اسمك: الوسطاء موجودون للاستماع والتوجيه،
لا للحكم عليك.
""",
        "body_en": """\
Every year, people lose their lives trying to cross the Mediterranean in overcrowded boats.

## The risks
- **The sea**: shipwrecks, boats in poor condition, no rescue guaranteed.
- **Smugglers**: they promise a safe passage but often abandon people, and may exploit them
  or load them with debts.
- **On arrival**: no right to stay, undeclared work, precarious housing, exploitation,
  detention and return to the country of origin.
- **For the family**: debts, worry, no news.

## Other paths exist
- The routes of regular migration (see the page "Leaving legally").
- Training, employment and support to start a business in Tunisia.
- Psychological support, for you or your relatives.

You can talk about it at a desk without giving your name: mediators are there to listen and
orient, not to judge.
""",
    },
    {
        "slug": "dispositif-tounesna",
        "category": PageCategory.REINTEGRATION,
        "position": 40,
        "title_fr": "Rentré en Tunisie ? Le dispositif de réinsertion Tounesna",
        "title_ar": "عدت إلى تونس؟ برنامج تونسنا لإعادة الإدماج",
        "title_en": "Back in Tunisia? The Tounesna reintegration scheme",
        "summary_fr": "Pour les Tunisiens de retour d'un pays de l'Union européenne ou de "
        "Suisse : accueil, accompagnement social, emploi et création de projet.",
        "summary_ar": "للتونسيين العائدين من بلد من بلدان الاتحاد الأوروبي أو من سويسرا: "
        "استقبال، ومرافقة اجتماعية، وتشغيل، وبعث مشاريع.",
        "summary_en": "For Tunisians back from a European Union country or Switzerland: "
        "welcome, social support, employment and business creation.",
        "body_fr": """\
**Tounesna** est le dispositif national de réinsertion des migrants tunisiens de retour. Il
est mis en œuvre par l'**Office des Tunisiens à l'Étranger (OTE)** avec les centres de
promotion sociale et l'ANETI.

## Pour qui ?
Les Tunisiennes et Tunisiens **revenus d'un pays de l'Union européenne ou de Suisse**. Le
conseiller vérifie avec vous si vous pouvez en bénéficier.

## Où ?
Au siège de l'OTE à Tunis et dans ses antennes régionales (Sfax, Médenine, puis Bizerte,
Le Kef, Tataouine, Monastir, Kairouan et Gafsa). Un guichet d'information peut aussi vous y
orienter.

## Comment ça se passe
1. **Premier accueil** : un conseiller vous explique le dispositif ; vous donnez votre
   accord (consentement) pour l'enregistrement de vos informations.
2. **Évaluation de vos besoins** : situation sociale, emploi, projet, santé.
3. **Un plan de réinsertion individuel** : accompagnement social (centre de promotion
   sociale), accompagnement vers l'emploi (bureau de l'emploi, Espace Entreprendre) ou
   création d'un projet, avec des institutions de microfinance et des banques partenaires.
4. **Un suivi** pendant la mise en œuvre de votre plan.

## À apporter
Votre carte d'identité nationale ou votre passeport, et les documents liés à votre retour
et à votre parcours (diplômes, attestations de travail) si vous les avez.

Les aides possibles dépendent des programmes en cours : le conseiller vous dira ce qui
s'applique à votre cas.
""",
        "body_ar": """\
**تونسنا** هو البرنامج الوطني لإعادة إدماج المهاجرين التونسيين العائدين. ينفّذه **ديوان
التونسيين بالخارج** بالتعاون مع مراكز النهوض الاجتماعي والوكالة الوطنية للتشغيل والعمل
المستقل.

## لمن؟
للتونسيات والتونسيين **العائدين من بلد من بلدان الاتحاد الأوروبي أو من سويسرا**. يتحقق
المستشار معك من إمكانية انتفاعك بالبرنامج.

## أين؟
في المقر المركزي لديوان التونسيين بالخارج بتونس وفي فروعه الجهوية (صفاقس ومدنين، ثم بنزرت
والكاف وتطاوين والمنستير والقيروان وقفصة). ويمكن لشباك الإعلام أيضًا أن يوجّهك إليها.

## كيف تتم العملية؟
1. **الاستقبال الأول**: يشرح لك المستشار البرنامج، وتعطي موافقتك على تسجيل معلوماتك.
2. **تقييم احتياجاتك**: الوضع الاجتماعي، والشغل، والمشروع، والصحة.
3. **خطة فردية لإعادة الإدماج**: مرافقة اجتماعية (مركز النهوض الاجتماعي)، أو مرافقة نحو
   الشغل (مكتب التشغيل، فضاء المبادر)، أو بعث مشروع بالتعاون مع مؤسسات التمويل الصغير
   والبنوك الشريكة.
4. **متابعة** طوال تنفيذ خطتك.

## ماذا تحضر معك؟
بطاقة التعريف الوطنية أو جواز السفر، والوثائق المتعلقة بعودتك ومسارك (شهائد علمية، شهادات
عمل) إن وُجدت.

تختلف المساعدات الممكنة حسب البرامج الجارية: سيُعلمك المستشار بما ينطبق على وضعك.
""",
        "body_en": """\
**Tounesna** is the national scheme for the reintegration of Tunisian returnees. It is run by
the **Office of Tunisians Abroad (OTE)** with the social promotion centres and ANETI.

## For whom?
Tunisian women and men **back from a European Union country or Switzerland**. The
counsellor checks with you whether you can benefit from it.

## Where?
At the OTE headquarters in Tunis and in its regional antennas (Sfax, Médenine, then Bizerte,
Le Kef, Tataouine, Monastir, Kairouan and Gafsa). An information desk can also orient you
there.

## How it works
1. **First welcome**: a counsellor explains the scheme; you give your consent for your
   information to be recorded.
2. **Assessment of your needs**: social situation, employment, project, health.
3. **An individual reintegration plan**: social support (social promotion centre), support
   towards employment (employment office, Espace Entreprendre) or starting a business, with
   partner microfinance institutions and banks.
4. **Follow-up** while your plan is carried out.

## What to bring
Your national identity card or passport, and documents about your return and your
background (diplomas, work certificates) if you have them.

The support available depends on the programmes under way: the counsellor will tell you
what applies to you.
""",
    },
    {
        "slug": "preparer-visite-guichet",
        "category": PageCategory.DESK_VISIT,
        "position": 50,
        "title_fr": "Venir à un guichet d'information : ce qu'il faut savoir",
        "title_ar": "زيارة شباك الإعلام: ما يجب معرفته",
        "title_en": "Coming to an information desk: what to know",
        "summary_fr": "Gratuit, sans rendez-vous, anonyme si vous le souhaitez : quoi apporter "
        "et comment se passe la visite.",
        "summary_ar": "مجاني، دون موعد، ودون ذكر الاسم إن أردت: ماذا تحضر معك وكيف تجري الزيارة.",
        "summary_en": "Free, no appointment, anonymous if you wish: what to bring and how the "
        "visit goes.",
        "body_fr": """\
Les guichets d'information sont tenus chaque semaine, dans des municipalités et des
antennes, par des **médiateurs interculturels** formés.

## Bon à savoir
- C'est **gratuit** et **sans rendez-vous** : consultez les horaires du guichet.
- Vous n'êtes **pas obligé de donner votre nom**.
- Vous pouvez venir accompagné d'une personne de confiance.
- Les médiateurs parlent arabe et français, souvent anglais et d'autres langues.

## Ce que vous pouvez apporter
Rien n'est obligatoire, mais ces documents aident à mieux vous orienter :
- une pièce d'identité (carte d'identité, passeport, titre de séjour) ;
- les papiers liés à votre question (courrier, certificat médical, certificat de
  scolarité, diplômes, CV) ;
- la liste de vos questions ;
- votre téléphone, pour recevoir les coordonnées des services par SMS.

## Après la visite
Le médiateur vous remet une fiche avec les services vers lesquels il vous oriente, leurs
adresses et leurs horaires. Vous pouvez revenir quand vous voulez.
""",
        "body_ar": """\
تُعقد شبابيك الإعلام كل أسبوع في البلديات والفروع الجهوية، ويؤمّنها **وسطاء بين الثقافات**
تلقّوا تكوينًا.

## من المفيد أن تعرف
- الخدمة **مجانية** و**دون موعد مسبق**: اطّلع على مواعيد الشباك.
- **لست ملزمًا بذكر اسمك**.
- يمكنك أن تأتي برفقة شخص تثق به.
- يتحدث الوسطاء العربية والفرنسية، وغالبًا الإنجليزية ولغات أخرى.

## ما يمكنك إحضاره
لا شيء إجباري، لكن هذه الوثائق تساعد على توجيهك بشكل أفضل:
- وثيقة هوية (بطاقة تعريف، جواز سفر، بطاقة إقامة)؛
- الوثائق المتعلقة بسؤالك (مراسلة، شهادة طبية، شهادة مدرسية، شهائد علمية، سيرة ذاتية)؛
- قائمة أسئلتك؛
- هاتفك، لتتلقى عناوين الخدمات عبر رسالة قصيرة.

## بعد الزيارة
يسلّمك الوسيط بطاقة فيها الخدمات التي وجّهك إليها وعناوينها ومواعيدها. يمكنك العودة متى
شئت.
""",
        "body_en": """\
Information desks are held every week, in municipalities and antennas, by trained
**intercultural mediators**.

## Good to know
- It is **free** and needs **no appointment**: check the desk's hours.
- You **do not have to give your name**.
- You may come with someone you trust.
- Mediators speak Arabic and French, often English and other languages.

## What you can bring
Nothing is required, but these documents help to orient you better:
- an identity document (identity card, passport, residence permit);
- papers about your question (letter, medical certificate, school certificate, diplomas,
  CV);
- the list of your questions;
- your phone, to receive the services' details by SMS.

## After the visit
The mediator gives you a slip with the services you are oriented to, their addresses and
hours. You can come back whenever you want.
""",
    },
]


# (page slug, rating, comment, language, published?) — opinions as the public might leave them.
OPINIONS = [
    (
        "dispositif-tounesna",
        5,
        "Informations claires, merci. Je suis allé à l'antenne de Sfax.",
        "fr",
        True,
    ),
    ("dispositif-tounesna", 4, "معلومات مفيدة، لكن أتمنى معرفة المواعيد.", "ar", True),
    ("preparer-visite-guichet", 5, "", "fr", True),
    ("droits-des-migrants", 2, "Vendez vos papiers ici www.example.com", "fr", False),
]


def demo_editor():
    """The demo's system administrator writes the pages (seed_demo creates it first)."""
    return User.objects.filter(username="admin").first()


def seed() -> dict:
    """Create and publish the pages that are missing; returns {"pages": created}."""
    actor = demo_editor()
    if actor is None:
        return {"pages": 0}
    existing = set(InfoPage.objects.values_list("slug", flat=True))
    created = 0
    with transaction.atomic():
        for spec in PAGES:
            if spec["slug"] in existing:
                continue
            page = create_page(actor=actor, **spec)
            set_page_status(actor=actor, page=page, status=PageStatus.PUBLISHED)
            created += 1
        opinions = 0
        if not Feedback.objects.exists():
            pages = {p.slug: p for p in InfoPage.objects.published()}
            for n, (slug, rating, comment, language, publish) in enumerate(OPINIONS):
                feedback = submit_feedback(
                    rating=rating,
                    comment=comment,
                    page=pages[slug],
                    language=language,
                    client_ip=f"192.0.2.{n + 1}",  # documentation addresses
                )
                decision = FeedbackStatus.PUBLISHED if publish else FeedbackStatus.REJECTED
                moderate_feedback(actor=actor, feedback=feedback, decision=decision)
                opinions += 1
    return {"pages": created, "opinions": opinions}
