"""Logframe actions: what they refuse (with a message, nothing saved), what they audit, who
may call them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from masar.audit.models import AuditAction, AuditEvent
from masar.monitoring import actions
from masar.monitoring.models import Indicator, IndicatorTarget, ManualValue, Objective
from tests.factories.logframe import (
    IndicatorFactory,
    LogframeProgrammeFactory,
    ResultFactory,
    TargetFactory,
    evidence_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with translation.override("en"):
        yield


def _target(indicator, start, end, **kwargs):
    return actions.set_target(
        actor=None,
        indicator=indicator,
        period_start=start,
        period_end=end,
        value=Decimal("10"),
        **kwargs,
    )


class TestTargets:
    def test_target_outside_the_programme_period_is_refused(self):
        indicator = IndicatorFactory()  # programme: 2025-01-01 – 2026-12-31
        with pytest.raises(ValidationError) as exc:
            _target(indicator, date(2026, 7, 1), date(2027, 6, 30))
        assert "outside the programme's period" in str(exc.value)
        with pytest.raises(ValidationError):
            _target(indicator, date(2024, 12, 31), date(2025, 6, 30))
        assert not IndicatorTarget.objects.exists()

    def test_target_ending_before_it_starts_is_refused(self):
        indicator = IndicatorFactory()
        with pytest.raises(ValidationError) as exc:
            _target(indicator, date(2025, 6, 30), date(2025, 1, 1))
        assert "ends before it starts" in str(exc.value)
        assert not IndicatorTarget.objects.exists()

    def test_the_programme_period_edges_are_inside(self):
        indicator = IndicatorFactory()
        _target(indicator, date(2025, 1, 1), date(2026, 12, 31))
        assert IndicatorTarget.objects.count() == 1

    def test_duplicate_target_is_refused_per_governorate(self, django_user_model):
        from masar.geo.models import Governorate

        tunis = Governorate.objects.create(code="TN-11", name_fr="Tunis")
        indicator = IndicatorFactory()
        _target(indicator, date(2025, 1, 1), date(2025, 12, 31))
        _target(indicator, date(2025, 1, 1), date(2025, 12, 31), governorate=tunis)
        for governorate in (None, tunis):
            with pytest.raises(ValidationError) as exc:
                _target(indicator, date(2025, 1, 1), date(2025, 12, 31), governorate=governorate)
            assert "already has a target" in str(exc.value)
        assert IndicatorTarget.objects.count() == 2

    def test_open_ended_programme_takes_any_later_period(self):
        programme = LogframeProgrammeFactory(ends_on=None)
        indicator = IndicatorFactory(result=ResultFactory(objective__programme=programme))
        _target(indicator, date(2030, 1, 1), date(2030, 12, 31))
        assert indicator.targets.count() == 1


class TestManualValues:
    def _record(self, indicator, **kwargs):
        values = {
            "period_start": date(2025, 1, 1),
            "period_end": date(2025, 6, 30),
            "value": Decimal("12"),
            "evidence": evidence_file(),
            "evidence_note": "Feuilles de présence",
        } | kwargs
        return actions.record_manual_value(actor=None, indicator=indicator, **values)

    def test_value_without_evidence_is_refused(self):
        indicator = IndicatorFactory()
        with pytest.raises(ValidationError) as exc:
            self._record(indicator, evidence=None)
        assert exc.value.message_dict == {"evidence": ["Attach the evidence for this value."]}
        assert not ManualValue.objects.exists()

    def test_value_without_a_note_is_refused(self):
        with pytest.raises(ValidationError) as exc:
            self._record(IndicatorFactory(), evidence_note="  ")
        assert "evidence_note" in exc.value.message_dict
        assert not ManualValue.objects.exists()

    def test_evidence_that_is_not_a_document_is_refused(self):
        with pytest.raises(ValidationError) as exc:
            self._record(IndicatorFactory(), evidence=evidence_file("x.exe", b"MZ\x90\x00" * 8))
        assert "Only PDF documents" in exc.value.message_dict["evidence"][0]
        assert not ManualValue.objects.exists()

    def test_value_outside_the_period_is_refused(self):
        with pytest.raises(ValidationError):
            self._record(IndicatorFactory(), period_end=date(2027, 1, 31))
        assert not ManualValue.objects.exists()

    def test_computed_indicator_takes_no_value_by_hand(self):
        indicator = IndicatorFactory(source="measure", measure_code="desk_contacts")
        with pytest.raises(ValidationError):
            self._record(indicator)
        assert not ManualValue.objects.exists()

    def test_value_is_stored_with_its_evidence_under_a_private_name(self):
        manual = self._record(IndicatorFactory())
        assert manual.evidence_content_type == "application/pdf"
        assert manual.evidence.name.startswith("evidence/")
        assert "présence" not in manual.evidence.name and manual.evidence.read().startswith(b"%PDF")


class TestIndicators:
    def test_measure_indicator_needs_a_measure_code(self):
        result = ResultFactory()
        with pytest.raises(ValidationError) as exc:
            IndicatorFactory(result=result, source="measure", measure_code="")
        assert "measure_code" in exc.value.message_dict
        assert not Indicator.objects.exists()

    def test_unknown_measure_code_is_refused_when_the_catalogue_exists(self, monkeypatch):
        from masar.monitoring.actions import logframe

        monkeypatch.setattr(logframe, "measure_codes", lambda: {"desk_contacts"})
        with pytest.raises(ValidationError) as exc:
            IndicatorFactory(source="measure", measure_code="no_such_measure")
        assert "no_such_measure" in str(exc.value)
        IndicatorFactory(source="measure", measure_code="desk_contacts")
        assert Indicator.objects.count() == 1

    def test_disaggregations_from_the_fixed_list_in_its_order(self):
        indicator = IndicatorFactory(disaggregations=["status", "sex", "sex"])
        assert indicator.disaggregations == ["sex", "status"]
        with pytest.raises(ValidationError) as exc:
            IndicatorFactory(disaggregations=["religion"])
        assert "disaggregations" in exc.value.message_dict

    def test_result_of_another_programme_is_refused(self):
        other = ResultFactory()
        with pytest.raises(ValidationError) as exc:
            actions.create_indicator(
                actor=None,
                programme=LogframeProgrammeFactory(),
                result=other,
                code="X1",
                name_fr="Autre",
                unit="people",
                source="manual",
            )
        assert "result" in exc.value.message_dict

    def test_manual_indicator_keeps_no_measure_code(self):
        indicator = IndicatorFactory(source="manual", measure_code="desk_contacts")
        assert indicator.measure_code == ""

    def test_programme_level_indicator(self):
        programme = LogframeProgrammeFactory()
        indicator = actions.create_indicator(
            actor=None, programme=programme, code="P.1", name_fr="P", unit="number", source="manual"
        )
        assert indicator.result is None and list(programme.indicators.all()) == [indicator]


class TestAuditAndPermissions:
    def test_each_write_is_audited(self, persona):
        suivi = persona("suivi")
        programme = LogframeProgrammeFactory()
        before = AuditEvent.objects.count()
        objective = actions.create_objective(
            actor=suivi, programme=programme, code="OG", text_fr="Objectif"
        )
        result = actions.create_result(actor=suivi, objective=objective, code="R1", text_fr="R")
        indicator = actions.create_indicator(
            actor=suivi,
            programme=programme,
            result=result,
            code="R1.1",
            name_fr="Formés",
            unit="people",
            source="manual",
        )
        TargetFactory(actor=suivi, indicator=indicator)
        actions.update_objective(actor=suivi, objective=objective, text_fr="Objectif général")
        events = list(AuditEvent.objects.order_by("seq")[before:])
        assert [e.action for e in events] == [AuditAction.CREATE] * 4 + [AuditAction.UPDATE]
        assert {e.actor_username for e in events} == {"suivi"}
        assert events[3].changes["value"] == [None, "25"]
        assert events[4].changes == {"text_fr": ["Objectif", "Objectif général"]}
        assert events[0].object_id == str(objective.pk)

    @pytest.mark.parametrize("who", ["conseiller.sfax", "social.sfax", "onm", "aneti.sfax"])
    def test_roles_without_manage_programmes_cannot_write(self, persona, who):
        programme = LogframeProgrammeFactory()
        with pytest.raises(PermissionDenied):
            actions.create_objective(
                actor=persona(who), programme=programme, code="OG", text_fr="Objectif"
            )
        assert not Objective.objects.exists()


class TestProgrammeFields:
    def test_budget_needs_a_currency(self):
        programme = LogframeProgrammeFactory()
        with pytest.raises(ValidationError) as exc:
            actions.update_programme(actor=None, programme=programme, budget=Decimal("3900000"))
        assert exc.value.message_dict == {"budget_currency": ["Give the currency of the budget."]}
        programme.refresh_from_db()
        assert programme.budget is None

    def test_partners_and_implementer_are_audited_by_code(self):
        from tests.factories import InstitutionFactory

        cies, utss = InstitutionFactory(code="cies"), InstitutionFactory(code="utss")
        programme = LogframeProgrammeFactory()
        actions.update_programme(
            actor=None, programme=programme, implementer=cies, partners=[utss], funders="UE"
        )
        event = AuditEvent.objects.filter(object_id=str(programme.pk)).latest("seq")
        assert event.changes == {
            "implementer": [None, "cies"],
            "funders": ["", "UE"],
            "partners": [[], ["utss"]],
        }
        assert list(programme.partners.all()) == [utss]
