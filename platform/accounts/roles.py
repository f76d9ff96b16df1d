"""Who may do what: the roles of Kentro's staff and how they combine with tenancy."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    LAWYER = "lawyer", _("Lawyer")
    INTERCULTURAL_MEDIATOR = "intercultural_mediator", _("Intercultural mediator")
    ADMINISTRATIVE = "administrative", _("Administrative staff")
    PARTNER_STAFF = "partner_staff", _("Partner-municipality staff")
    MINISTRY_ANALYST = "ministry_analyst", _("Ministry analyst")
    SUPPORT_AGENT = "support_agent", _("Support-desk agent")
    PLATFORM_OPERATOR = "platform_operator", _("Platform operator")
    DIRECTORY_EDITOR = "directory_editor", _("Directory editor")


# Roles held inside one Community Centre (a tenant) and roles held on the public portal.
# Public roles never grant access to a tenant's personal data.
TENANT_ROLES = frozenset(
    {
        Role.COORDINATOR,
        Role.SOCIAL_WORKER,
        Role.PSYCHOLOGIST,
        Role.LAWYER,
        Role.INTERCULTURAL_MEDIATOR,
        Role.ADMINISTRATIVE,
        Role.PARTNER_STAFF,
    }
)
PUBLIC_ROLES = frozenset(
    {Role.MINISTRY_ANALYST, Role.SUPPORT_AGENT, Role.PLATFORM_OPERATOR, Role.DIRECTORY_EDITOR}
)

# Who may invite whom: a coordinator invites staff of their own centre; a platform
# operator invites anyone, anywhere.
INVITABLE_BY_COORDINATOR = TENANT_ROLES
