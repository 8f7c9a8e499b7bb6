"""Public portal pages (no login): information pages, desks, feedback."""

from .views import desks, feedback, home, pages

app_name = "public"
urlpatterns = [
    *home.urlpatterns,
    *pages.urlpatterns,
    *desks.urlpatterns,
    *feedback.urlpatterns,
]
