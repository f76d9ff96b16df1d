"""Liveness and readiness, answered before any tenant lookup so probes need no host."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse


def _database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _broker_ready() -> bool:
    from kentro.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path == "/healthz":
            return JsonResponse({"status": "ok"})
        if request.path == "/readyz":
            checks = {"database": _database_ready(), "broker": _broker_ready()}
            ready = all(checks.values())
            return JsonResponse(
                {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
            )
        return self.get_response(request)
