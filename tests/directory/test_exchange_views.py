import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from masar.accounts.policy import Role
from masar.audit.models import AuditAction, AuditEvent
from masar.directory.models import Service
from tests.conftest import login_client
from tests.factories import UserFactory

from .exchange_helpers import build_directory, empty_directory, export_json, table_counts

IMPORT = reverse("directory-exchange:import")
APPLY = reverse("directory-exchange:import-apply")
EXPORT = reverse("directory-exchange:export")


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path):
    settings.MASAR_IMPORT_DIR = tmp_path
    return tmp_path


@pytest.fixture
def exported(persona):
    build_directory(verifier=persona("admin"))
    data = json.dumps(export_json()).encode()
    empty_directory()
    return data


def _upload(client, data, name="directory.json", **extra):
    return client.post(
        IMPORT,
        {"file": SimpleUploadedFile(name, data), "language": "fr", "all_or_nothing": "on", **extra},
    )


def test_import_page_shows_the_form_to_directory_managers(client_for):
    response = client_for("admin").get(IMPORT)
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content


def test_import_upload_is_a_dry_run_then_apply_writes(client_for, exported, import_dir):
    client = client_for("admin")
    before = table_counts()
    response = _upload(client, exported)
    assert response.status_code == 200
    assert response.context["report"].counts["created"] == 3
    assert table_counts() == before  # nothing written by the check
    token = response.context["token"]
    assert token and len(list(import_dir.iterdir())) == 1

    applied = client.post(APPLY, {"token": token})
    assert applied.status_code == 200
    assert applied.context["report"].applied
    assert Service.objects.count() == 3
    assert list(import_dir.iterdir()) == []  # the stored upload is gone

    again = client.post(APPLY, {"token": token})
    assert again.status_code == 400  # a token is used once


def test_import_apply_refuses_a_forged_or_foreign_token(client_for, exported):
    client = client_for("admin")
    token = _upload(client, exported).context["token"]
    assert client.post(APPLY, {"token": token + "x"}).status_code == 400
    second_admin = UserFactory(username="admin2", roles=[Role.SYSADMIN])
    assert login_client(second_admin).post(APPLY, {"token": token}).status_code == 404
    assert Service.objects.count() == 0


def test_import_refused_rows_block_apply_in_all_or_nothing(client_for, exported):
    document = json.loads(exported)
    document[0]["minimum_age"] = "old"
    response = _upload(client_for("admin"), json.dumps(document).encode())
    assert response.status_code == 200
    assert response.context["token"] == ""
    assert b"import-apply-form" not in response.content
    assert "minimum_age" in response.content.decode()


def test_import_broken_file_reports_the_reason(client_for):
    response = _upload(client_for("admin"), b"{broken", name="x.json")
    assert response.status_code == 200
    assert b"import-file-error" in response.content


def test_import_report_escapes_scripts(client_for, exported):
    document = json.loads(exported)
    document[0]["x_masar_translations"]["name"]["fr"] = "<script>alert(1)</script>"
    response = _upload(client_for("admin"), json.dumps(document).encode())
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_import_is_refused_to_other_staff(client_for):
    assert client_for("conseiller.sfax").get(IMPORT).status_code == 403
    assert client_for("superviseur").post(APPLY, {"token": "x"}).status_code == 403


def test_export_json_streams_published_services_to_staff(client_for, persona):
    build_directory(verifier=persona("admin"))
    response = client_for("conseiller.sfax").get(
        EXPORT,
        {"format": "hsds-json", "scope": "published", "language": "ar", "translations": "on"},
    )
    assert response.status_code == 200
    assert response.streaming
    document = json.loads(b"".join(response.streaming_content))
    assert [s["name"] for s in document] == ["الإصغاء النفسي"]
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).latest("seq")
    assert event.actor_username == "conseiller.sfax"
    assert event.changes["services"] == 1


def test_export_everything_is_for_directory_managers_only(client_for, persona):
    build_directory(verifier=persona("admin"))
    query = {"format": "hsds-json", "scope": "all", "language": "fr"}
    assert client_for("conseiller.sfax").get(EXPORT, query).status_code == 400
    response = client_for("admin").get(EXPORT, query)
    assert len(json.loads(b"".join(response.streaming_content))) == 3


def test_export_xlsx_downloads_a_workbook(client_for, persona):
    build_directory(verifier=persona("admin"))
    response = client_for("admin").get(EXPORT, {"format": "xlsx", "scope": "all", "language": "fr"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 5


def test_export_form_page_and_survey_template(client_for):
    client = client_for("mediateur.lamarsa")
    page = client.get(EXPORT)
    assert page.status_code == 200
    assert b'value="all"' not in page.content
    template = client.get(reverse("directory-exchange:survey-template"))
    assert template.status_code == 200


def test_export_is_refused_to_roles_without_directory_rights(client_for):
    assert client_for("onm").get(EXPORT).status_code == 403
