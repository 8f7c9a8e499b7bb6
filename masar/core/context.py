"""Per-request context (client address) available to actions without passing the request."""

from contextvars import ContextVar

client_ip: ContextVar[str | None] = ContextVar("client_ip", default=None)
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
