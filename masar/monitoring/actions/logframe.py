"""Writes on a programme's logframe. Each checks MANAGE_PROGRAMMES, validates everything
before writing (a bad value: a ValidationError saying what is wrong, nothing saved) and
writes its audit event in the same transaction."""

import importlib
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.cases.actions.attachments import check_upload

from ..models import (
    Disaggregation,
    ExpectedResult,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorUnit,
    ManualValue,
    Objective,
)
from .programme import _require_manager

OBJECTIVE_FIELDS = ("code", "text_fr", "text_ar", "text_en", "position")
RESULT_FIELDS = ("code", "text_fr", "text_ar", "text_en")
INDICATOR_FIELDS = (
    "result",
    "code",
    "name_fr",
    "name_ar",
    "name_en",
    "definition_fr",
    "definition_ar",
    "definition_en",
    "unit",
    "baseline_value",
    "baseline_date",
    "disaggregations",
    "source",
    "measure_code",
)


def measure_codes() -> set[str] | None:
    """The codes of the measure catalogue, or None while it does not exist yet."""
    try:
        module = importlib.import_module("masar.monitoring.measures")
    except ImportError:
        return None
    catalogue = getattr(module, "CATALOGUE", None)
    return None if catalogue is None else set(catalogue)


def _plain(value):
    if isinstance(value, date | Decimal):
        return str(value)
    return getattr(value, "code", value)


def _check_fields(values, allowed):
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")


def _save(instance, *, actor, action, summary, changes):
    instance.full_clean()
    instance.save()
    record_event(actor=actor, action=action, obj=instance, summary=summary, changes=changes)
    return instance


def _update(instance, values, *, actor, summary, check=None):
    before = {f: getattr(instance, f) for f in values}
    for field, value in values.items():
        setattr(instance, field, value)
    if check is not None:
        check(instance)
    changes = {
        f: [_plain(before[f]), _plain(getattr(instance, f))]
        for f in values
        if before[f] != getattr(instance, f)
    }
    return _save(instance, actor=actor, action=AuditAction.UPDATE, summary=summary, changes=changes)


def _created(instance, fields) -> dict:
    return {f: [None, _plain(getattr(instance, f))] for f in fields}


# Objectives and expected results


@transaction.atomic
def create_objective(*, actor, programme, code, text_fr, **values) -> Objective:
    _require_manager(actor)
    _check_fields(values, OBJECTIVE_FIELDS)
    objective = Objective(programme=programme, code=code, text_fr=text_fr, **values)
    return _save(
        objective,
        actor=actor,
        action=AuditAction.CREATE,
        summary=f"objective {code} of programme {programme.code} created",
        changes=_created(objective, ("code", "text_fr")),
    )


@transaction.atomic
def update_objective(*, actor, objective, **values) -> Objective:
    _require_manager(actor)
    _check_fields(values, OBJECTIVE_FIELDS)
    return _update(objective, values, actor=actor, summary=f"objective {objective.code} changed")


@transaction.atomic
def create_result(*, actor, objective, code, text_fr, **values) -> ExpectedResult:
    _require_manager(actor)
    _check_fields(values, RESULT_FIELDS)
    result = ExpectedResult(objective=objective, code=code, text_fr=text_fr, **values)
    return _save(
        result,
        actor=actor,
        action=AuditAction.CREATE,
        summary=f"expected result {code} of programme {objective.programme.code} created",
        changes=_created(result, ("code", "text_fr")),
    )


@transaction.atomic
def update_result(*, actor, result, **values) -> ExpectedResult:
    _require_manager(actor)
    _check_fields(values, RESULT_FIELDS)
    return _update(result, values, actor=actor, summary=f"expected result {result.code} changed")


# Indicators


def _check_indicator(indicator: Indicator) -> None:
    errors = {}
    if indicator.result_id and indicator.result.objective.programme_id != indicator.programme_id:
        errors["result"] = _("This expected result belongs to another programme.")
    chosen = list(indicator.disaggregations or [])
    if set(chosen) - set(Disaggregation.values):
        errors["disaggregations"] = _("Choose the disaggregations from the list.")
    else:
        # Stored in the list's order, each once, so that equal choices compare equal.
        indicator.disaggregations = [d for d in Disaggregation.values if d in chosen]
    if indicator.unit not in IndicatorUnit.values:
        errors["unit"] = _("Choose a unit from the list.")
    if indicator.source == IndicatorSource.MANUAL:
        indicator.measure_code = ""
    elif indicator.source == IndicatorSource.MEASURE:
        codes = measure_codes()
        if not indicator.measure_code:
            errors["measure_code"] = _("Name the measure that computes this indicator.")
        elif codes is not None and indicator.measure_code not in codes:
            errors["measure_code"] = _("There is no measure with the code “%(code)s”.") % {
                "code": indicator.measure_code
            }
    else:
        errors["source"] = _("Choose how the value is obtained.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_indicator(
    *, actor, programme, code, name_fr, unit, source, measure_code="", **values
) -> Indicator:
    _require_manager(actor)
    _check_fields(values, INDICATOR_FIELDS)
    indicator = Indicator(
        programme=programme,
        code=code,
        name_fr=name_fr,
        unit=unit,
        source=source,
        measure_code=measure_code,
        **values,
    )
    _check_indicator(indicator)
    return _save(
        indicator,
        actor=actor,
        action=AuditAction.CREATE,
        summary=f"indicator {code} of programme {programme.code} created",
        changes=_created(indicator, ("code", "unit", "source", "measure_code", "baseline_value")),
    )


@transaction.atomic
def update_indicator(*, actor, indicator, **values) -> Indicator:
    _require_manager(actor)
    _check_fields(values, INDICATOR_FIELDS)
    return _update(
        indicator,
        values,
        actor=actor,
        summary=f"indicator {indicator.code} changed",
        check=_check_indicator,
    )


# Targets and values entered by hand


def _check_period(indicator, period_start, period_end) -> None:
    if period_start is None or period_end is None:
        raise ValidationError({"period_end": _("Give the start and the end of the period.")})
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    programme = indicator.programme
    if not programme.covers(period_start, period_end):
        start = date_format(programme.starts_on) if programme.starts_on else "…"
        end = date_format(programme.ends_on) if programme.ends_on else "…"
        raise ValidationError(
            {
                "period_start": _(
                    "The period lies outside the programme's period (%(start)s – %(end)s)."
                )
                % {"start": start, "end": end}
            }
        )


@transaction.atomic
def set_target(
    *, actor, indicator, period_start, period_end, value, governorate=None
) -> IndicatorTarget:
    """A target for one period (and governorate, or the whole programme). A second target
    for the same period and governorate is refused: change the first one instead."""
    _require_manager(actor)
    _check_period(indicator, period_start, period_end)
    duplicate = IndicatorTarget.objects.filter(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        governorate=governorate,
    )
    if duplicate.exists():
        raise ValidationError(
            _("This indicator already has a target for this period and this governorate.")
        )
    target = IndicatorTarget(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        governorate=governorate,
        value=value,
    )
    return _save(
        target,
        actor=actor,
        action=AuditAction.CREATE,
        summary=f"target for indicator {indicator.code} set",
        changes=_created(target, ("period_start", "period_end", "governorate", "value")),
    )


@transaction.atomic
def record_manual_value(
    *,
    actor,
    indicator,
    period_start,
    period_end,
    value,
    evidence,
    evidence_note,
    governorate=None,
) -> ManualValue:
    """A value entered by hand, with the file that proves it (required)."""
    _require_manager(actor)
    if indicator.source != IndicatorSource.MANUAL:
        raise ValidationError(
            _("This indicator is computed from the records; it takes no value entered by hand.")
        )
    if evidence is None or not getattr(evidence, "size", 0):
        raise ValidationError({"evidence": _("Attach the evidence for this value.")})
    try:
        content_type = check_upload(evidence)
    except ValidationError as exc:
        raise ValidationError({"evidence": exc.messages}) from exc
    if not (evidence_note or "").strip():
        raise ValidationError({"evidence_note": _("Say what the evidence is.")})
    _check_period(indicator, period_start, period_end)
    manual = ManualValue(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        governorate=governorate,
        value=value,
        evidence_content_type=content_type,
        evidence_note=evidence_note.strip(),
        recorded_by=actor,
    )
    manual.evidence.save(str(manual.pk), evidence, save=False)
    return _save(
        manual,
        actor=actor,
        action=AuditAction.CREATE,
        summary=f"value of indicator {indicator.code} recorded by hand",
        changes=_created(manual, ("period_start", "period_end", "governorate", "value")),
    )
