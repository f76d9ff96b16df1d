"""Host → tenant resolution, cached so that a request costs no database query for it."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from geography.models import Municipality
from tenants.models import Domain, Tenant


@dataclass(frozen=True)
class HostContext:
    """What a host opens: a tenant in one municipality's context, or the public portal."""

    tenant: Tenant | None
    municipality: Municipality | None

    @property
    def is_public(self) -> bool:
        return self.tenant is None


PUBLIC = HostContext(tenant=None, municipality=None)
_UNKNOWN = "unknown"


def host_cache_key(hostname: str) -> str:
    return f"kentro:host:{hostname}"


def _lookup(hostname: str) -> HostContext | None:
    if hostname == settings.KENTRO_BASE_DOMAIN:
        return PUBLIC
    domain = (
        Domain.objects.select_related("tenant", "municipality")
        .filter(domain=hostname, tenant__is_active=True)
        .first()
    )
    if domain is None:
        return None
    return HostContext(tenant=domain.tenant, municipality=domain.municipality)


def resolve_host(hostname: str) -> HostContext | None:
    """Return the context a host opens, or None for a host that opens nothing."""
    hostname = hostname.lower().rstrip(".")
    key = host_cache_key(hostname)
    # The domain table lives in the public schema; key it there whatever the
    # connection's current schema, so the same host always hits the same entry.
    connection.set_schema_to_public()
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _UNKNOWN else cached
    context = _lookup(hostname)
    cache.set(key, _UNKNOWN if context is None else context, settings.KENTRO_DOMAIN_CACHE_SECONDS)
    return context


def forget_host(hostname: str) -> None:
    connection.set_schema_to_public()
    cache.delete(host_cache_key(hostname.lower()))
