"""Background work that runs in every centre."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import Invitation
from tenants.models import Tenant

logger = logging.getLogger(__name__)


@shared_task
def fan_out(task_name: str) -> list[str]:
    """Send `task_name` once inside each active centre. Returns the ids of the tasks sent."""
    from kentro.celery import app

    sent = []
    for tenant in Tenant.objects.filter(is_active=True).order_by("schema_name"):
        with tenant_context(tenant):
            sent.append(app.send_task(task_name).id)
    # A loop over many schemas grows the connection's memory: start afresh next time.
    connection.close()
    return sent


@shared_task
def housekeeping() -> dict:
    """Per-centre housekeeping: drop expired sessions, count invitations about to expire."""
    now = timezone.now()
    expired, _ = Session.objects.filter(expire_date__lt=now).delete()
    tenant = connection.tenant
    expiring = Invitation.objects.filter(
        tenant_id=getattr(tenant, "pk", None),
        accepted_at__isnull=True,
        expires_at__gte=now,
        expires_at__lt=now + timedelta(days=2),
    ).count()
    report = {
        "schema": connection.schema_name,
        "expired_sessions_removed": expired,
        "invitations_expiring_soon": expiring,
    }
    logger.info("housekeeping", extra=report)
    return report
