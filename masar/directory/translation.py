from modeltranslation.translator import TranslationOptions, register

from .models import Location, Organization, Service, Taxonomy, TaxonomyTerm


@register([Taxonomy, TaxonomyTerm, Organization])
class NameDescriptionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
    )


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "description", "transportation", "accessibility")
