"""Helpers shared by the exchange tests: a small directory built through the actions, and
the normalised form of an HSDS export used to compare states."""

import json
from datetime import time

from masar.audit.models import AuditEvent
from masar.directory import actions
from masar.directory.actions import ServiceRelations
from masar.directory.exchange import exporter
from masar.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceLanguage,
)
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term


def build_directory(verifier=None):
    """Two organisations, three services in three languages, two places in Sfax."""
    gov = governorate()
    deleg = delegation()
    org = OrganizationFactory(
        name_fr="Association Tunisienne d'Entraide",
        name_ar="الجمعية التونسية للتعاون",
        name_en="Tunisian Mutual Aid Association",
        description_fr="Association d'aide aux migrants de retour.",
        website="https://entraide.example.tn",
    )
    other = OrganizationFactory(name_fr="Centre de promotion sociale de Sfax", name_ar="مركز")
    main = LocationFactory(
        organization=org,
        name_fr="Siège",
        name_ar="المقر",
        address_1="12 rue de Tunis",
        city="Sfax",
        postal_code="3000",
        governorate=gov,
        delegation=deleg,
        latitude=34.7406,
        longitude=10.7603,
        accessibility_fr="Accès de plain-pied.",
    )
    annex = LocationFactory(organization=org, name_fr="Annexe", governorate=gov)
    listening = ServiceFactory(
        organization=org,
        name_fr="Écoute psychologique",
        name_ar="الإصغاء النفسي",
        name_en="Psychological listening",
        description_fr="Soutien psychosocial pour les personnes de retour.",
        description_ar="دعم نفسي اجتماعي للعائدين.",
        eligibility_description_fr="Migrants de retour.",
        minimum_age=16,
        email="ecoute@entraide.example.tn",
        relations=ServiceRelations(
            categories=[term("mental-health"), term("social-support")],
            audiences=[term("returnees"), term("families")],
            languages=["ar", "fr"],
            locations=[main, annex],
            schedules=[(0, time(8), time(16)), (4, time(8), time(13))],
            phones=["+216 74 000 000"],
        ),
    )
    jobs = ServiceFactory(
        organization=org,
        name_fr="Orientation vers l'emploi",
        name_ar="التوجيه نحو التشغيل",
        is_free=False,
        fees_description_fr="10 dinars",
        relations=ServiceRelations(
            categories=[term("employment")], locations=[main], languages=["ar"]
        ),
    )
    social = ServiceFactory(
        organization=other,
        name_fr="Aide sociale",
        name_ar="المساعدة الاجتماعية",
        relations=ServiceRelations(categories=[term("social-support")]),
    )
    for service in (listening, jobs, social):
        actions.submit_service(actor=None, service=service)
    actions.verify_service(actor=verifier, service=listening)
    return [listening, jobs, social]


def export_json(scope="all", lang="fr", translations=True) -> list:
    services = exporter.services_for_export(scope)
    text = "".join(exporter.iter_hsds_json(services, lang=lang, translations=translations))
    return json.loads(text)


_VOLATILE = {"last_modified", "assurer_email"}
_NESTED_IDS = {"phones", "schedules", "languages", "service_at_locations"}


def normalised(document) -> list:
    """An export without what a re-import legitimately renews (modification times, ids of
    the rows Masar replaces whole), sorted by service id."""

    def clean(value, parent=None):
        if isinstance(value, dict):
            return {
                k: clean(v, k)
                for k, v in value.items()
                if k not in _VOLATILE and not (k == "id" and parent in _NESTED_IDS)
            }
        if isinstance(value, list):
            return [clean(v, parent) for v in value]
        return value

    return sorted((clean(s) for s in document), key=lambda s: s["id"])


def table_counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            Organization,
            Location,
            Service,
            ServiceAtLocation,
            ServiceLanguage,
            Phone,
            Schedule,
            AuditEvent,
        )
    }


def empty_directory():
    """Test set-up only: remove every directory row (not an application action)."""
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()
