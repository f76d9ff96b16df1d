"""Who may be where: the single place that answers 'is this user a member here?'."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.models import Membership, User
from accounts.roles import PUBLIC_ROLES, Role
from geography.models import Municipality
from tenants.models import Tenant


def membership_for_host(
    user: User, tenant: Tenant | None, municipality: Municipality | None
) -> Membership | None:
    """The active membership that lets `user` work on a host, or None.

    On a centre's host: the user's membership of that centre, provided that a member
    limited to one municipality is on that municipality's host. On the public portal:
    the user's public role (ministry, support desk, platform operator).
    """
    if not user.is_authenticated or not user.is_active:
        return None
    if tenant is None:
        return (
            Membership.objects.filter(user=user, tenant__isnull=True, is_active=True)
            .order_by("role")
            .first()
        )
    membership = (
        Membership.objects.select_related("unit", "municipality")
        .filter(user=user, tenant=tenant, is_active=True)
        .first()
    )
    if membership is None:
        return None
    if membership.municipality_id is not None and (
        municipality is None or municipality.pk != membership.municipality_id
    ):
        return None
    return membership


def membership_for_request(request: HttpRequest) -> Membership | None:
    """Memoised per request: the membership of the request's user on the request's host."""
    if not hasattr(request, "_kentro_membership"):
        request._kentro_membership = membership_for_host(
            request.user, getattr(request, "tenant", None), getattr(request, "municipality", None)
        )
    return request._kentro_membership


def has_public_role(user: User, *roles: Role) -> bool:
    wanted = set(roles) or set(PUBLIC_ROLES)
    return Membership.objects.filter(
        user=user, tenant__isnull=True, is_active=True, role__in=wanted
    ).exists()


def is_platform_operator(user: User) -> bool:
    return (
        user.is_authenticated and user.is_active and has_public_role(user, Role.PLATFORM_OPERATOR)
    )
