"""Provisioning of Community Centres: the one way tenants, domains and units are made."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import schema_exists

from geography.models import Municipality
from tenants.models import Domain, Tenant, Unit

SUBDOMAIN_RE = re.compile(r"^[a-z][a-z0-9-]{1,61}[a-z0-9]$")
# Hosts that must never become a centre: they name the platform's own services.
RESERVED_SUBDOMAINS = frozenset(
    {"www", "api", "admin", "static", "media", "mail", "public", "ministry", "support", "kentro"}
)


@dataclass(frozen=True)
class PartnerSpec:
    """A partner municipality served by the centre, with its own subdomain."""

    municipality: Municipality
    subdomain: str


@dataclass(frozen=True)
class UnitSpec:
    kind: str
    name: str
    address: str = ""
    municipalities: Sequence[Municipality] = ()


def schema_name_for(slug: str) -> str:
    return slug.replace("-", "_")


def host_for(subdomain: str) -> str:
    return f"{subdomain}.{settings.KENTRO_BASE_DOMAIN}"


def ensure_base_schema(verbosity: int = 0) -> None:
    """Create the template schema new tenants are cloned from, and keep it migrated."""
    base = settings.TENANT_BASE_SCHEMA
    connection.set_schema_to_public()
    if not schema_exists(base):
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{base}"')
    call_command(
        "migrate_schemas", tenant=True, schema_name=base, interactive=False, verbosity=verbosity
    )
    connection.set_schema_to_public()


def _validate_subdomain(subdomain: str) -> None:
    if not SUBDOMAIN_RE.match(subdomain) or "--" in subdomain:
        raise ValidationError(
            _(
                "«%(value)s» is not a valid subdomain: use 3–63 lower-case Latin letters, "
                "digits and single hyphens, starting with a letter."
            )
            % {"value": subdomain}
        )
    if subdomain in RESERVED_SUBDOMAINS:
        raise ValidationError(_("«%(value)s» is reserved.") % {"value": subdomain})
    if Domain.objects.filter(domain=host_for(subdomain)).exists():
        raise ValidationError(
            _("The host %(host)s is already in use.") % {"host": host_for(subdomain)}
        )


def _validate_municipalities(municipalities: Sequence[Municipality]) -> None:
    served_elsewhere = (
        Tenant.municipalities.through.objects.filter(
            municipality__in=municipalities, tenant__is_active=True
        )
        .select_related("municipality", "tenant")
        .first()
    )
    if served_elsewhere is not None:
        raise ValidationError(
            _("The municipality %(municipality)s is already served by %(centre)s.")
            % {
                "municipality": served_elsewhere.municipality.name,
                "centre": served_elsewhere.tenant.name,
            }
        )


def provision_tenant(
    *,
    slug: str,
    name: str,
    lead_municipality: Municipality,
    partners: Sequence[PartnerSpec] = (),
    units: Sequence[UnitSpec] = (),
    espa_code: str = "",
    funding_programme: str = "",
) -> Tenant:
    """Create a centre: its schema (cloned from the base schema), domains and units.

    Everything happens in one transaction: on any error no schema, tenant or domain
    is left behind.
    """
    subdomains = [slug, *(partner.subdomain for partner in partners)]
    if len(set(subdomains)) != len(subdomains):
        raise ValidationError(_("Each municipality needs its own subdomain."))
    for subdomain in subdomains:
        _validate_subdomain(subdomain)
    served = [lead_municipality, *(partner.municipality for partner in partners)]
    if len({m.pk for m in served}) != len(served):
        raise ValidationError(_("A municipality is listed twice."))
    _validate_municipalities(served)

    if not schema_exists(settings.TENANT_BASE_SCHEMA):
        ensure_base_schema()

    with transaction.atomic():
        tenant = Tenant(
            schema_name=schema_name_for(slug),
            slug=slug,
            name=name,
            lead_municipality=lead_municipality,
            espa_code=espa_code,
            funding_programme=funding_programme,
        )
        tenant.save(verbosity=0)
        tenant.municipalities.set(served)
        Domain.objects.create(
            domain=host_for(slug), tenant=tenant, is_primary=True, municipality=lead_municipality
        )
        for partner in partners:
            Domain.objects.create(
                domain=host_for(partner.subdomain),
                tenant=tenant,
                is_primary=False,
                municipality=partner.municipality,
            )
        for spec in units:
            unit = Unit.objects.create(
                tenant=tenant, kind=spec.kind, name=spec.name, address=spec.address
            )
            unit.municipalities.set(spec.municipalities or [lead_municipality])
    connection.set_schema_to_public()
    return tenant
