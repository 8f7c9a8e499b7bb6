"""Who may do what on the portal, and the limits on public feedback (as data and predicates).

Limits hold across web workers because they count rows in the database, by a keyed hash of
the sender's address and day (``client_key``), never the address itself.
"""

import datetime
import hashlib
import hmac
import re

from django.conf import settings

from masar.accounts.policy import Perm, has_perm

FEEDBACK_PER_HOUR = 5
FEEDBACK_PER_DAY = 20
MAX_LINKS = 2
# A comment this long, sent again word for word (by anyone, within DUPLICATE_WINDOW), is spam.
DUPLICATE_MIN_LENGTH = 40
DUPLICATE_WINDOW = datetime.timedelta(days=30)
# A form sent back sooner than this after it was shown was not filled in by a person.
MIN_FILL_SECONDS = 3
# A form older than this must be reloaded (its timestamp is signed, see forms.py).
MAX_FORM_AGE = datetime.timedelta(days=1)

# A link: an address with a scheme or www., or a bare name under a common spam domain.
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|ru|cn|xyz|top|info)\b(?:/\S*)?",
    re.I,
)
_SPACE = re.compile(r"\s+")


def can_edit_pages(user) -> bool:
    return has_perm(user, Perm.EDIT_PORTAL_PAGES)


def can_moderate(user) -> bool:
    return has_perm(user, Perm.MODERATE_FEEDBACK)


def client_key(ip: str | None, day: datetime.date) -> str:
    """Keyed hash (HMAC-SHA256 with the server secret) of an address and a day."""
    message = f"portal-feedback|{ip or '-'}|{day.isoformat()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def count_links(text: str) -> int:
    return len(_LINK.findall(text or ""))


def normalise(text: str) -> str:
    """Comment as compared for duplicates: spaces collapsed, case folded."""
    return _SPACE.sub(" ", text or "").strip().casefold()
