"""Writes of the portal: information pages (staff, audited) and public feedback."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from . import rules
from .models import (
    COMMENT_MAX_LENGTH,
    LANGUAGES,
    Feedback,
    FeedbackStatus,
    InfoPage,
    PageCategory,
    PageStatus,
)

PAGE_TEXT_FIELDS = [f"{n}_{lang}" for n in ("title", "summary", "body") for lang in LANGUAGES]
PAGE_FIELDS = ["slug", "category", "position", *PAGE_TEXT_FIELDS]


class FeedbackRateLimited(ValidationError):
    """Too many opinions from the same address: answered with 429."""


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You are not allowed to do this."))


def _clean_page(page: InfoPage) -> None:
    errors = {}
    if not (page.title_fr or "").strip():
        errors["title_fr"] = _(
            "The French title is required: French is shown when a page is not translated."
        )
    if page.category not in PageCategory.values:
        errors["category"] = _("Choose a category from the list.")
    slug_taken = InfoPage.objects.filter(slug=page.slug).exclude(pk=page.pk).exists()
    if slug_taken:
        errors["slug"] = _("Another page already uses this address.")
    if errors:
        raise ValidationError(errors)
    try:
        page.full_clean(exclude=["slug"] if slug_taken else None, validate_unique=False)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


@transaction.atomic
def create_page(*, actor, slug: str, category: str, position: int = 0, **texts) -> InfoPage:
    """A new information page, as a draft. ``texts``: title_fr, summary_ar, body_en, …"""
    _require(rules.can_edit_pages(actor))
    unknown = set(texts) - set(PAGE_TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unknown page fields: {sorted(unknown)}")
    now = timezone.now()
    page = InfoPage(
        slug=slug,
        category=category,
        position=position,
        status=PageStatus.DRAFT,
        created_at=now,
        updated_at=now,
        updated_by=actor,
        **{name: (value or "").strip() for name, value in texts.items()},
    )
    _clean_page(page)
    page.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=page,
        summary=f"information page {page.slug}",
        changes={"slug": page.slug, "category": page.category},
    )
    return page


@transaction.atomic
def update_page(*, actor, page: InfoPage, **values) -> InfoPage:
    """Change the address, category, position or texts of a page."""
    _require(rules.can_edit_pages(actor))
    page = InfoPage.objects.select_for_update().get(pk=page.pk)
    unknown = set(values) - set(PAGE_FIELDS)
    if unknown:
        raise TypeError(f"unknown page fields: {sorted(unknown)}")
    before = snapshot(page, PAGE_FIELDS)
    for name, value in values.items():
        setattr(page, name, value.strip() if isinstance(value, str) else value)
    changes = diff(page, before, PAGE_FIELDS)
    if not changes:
        return page
    _clean_page(page)
    page.updated_at = timezone.now()
    page.updated_by = actor
    page.save()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=page,
        summary=f"information page {page.slug} changed",
        # Which texts changed, not the whole texts (pages are public, but long).
        changes={
            name: change if name in ("slug", "category", "position") else "changed"
            for name, change in changes.items()
        },
    )
    return page


@transaction.atomic
def set_page_status(*, actor, page: InfoPage, status: str) -> InfoPage:
    """Publish (shown on the portal and in the API) or unpublish (back to draft)."""
    _require(rules.can_edit_pages(actor))
    page = InfoPage.objects.select_for_update().get(pk=page.pk)
    if status not in PageStatus.values:
        raise ValidationError(_("Unknown page status."))
    if status == page.status:
        return page
    if status == PageStatus.PUBLISHED and not page.is_translated("fr"):
        raise ValidationError(
            _("A page needs at least its French title and text before it is published.")
        )
    old = page.status
    page.status = status
    page.updated_at = timezone.now()
    page.updated_by = actor
    page.save(update_fields=["status", "updated_at", "updated_by"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=page,
        summary=f"information page {page.slug} {'published' if status == 'published' else 'unpublished'}",
        changes={"status": [old, status]},
    )
    return page


def _feedback_errors(*, rating, comment: str, service, page) -> None:
    from masar.directory.models import Service

    if service is not None and page is not None:
        raise ValidationError(_("An opinion is about one service or one page."), code="target")
    if service is not None and not Service.objects.published().filter(pk=service.pk).exists():
        raise ValidationError(_("This service cannot receive opinions."), code="target")
    if page is not None and not page.is_published:
        raise ValidationError(_("This page cannot receive opinions."), code="target")
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationError(_("Choose a rating from 1 to 5."), code="rating")
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Your comment is too long: %(max)d characters at most.")
            % {"max": COMMENT_MAX_LENGTH},
            code="too_long",
        )
    if rules.count_links(comment) > rules.MAX_LINKS:
        raise ValidationError(
            _("Your comment contains too many links: %(max)d at most.") % {"max": rules.MAX_LINKS},
            code="links",
        )


@transaction.atomic
def submit_feedback(
    *,
    actor=None,
    rating: int,
    comment: str = "",
    service=None,
    page=None,
    language: str = "",
    client_ip: str | None,
    now=None,
) -> Feedback:
    """An opinion from the public, waiting for moderation. Refused (ValidationError, nothing
    saved) when the limits are passed: too many from one address (FeedbackRateLimited), the
    same comment twice, too many links, too long.

    Not written to the audit trail: the public's submissions carry no actor and no personal
    data, and the trail would otherwise keep their network address."""
    now = now or timezone.now()
    comment = (comment or "").replace("\x00", "").strip()
    _feedback_errors(rating=rating, comment=comment, service=service, page=page)
    key = rules.client_key(client_ip, timezone.localdate(now))
    sent = Feedback.objects.filter(client_key=key)
    hour = now - timezone.timedelta(hours=1)
    if (
        sent.filter(created_at__gt=hour).count() >= rules.FEEDBACK_PER_HOUR
        or sent.count() >= rules.FEEDBACK_PER_DAY
    ):
        raise FeedbackRateLimited(
            _("You have sent many opinions in a short time. Please try again later."),
            code="rate_limited",
        )
    if comment and _is_duplicate(key, comment, service=service, page=page, now=now):
        raise ValidationError(_("This comment was already received. Thank you."), code="duplicate")
    return Feedback.objects.create(
        service=service,
        page=page,
        rating=rating,
        comment=comment,
        language=(language or "")[:8],
        status=FeedbackStatus.PENDING,
        created_at=now,
        client_key=key,
    )


def _is_duplicate(key: str, comment: str, *, service, page, now) -> bool:
    wanted = rules.normalise(comment)
    recent = Feedback.objects.filter(created_at__gt=now - rules.DUPLICATE_WINDOW).exclude(
        comment=""
    )
    same_target = recent.filter(client_key=key, service=service, page=page)
    if any(rules.normalise(c) == wanted for c in same_target.values_list("comment", flat=True)):
        return True
    if len(wanted) < rules.DUPLICATE_MIN_LENGTH:
        return False
    # Long comments: the same text from anyone (spam is sent from many addresses). The
    # prefix narrows the scan; the comparison is made on normalised text.
    candidates = recent.filter(comment__istartswith=comment[:20]).values_list("comment", flat=True)
    return any(rules.normalise(c) == wanted for c in candidates[:200])


@transaction.atomic
def moderate_feedback(*, actor, feedback: Feedback, decision: str) -> Feedback:
    """Publish or reject an opinion (a decision can be changed later, and is audited)."""
    _require(rules.can_moderate(actor))
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if decision not in (FeedbackStatus.PUBLISHED, FeedbackStatus.REJECTED):
        raise ValidationError(_("Choose to publish or to reject."))
    old = feedback.status
    if old == decision:
        return feedback
    feedback.status = decision
    feedback.moderated_by = actor
    feedback.moderated_at = timezone.now()
    feedback.save(update_fields=["status", "moderated_by", "moderated_at"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=feedback,
        summary=f"feedback {decision}",
        changes={"status": [old, decision]},
    )
    return feedback
