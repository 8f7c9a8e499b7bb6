"""Writes on the directory. Each is one transaction that audits itself, bumps the
modification time HSDS clients sync on, and keeps the search index in step."""

from dataclasses import dataclass, field
from datetime import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from . import rules, search
from .models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceLanguage,
    TaxonomyTerm,
    VerificationStatus,
)

_T = ("fr", "ar", "en")
ORGANIZATION_FIELDS = (
    *(f"{n}_{lang}" for n in ("name", "description") for lang in _T),
    "alternate_name",
    "email",
    "website",
    "legal_status",
    "year_incorporated",
    "parent_organization",
    "institution",
)
SERVICE_FIELDS = (
    *(
        f"{n}_{lang}"
        for n in (
            "name",
            "description",
            "eligibility_description",
            "application_process",
            "fees_description",
        )
        for lang in _T
    ),
    "alternate_name",
    "url",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "is_free",
)
LOCATION_FIELDS = (
    *(
        f"{n}_{lang}"
        for n in ("name", "description", "transportation", "accessibility")
        for lang in _T
    ),
    "address_1",
    "city",
    "postal_code",
    "governorate",
    "delegation",
    "municipality",
    "latitude",
    "longitude",
)


def _deny(message=None):
    raise PermissionDenied(message or _("You are not allowed to do this."))


@dataclass
class ServiceRelations:
    """What a service links to, replaced whole on save (``None`` = leave unchanged)."""

    categories: list[TaxonomyTerm] | None = None
    audiences: list[TaxonomyTerm] | None = None
    languages: list[str] | None = None
    locations: list[Location] | None = None
    schedules: list[tuple[int, time, time]] | None = None
    phones: list[str] | None = None
    extra: dict = field(default_factory=dict)


# --- Organisations ----------------------------------------------------------------------


def create_organization(*, actor, **values) -> Organization:
    """``actor=None`` is the system (imports run by operators, demo data)."""
    if actor is not None and not has_perm(actor, Perm.MANAGE_DIRECTORY):
        institution = values.get("institution")
        if not (
            has_perm(actor, Perm.EDIT_OWN_SERVICES)
            and institution is not None
            and institution.pk == actor.institution_id
        ):
            _deny(_("You can only add the organisation of your own institution."))
    with transaction.atomic():
        organization = Organization(**_known(values, (*ORGANIZATION_FIELDS, "id")))
        organization.full_clean()
        organization.save()
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=organization,
            changes=snapshot(organization, ORGANIZATION_FIELDS),
            summary=f"organisation {organization.name_fr}"[:300],
        )
        return organization


def update_organization(*, actor, organization: Organization, **values) -> Organization:
    if actor is not None and not rules.can_edit_organization(actor, organization):
        _deny()
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        before = snapshot(organization, ORGANIZATION_FIELDS)
        for name, value in _known(values, ORGANIZATION_FIELDS).items():
            setattr(organization, name, value)
        organization.full_clean()
        changes = diff(organization, before, ORGANIZATION_FIELDS)
        if changes:
            organization.modified_at = timezone.now()
            organization.save()
            record_event(actor=actor, action=AuditAction.UPDATE, obj=organization, changes=changes)
            services = Service.objects.filter(organization=organization)
            services.update(modified_at=organization.modified_at)
            search.reindex(search.indexed_queryset(services))
        return organization


# --- Locations --------------------------------------------------------------------------


def create_location(*, actor, organization: Organization, **values) -> Location:
    if actor is not None and not rules.can_edit_organization(actor, organization):
        _deny()
    with transaction.atomic():
        location = Location(organization=organization, **_known(values, (*LOCATION_FIELDS, "id")))
        _check_place(location)
        location.full_clean()
        location.save()
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=location,
            changes=snapshot(location, LOCATION_FIELDS),
        )
        return location


def update_location(*, actor, location: Location, **values) -> Location:
    if actor is not None and not rules.can_edit_organization(actor, location.organization):
        _deny()
    with transaction.atomic():
        location = Location.objects.select_for_update().get(pk=location.pk)
        before = snapshot(location, LOCATION_FIELDS)
        for name, value in _known(values, LOCATION_FIELDS).items():
            setattr(location, name, value)
        _check_place(location)
        location.full_clean()
        changes = diff(location, before, LOCATION_FIELDS)
        if changes:
            location.modified_at = timezone.now()
            location.save()
            record_event(actor=actor, action=AuditAction.UPDATE, obj=location, changes=changes)
            services = Service.objects.filter(at_locations__location=location)
            Service.objects.filter(pk__in=services.values("pk")).update(
                modified_at=location.modified_at
            )
            search.reindex(search.indexed_queryset(services))
        return location


# Tunisia, with a margin: catches swapped or mistyped coordinates.
LAT_RANGE = (30.0, 37.6)
LON_RANGE = (7.4, 11.8)


def _check_place(location: Location) -> None:
    errors = {}
    if (location.latitude is None) != (location.longitude is None):
        errors["latitude"] = _("Give both latitude and longitude, or neither.")
    elif location.latitude is not None:
        if not LAT_RANGE[0] <= location.latitude <= LAT_RANGE[1]:
            errors["latitude"] = _("This latitude is outside Tunisia.")
        if not LON_RANGE[0] <= location.longitude <= LON_RANGE[1]:
            errors["longitude"] = _("This longitude is outside Tunisia.")
    errors.update(location.territory_errors())
    if errors:
        raise ValidationError(errors)


# --- Services ---------------------------------------------------------------------------


def create_service(
    *, actor, organization: Organization, relations: ServiceRelations | None = None, **values
) -> Service:
    if actor is not None and not rules.can_edit_organization(actor, organization):
        _deny()
    relations = relations or ServiceRelations()
    with transaction.atomic():
        service = Service(organization=organization, **_known(values, (*SERVICE_FIELDS, "id")))
        _check_service(service)
        service.full_clean()
        service.save()
        related = _set_relations(service, relations)
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=service,
            changes={**snapshot(service, SERVICE_FIELDS), **related},
        )
        _reindex(service)
        return service


def update_service(
    *, actor, service: Service, relations: ServiceRelations | None = None, **values
) -> Service:
    """A change by someone who cannot verify sends a verified service back for verification;
    it stays public with its last verification date until then."""
    if actor is not None and not rules.can_edit_service(actor, service):
        _deny()
    relations = relations or ServiceRelations()
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        before = snapshot(service, SERVICE_FIELDS)
        for name, value in _known(values, SERVICE_FIELDS).items():
            setattr(service, name, value)
        _check_service(service)
        service.full_clean()
        changes = diff(service, before, SERVICE_FIELDS)
        changes.update(_set_relations(service, relations))
        if not changes:
            return service
        if (
            service.verification_status == VerificationStatus.VERIFIED
            and actor is not None
            and not rules.can_verify_service(actor, service)
        ):
            service.verification_status = VerificationStatus.SUBMITTED
            changes["verification_status"] = [
                VerificationStatus.VERIFIED,
                VerificationStatus.SUBMITTED,
            ]
        service.modified_at = timezone.now()
        service.save()
        record_event(actor=actor, action=AuditAction.UPDATE, obj=service, changes=changes)
        _reindex(service)
        return service


def submit_service(*, actor, service: Service) -> Service:
    if actor is not None and not rules.can_edit_service(actor, service):
        _deny()
    return _transition(
        actor, service, VerificationStatus.SUBMITTED, allowed_from={VerificationStatus.DRAFT}
    )


def verify_service(*, actor, service: Service) -> Service:
    """A supervisor or a system administrator confirms the entry is right, today."""
    if actor is not None and not rules.can_verify_service(actor, service):
        _deny(_("Only a supervisor or a system administrator can verify a service."))
    return _transition(
        actor, service, VerificationStatus.VERIFIED, allowed_from=set(VerificationStatus)
    )


def _transition(actor, service, target, *, allowed_from) -> Service:
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        if service.verification_status not in allowed_from:
            raise ValidationError(
                _("This service cannot go from “%(from)s” to “%(to)s”.")
                % {
                    "from": service.get_verification_status_display(),
                    "to": VerificationStatus(target).label,
                }
            )
        before = service.verification_status
        service.verification_status = target
        service.modified_at = timezone.now()
        if target == VerificationStatus.VERIFIED:
            service.verified_at = service.modified_at
            service.verified_by = actor
        service.save()
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=service,
            changes={"verification_status": [before, target]},
        )
        _reindex(service)
        return service


def _reindex(service: Service) -> None:
    """Keep the search index (and its copy of "published") in step with the service."""
    search.reindex(search.indexed_queryset(Service.objects.filter(pk=service.pk)))


def _check_service(service: Service) -> None:
    errors = {}
    if not (service.name_fr or service.name_ar):
        errors["name_fr"] = _("Give the service a name in French or in Arabic.")
    if (
        service.minimum_age is not None
        and service.maximum_age is not None
        and service.minimum_age > service.maximum_age
    ):
        errors["maximum_age"] = _("The maximum age is below the minimum age.")
    if errors:
        raise ValidationError(errors)


def _set_relations(service: Service, rel: ServiceRelations) -> dict:
    """Replace the service's links; return the audit changes."""
    changes = {}
    if rel.categories is not None:
        _check_terms(rel.categories, "needs", "categories")
        old = sorted(t.code for t in service.categories.all()) if service.pk else []
        service.categories.set(rel.categories)
        new = sorted(t.code for t in rel.categories)
        if old != new:
            changes["categories"] = [old, new]
    if rel.audiences is not None:
        _check_terms(rel.audiences, "audiences", "audiences")
        old = sorted(t.code for t in service.audiences.all())
        service.audiences.set(rel.audiences)
        new = sorted(t.code for t in rel.audiences)
        if old != new:
            changes["audiences"] = [old, new]
    if rel.languages is not None:
        new = sorted({c.strip().lower() for c in rel.languages if c.strip()})
        if any(not (2 <= len(c) <= 3 and c.isalpha() and c.isascii()) for c in new):
            raise ValidationError(
                {"languages": _("Use ISO 639 language codes such as ar, fr, en.")}
            )
        old = sorted(service.languages.values_list("code", flat=True))
        if old != new:
            service.languages.all().delete()
            ServiceLanguage.objects.bulk_create(
                [ServiceLanguage(service=service, code=c) for c in new]
            )
            changes["languages"] = [old, new]
    if rel.locations is not None:
        foreign = [loc for loc in rel.locations if loc.organization_id != service.organization_id]
        if foreign:
            raise ValidationError(
                {"locations": _("A service can only be delivered at its organisation's places.")}
            )
        old = sorted(str(i) for i in service.at_locations.values_list("location_id", flat=True))
        new = sorted(str(loc.pk) for loc in rel.locations)
        if old != new:
            service.at_locations.exclude(location__in=rel.locations).delete()
            existing = set(service.at_locations.values_list("location_id", flat=True))
            ServiceAtLocation.objects.bulk_create(
                [
                    ServiceAtLocation(service=service, location=loc)
                    for loc in rel.locations
                    if loc.pk not in existing
                ]
            )
            changes["locations"] = [old, new]
    if rel.schedules is not None:
        for weekday, opens, closes in rel.schedules:
            if not (0 <= weekday <= 6) or opens >= closes:
                raise ValidationError({"schedules": _("Each opening must close after it opens.")})
        old = [
            [s.weekday, s.opens_at.isoformat("minutes"), s.closes_at.isoformat("minutes")]
            for s in service.schedules.all()
        ]
        new = sorted(
            [[w, o.isoformat("minutes"), c.isoformat("minutes")] for w, o, c in rel.schedules]
        )
        if sorted(old) != new:
            service.schedules.all().delete()
            Schedule.objects.bulk_create(
                [
                    Schedule(service=service, weekday=w, opens_at=o, closes_at=c)
                    for w, o, c in rel.schedules
                ]
            )
            changes["schedules"] = [sorted(old), new]
    if rel.phones is not None:
        old = sorted(service.phones.values_list("number", flat=True))
        new = sorted({p.strip() for p in rel.phones if p.strip()})
        if old != new:
            service.phones.all().delete()
            Phone.objects.bulk_create([Phone(service=service, number=n, type="voice") for n in new])
            changes["phones"] = [old, new]
    return changes


def _check_terms(terms, taxonomy_code, field_name):
    if any(t.taxonomy.code != taxonomy_code for t in terms):
        raise ValidationError({field_name: _("Unknown category.")})


def _known(values: dict, allowed) -> dict:
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    return values


# --- Verifications recorded after the fact ----------------------------------------------


def record_service_verification(*, actor, service: Service, verified_at) -> Service:
    """Record a verification made earlier, on ``verified_at`` (imports that carry the
    source's last-verified date, demo data). Only the system or a verifier; never a date in
    the future."""
    if actor is not None and not rules.can_verify_service(actor, service):
        _deny(_("Only a supervisor or a system administrator can verify a service."))
    now = timezone.now()
    if verified_at > now:
        raise ValidationError({"verified_at": _("A verification date cannot be in the future.")})
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        before = [service.verification_status, service.verified_at]
        service.verification_status = VerificationStatus.VERIFIED
        service.verified_at = verified_at
        service.verified_by = actor
        service.modified_at = now
        service.save()
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=service,
            changes={
                "verification_status": [before[0], VerificationStatus.VERIFIED],
                "verified_at": [
                    before[1].isoformat() if before[1] else None,
                    verified_at.isoformat(),
                ],
            },
        )
        _reindex(service)
        return service
