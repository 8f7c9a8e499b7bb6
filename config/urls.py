from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from masar.core import views as core_views

handler400 = "masar.core.views.bad_request"
handler403 = "masar.core.views.permission_denied"
handler404 = "masar.core.views.page_not_found"
handler500 = "masar.core.views.server_error"

urlpatterns = [
    path("healthz", login_not_required(core_views.healthz), name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(
        "i18n/catalog.js",
        login_not_required(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("accounts/", include("masar.accounts.urls")),
    path("audit/", include("masar.audit.urls")),
    path("geo/", include("masar.geo.urls")),
    path("api/v1/", include("masar.api.urls")),
    path("api/hsds/", include("masar.directory.hsds.urls")),
    path("directory/exchange/", include("masar.directory.exchange_urls")),
    path("cases/", include("masar.cases.urls")),
    path("monitoring/", include("masar.monitoring.urls")),
    path("directory/", include("masar.directory.urls")),
    path("services/", include("masar.directory.public_urls")),
    path("brochure/", include("masar.directory.brochure_urls")),
    path("tokens/", include("masar.api.web_urls")),
    path("desk/", include("masar.desk.urls")),  # staff: desks, contacts, outreach, statistics
    path("portal/", include("masar.portal.urls")),  # staff: information pages, feedback
    path("", include("masar.portal.pwa_urls")),  # manifest, service worker, offline page
    path("", include("masar.portal.public_urls")),  # public: information pages, desks
    path("", include("masar.core.urls")),
]
