"""Development settings, used by `make run`."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# `make run` relaxes two-factor enrolment for the demo logins; the login page says so.
MASAR_DEMO_RELAX_2FA = env.bool("MASAR_DEMO_RELAX_2FA", default=False)
