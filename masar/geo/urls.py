from django.urls import path

from . import views

app_name = "geo"
urlpatterns = [
    path("governorates.geojson", views.governorates_geojson, name="governorates-geojson"),
]
