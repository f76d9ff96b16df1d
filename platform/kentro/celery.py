"""The Celery app. Tasks sent inside a tenant run inside that tenant (tenant-schemas-celery)."""

import os

from celery.schedules import crontab
from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentro.settings")

app = CeleryApp("kentro")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Capabilities inside an app keep their tasks beside them (not in the app's tasks.py).
app.autodiscover_tasks(["casework.referrals"])

# Periodic work is a public-schema task that fans out one task per active centre.
app.conf.beat_schedule = {
    "housekeeping-every-centre": {
        "task": "tenants.tasks.fan_out",
        "schedule": crontab(minute=17),
        "args": ("tenants.tasks.housekeeping",),
    },
    "document-expiry-every-centre": {
        "task": "tenants.tasks.fan_out",
        "schedule": crontab(hour=7, minute=5),
        "args": ("casework.tasks.document_expiry_reminders",),
    },
    "referral-follow-up-every-centre": {
        "task": "tenants.tasks.fan_out",
        "schedule": crontab(hour=7, minute=15),
        "args": ("casework.referrals.tasks.referral_reminders",),
    },
    "retention-every-centre": {
        "task": "tenants.tasks.fan_out",
        "schedule": crontab(hour=3, minute=30),
        "args": ("casework.tasks.retention",),
    },
}
