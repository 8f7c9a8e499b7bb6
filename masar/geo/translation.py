from modeltranslation.translator import TranslationOptions, register

from .models import Delegation, Governorate, Locality, Municipality


@register([Governorate, Delegation, Municipality, Locality])
class NameTranslation(TranslationOptions):
    fields = ("name",)
