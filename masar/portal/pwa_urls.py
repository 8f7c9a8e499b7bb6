"""The progressive web app: manifest, service worker, offline page, directory snapshot."""

from . import pwa

app_name = "pwa"
urlpatterns = pwa.urlpatterns
