import hashlib
import json

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .models import Governorate

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
ONE_DAY = 24 * 60 * 60


def governorates_feature_collection() -> dict:
    """The 24 governorates with their simplified outlines, names in the active language."""
    features = []
    for gov in Governorate.objects.order_by("code"):
        features.append(
            {
                "type": "Feature",
                "id": gov.code,
                "geometry": gov.outline,
                "properties": {
                    "code": gov.code,
                    "name": gov.name,
                    "latitude": gov.latitude,
                    "longitude": gov.longitude,
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "properties": {
            "attribution": ATTRIBUTION,
            "source": "OpenStreetMap (OSM-Boundaries), simplified",
            "language": get_language(),
        },
        "features": features,
    }


@login_not_required
@require_GET
def governorates_geojson(request):
    """Public, cacheable for a day: the same answer for every visitor of one language."""
    body = json.dumps(
        governorates_feature_collection(), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
