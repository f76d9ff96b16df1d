"""Casework's periodic work, run in every centre through tenants.tasks.fan_out."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Document
from casework.rights import apply_retention


@shared_task
def retention() -> dict:
    """Anonymise people whose cases closed longer ago than the retention period."""
    return {"schema": connection.schema_name, "anonymised": apply_retention()}


@shared_task
def document_expiry_reminders() -> dict:
    """Tell the uploader when a person's document (e.g. a residence permit) is about to expire."""
    today = timezone.localdate()
    horizon = today + timedelta(days=settings.KENTRO_DOCUMENT_EXPIRY_NOTICE_DAYS)
    due = Document.objects.filter(
        expires_on__isnull=False,
        expires_on__lte=horizon,
        expiry_reminded_on__isnull=True,
        beneficiary__anonymised_at__isnull=True,
    ).select_related("uploaded_by")
    sent = 0
    for document in due:
        # The email names no person: staff open Kentro to see whose document it is.
        send_mail(
            subject=_("A document expires soon"),
            message=_(
                "A %(type)s uploaded by you expires on %(date)s. Open Kentro to see the record "
                "and ask the person for a new one."
            )
            % {"type": document.get_doc_type_display(), "date": document.expires_on.isoformat()},
            from_email=None,
            recipient_list=[document.uploaded_by.email],
        )
        Document.objects.filter(pk=document.pk).update(expiry_reminded_on=today)
        sent += 1
    return {"schema": connection.schema_name, "reminders": sent}
