"""``manage.py create_api_token USERNAME [--name NAME] [--days N]``

Prints the new token alone on the last line of standard output (everything else goes to
standard error), so that scripts can do ``TOKEN=$(manage.py create_api_token bob | tail -1)``.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from masar.accounts.models import User
from masar.api.actions import create_api_token


class Command(BaseCommand):
    help = "Create a personal API token for a user and print it once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="What the token is for.")
        parser.add_argument(
            "--days", type=int, default=None, help="Expire after this many days (default: never)."
        )

    def handle(self, *args, username, name, days, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user with the username {username!r}.")
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        expires_at = timezone.now() + timedelta(days=days) if days else None
        try:
            token, secret = create_api_token(
                actor=None, user=user, name=name, expires_at=expires_at
            )
        except (PermissionDenied, ValidationError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        expiry = token.expires_at.isoformat() if token.expires_at else "never"
        self.stderr.write(
            f"Token {token.pk} “{token.name}” for {user.username} (expires: {expiry}). "
            "It is shown once; keep it safe.",
            style_func=lambda text: text,
        )
        self.stdout.write(secret)
