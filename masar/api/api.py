"""The Masar JSON API, version 1, mounted at /api/v1/ (see urls.py).

Every operation authenticates a bearer token (``auth.TokenAuth``), checks policy and scopes
its reads with ``visible_to``; every error is application/problem+json (``problems``).
"""

from ninja import NinjaAPI

from .auth import TokenAuth
from .docs import HtmlDocs
from .endpoints import accounts, geo, tokens
from .problems import install_problem_handlers

api = NinjaAPI(
    title="Masar API",
    version="1",
    description=(
        "JSON API of Masar, the information system of the Tunisian migration and "
        "reintegration network. Authenticate with a personal token: "
        "`Authorization: Bearer msr_…`. Errors are RFC 9457 problem details "
        "(application/problem+json) in the language of `Accept-Language` (fr, ar, en)."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs=HtmlDocs(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_problem_handlers(api)

api.add_router("", accounts.router)
api.add_router("/geo", geo.router)
api.add_router("", tokens.router)
# Before cases: /beneficiaries/duplicates must match before /beneficiaries/{beneficiary_id}.
api.add_router("", "masar.api.endpoints.rights.router")
api.add_router("", "masar.api.endpoints.cases.router")
api.add_router("", "masar.api.endpoints.needs.router")
api.add_router("", "masar.api.endpoints.followups.router")
api.add_router("", "masar.api.endpoints.referrals.router")
api.add_router("", "masar.api.endpoints.aid.router")
api.add_router("", "masar.api.endpoints.desk.router")
api.add_router("", "masar.api.endpoints.desk_stats.router")
api.add_router("", "masar.api.endpoints.portal.router")
