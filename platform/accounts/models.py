"""People and their access: one identity per person, memberships per centre."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import PUBLIC_ROLES, TENANT_ROLES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        user = self._create_user(email, password, **extra)
        Membership.objects.get_or_create(user=user, tenant=None, role=Role.PLATFORM_OPERATOR)
        return user


class User(AbstractUser):
    """A person who works with Kentro. Lives in the public schema; identified by email."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class RoleGrant(models.Model):
    """A role in a centre (tenant), or on the public portal when `tenant` is empty.

    `municipality` limits the holder to one of the centre's served municipalities
    (partner-municipality staff inside the lead's tenant).
    """

    tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("centre"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("limited to municipality"),
    )
    unit = models.ForeignKey(
        "tenants.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )

    class Meta:
        abstract = True


class Membership(RoleGrant):
    """A user's role in one centre (tenant), or on the public portal when tenant is empty.

    `municipality` limits a member of a multi-municipality centre to one served
    municipality (partner-municipality staff inside the lead's tenant).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "tenant"], name="one_membership_per_user_and_centre"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(tenant__isnull=True),
                name="one_public_membership_per_role",
            ),
            models.CheckConstraint(
                name="public_roles_have_no_centre",
                condition=(
                    Q(tenant__isnull=True, role__in=sorted(PUBLIC_ROLES), municipality__isnull=True)
                    | Q(tenant__isnull=False, role__in=sorted(TENANT_ROLES))
                ),
            ),
            models.CheckConstraint(
                name="partner_staff_are_limited_to_a_municipality",
                condition=~Q(role=Role.PARTNER_STAFF) | Q(municipality__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        where = self.tenant.name if self.tenant_id else _("public portal")
        return f"{self.user} – {self.get_role_display()} – {where}"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.KENTRO_INVITATION_DAYS)


class Invitation(RoleGrant):
    """An invitation to join a centre (or the public portal) in a role. No public sign-up."""

    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
