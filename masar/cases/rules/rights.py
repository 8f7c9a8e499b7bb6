"""Rules of the data-rights operations, as data: emergency limits, retention rules that turn
an erasure into an anonymisation, and what an erasure clears.

The retention periods below are a CONFIGURABLE POLICY of this installation, not a statement
of Tunisian law: nobody verified them against the texts (organic law 2004-63 on personal
data, accounting and public-finance rules). The data-protection officer sets them; change
them here, with the basis they give.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

# Emergency processing without consent: how long an approval may last.
EMERGENCY_DEFAULT_DAYS = 7
EMERGENCY_MAX_DAYS = 30


@dataclass(frozen=True)
class RetentionRule:
    code: str
    label: str
    basis: str
    model: str  # "app_label.ModelName" of the related records it protects
    field: str  # the field that says whether the rule holds…
    values: frozenset  # …when it has one of these values
    years: int
    date_field: str  # the retention runs from this date


RETENTION_RULES = (
    RetentionRule(
        code="aid_financial_records",
        label=_("Financial records of an approved or disbursed aid file"),
        basis=_(
            "Installation policy (to be confirmed by the data-protection officer): financial "
            "records of public aid are kept 10 years for audit. Not verified against the law."
        ),
        model="cases.AidFile",
        field="status",
        values=frozenset({"approved", "contracted", "disbursing", "disbursed", "closed"}),
        years=10,
        date_field="decided_at",
    ),
)

# Field classes an erasure clears on the person's related records; FINANCIAL is kept when a
# retention rule holds (anonymisation), cleared otherwise.
CLEARED_CLASSES = frozenset(
    {
        DataClass.IDENTITY,
        DataClass.CONTACT,
        DataClass.HEALTH,
        DataClass.PSYCHOLOGICAL,
        DataClass.LEGAL,
    }
)
# Fields of the person kept for aggregate statistics (counts by sex, country, kind of return,
# governorate): they no longer point at anyone once the identity is gone.
KEPT_FOR_STATISTICS = frozenset(
    {"sex", "governorate", "returned_from", "return_date", "return_kind", "years_abroad"}
)
# Attachment kinds kept (with their files) while a retention rule holds.
RETAINED_ATTACHMENT_KINDS = frozenset({"invoice", "contract", "quote"})


def _related_rows(beneficiary, label: str):
    """Rows of model ``label`` that belong to the person (directly or through a case), or
    None when that model does not exist in this installation."""
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    if "beneficiary" in names:
        return model._default_manager.filter(beneficiary=beneficiary)
    if "case" in names:
        return model._default_manager.filter(case__beneficiary=beneficiary)
    return None


def retention_holds(beneficiary, at=None) -> list[RetentionRule]:
    """The retention rules that forbid erasing the person's record now."""
    at = at or timezone.now()
    holding = []
    for rule in RETENTION_RULES:
        rows = _related_rows(beneficiary, rule.model)
        if rows is None:
            continue
        names = {f.name for f in rows.model._meta.get_fields()}
        if rule.field not in names:
            # The rule cannot be checked on this model: it holds whenever rows exist
            # (anonymise rather than erase what might have to be kept).
            if rows.exists():
                holding.append(rule)
            continue
        rows = rows.filter(**{f"{rule.field}__in": rule.values})
        if rule.date_field in names:
            # The retention runs from that date; without it the rule keeps holding.
            since = at - timedelta(days=365 * rule.years)
            rows = rows.exclude(**{f"{rule.date_field}__lt": since})
        if rows.exists():
            holding.append(rule)
    return holding


def erasure_blockers(beneficiary) -> list[str]:
    """Why the record cannot be erased at all now (open cases must be closed first)."""
    blockers = []
    if beneficiary.cases.open().exists():
        blockers.append(str(_("Close the person's open case first.")))
    if beneficiary.erasures.exists():
        blockers.append(str(_("This record was already erased.")))
    return blockers


def active_emergency(beneficiary, at=None):
    from ..models import EmergencyProcessing, EmergencyStatus

    return (
        EmergencyProcessing.objects.filter(
            beneficiary=beneficiary,
            status=EmergencyStatus.APPROVED,
            valid_until__gt=at or timezone.now(),
        )
        .order_by("-valid_until")
        .first()
    )
