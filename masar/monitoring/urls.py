from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("programmes/", views.programme_list, name="programme-list"),
    path("programmes/<uuid:pk>/", views.programme_detail, name="programme-detail"),
    path("programmes/<uuid:pk>/edit/", views.programme_edit, name="programme-edit"),
    path("programmes/<uuid:pk>/objectives/add/", views.objective_create, name="objective-create"),
    path("objectives/<uuid:pk>/results/add/", views.result_create, name="result-create"),
    path("programmes/<uuid:pk>/indicators/add/", views.indicator_create, name="indicator-create"),
    path("indicators/<uuid:pk>/targets/add/", views.target_create, name="target-create"),
    path(
        "indicators/<uuid:pk>/values/add/",
        views.manual_value_create,
        name="manual-value-create",
    ),
    path("values/<uuid:pk>/evidence/", views.evidence_download, name="evidence-download"),
]
