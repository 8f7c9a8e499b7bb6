"""Staff pages of the information desks (/desk/). Each views module exposes its urlpatterns."""

from .views import contacts, desks, outreach, stats

app_name = "desk"
urlpatterns = [
    *desks.urlpatterns,
    *contacts.urlpatterns,
    *outreach.urlpatterns,
    *stats.urlpatterns,
]
