"""Import of a directory file: parse → check every row → report → apply.

The whole import runs in one transaction and each row in a savepoint, through the
directory actions (``actor`` = the importing user), so it is audited and indexed like any
edit. A dry run does everything and rolls back: its report is exactly what applying would
do. With ``all_or_nothing`` (the default) one refused row rolls back the whole file; a file
refused as a whole never touches the database.

Matching: services, organisations and places by their HSDS ids (kept as Masar's ids);
survey rows without ids by (organisation name, service name, governorate), normalised.
Re-importing the same file reports every row "unchanged": a row is "updated" only when an
action recorded a change in the audit trail.

Verification: imported services land as "submitted" — verification is a human act —
unless the row carries ``assured_date`` and the importing user may verify services; then
that date becomes the service's last verification (never moved backwards, never in the
future), so an old check stays flagged as stale.
"""

from datetime import datetime, time

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.models import AuditChainHead
from masar.directory import actions
from masar.directory.models import Location, Organization, Service, VerificationStatus
from masar.directory.normalize import normalize_text

from .hsds_read import services_from_document
from .records import Outcome, Report, RowResult, ServiceIn
from .resolve import Resolver, RowError
from .safety import WEB_LIMITS, FileRefused, Limits, check_rows, check_size, load_json
from .tabular import services_from_zip
from .xlsx import services_from_xlsx

FORMATS = ("json", "csv-zip", "xlsx")


def detect_format(name: str, data: bytes) -> str:
    name = (name or "").lower()
    if data[:2] != b"PK":
        return "json"
    if name.endswith((".xlsx", ".xlsm")) or b"[Content_Types].xml" in data[:4096]:
        return "xlsx"
    return "csv-zip"


def read_file(data: bytes, fmt: str, *, lang="fr", limits: Limits = WEB_LIMITS) -> list:
    check_size(data, limits)
    if fmt == "json":
        rows = services_from_document(load_json(data, limits), lang=lang)
        check_rows(len(rows), limits)
        return rows
    if fmt == "csv-zip":
        return services_from_zip(data, lang=lang, limits=limits)
    if fmt == "xlsx":
        return services_from_xlsx(data, limits=limits)
    raise FileRefused(_("Unknown file format “%(format)s”.") % {"format": fmt})


class _Rollback(Exception):
    pass


def import_directory(
    *,
    actor,
    data: bytes,
    fmt: str,
    lang: str = "fr",
    dry_run: bool = True,
    all_or_nothing: bool = True,
    limits: Limits = WEB_LIMITS,
) -> Report:
    report = Report(dry_run=dry_run, all_or_nothing=all_or_nothing)
    try:
        rows = read_file(data, fmt, lang=lang, limits=limits)
    except FileRefused as exc:
        report.file_error = str(exc)
        return report
    run = _Run(actor)
    try:
        with transaction.atomic():
            for row in rows:
                report.rows.append(run.apply(row))
            if dry_run or (all_or_nothing and report.refused):
                raise _Rollback
            report.applied = True
    except _Rollback:
        pass
    return report


def _last_seq() -> int:
    return AuditChainHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0


def _differs(old, new) -> bool:
    if old in (None, "") and new in (None, ""):
        return False
    return old != new


def _changed(obj, values: dict) -> dict:
    return {k: v for k, v in values.items() if _differs(getattr(obj, k), v)}


def _field_label(name: str) -> str:
    for model in (Service, Location, Organization):
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:  # noqa: BLE001, S112 — not a field of this model
            continue
    return name


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [
            m if field == NON_FIELD_ERRORS else f"{_field_label(field)}: {m}"
            for field, messages in exc.message_dict.items()
            for m in messages
        ]
    return list(exc.messages)


def kind_label(kind: str) -> str:
    return {"location": _("place"), "organisation": _("organisation")}[kind]


def _key(text) -> str:
    return " ".join(normalize_text(text or "").split())


class _Run:
    def __init__(self, actor):
        self.actor = actor
        self.can_verify = actor is not None and has_perm(actor, Perm.VERIFY_SERVICES)
        self.resolver = Resolver()
        self.seen: dict = {}  # service id → label of the row that wrote it
        self.described: dict = {}  # (kind, id) → (details, label of the row that gave them)
        self.row_label = ""
        self._service_keys = None
        self._org_names = None

    def apply(self, row: ServiceIn) -> RowResult:
        result = RowResult(label=row.label, outcome=Outcome.REFUSED, name=row.display_name)
        if row.errors:
            result.messages = list(dict.fromkeys([*row.errors, *self._precheck(row)]))
            return result
        self.row_label = row.label
        try:
            with transaction.atomic():
                before = _last_seq()
                service, created = self._apply(row)
        except RowError as exc:
            result.messages = exc.messages
        except ValidationError as exc:
            result.messages = _messages(exc)
        except PermissionDenied as exc:
            result.messages = [str(exc) or _("You are not allowed to do this.")]
        except IntegrityError:
            result.messages = [_("This row conflicts with a record already in Masar.")]
        else:
            result.outcome = (
                Outcome.CREATED
                if created
                else Outcome.UPDATED
                if _last_seq() != before
                else Outcome.UNCHANGED
            )
            result.service_id = str(service.pk)
            result.name = service.name_fr or service.name_ar or ""
            self.seen[service.pk] = row.label
        return result

    def _precheck(self, row) -> list[str]:
        """What else is wrong with a row already refused, so that one report lists it all."""
        messages = []
        checks = [lambda: self.resolver.terms(row.terms or [])]
        checks += [lambda p=p: self.resolver.territory(p) for p in row.locations or []]
        for check in checks:
            try:
                check()
            except RowError as exc:
                messages.extend(exc.messages)
        for place in row.locations or []:
            lat, lon = place.values.get("latitude"), place.values.get("longitude")
            if lat is not None and lon is not None:
                inside = (
                    actions.LAT_RANGE[0] <= lat <= actions.LAT_RANGE[1]
                    and actions.LON_RANGE[0] <= lon <= actions.LON_RANGE[1]
                )
                if not inside:
                    messages.append(_("These coordinates are outside Tunisia."))
        return messages

    # --- One row ------------------------------------------------------------------------

    def _apply(self, row: ServiceIn):
        categories = audiences = None
        if row.terms is not None:
            categories, audiences = self.resolver.terms(row.terms)
        places = None
        if row.locations is not None:
            places = [(p, self.resolver.territory(p)) for p in row.locations]
        service = self._find_service(row, places)
        if service is not None and service.pk in self.seen:
            raise RowError(
                _("This service appears more than once in the file (see %(label)s).")
                % {"label": self.seen[service.pk]}
            )
        org = self._organization(row, service)
        locations = None
        if places is not None:
            locations = [self._location(org, p, t, service, row.merge_locations) for p, t in places]
            if row.merge_locations and service is not None:
                existing = list(service.at_locations.values_list("location_id", flat=True))
                extra = [loc for loc in locations if loc.pk not in existing]
                locations = [*Location.objects.filter(pk__in=existing), *extra]
        relations = actions.ServiceRelations(
            categories=categories,
            audiences=audiences,
            languages=row.languages,
            locations=locations,
            schedules=row.schedules,
            phones=row.phones,
        )
        values = {k: v for k, v in row.values.items() if v is not None}
        if service is None:
            if row.id:
                values["id"] = row.id
            service = actions.create_service(
                actor=self.actor, organization=org, relations=relations, **values
            )
            created = True
            self._remember(service, org, places)
        else:
            service = actions.update_service(
                actor=self.actor, service=service, relations=relations, **_changed(service, values)
            )
            created = False
        self._verification(service, row, created)
        return service, created

    def _verification(self, service, row, created) -> None:
        if row.assured_date and self.can_verify:
            assured = timezone.make_aware(datetime.combine(row.assured_date, time.min))
            last = service.verified_at and timezone.localdate(service.verified_at)
            if last is None or last < row.assured_date:
                actions.record_service_verification(
                    actor=self.actor, service=service, verified_at=assured
                )
                return
        if created and service.verification_status == VerificationStatus.DRAFT:
            actions.submit_service(actor=self.actor, service=service)

    # --- Matching -----------------------------------------------------------------------

    def _find_service(self, row, places):
        if row.id:
            return Service.objects.select_related("organization").filter(pk=row.id).first()
        if self._service_keys is None:
            self._service_keys = {}
            for pk, *names, gov in Service.objects.values_list(
                "pk",
                "name_fr",
                "name_ar",
                "organization__name_fr",
                "organization__name_ar",
                "at_locations__location__governorate__code",
            ):
                self._add_keys(pk, names[:2], names[2:], [gov])
        for key in self._keys(row, places):
            if key in self._service_keys:
                return Service.objects.select_related("organization").get(
                    pk=self._service_keys[key]
                )
        return None

    def _keys(self, row, places):
        org = row.organization.values if row.organization else {}
        orgs = [org.get("name_fr"), org.get("name_ar")]
        names = [row.values.get("name_fr"), row.values.get("name_ar")]
        govs = [t["governorate"].code for _p, t in places or []]
        return [
            (_key(o), _key(n), g) for o in orgs if o for n in names if n for g in govs or [None]
        ]

    def _add_keys(self, pk, names, orgs, govs):
        for o in orgs:
            for n in names:
                for g in govs:
                    if o and n:
                        self._service_keys.setdefault((_key(o), _key(n), g), pk)

    def _remember(self, service, org, places):
        if self._service_keys is not None:
            govs = [t["governorate"].code for _p, t in places or []] or [None]
            self._add_keys(
                service.pk,
                [service.name_fr, service.name_ar],
                [org.name_fr, org.name_ar],
                govs,
            )

    def _organization(self, row, service):
        given = row.organization
        if service is not None:
            org = service.organization
            if given and given.id and given.id != org.pk:
                raise RowError(
                    _(
                        "In Masar this service belongs to another organisation; an import "
                        "cannot move it."
                    )
                )
        else:
            if given is None:
                raise RowError(_("The organisation of the service is missing."))
            self._consistent(
                "organisation", given.id, {k: v for k, v in given.values.items() if v is not None}
            )
            org = Organization.objects.filter(pk=given.id).first() if given.id else None
            if org is None and not given.id:
                org = self._org_by_name(given.values)
            if org is None:
                if not (given.values.get("name_fr") or given.values.get("name_ar")):
                    raise RowError(_("The organisation has no name."))
                values = {k: v for k, v in given.values.items() if v is not None}
                values.setdefault("name_fr", values.get("name_ar"))
                if given.id:
                    values["id"] = given.id
                parent = self._parent(given)
                if parent is not None:
                    values["parent_organization"] = parent
                org = actions.create_organization(actor=self.actor, **values)
                if self._org_names is not None:
                    self._org_names[_key(org.name_fr)] = org.pk
                return org
        if given is None:
            return org
        values = {k: v for k, v in given.values.items() if v is not None}
        self._consistent("organisation", given.id, values)
        parent = self._parent(given)
        if parent is not None:
            values["parent_organization"] = parent
        changed = _changed(org, values)
        if changed:
            org = actions.update_organization(actor=self.actor, organization=org, **changed)
        return org

    def _consistent(self, kind: str, pk, values: dict) -> None:
        """An organisation or place that several rows share must be described the same way
        each time; otherwise the file contradicts itself and the last row would win (and a
        second import would change the data again)."""
        if not pk:
            return
        details = repr(sorted((k, str(v)) for k, v in values.items()))
        first = self.described.setdefault((kind, str(pk)), (details, self.row_label))
        if first[0] != details:
            raise RowError(
                _(
                    "The %(kind)s %(id)s is described differently here and in %(row)s: the "
                    "file contradicts itself."
                )
                % {"kind": kind_label(kind), "id": pk, "row": first[1]}
            )

    def _parent(self, given):
        if given.parent_id and given.parent_id != given.id:
            return Organization.objects.filter(pk=given.parent_id).first()
        return None

    def _org_by_name(self, values):
        if self._org_names is None:
            self._org_names = {}
            for pk, fr, ar in Organization.objects.values_list("pk", "name_fr", "name_ar"):
                for name in (fr, ar):
                    if name:
                        self._org_names.setdefault(_key(name), pk)
        for name in (values.get("name_fr"), values.get("name_ar")):
            pk = self._org_names.get(_key(name)) if name else None
            if pk:
                return Organization.objects.get(pk=pk)
        return None

    def _location(self, org, place, territory, service, merge):
        values = {k: v for k, v in place.values.items() if v is not None or not merge}
        values.update({k: v for k, v in territory.items() if v is not None or not merge})
        self._consistent("location", place.id, values)
        location = None
        if place.id:
            location = Location.objects.filter(pk=place.id).first()
            if location is not None and location.organization_id != org.pk:
                raise RowError(_("This place belongs to another organisation in Masar."))
        elif merge:
            location = self._same_place(org, service, territory["governorate"], values)
        if location is None:
            if place.id:
                values["id"] = place.id
            return actions.create_location(actor=self.actor, organization=org, **values)
        changed = _changed(location, values)
        if changed:
            location = actions.update_location(actor=self.actor, location=location, **changed)
        return location

    def _same_place(self, org, service, governorate, values):
        """A survey row's place: the service's place in that governorate, else one of the
        organisation's places at the same address."""
        if service is not None:
            found = service.at_locations.filter(location__governorate=governorate).first()
            if found is not None:
                return found.location
        address = _key(values.get("address_1"))
        for location in org.locations.filter(governorate=governorate):
            if _key(location.address_1) == address:
                return location
        return None
