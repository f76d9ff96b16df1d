"""Sentry, with personal data removed before anything leaves the server."""

from __future__ import annotations

from typing import Any

# Keys whose values never leave the server, whatever event carries them.
SENSITIVE_KEYS = frozenset(
    {
        "amka",
        "afm",
        "paaypa",
        "ssn",
        "tax_number",
        "personal_number",
        "password",
        "email",
        "phone",
        "mobile",
        "iban",
        "address",
        "first_name",
        "last_name",
        "name",
        "birth_date",
        "date_of_birth",
        "notes",
        "text",
        "body",
        "token",
        "sessionid",
        "csrftoken",
        "cookie",
        "authorization",
    }
)
FILTERED = "[Filtered]"


def scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: FILTERED if str(key).lower() in SENSITIVE_KEYS else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    return value


def before_send(event: dict, hint: dict) -> dict:
    request = event.get("request")
    if request:
        # Bodies, cookies and query strings may hold a person's data: never send them.
        for key in ("data", "cookies", "query_string"):
            request.pop(key, None)
        request["headers"] = scrub(request.get("headers", {}))
    user = event.get("user")
    if user:
        event["user"] = {"id": user.get("id")}
    for exception in event.get("exception", {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            if "vars" in frame:
                frame["vars"] = scrub(frame["vars"])
    if "extra" in event:
        event["extra"] = scrub(event["extra"])
    for crumb in (event.get("breadcrumbs") or {}).get("values", []):
        # SQL breadcrumbs carry query parameters: drop them, keep the statement shape.
        crumb.pop("data", None)
    return event


def init_sentry(dsn: str, *, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        include_local_variables=False,
        before_send=before_send,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=0.0,
    )
