"""Writes on programmes and their logframes: keyword-only, actor first, one transaction,
audited inside it."""

from .logframe import (
    create_indicator,
    create_objective,
    create_result,
    record_manual_value,
    set_target,
    update_indicator,
    update_objective,
    update_result,
)
from .programme import EDITABLE_FIELDS, RELATED_FIELDS, create_programme, update_programme

__all__ = [
    "EDITABLE_FIELDS",
    "RELATED_FIELDS",
    "create_indicator",
    "create_objective",
    "create_programme",
    "create_result",
    "record_manual_value",
    "set_target",
    "update_indicator",
    "update_objective",
    "update_programme",
    "update_result",
]
