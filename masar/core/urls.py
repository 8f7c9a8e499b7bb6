from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", login_not_required(views.about), name="about"),
]
