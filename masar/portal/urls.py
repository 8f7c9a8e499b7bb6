"""Staff pages of the portal (/portal/): information pages, feedback moderation."""

from .views import feedback, pages

app_name = "portal"
urlpatterns = [*pages.staff_urlpatterns, *feedback.staff_urlpatterns]
