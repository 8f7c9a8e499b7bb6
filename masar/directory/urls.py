from django.urls import path

from .views import organizations, services

app_name = "directory"
urlpatterns = [
    path("organizations/", organizations.organization_list, name="organization-list"),
    path("organizations/new/", organizations.organization_create, name="organization-create"),
    path(
        "organizations/<uuid:pk>/",
        organizations.organization_detail,
        name="organization-detail",
    ),
    path(
        "organizations/<uuid:pk>/edit/",
        organizations.organization_edit,
        name="organization-edit",
    ),
    path(
        "organizations/<uuid:pk>/locations/new/",
        organizations.location_create,
        name="location-create",
    ),
    path(
        "organizations/<uuid:pk>/services/new/",
        services.service_create,
        name="service-create",
    ),
    path("locations/<uuid:pk>/edit/", organizations.location_edit, name="location-edit"),
    path("services/review/", services.stale_list, name="stale-list"),
    path("services/<uuid:pk>/", services.service_detail, name="service-detail"),
    path("services/<uuid:pk>/edit/", services.service_edit, name="service-edit"),
    path("services/<uuid:pk>/submit/", services.service_submit, name="service-submit"),
    path("services/<uuid:pk>/verify/", services.service_verify, name="service-verify"),
    path("services/<uuid:pk>/history/", services.service_history, name="service-history"),
]
