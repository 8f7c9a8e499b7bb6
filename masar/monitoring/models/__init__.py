from .logframe import (
    Disaggregation,
    ExpectedResult,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorUnit,
    ManualValue,
    Objective,
)
from .programme import Currency, Programme, RuleSet

__all__ = [
    "Currency",
    "Disaggregation",
    "ExpectedResult",
    "Indicator",
    "IndicatorSource",
    "IndicatorTarget",
    "IndicatorUnit",
    "ManualValue",
    "Objective",
    "Programme",
    "RuleSet",
]
