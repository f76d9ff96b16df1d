"""Reads for the portal and centre home pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from accounts.models import Membership
from geography.models import Municipality
from tenants.models import Tenant, Unit


@dataclass
class CentreLink:
    tenant: Tenant
    url: str
    municipalities: list[Municipality]


def public_centres() -> list[CentreLink]:
    scheme = "https" if settings.PRODUCTION else "http"
    centres = (
        Tenant.objects.filter(is_active=True)
        .prefetch_related("municipalities", "domains")
        .order_by("name")
    )
    links = []
    for tenant in centres:
        primary = next((d for d in tenant.domains.all() if d.is_primary), None)
        if primary is None:
            continue
        links.append(
            CentreLink(
                tenant=tenant,
                url=f"{scheme}://{primary.domain}/",
                municipalities=sorted(tenant.municipalities.all(), key=lambda m: m.name),
            )
        )
    return links


@dataclass
class CentreOverview:
    units: list[Unit]
    municipalities: list[Municipality]
    staff: list[Membership]


def centre_overview(*, tenant: Tenant, membership: Membership) -> CentreOverview:
    """The centre as the member sees it; members limited to one municipality see only it."""
    units = Unit.objects.filter(tenant=tenant).prefetch_related("municipalities")
    municipalities = tenant.municipalities.order_by("name")
    staff = (
        Membership.objects.filter(tenant=tenant, is_active=True)
        .select_related("user", "unit", "municipality")
        .order_by("role", "user__last_name", "user__email")
    )
    if membership.municipality_id is not None:
        units = units.filter(municipalities=membership.municipality_id)
        municipalities = municipalities.filter(pk=membership.municipality_id)
        staff = staff.filter(municipality=membership.municipality_id)
    return CentreOverview(units=list(units), municipalities=list(municipalities), staff=list(staff))
