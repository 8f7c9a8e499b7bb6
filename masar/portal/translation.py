from modeltranslation.translator import TranslationOptions, register

from .models import InfoPage


@register(InfoPage)
class InfoPageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
