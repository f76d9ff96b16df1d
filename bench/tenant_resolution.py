"""Per-request cost of tenant resolution, with the cached domain lookup and without.

uv run python bench/tenant_resolution.py [--requests 5000]
"""

from __future__ import annotations

import argparse

from common import bench_database, setup_django, summary, timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5000)
    requests = parser.parse_args().requests
    setup_django()
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.test import RequestFactory

    from geography.models import Municipality
    from tenants.middleware import TenantResolutionMiddleware
    from tenants.services import PartnerSpec, provision_tenant

    with bench_database():
        kalamata = Municipality.objects.get(code="9254")
        provision_tenant(
            slug="kalamata",
            name="Kalamata",
            lead_municipality=kalamata,
            partners=[PartnerSpec(Municipality.objects.get(code="9256"), "oichalia")],
        )
        middleware = TenantResolutionMiddleware(lambda request: HttpResponse())
        factory = RequestFactory()

        def one_request() -> None:
            middleware(factory.get("/", HTTP_HOST="oichalia.kentro.localhost"))

        def uncached_request() -> None:
            cache.clear()
            one_request()

        for _ in range(200):  # warm up
            one_request()
        cached = [timed(one_request) for _ in range(requests)]
        uncached = [timed(uncached_request) for _ in range(requests)]

    print(f"tenant resolution, cached lookup:   {summary(cached, 'µs', 1e6)}")
    print(f"tenant resolution, uncached lookup: {summary(uncached, 'µs', 1e6)}")


if __name__ == "__main__":
    main()
