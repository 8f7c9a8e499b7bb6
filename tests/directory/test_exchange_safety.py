"""Bad input: refused with a clear message, nothing written (row counts before and after)."""

import io
import json
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from masar.directory.exchange.importer import import_directory
from masar.directory.exchange.safety import Limits, neutralise, unneutralise

from .exchange_helpers import build_directory, export_json, table_counts

# These tests read messages: they run in English (French stays the default elsewhere).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def admin(persona):
    return persona("admin")


@pytest.fixture
def document(admin):
    """A valid export of three services; tests break one thing in it."""
    build_directory(verifier=admin)
    return export_json()


def _run(admin, data, fmt="json", **kwargs):
    before = table_counts()
    report = import_directory(actor=admin, data=data, fmt=fmt, dry_run=False, **kwargs)
    return report, before


def _refused_file(admin, data, fmt, needle, **kwargs):
    report, before = _run(admin, data, fmt, **kwargs)
    assert needle in report.file_error, report.file_error
    assert not report.applied
    assert table_counts() == before


def _new_service(document):
    item = json.loads(json.dumps(document[0]))
    item["id"] = "0b5a2c43-7c8e-4a55-9d5c-3c0f2a000001"
    item["service_at_locations"][0]["location"]["id"] = "0b5a2c43-7c8e-4a55-9d5c-3c0f2a000002"
    item["service_at_locations"] = item["service_at_locations"][:1]
    return item


def _refused_row(admin, document, item, needle):
    data = json.dumps([*document, item]).encode()
    report, before = _run(admin, data)
    refused = [r for r in report.rows if r.outcome == "refused"]
    assert len(refused) == 1, report.as_text()
    assert any(needle in m for m in refused[0].messages), refused[0].messages
    assert not report.applied  # all or nothing: the valid rows were not written either
    assert table_counts() == before
    return refused[0]


def test_safety_malformed_json_is_refused(admin):
    _refused_file(admin, b'[{"id": "x", "name": ', "json", "not valid JSON")


def test_safety_json_that_is_not_hsds_is_refused(admin):
    _refused_file(admin, b'"just a string"', "json", "not an HSDS")


def test_safety_nan_is_refused(admin):
    _refused_file(admin, b'[{"id": "x", "minimum_age": NaN}]', "json", "not valid JSON")


def test_safety_deep_nesting_is_refused(admin):
    _refused_file(admin, b"[" * 100 + b"]" * 100, "json", "nested too deeply")


def test_safety_huge_upload_is_refused(admin):
    data = b"[" + b" " * (10 * 1024 * 1024) + b"]"
    _refused_file(admin, data, "json", "too large")


def test_safety_too_many_rows_is_refused(admin, document):
    data = json.dumps(document).encode()
    _refused_file(admin, data, "json", "at most 2", limits=Limits(max_rows=2))


def test_safety_wrong_types_refuse_the_row_naming_the_field(admin, document):
    item = _new_service(document)
    item["minimum_age"] = "twelve"
    item["languages"] = "ar"
    row = _refused_row(admin, document, item, "minimum_age")
    assert any("languages" in m for m in row.messages)


def test_safety_unknown_category_is_refused_naming_the_code(admin, document):
    item = _new_service(document)
    item["attributes"][0]["taxonomy_term"]["code"] = "astrology"
    item["attributes"][0]["taxonomy_term_id"] = "00000000-0000-4000-8000-000000000000"
    item["attributes"][0]["taxonomy_term"]["id"] = "00000000-0000-4000-8000-000000000000"
    _refused_row(admin, document, item, "“astrology”")


def test_safety_coordinates_outside_tunisia_are_refused(admin, document):
    item = _new_service(document)
    item["service_at_locations"][0]["location"]["latitude"] = 48.85
    item["service_at_locations"][0]["location"]["longitude"] = 2.35
    _refused_row(admin, document, item, "outside Tunisia")


def test_safety_unknown_governorate_is_refused(admin, document):
    item = _new_service(document)
    location = item["service_at_locations"][0]["location"]
    location["x_masar"]["governorate"] = "Atlantide"
    _refused_row(admin, document, item, "Unknown governorate: “Atlantide”")


def test_safety_bad_email_is_refused_with_the_field_label(admin, document):
    item = _new_service(document)
    item["email"] = "not an e-mail"
    _refused_row(admin, document, item, "e-mail")


def test_safety_same_service_twice_is_refused(admin, document):
    _refused_row(admin, document, json.loads(json.dumps(document[0])), "more than once")


def test_safety_partial_import_writes_the_accepted_rows_only(admin, document):
    good, bad = _new_service(document), _new_service(document)
    good["name"] = "Nouveau"
    good["x_masar_translations"]["name"]["fr"] = "Nouveau service"
    bad["id"] = "0b5a2c43-7c8e-4a55-9d5c-3c0f2a000009"
    bad["minimum_age"] = -3
    bad["service_at_locations"] = []
    data = json.dumps([good, bad]).encode()
    report, before = _run(admin, data, all_or_nothing=False)
    assert report.applied
    assert [r.outcome for r in report.rows] == ["created", "refused"]
    assert table_counts()["Service"] == before["Service"] + 1


def test_safety_script_in_a_name_is_stored_as_text(admin, document):
    item = _new_service(document)
    item["x_masar_translations"]["name"]["fr"] = "<script>alert(1)</script>"
    report, _before = _run(admin, json.dumps([item]).encode())
    assert report.applied, report.as_text()
    from masar.directory.models import Service

    assert Service.objects.get(pk=item["id"]).name_fr == "<script>alert(1)</script>"


# --- Zip archives and XLSX ------------------------------------------------------------


def _zip(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_safety_zip_bomb_csv_archive_is_refused_before_decompression(admin):
    bomb = _zip({"services.csv": b"id,name\n" + b"0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    _refused_file(admin, bomb, "csv-zip", "zip bomb")


def test_safety_zip_bomb_xlsx_is_refused(admin):
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/worksheets/sheet1.xml": b" " * (20 * 1024 * 1024),
        }
    )
    _refused_file(admin, bomb, "xlsx", "zip bomb")


def test_safety_oversized_member_is_refused(admin):
    archive = _zip({"services.csv": b"id,name\n" + b"x" * 3000})
    _refused_file(admin, archive, "csv-zip", "too large", limits=Limits(max_member_bytes=1000))


def test_safety_not_a_zip_is_refused(admin):
    _refused_file(admin, b"PK\x03\x04 garbage", "xlsx", "not a valid zip")


def _workbook_with_entities() -> bytes:
    workbook = Workbook()
    workbook.active.append(["name_fr", "organization", "governorate"])
    workbook.active.append(["&lol;", "Org", "Sfax"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                head = (
                    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                    b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                )
                body = data.split(b"?>", 1)[-1].replace(b"&amp;lol;", b"&lol2;&xxe;")
                data = head + body
            target.writestr(info, data)
    return out.getvalue()


def test_safety_xml_entities_in_xlsx_are_refused(admin):
    _refused_file(admin, _workbook_with_entities(), "xlsx", "XML entity")


def test_safety_openpyxl_itself_refuses_entities_through_defusedxml():
    from defusedxml import DefusedXmlException

    with pytest.raises(ValueError) as caught:
        workbook = load_workbook(io.BytesIO(_workbook_with_entities()), read_only=True)
        list(workbook.active.iter_rows(values_only=True))
    # openpyxl wraps the defusedxml refusal; the cause is the entity declaration.
    error = caught.value
    while error is not None and not isinstance(error, DefusedXmlException):
        error = error.__cause__ or error.__context__
    assert isinstance(error, DefusedXmlException)


def test_safety_neutralise_prefixes_formula_starters():
    for text in ("=1+1", "+216", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
        assert unneutralise(neutralise(text)) == text
    assert neutralise("Sfax") == "Sfax"
    assert neutralise(12) == 12
    assert unneutralise("'quoted") == "'quoted"


def test_safety_assured_date_in_the_future_is_refused(admin, document):
    item = _new_service(document)
    item["assured_date"] = "2999-01-01"
    _refused_row(admin, document, item, "future")


def test_safety_malformed_assured_date_is_refused(admin, document):
    item = _new_service(document)
    item["assured_date"] = "last tuesday"
    _refused_row(admin, document, item, "not a date")


def test_safety_dry_run_writes_nothing(admin, document):
    item = _new_service(document)
    before = table_counts()
    report = import_directory(actor=admin, data=json.dumps([item]).encode(), fmt="json")
    assert report.counts["created"] == 1 and not report.applied
    assert table_counts() == before
