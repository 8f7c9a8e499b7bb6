"""``manage.py send_referral_reminders``: remind both sides of every overdue referral.

Meant for cron, once a day, e.g. ``0 7 * * * cd /srv/masar && .venv/bin/python manage.py
send_referral_reminders``. It enqueues the reminder task on the configured task backend
(django-tasks: run a worker with ``manage.py db_worker``, or ``--now`` to run it in this
process). Each referral is reminded once.
"""

from django.core.management.base import BaseCommand

from masar.cases.tasks.referrals import send_overdue_referral_reminders


class Command(BaseCommand):
    help = "Enqueue the reminders of overdue referrals (meant for a daily cron job)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run the task here instead of enqueuing it."
        )

    def handle(self, *args, now=False, **options):
        if now:
            noted = send_overdue_referral_reminders.call()
            self.stdout.write(f"overdue referrals reminded: {noted}")
            return
        result = send_overdue_referral_reminders.enqueue()
        self.stdout.write(f"reminder task enqueued: {result.id} ({result.status})")
