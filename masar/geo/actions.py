"""Writes on the territory: loading the reference files. One transaction, bulk operations,
idempotent (a second run finds everything unchanged)."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from .models import Delegation, Governorate, Locality, Municipality
from .sources import read_territory

BATCH = 500


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _sync(model, rows: list[dict], key, fields: tuple[str, ...]) -> Counts:
    """Create the missing rows and update the changed ones, in bulk."""
    counts = Counts()
    existing = {key(obj): obj for obj in model.objects.all()}
    new, changed = [], []
    for row in rows:
        obj = existing.get(key(row))
        if obj is None:
            new.append(model(**row))
            continue
        dirty = False
        for name in fields:
            if getattr(obj, name) != row[name]:
                setattr(obj, name, row[name])
                dirty = True
        if dirty:
            changed.append(obj)
        else:
            counts.unchanged += 1
    if new:
        model.objects.bulk_create(new, batch_size=BATCH)
    if changed:
        model.objects.bulk_update(changed, fields, batch_size=BATCH)
    counts.created, counts.updated = len(new), len(changed)
    return counts


def _attr_or_key(name):
    def get(item):
        return item[name] if isinstance(item, dict) else getattr(item, name)

    return get


NAMES = ("name_fr", "name_ar", "name_en")


@dataclass
class LoadReport:
    counts: dict[str, Counts]
    duplicate_localities: int

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.counts.values())


def load_territory(*, actor, geo_dir: Path | None = None) -> LoadReport:
    """Load governorates, delegations, municipalities and localities from the reference
    files. Reads and checks every file first (``TerritoryError``), then writes everything in
    one transaction."""
    territory = read_territory(Path(geo_dir or settings.MASAR_GEO_DIR))
    results: dict[str, Counts] = {}
    with transaction.atomic():
        code = _attr_or_key("code")
        results["governorates"] = _sync(
            Governorate,
            territory.governorates,
            code,
            (*NAMES, "latitude", "longitude", "outline"),
        )
        gov_ids = dict(Governorate.objects.values_list("code", "id"))
        delegations = [
            {
                **{k: v for k, v in d.items() if k != "governorate_code"},
                "governorate_id": gov_ids[d["governorate_code"]],
            }
            for d in territory.delegations
        ]
        results["delegations"] = _sync(
            Delegation,
            delegations,
            code,
            ("governorate_id", *NAMES, "postal_code", "latitude", "longitude"),
        )
        del_ids = dict(Delegation.objects.values_list("code", "id"))
        municipalities = [
            {
                "code": m["code"],
                "delegation_id": del_ids[m["delegation_code"]],
                **{k: m[k] for k in NAMES},
            }
            for m in territory.municipalities
        ]
        results["municipalities"] = _sync(
            Municipality, municipalities, code, ("delegation_id", *NAMES)
        )
        localities = [
            {
                **{k: v for k, v in loc.items() if k != "delegation_code"},
                "delegation_id": del_ids[loc["delegation_code"]],
            }
            for loc in territory.localities
        ]

        def locality_key(item):
            return tuple(_attr_or_key(k)(item) for k in ("delegation_id", "name_fr", "postal_code"))

        results["localities"] = _sync(
            Locality, localities, locality_key, ("name_ar", "name_en", "latitude", "longitude")
        )
        report = LoadReport(results, territory.duplicate_localities)
        if report.changed:
            record_event(
                actor=actor,
                action=AuditAction.UPDATE,
                object_type="geo.territory",
                summary="territory loaded: "
                + "; ".join(f"{name} {counts}" for name, counts in results.items()),
            )
    return report
