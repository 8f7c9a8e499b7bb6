"""A self-hosted, script-free page documenting the API from its OpenAPI document.

Ninja's Swagger page loads its scripts from a CDN, which our Content-Security-Policy
(script-src 'self') forbids and which may be unreachable; this page renders the same document
on the server as plain HTML instead.
"""

from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(ref_holder) -> str:
    if not isinstance(ref_holder, dict):
        return ""
    if "$ref" in ref_holder:
        return ref_holder["$ref"].rsplit("/", 1)[-1]
    if ref_holder.get("type") == "array":
        inner = _schema_name(ref_holder.get("items", {}))
        return f"[{inner}]" if inner else "array"
    if "anyOf" in ref_holder:
        return " | ".join(filter(None, (_schema_name(s) for s in ref_holder["anyOf"])))
    return ref_holder.get("type", "")


def _body_schema(spec: dict) -> str:
    content = (spec or {}).get("content", {})
    for media in content.values():
        return _schema_name(media.get("schema", {}))
    return ""


def describe(schema: dict) -> dict:
    """Flatten the OpenAPI document into lists a template can walk."""
    operations = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            operations.append(
                {
                    "id": op.get("operationId", ""),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tags": op.get("tags", []),
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": p.get("required", False),
                            "type": _schema_name(p.get("schema", {})),
                            "description": p.get("description", "")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": _body_schema(op.get("requestBody")),
                    "responses": [
                        {"status": status, "schema": _body_schema(r)}
                        for status, r in op.get("responses", {}).items()
                    ],
                }
            )
    components = []
    for name, comp in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(comp.get("required", []))
        components.append(
            {
                "name": name,
                "description": comp.get("description", ""),
                "fields": [
                    {
                        "name": field,
                        "type": _schema_name(spec) or spec.get("title", ""),
                        "required": field in required,
                        "enum": ", ".join(map(str, spec.get("enum", []))),
                    }
                    for field, spec in comp.get("properties", {}).items()
                ],
            }
        )
    return {"operations": operations, "components": components}


class HtmlDocs(DocsBase):
    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "api": api,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "info": schema.get("info", {}),
            **describe(schema),
        }
        return render(request, self.template, context)
