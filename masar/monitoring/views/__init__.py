from .logframe import (
    evidence_download,
    indicator_create,
    manual_value_create,
    objective_create,
    result_create,
    target_create,
)
from .programme import programme_detail, programme_edit, programme_list

__all__ = [
    "evidence_download",
    "indicator_create",
    "manual_value_create",
    "objective_create",
    "programme_detail",
    "programme_edit",
    "programme_list",
    "result_create",
    "target_create",
]
