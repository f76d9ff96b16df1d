"""Clients on a given host, signed in where that host keeps its sessions."""

from __future__ import annotations

from django.db import connection
from django.test import Client


def host(name: str | None) -> str:
    """The host of a centre's subdomain, or of the public portal when name is None."""
    from django.conf import settings

    return f"{name}.{settings.KENTRO_BASE_DOMAIN}" if name else settings.KENTRO_BASE_DOMAIN


def client_on(name: str | None) -> Client:
    return Client(HTTP_HOST=host(name))


def signed_in(user, name: str | None, tenant=None) -> Client:
    """A client with a session for `user` stored where that host keeps its sessions."""
    client = client_on(name)
    if tenant is not None:
        connection.set_tenant(tenant)
    try:
        client.force_login(user, backend="accounts.backends.MemberAuthenticationBackend")
    finally:
        connection.set_schema_to_public()
    return client
