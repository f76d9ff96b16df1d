"""Follow-up reminders fire through a real Celery worker, for overdue referrals only.

The worker runs in its own thread with its own database connection, so it sees committed
data only: this test commits its referrals (like the browser tests) and removes them after.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection
from django.utils import timezone

from kentro.celery import app
from tenants.tasks import fan_out
from tests.casework.conftest import actor_of, municipality


@pytest.fixture(scope="module")
def celery_worker(django_db_blocker):
    app.conf.update(
        broker_url="memory://",
        broker_transport_options={},
        result_backend="cache+memory://",
        task_ignore_result=False,
    )
    with django_db_blocker.unblock(), start_worker(app, pool="solo", perform_ping_check=False):
        yield


@pytest.fixture
def lamia_referrals(_world, django_db_blocker):
    """Committed: one overdue open referral, one open but not yet due, one overdue but
    completed. Removed afterwards (the append-only audit trail stays)."""
    from casework.models import Beneficiary, Referral, ReferralEvent
    from casework.models.referrals import ReferralOutcome, ReferralStatus
    from casework.referrals.services import referral_create
    from casework.registry import beneficiary_register
    from directory.models import Organization, Service

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        organization = Organization.objects.create(name="ΚΕΠΑ Φθιώτιδας", description="ΚΕΠΑ")
        service = Service.objects.create(organization=organization, name="Πιστοποίηση αναπηρίας")
        actor = actor_of(_world.bob, _world.lamia)
        person = beneficiary_register(
            actor=actor,
            data={
                "first_name": "Ξενοφών",
                "last_name": "Υπενθυμίδης",
                "birth_date": date(1961, 2, 3),
                "municipality": municipality("9160"),
            },
            confirm_not_duplicate=True,
        )
        soon = timezone.localdate() + timedelta(days=5)

        def referral(reason: str) -> Referral:
            return referral_create(
                actor=actor, person=person, service_id=service.pk, reason=reason, follow_up_on=soon
            )

        overdue, not_due, closed = referral("overdue"), referral("not due"), referral("closed")
        past = timezone.localdate() - timedelta(days=3)
        # Time passes: the follow-up dates of two of them are now behind us.
        Referral.objects.filter(pk__in=[overdue.pk, closed.pk]).update(follow_up_on=past)
        Referral.objects.filter(pk=closed.pk).update(
            status=ReferralStatus.COMPLETED, outcome=ReferralOutcome.GOT_HELP
        )
        connection.set_schema_to_public()
    yield overdue, not_due, closed
    with django_db_blocker.unblock():
        connection.set_tenant(_world.lamia)
        try:
            ids = [overdue.pk, not_due.pk, closed.pk]
            ReferralEvent.objects.filter(referral_id__in=ids).delete()
            Referral.documents.through.objects.filter(referral_id__in=ids).delete()
            Referral.objects.filter(pk__in=ids).delete()
            Beneficiary.objects.filter(pk=person.pk).delete()
        finally:
            connection.set_schema_to_public()
        Service.all_objects.filter(pk=service.pk).delete()
        Organization.all_objects.filter(pk=organization.pk).delete()


def test_reminders_fire_for_overdue_referrals_only(_world, lamia_referrals, celery_worker):
    from casework.models import Referral

    overdue, not_due, closed = lamia_referrals
    mail.outbox.clear()

    task_ids = fan_out.delay("casework.referrals.tasks.referral_reminders").get(timeout=30)
    reports = {r["schema"]: r for r in (app.AsyncResult(t).get(timeout=30) for t in task_ids)}
    assert set(reports) == {"lamia", "larissa", "kalamata"}
    assert reports["lamia"]["reminders"] == 1
    assert reports["larissa"]["reminders"] == reports["kalamata"]["reminders"] == 0

    assert [message.to for message in mail.outbox] == [[_world.bob.email]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert "Πιστοποίηση αναπηρίας" in body
    assert "Ξενοφών" not in body and "Υπενθυμίδης" not in body

    connection.set_tenant(_world.lamia)
    reminded = dict(
        Referral.objects.filter(pk__in=[overdue.pk, not_due.pk, closed.pk]).values_list(
            "pk", "reminded_on"
        )
    )
    assert reminded == {overdue.pk: timezone.localdate(), not_due.pk: None, closed.pk: None}
    connection.set_schema_to_public()

    # Once per follow-up date: a second run reminds nobody again.
    task_ids = fan_out.delay("casework.referrals.tasks.referral_reminders").get(timeout=30)
    assert sum(app.AsyncResult(t).get(timeout=30)["reminders"] for t in task_ids) == 0
    assert len(mail.outbox) == 1


def test_the_beat_schedule_fans_the_reminders_out():
    entries = [e for e in app.conf.beat_schedule.values() if e["task"] == "tenants.tasks.fan_out"]
    assert ("casework.referrals.tasks.referral_reminders",) in [e["args"] for e in entries]
