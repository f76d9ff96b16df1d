"""Recording who read or changed a person's data. Every access path calls this."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from casework.models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # Behind the reverse proxy the first address of X-Forwarded-For is the client.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR") or None


def record(
    *,
    request: HttpRequest | None,
    user,
    action: str,
    obj: models.Model | None = None,
    beneficiary_id: int | None = None,
    object_type: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.model_name
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None else "",
        beneficiary_id=beneficiary_id,
        ip_address=client_ip(request),
        path=request.get_full_path()[:300] if request is not None else "",
        detail=detail or {},
    )
