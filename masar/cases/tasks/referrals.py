"""Overdue referrals: a task finds the referrals past their due date and not completed,
notes each once on its case (REFERRAL_OVERDUE) and e-mails both sides — the receiving
institution's officers and the counsellor who sent it.

Run by ``manage.py send_referral_reminders`` (meant for cron, daily) and, where the task
backend can defer, enqueued at each referral's due date when it is sent. The e-mails name
no person: they say a referral is overdue and link to it in Masar, where the reader's
permissions apply.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from masar.accounts.models import User
from masar.accounts.policy import ROLE_PERMISSIONS, Perm

from ..models import Referral

logger = logging.getLogger(__name__)


@task()
def send_overdue_referral_reminders() -> int:
    """Note and remind every overdue referral not reminded yet; returns how many."""
    from ..actions.referrals import note_referral_overdue

    noted = 0
    for referral in Referral.objects.overdue().filter(overdue_notified_at__isnull=True):
        noted += note_referral_overdue(referral=referral)
    return noted


@task()
def remind_referral_if_overdue(referral_id: str) -> bool:
    """Deferred to the day after the due date when the referral is sent."""
    from ..actions.referrals import note_referral_overdue

    referral = Referral.objects.filter(pk=referral_id).first()
    return bool(referral and note_referral_overdue(referral=referral))


def schedule_reminder(referral) -> None:
    """Enqueue the referral's own reminder for the morning after its due date, when the task
    backend can run tasks later (the cron command catches the rest)."""
    task_ = remind_referral_if_overdue
    if not task_.get_backend().supports_defer:
        return
    day_after = referral.due_date + timedelta(days=1)
    run_after = timezone.make_aware(datetime.combine(day_after, time(8, 0)))
    task_.using(run_after=run_after).enqueue(str(referral.pk))


def _officers(institution):
    roles = [r for r, perms in ROLE_PERMISSIONS.items() if Perm.HANDLE_REFERRALS in perms]
    return list(
        User.objects.filter(
            institution=institution, is_active=True, role_assignments__role__in=roles
        )
        .exclude(email="")
        .distinct()
    )


def send_overdue_reminders(referral) -> int:
    """E-mail each receiving officer and the sender, in their own language."""
    recipients = _officers(referral.institution)
    sender = referral.sent_by
    if sender is not None and sender.is_active and sender.email:
        recipients.append(sender)
    return _mail(referral, recipients, "referral_overdue")


def send_new_referral_notice(referral) -> int:
    """Tell the receiving institution's officers that a referral is in their inbox."""
    return _mail(referral, _officers(referral.institution), "referral_received")


def _mail(referral, recipients, template: str) -> int:
    site = getattr(settings, "MASAR_SITE_URL", "").rstrip("/")
    sent = 0
    for user in {u.pk: u for u in recipients}.values():
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            receiving = user.institution_id == referral.institution_id
            url = site + reverse(
                "cases:referral-detail" if receiving else "cases:case-detail",
                kwargs={"pk": referral.pk if receiving else referral.case_id},
            )
            context = {"referral": referral, "receiving": receiving, "url": url, "user": user}
            subject = render_to_string(f"cases/email/{template}_subject.txt", context)
            body = render_to_string(f"cases/email/{template}.txt", context)
        try:
            send_mail(" ".join(subject.split()), body, None, [user.email])
            sent += 1
        except OSError:  # a mail server down must not undo what was recorded
            logger.exception("referral e-mail %s to user %s failed", template, user.pk)
    return sent
