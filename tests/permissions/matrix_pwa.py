"""Permission matrix rows for the progressive web app (``pwa:``): the manifest, the service
worker, the offline page and the directory snapshot are open to everyone, signed in or not
(they hold public content only). See test_matrix.py for the format."""

from . import EVERYONE

MATRIX = {
    "pwa:manifest": {"allowed": EVERYONE},
    "pwa:service-worker": {"allowed": EVERYONE},
    "pwa:offline": {"allowed": EVERYONE},
    "pwa:snapshot": {"allowed": EVERYONE},
}
