"""``{% feedback_section service=… page=… %}``: published ratings and the opinion form, for
service pages (directory) and information pages."""

from django import template

from ..forms import FeedbackForm
from ..models import Feedback

register = template.Library()
OPINIONS_SHOWN = 5


@register.inclusion_tag("portal/_feedback_section.html", takes_context=True)
def feedback_section(context, service=None, page=None, link_only=False):
    """``link_only`` links to the form instead of embedding it: a page kept for the next
    visitor (masar.portal.public, ``cache_seconds``) must not carry a double-tap key that two
    visitors behind one address would share."""
    service = service or None
    page = page or None
    target = {"service": service} if service else {"page": page} if page else {}
    about = Feedback.objects.filter(**target) if target else Feedback.objects.none()
    request = context.get("request")
    return {
        "rating": about.rating_summary() if target else {"average": None, "count": 0},
        "opinions": list(about.published().order_by("-created_at")[:OPINIONS_SHOWN]),
        "form": FeedbackForm.blank(
            service=service, page=page, next_url=request.path if request else ""
        )
        if not link_only
        else None,
        "service": service,
        "page": page,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
