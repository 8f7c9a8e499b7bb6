"""The logframe on the programme page and the forms that build it."""

from datetime import date
from uuid import uuid4

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masar.audit.models import AuditAction, AuditEvent
from masar.monitoring.models import IndicatorTarget, ManualValue, Objective
from tests.factories.logframe import (
    IndicatorFactory,
    LogframeProgrammeFactory,
    ManualValueFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
    evidence_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _detail(programme):
    return reverse("monitoring:programme-detail", kwargs={"pk": programme.pk})


def _logframe(n_indicators=1):
    result = ResultFactory(
        code="R1",
        text_fr="Compétences renforcées",
        text_ar="تعزيز الكفاءات",
        text_en="Skills strengthened",
    )
    indicators = [
        IndicatorFactory(
            result=result,
            code=f"R1.{i + 1}",
            name_fr=f"Personnes formées {i + 1}",
            name_ar=f"المكوَّنون {i + 1}",
            name_en=f"People trained {i + 1}",
        )
        for i in range(n_indicators)
    ]
    for indicator in indicators:
        TargetFactory(indicator=indicator)
        ManualValueFactory(indicator=indicator)
    return result.objective.programme, indicators


class TestDetailPage:
    @pytest.mark.parametrize(
        ("lang", "direction", "text"),
        [
            ("fr", "ltr", "Personnes formées 1"),
            ("ar", "rtl", "المكوَّنون 1"),
            ("en", "ltr", "People trained 1"),
        ],
    )
    def test_renders_the_logframe_in_each_language(self, client_for, lang, direction, text):
        programme, _ = _logframe()
        client = client_for("conseiller.tunis")
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
        response = client.get(_detail(programme), HTTP_ACCEPT_LANGUAGE=lang)
        html = response.content.decode()
        assert response.status_code == 200
        assert f'lang="{lang}" dir="{direction}"' in html
        assert 'data-testid="indicator-R1.1"' in html and text in html
        # A viewer downloads the evidence but does not build the logframe.
        assert 'data-testid="evidence-download"' in html
        assert 'data-testid="target-create"' not in html

    def test_shows_targets_latest_value_and_measures(self, client_for):
        programme, (indicator,) = _logframe()
        computed = IndicatorFactory(
            result=indicator.result, code="R1.9", source="measure", measure_code="desk_contacts"
        )
        html = client_for("suivi").get(_detail(programme)).content.decode()
        manual = html.split('data-testid="indicator-R1.1"')[1].split("</li>")[0]
        assert "<strong>25</strong>" in manual  # the target (2025)
        assert "<strong>12</strong>" in manual  # the value entered by hand, with its evidence
        assert 'data-testid="evidence-download"' in manual
        measured = html.split('data-testid="indicator-R1.9"')[1].split("</li>")[0]
        assert computed.measure_code in measured and "evidence-download" not in measured
        assert 'data-testid="target-create"' in html and 'data-testid="objective-create"' in html

    def test_query_count_does_not_grow_with_indicators(self, client_for, django_assert_num_queries):
        client = client_for("suivi")
        small, _ = _logframe(1)
        large, _ = _logframe(5)
        client.get(_detail(small))  # the session and the caches are warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_detail(small)).status_code == 200
        with django_assert_num_queries(len(queries)):
            response = client.get(_detail(large))
        assert response.content.decode().count('data-testid="indicator-R1.') == 5


class TestForms:
    def test_manager_adds_an_objective(self, client_for):
        programme = LogframeProgrammeFactory()
        url = reverse("monitoring:objective-create", kwargs={"pk": programme.pk})
        response = client_for("suivi").post(
            url, {"code": "OG", "text_fr": "Objectif général", "position": 0}
        )
        assert response.status_code == 302
        assert Objective.objects.get(programme=programme).text_fr == "Objectif général"

    @pytest.mark.parametrize("who", ["conseiller.sfax", "social.sfax", "onm"])
    def test_roles_without_manage_programmes_get_403_on_writes(self, client_for, who):
        indicator = IndicatorFactory()
        client = client_for(who)
        posts = {
            "monitoring:objective-create": (indicator.programme.pk, {"code": "X", "text_fr": "x"}),
            "monitoring:target-create": (
                indicator.pk,
                {"period_start": "2025-01-01", "period_end": "2025-12-31", "value": "3"},
            ),
        }
        for name, (pk, data) in posts.items():
            assert client.post(reverse(name, kwargs={"pk": pk}), data).status_code == 403
        assert not IndicatorTarget.objects.exists()

    @pytest.mark.parametrize(
        "name",
        [
            "monitoring:objective-create",
            "monitoring:result-create",
            "monitoring:indicator-create",
            "monitoring:target-create",
            "monitoring:manual-value-create",
            "monitoring:evidence-download",
        ],
    )
    def test_unknown_ids_are_404(self, client_for, name):
        assert client_for("suivi").get(reverse(name, kwargs={"pk": uuid4()})).status_code == 404

    def test_target_outside_the_period_is_shown_on_the_form(self, client_for):
        indicator = IndicatorFactory()
        url = reverse("monitoring:target-create", kwargs={"pk": indicator.pk})
        response = client_for("suivi").post(
            url,
            {"period_start": "2027-01-01", "period_end": "2027-12-31", "value": "3"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 400
        assert 'data-testid="error-period_start"' in response.content.decode()
        assert not IndicatorTarget.objects.exists()

    def test_value_without_evidence_says_so_and_saves_nothing(self, client_for):
        indicator = IndicatorFactory()
        url = reverse("monitoring:manual-value-create", kwargs={"pk": indicator.pk})
        data = {"period_start": "2025-01-01", "period_end": "2025-03-31", "value": "7"}
        response = client_for("suivi").post(url, data | {"evidence_note": "Feuilles"})
        assert response.status_code == 400
        assert 'data-testid="error-evidence"' in response.content.decode()
        assert not ManualValue.objects.exists()

    def test_value_with_evidence_is_recorded_and_shown(self, client_for):
        indicator = IndicatorFactory()
        url = reverse("monitoring:manual-value-create", kwargs={"pk": indicator.pk})
        client = client_for("superviseur")
        response = client.post(
            url,
            {
                "period_start": "2025-01-01",
                "period_end": "2025-03-31",
                "value": "7",
                "evidence": evidence_file(),
                "evidence_note": "Feuilles de présence",
            },
        )
        assert response.status_code == 302
        manual = ManualValue.objects.get()
        assert (manual.value, manual.period_end) == (7, date(2025, 3, 31))
        assert manual.recorded_by.username == "superviseur"


class TestEvidenceDownload:
    def test_viewer_downloads_and_the_read_is_audited(self, client_for):
        manual = ManualValueFactory()
        response = client_for("conseiller.tunis").get(
            reverse("monitoring:evidence-download", kwargs={"pk": manual.pk})
        )
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Content-Type"] == "application/pdf"
        event = AuditEvent.objects.get(action=AuditAction.READ, object_id=str(manual.pk))
        assert event.actor_username == "conseiller.tunis"

    def test_roles_without_view_programmes_are_refused(self, client_for):
        manual = ManualValueFactory()
        url = reverse("monitoring:evidence-download", kwargs={"pk": manual.pk})
        assert client_for("aneti.sfax").get(url).status_code == 403
        assert not AuditEvent.objects.filter(action=AuditAction.READ).exists()


def test_objective_factory_builds_through_the_action():
    assert ObjectiveFactory().programme.starts_on == date(2025, 1, 1)
