"""Subject access: everything Masar holds about one person, for them, as JSON or PDF.

Collected generically: the person's row, then every record pointing at them and every
record pointing at one of their cases — so what other parts of Masar add (assessments,
plans, referrals, aid files, follow-ups…) is included without being listed here — each
field with its readable label. Sensitive fields the exporting staff member may not read
(health and psychological without ``cases.view_health``, legal without
``cases.view_legal``) are withheld and listed as such, so that the person knows the export
is partial and whom to ask for the rest.
"""

import datetime

from django.contrib.staticfiles import finders
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation

from masar.accounts.policy import Perm, has_perm
from masar.core.classification import DataClass, field_class

from .actions.rights import _relations
from .models import Attachment, Beneficiary, Case, CaseEvent

STYLESHEET = "masar/subject_access.css"


def _withheld_classes(user) -> set:
    withheld = {DataClass.SECRET}
    if not has_perm(user, Perm.VIEW_HEALTH):
        withheld |= {DataClass.HEALTH, DataClass.PSYCHOLOGICAL}
    if not has_perm(user, Perm.VIEW_LEGAL):
        withheld |= {DataClass.LEGAL}
    return withheld


def _display(obj, f):
    if isinstance(f, models.FileField):
        return None  # the file itself is not exported; its name and kind are
    if f.is_relation:
        related = getattr(obj, f.name)
        if related is None:
            return None
        if hasattr(related, "get_full_name"):
            return related.get_full_name() or related.get_username()
        return str(getattr(related, "name", related))
    if isinstance(obj, CaseEvent) and f.name == "summary":
        return obj.text  # stored as an English message, shown in the export's language
    value = getattr(obj, f.name)
    named = getattr(type(obj), f"{f.name}_name", None)
    if isinstance(named, property) and value:  # e.g. a country code and its name
        return getattr(obj, f"{f.name}_name")
    if f.choices and value not in (None, ""):
        return str(getattr(obj, f"get_{f.name}_display")())
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str | list | dict) or value is None:
        return value
    return str(value)


def _fields(obj, withheld: set, skip=(), withheld_out=None) -> list[dict]:
    out = []
    for f in obj._meta.concrete_fields:
        if f.primary_key or f.name in skip:
            continue
        cls = field_class(type(obj), f.name)
        item = {"name": f.name, "label": str(f.verbose_name)}
        if cls in withheld:
            item["value"] = None
            item["withheld"] = True
            if withheld_out is not None:
                withheld_out.add(f"{obj._meta.label}.{f.name}")
        else:
            item["value"] = _display(obj, f)
        out.append(item)
    return out


def _sections(model, parent, withheld, withheld_out, depth=0, exclude=()) -> list[dict]:
    sections = []
    for related, fk, _one_to_one in _relations(model):
        if getattr(related, "DERIVED", False) or related in exclude:
            continue
        if related is Beneficiary:
            continue
        rows = list(related._base_manager.filter(**{fk: parent}))
        if not rows:
            continue
        section = {
            "model": related._meta.label,
            "title": str(related._meta.verbose_name_plural),
            "rows": [],
        }
        for row in rows:
            entry = {
                "id": str(row.pk),
                "fields": _fields(row, withheld, skip={fk}, withheld_out=withheld_out),
            }
            if related is Case and depth == 0:
                entry["sections"] = _sections(
                    Case, row, withheld, withheld_out, depth + 1, exclude={Attachment}
                )
            section["rows"].append(entry)
        sections.append(section)
    return sections


def collect(beneficiary, user) -> dict:
    """The person's whole record as a JSON-ready dict, labels in the active language."""
    withheld = _withheld_classes(user)
    withheld_out: set = set()
    person = _fields(beneficiary, withheld, withheld_out=withheld_out)
    sections = _sections(Beneficiary, beneficiary, withheld, withheld_out)
    return {
        "format": "masar-subject-access/1",
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "language": translation.get_language(),
        "person": {"id": str(beneficiary.pk), "fields": person},
        "sections": sections,
        "complete": not withheld_out,
        "withheld": sorted(withheld_out),
    }


def render_pdf(beneficiary, user, lang: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from masar.directory.brochure import _fetcher

    with translation.override(lang):
        data = collect(beneficiary, user)
        html = render_to_string(
            "cases/subject_access_pdf.html",
            {
                "data": data,
                "beneficiary": beneficiary,
                "lang": lang,
                "rtl": translation.get_language_bidi(),
            },
        )
    fonts = FontConfiguration()
    fetcher = _fetcher()
    stylesheet = CSS(filename=finders.find(STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], font_config=fonts
    )
