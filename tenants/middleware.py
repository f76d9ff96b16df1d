"""Pick the tenant from the request's host and point the database connection at it."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render

from tenants.resolution import resolve_host


class TenantResolutionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        hostname, _port = split_domain_port(request.get_host())
        context = resolve_host(hostname)
        if context is None:
            # Never fall back to another tenant or to the portal: say plainly that
            # nothing lives here.
            request.tenant = None
            request.municipality = None
            return render(request, "kentro/unknown_host.html", {"host": hostname}, status=404)

        request.tenant = context.tenant
        request.municipality = context.municipality
        if context.tenant is None:
            connection.set_schema_to_public()
            request.urlconf = settings.PUBLIC_SCHEMA_URLCONF
        else:
            connection.set_tenant(context.tenant)
            request.urlconf = settings.ROOT_URLCONF
        try:
            return self.get_response(request)
        finally:
            # A pooled connection must not carry this tenant into the next request.
            connection.set_schema_to_public()
