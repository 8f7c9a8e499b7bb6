from modeltranslation.translator import TranslationOptions, register

from .models import ExpectedResult, Indicator, Objective, Programme


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "envelope_note", "description")


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("text",)


@register(ExpectedResult)
class ExpectedResultTranslation(TranslationOptions):
    fields = ("text",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "definition")
