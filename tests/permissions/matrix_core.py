from tests.personas import PERSONAS

from . import EVERYONE

STAFF = set(PERSONAS)

MATRIX = {
    "healthz": {"allowed": EVERYONE},
    "set_language": {"allowed": EVERYONE, "method": "post", "data": {"language": "ar"}},
    "core:home": {"allowed": STAFF},
    "core:about": {"allowed": EVERYONE},
}
