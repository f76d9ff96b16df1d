"""Shared set-up for the benchmarks: Django on a throwaway database, like the tests."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kentro.settings")
    os.environ.setdefault("TEST_DATABASE_NAME", "kentro_bench")
    import django

    django.setup()


@contextmanager
def bench_database() -> Iterator[None]:
    """Create (and afterwards drop) a fresh migrated database for the benchmark."""
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def summary(samples: list[float], unit: str = "s", scale: float = 1.0) -> str:
    values = sorted(sample * scale for sample in samples)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return (
        f"median {statistics.median(values):.3f} {unit}, p95 {p95:.3f} {unit}, "
        f"min {values[0]:.3f} {unit}, n={len(values)}"
    )


def demo_centre(slug: str):
    """One demo centre (base schema, tenant, demo staff), as `kentro up` makes it."""
    from faker import Faker

    from tenants.demo import DEMO_CENTRES, create_demo_centre, create_demo_staff
    from tenants.services import ensure_base_schema

    ensure_base_schema()
    tenant = create_demo_centre(next(c for c in DEMO_CENTRES if c.slug == slug))
    create_demo_staff(tenant, Faker("el_GR"))
    return tenant


def signed_in_client(tenant, user):
    """A test client on the centre's host with a session for `user`.

    Sessions live in the centre's schema, so the login happens there."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=tenant.get_primary_domain().domain)
    connection.set_tenant(tenant)
    client.force_login(user, backend="accounts.backends.MemberAuthenticationBackend")
    connection.set_schema_to_public()
    return client
