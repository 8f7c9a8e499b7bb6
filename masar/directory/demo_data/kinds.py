"""Demo directory data — The kinds of organisations and where they are placed."""

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
