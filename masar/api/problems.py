"""RFC 9457 problem details (application/problem+json), with translated messages."""

import json

from django.http import HttpResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_body(status: int, title: str, detail: str = "", **extra) -> dict:
    body = {"type": "about:blank", "title": str(title), "status": status}
    if detail:
        body["detail"] = str(detail)
    body.update(extra)
    return body


def problem_response(status: int, title: str, detail: str = "", **extra) -> HttpResponse:
    return HttpResponse(
        json.dumps(problem_body(status, title, detail, **extra), ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
