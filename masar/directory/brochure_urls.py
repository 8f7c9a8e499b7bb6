from django.urls import path

from .views import brochure

app_name = "brochure"
urlpatterns = [
    path("", brochure.choose, name="choose"),
    path("<str:area_code>/", brochure.area, name="area"),
]
