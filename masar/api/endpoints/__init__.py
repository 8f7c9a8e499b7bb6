"""The API's routers, one module per area; masar/api/api.py mounts them."""

from masar.api.schemas import Problem, ValidationProblem


def errors(*statuses: int) -> dict:
    """OpenAPI documentation of the problem+json answers an operation can give."""
    out = {401: Problem}
    for status in statuses:
        out[status] = ValidationProblem if status == 422 else Problem
    return out
