from modeltranslation.translator import TranslationOptions, register

from .models import DeskPoint


@register(DeskPoint)
class DeskPointTranslation(TranslationOptions):
    fields = ("name", "address", "access_notes")
