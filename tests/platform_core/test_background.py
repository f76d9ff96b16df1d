"""A task sent inside a tenant runs inside that tenant, through a real Celery worker."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection

from kentro.celery import app
from tenants.tasks import fan_out, housekeeping


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


def test_a_task_sent_inside_a_tenant_runs_inside_it(world, celery_worker):
    connection.set_tenant(world.lamia)
    result = housekeeping.delay()
    connection.set_schema_to_public()
    assert result.get(timeout=20)["schema"] == "lamia"


def test_periodic_work_fans_out_to_every_active_tenant(world, celery_worker):
    task_ids = fan_out.delay("tenants.tasks.housekeeping").get(timeout=20)
    schemas = {app.AsyncResult(task_id).get(timeout=20)["schema"] for task_id in task_ids}
    assert schemas == {"lamia", "larissa", "kalamata"}
