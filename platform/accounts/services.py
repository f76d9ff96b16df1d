"""Changes to accounts: inviting staff, accepting invitations, granting roles."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Invitation, Membership, User
from accounts.roles import INVITABLE_BY_COORDINATOR, PUBLIC_ROLES, TENANT_ROLES, Role
from geography.models import Municipality
from tenants.models import Tenant, Unit


def may_invite_to(*, inviter: User, tenant: Tenant | None) -> bool:
    """Platform operators invite anywhere; an unrestricted coordinator into their centre."""
    from accounts.access import is_platform_operator

    if is_platform_operator(inviter):
        return True
    return (
        tenant is not None
        and Membership.objects.filter(
            user=inviter,
            tenant=tenant,
            role=Role.COORDINATOR,
            is_active=True,
            municipality__isnull=True,
        ).exists()
    )


def can_invite(*, inviter: User, tenant: Tenant | None, role: str) -> bool:
    from accounts.access import is_platform_operator

    if is_platform_operator(inviter):
        return True
    return role in INVITABLE_BY_COORDINATOR and may_invite_to(inviter=inviter, tenant=tenant)


def _validate_grant(
    *, tenant: Tenant | None, role: str, municipality: Municipality | None, unit: Unit | None
) -> None:
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    if tenant is None and role not in PUBLIC_ROLES:
        raise ValidationError(_("This role belongs to a centre: choose the centre."))
    if tenant is not None and role not in TENANT_ROLES:
        raise ValidationError(_("This role belongs to the public portal, not to a centre."))
    if role == Role.PARTNER_STAFF and municipality is None:
        raise ValidationError(_("Partner-municipality staff must be limited to a municipality."))
    if municipality is not None and (
        tenant is None or not tenant.municipalities.filter(pk=municipality.pk).exists()
    ):
        raise ValidationError(_("The centre does not serve this municipality."))
    if unit is not None and (tenant is None or unit.tenant_id != tenant.pk):
        raise ValidationError(_("The unit belongs to another centre."))


def invitation_url(invitation: Invitation) -> str:
    host = (
        invitation.tenant.get_primary_domain().domain
        if invitation.tenant_id
        else settings.KENTRO_BASE_DOMAIN
    )
    if invitation.municipality_id and invitation.tenant_id:
        domain = invitation.tenant.domains.filter(municipality=invitation.municipality).first()
        host = domain.domain if domain else host
    scheme = "https" if settings.PRODUCTION else "http"
    return f"{scheme}://{host}/invitations/{invitation.token}/"


def invite_staff(
    *,
    inviter: User,
    email: str,
    tenant: Tenant | None,
    role: str,
    municipality: Municipality | None = None,
    unit: Unit | None = None,
) -> Invitation:
    """Invite a person by email to a role; sends the invitation link."""
    if not can_invite(inviter=inviter, tenant=tenant, role=role):
        raise PermissionDenied(_("You may not invite people to this role."))
    _validate_grant(tenant=tenant, role=role, municipality=municipality, unit=unit)
    email = email.strip().lower()
    if tenant is not None and Membership.objects.filter(user__email=email, tenant=tenant).exists():
        raise ValidationError(_("This person is already a member of the centre."))
    invitation = Invitation.objects.create(
        email=email,
        tenant=tenant,
        role=role,
        municipality=municipality,
        unit=unit,
        invited_by=inviter,
    )
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    send_mail(
        subject=_("Invitation to Kentro"),
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return invitation


@transaction.atomic
def accept_invitation(
    *, invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """Turn an invitation into a membership, creating the user if they are new.

    A person who already has a Kentro account proves it with their current password.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or has already been used."))
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User(email=invitation.email, first_name=first_name, last_name=last_name)
        validate_password(password, user)
        user.set_password(password)
        user.save()
    elif not user.check_password(password):
        raise ValidationError(_("The password is not correct for your existing account."))
    grant_role(
        user=user,
        tenant=invitation.tenant,
        role=invitation.role,
        municipality=invitation.municipality,
        unit=invitation.unit,
    )
    _mark_email_verified(user)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


def grant_role(
    *,
    user: User,
    tenant: Tenant | None,
    role: str,
    municipality: Municipality | None = None,
    unit: Unit | None = None,
) -> Membership:
    """Give a user a role in a centre (or on the portal). Platform operators get the admin."""
    _validate_grant(tenant=tenant, role=role, municipality=municipality, unit=unit)
    if tenant is None:
        membership, _created = Membership.objects.update_or_create(
            user=user, tenant=None, role=role, defaults={"is_active": True}
        )
    else:
        membership, _created = Membership.objects.update_or_create(
            user=user,
            tenant=tenant,
            defaults={"role": role, "municipality": municipality, "unit": unit, "is_active": True},
        )
    if role == Role.PLATFORM_OPERATOR and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return membership


def _mark_email_verified(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
