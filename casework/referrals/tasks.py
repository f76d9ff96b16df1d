"""Follow-up of referrals: a reminder when an open referral passes its follow-up date.

Runs in every centre through tenants.tasks.fan_out (Celery beat, platform/kentro/celery.py).
The reminder shows in the UI (the referral is flagged `reminded_on` and listed on the
caseworker's overdue page) and goes by email to whoever wrote the referral. The email
names no person: staff open Kentro to see whose referral it is.
"""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail
from django.db import connection
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Referral
from casework.referrals.services import overdue


@shared_task
def referral_reminders() -> dict:
    today = timezone.localdate()
    # Once per follow-up date: moving the date forward clears `reminded_on`.
    due = overdue(today=today).filter(
        Q(reminded_on__isnull=True) | Q(reminded_on__lt=F("follow_up_on"))
    )
    sent = 0
    for referral in due:
        send_mail(
            subject=_("A referral is due for follow-up"),
            message=_(
                "A referral you wrote to %(service)s was due for follow-up on %(date)s. "
                "Open Kentro to follow it up: %(path)s"
            )
            % {
                "service": referral.service_name,
                "date": referral.follow_up_on.strftime("%d/%m/%Y"),
                "path": reverse("referrals:overdue", urlconf="kentro.urls_tenant"),
            },
            from_email=None,
            recipient_list=[referral.created_by.email],
        )
        Referral.objects.filter(pk=referral.pk).update(reminded_on=today)
        sent += 1
    return {"schema": connection.schema_name, "reminders": sent}
