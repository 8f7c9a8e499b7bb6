import io

import pytest
from openpyxl import Workbook, load_workbook

from masar.directory.exchange import exporter
from masar.directory.exchange.hours import format_hours, parse_hours
from masar.directory.exchange.importer import import_directory
from masar.directory.models import Organization, Service
from tests.factories import ServiceFactory
from tests.factories.directory import delegation, governorate

from .exchange_helpers import build_directory, table_counts

# These tests read messages: they run in English (French stays the default elsewhere).
pytestmark = pytest.mark.usefixtures("english")

SURVEY_HEADER = [
    "Organisation", "Service (fr)", "Service (ar)", "Description", "Catégories", "Publics",
    "Gouvernorat", "Délégation", "Adresse", "Téléphone", "E-mail", "Lat", "Lon", "Langues",
    "Gratuit", "Horaires",
]  # fmt: skip


def _survey(*rows) -> bytes:
    workbook = Workbook()
    workbook.active.append(SURVEY_HEADER)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ROW = [
    "Association Horizons", "Permanence d'écoute", "خدمة الإصغاء", "Écoute et orientation.",
    "mental-health, social-support", "returnees", "صفاقس", "Sfax Ville", "5 rue de Gabès",
    "+216 74 111 222", "contact@horizons.tn", 34.74, 10.76, "arabe, français", "oui",
    "lun-ven 08:00-16:00; sam 09:00-12:00",
]  # fmt: skip


@pytest.fixture
def admin(persona):
    governorate()
    delegation()
    return persona("admin")


def test_xlsx_survey_row_creates_organisation_place_and_service(admin):
    report = import_directory(actor=admin, data=_survey(ROW), fmt="xlsx", dry_run=False)

    assert report.counts["created"] == 1, report.as_text()
    service = Service.objects.get(name_fr="Permanence d'écoute")
    assert service.organization.name_fr == "Association Horizons"
    assert service.verification_status == "submitted"
    assert sorted(t.code for t in service.categories.all()) == ["mental-health", "social-support"]
    assert [t.code for t in service.audiences.all()] == ["returnees"]
    assert sorted(service.languages.values_list("code", flat=True)) == ["ar", "fr"]
    assert service.schedules.count() == 6
    place = service.at_locations.get().location
    assert (place.governorate.code, place.delegation.code) == ("TN-61", "TN-61-sfax-ville")
    assert place.latitude == 34.74


def test_xlsx_survey_reimport_is_unchanged_and_a_change_is_an_update(admin):
    import_directory(actor=admin, data=_survey(ROW), fmt="xlsx", dry_run=False)
    again = import_directory(actor=admin, data=_survey(ROW), fmt="xlsx", dry_run=False)
    assert again.counts["unchanged"] == 1, again.as_text()

    changed = list(ROW)
    changed[9] = "+216 74 999 999"
    report = import_directory(actor=admin, data=_survey(changed), fmt="xlsx", dry_run=False)
    assert report.counts["updated"] == 1, report.as_text()
    assert Organization.objects.filter(name_fr="Association Horizons").count() == 1
    assert list(Service.objects.get().phones.values_list("number", flat=True)) == [
        "+216 74 999 999"
    ]


def test_xlsx_survey_bad_cells_are_refused_with_reasons(admin):
    bad = list(ROW)
    bad[4] = "mental-health, horoscope"
    bad[6] = "Gouvernorat inconnu"
    bad[15] = "tous les jours"
    before = table_counts()
    report = import_directory(actor=admin, data=_survey(bad), fmt="xlsx", dry_run=False)
    [row] = report.rows
    assert row.outcome == "refused"
    assert row.label == "Row 2"
    assert any("tous" in m for m in row.messages), row.messages
    assert table_counts() == before


def test_xlsx_survey_unknown_governorate_and_category_named(admin):
    bad = list(ROW)
    bad[4] = "horoscope"
    report = import_directory(actor=admin, data=_survey(bad), fmt="xlsx", dry_run=False)
    assert "“horoscope”" in report.rows[0].messages[0]
    bad = list(ROW)
    bad[6] = "Atlantide"
    report = import_directory(actor=admin, data=_survey(bad), fmt="xlsx", dry_run=False)
    assert "Atlantide" in report.rows[0].messages[0]


def test_xlsx_sheet_without_header_is_refused(admin):
    workbook = Workbook()
    workbook.active.append(["a", "b"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_directory(actor=admin, data=buffer.getvalue(), fmt="xlsx", dry_run=False)
    assert "no service name column" in report.file_error


def test_xlsx_export_neutralises_formula_cells(admin):
    ServiceFactory(
        name_fr='=HYPERLINK("http://evil","x")',
        name_ar="@SUM(1)",
        description_fr="-2+3",
    )
    file = exporter.write_xlsx(exporter.services_for_export("all"))
    sheet = load_workbook(file).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["name_fr"].value == '\'=HYPERLINK("http://evil","x")'
    assert row["name_fr"].data_type == "s"
    assert row["name_ar"].value == "'@SUM(1)"
    assert row["description_fr"].value == "'-2+3"
    assert all(c.data_type != "f" for line in sheet.iter_rows() for c in line)


def test_xlsx_export_has_the_documented_columns_one_row_per_place(admin):
    build_directory(verifier=admin)
    sheet = load_workbook(exporter.write_xlsx(exporter.services_for_export("all"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == exporter.XLSX_COLUMNS
    assert len(rows) == 1 + 4  # listening at two places, jobs and social at one each


def test_xlsx_export_reads_back_unchanged(admin):
    build_directory(verifier=admin)
    Service.objects.filter(name_fr="Écoute psychologique").delete()  # the two-place one
    data = exporter.write_xlsx(exporter.services_for_export("all")).read()
    report = import_directory(actor=admin, data=data, fmt="xlsx", dry_run=False)
    assert report.counts["unchanged"] == 2, report.as_text()


def test_hours_parse_and_format_round_trip():
    text = "lun-jeu 08:00-12:00, 14:00-17:00; ven 08:00-13:00"
    assert format_hours(parse_hours(text)) == text
    assert parse_hours("الاثنين-الجمعة 8h-16h") == parse_hours("lun-ven 08:00-16:00")
