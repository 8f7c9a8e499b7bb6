"""Importing the same file twice leaves the same state (hypothesis)."""

import json

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masar.directory.exchange.importer import import_directory
from tests.factories.directory import delegation, governorate

from .exchange_helpers import export_json, normalised, table_counts

ORGS = [
    {"id": "a0000000-0000-4000-8000-00000000000a", "name": "Association A", "description": ""},
    {"id": "b0000000-0000-4000-8000-00000000000b", "name": "Association B", "description": ""},
]
LOCATION_IDS = [f"c0000000-0000-4000-8000-00000000000{i}" for i in range(4)]
CODES = ["health", "mental-health", "employment", "legal-aid", "returnees", "women", "bogus"]

text = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), min_size=0, max_size=40)
name = text.map(str.strip).filter(bool)

location = st.fixed_dictionaries(
    {
        "id": st.sampled_from(LOCATION_IDS),
        "location_type": st.just("physical"),
        "name": text,
        "latitude": st.floats(30.5, 37.3),
        "longitude": st.floats(7.6, 11.5),
        "x_masar": st.fixed_dictionaries(
            {"governorate": st.sampled_from(["TN-61", "Sfax", "صفاقس", "Nowhere"])}
        ),
    }
)
schedule = st.tuples(
    st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA"]), st.integers(6, 12), st.integers(13, 20)
).map(lambda t: {"byday": t[0], "opens_at": f"{t[1]:02d}:00", "closes_at": f"{t[2]:02d}:30"})
service = st.fixed_dictionaries(
    {
        "id": st.uuids(version=4).map(str),
        "name": name,
        "description": text,
        "status": st.sampled_from(["active", "inactive", "temporarily closed"]),
        "organization": st.sampled_from(ORGS),
        "service_at_locations": st.lists(location, max_size=2, unique_by=lambda x: x["id"]).map(
            lambda places: [{"location": p} for p in places]
        ),
        "languages": st.lists(st.sampled_from(["ar", "fr", "en", "it"]), unique=True).map(
            lambda codes: [{"code": c} for c in codes]
        ),
        "attributes": st.lists(st.sampled_from(CODES), unique=True, max_size=3).map(
            lambda codes: [{"taxonomy_term": {"code": c}} for c in codes]
        ),
        "schedules": st.lists(schedule, max_size=3),
        "phones": st.lists(st.from_regex(r"\+216 [0-9]{8}", fullmatch=True), max_size=2).map(
            lambda numbers: [{"number": n} for n in numbers]
        ),
    },
    optional={"minimum_age": st.integers(0, 40), "assured_date": st.just("2025-01-15")},
)


def _state():
    counts = table_counts()
    counts.pop("AuditEvent")
    return counts, normalised(export_json())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(services=st.lists(service, min_size=1, max_size=4))
def test_import_same_file_twice_leaves_the_same_state(persona, services):
    governorate()
    delegation()
    admin = persona("admin")
    data = json.dumps(services).encode()
    with transaction.atomic():
        first = import_directory(
            actor=admin, data=data, fmt="json", dry_run=False, all_or_nothing=False
        )
        after_first = _state()
        second = import_directory(
            actor=admin, data=data, fmt="json", dry_run=False, all_or_nothing=False
        )
        assert _state() == after_first
        assert second.counts["created"] == second.counts["updated"] == 0, second.as_text()
        assert [r.outcome == "refused" for r in first.rows] == [
            r.outcome == "refused" for r in second.rows
        ]
        transaction.set_rollback(True)
