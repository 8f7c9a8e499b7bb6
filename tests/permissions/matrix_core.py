from tests.personas import PERSONAS

from . import EVERYONE

STAFF = set(PERSONAS)

MATRIX = {
    "healthz": {"allowed": EVERYONE},
    "set_language": {"allowed": EVERYONE, "method": "post", "data": {"language": "ar"}},
    "core:home": {"allowed": EVERYONE},  # the public portal home when not signed in
    "core:about": {"allowed": EVERYONE},
}
