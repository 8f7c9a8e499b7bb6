from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("programmes/", views.programme_list, name="programme-list"),
    path("programmes/<uuid:pk>/", views.programme_detail, name="programme-detail"),
    path("programmes/<uuid:pk>/edit/", views.programme_edit, name="programme-edit"),
]
