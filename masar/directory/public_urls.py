from django.urls import path

from .views import public

app_name = "services"
urlpatterns = [
    path("", public.search, name="search"),
    path("areas/", public.area_options, name="area-options"),
    path("<uuid:pk>/", public.service_detail, name="detail"),
]
