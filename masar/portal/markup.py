"""Markdown written by staff, rendered to HTML and sanitised with an allow-list (nh3): no
script, no style, no event handler, links limited to http(s), mailto and tel."""

import markdown
import nh3
from django.utils.safestring import mark_safe

TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML, safe to insert in a page (the only place we mark it so)."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    return mark_safe(sanitise(html))  # noqa: S308 — sanitised by nh3 just above
