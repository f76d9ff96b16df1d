"""Tenant provisioning: cloning the base schema vs replaying every migration.

uv run python bench/provisioning.py [--runs 5]
"""

from __future__ import annotations

import argparse

from common import bench_database, setup_django, summary, timed

# Municipalities with no centre in the benchmark database: one per provisioned tenant.
CODES = [
    "9001",
    "9002",
    "9003",
    "9004",
    "9005",
    "9006",
    "9007",
    "9008",
    "9009",
    "9010",
    "9011",
    "9012",
    "9013",
    "9014",
    "9015",
    "9016",
    "9017",
    "9018",
    "9019",
    "9020",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    setup_django()
    from django.test import override_settings

    from geography.models import Municipality
    from tenants.services import ensure_base_schema, provision_tenant

    with bench_database():
        ensure_base_schema()
        municipalities = iter(Municipality.objects.filter(code__in=CODES).order_by("code"))

        def provision(slug: str) -> None:
            provision_tenant(slug=slug, name=slug, lead_municipality=next(municipalities))

        cloned = [timed(lambda i=i: provision(f"clone-{i}")) for i in range(runs)]
        with override_settings(TENANT_CREATION_FAKES_MIGRATIONS=False):
            migrated = [timed(lambda i=i: provision(f"migrate-{i}")) for i in range(runs)]

    print(f"provision by cloning the base schema: {summary(cloned)}")
    print(f"provision by running the migrations:  {summary(migrated)}")


if __name__ == "__main__":
    main()
