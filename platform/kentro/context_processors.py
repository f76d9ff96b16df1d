from django.conf import settings

from accounts.access import membership_for_request


def kentro(request) -> dict:
    """What every page shows in its header: the centre, the unit, the municipality in view."""
    tenant = getattr(request, "tenant", None)
    membership = membership_for_request(request) if hasattr(request, "user") else None
    return {
        "kentro_tenant": tenant,
        "kentro_municipality": getattr(request, "municipality", None),
        "kentro_membership": membership,
        "kentro_unit": membership.unit if membership is not None else None,
        "kentro_is_partner_host": (
            tenant is not None
            and getattr(request, "municipality", None) is not None
            and request.municipality.pk != tenant.lead_municipality_id
        ),
        "kentro_base_domain": settings.KENTRO_BASE_DOMAIN,
    }
