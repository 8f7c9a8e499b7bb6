"""Import and export of the directory: ``path("directory/exchange/", include(...))``."""

from django.urls import path

from masar.directory.views import exchange

app_name = "directory-exchange"

urlpatterns = [
    path("import/", exchange.import_upload, name="import"),
    path("import/apply/", exchange.import_apply, name="import-apply"),
    path("export/", exchange.export, name="export"),
    path("survey-template.xlsx", exchange.survey_template, name="survey-template"),
]
