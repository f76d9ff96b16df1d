"""The only way casework code reaches a person: through the acting member's access.

As in Zulip's access helpers, a view cannot fetch a beneficiary any other way. A person
outside the member's reach (another centre: another schema; another municipality for
partner staff) is "not found", exactly like one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from accounts.access import membership_for_request
from accounts.models import Membership, User
from casework import audit
from casework.models import AuditEvent, Beneficiary
from casework.permissions import Action, role_may


@dataclass(frozen=True)
class Actor:
    """A member acting in their centre: who they are, their role and their reach."""

    user: User
    membership: Membership
    request: HttpRequest | None = None

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def municipality_id(self) -> int | None:
        return self.membership.municipality_id

    def may(self, action: Action) -> bool:
        return role_may(self.role, action)

    def require(self, action: Action) -> None:
        if not self.may(action):
            raise PermissionDenied(_("Your role does not allow this."))


def actor_for(request: HttpRequest) -> Actor:
    membership = membership_for_request(request)
    if membership is None or membership.tenant_id is None:
        raise Http404
    return Actor(user=request.user, membership=membership, request=request)


def people_in_reach(actor: Actor, *, include_merged: bool = False) -> QuerySet[Beneficiary]:
    people = Beneficiary.objects.all()
    if not include_merged:
        people = people.filter(merged_into__isnull=True)
    if actor.municipality_id is not None:
        people = people.filter(municipality_id=actor.municipality_id)
    return people


def beneficiary_for(
    actor: Actor, beneficiary_id: int, action: Action, *, audit_action: str = AuditEvent.Action.VIEW
) -> Beneficiary:
    """The person with this id, if the actor may reach them for `action`; audited.

    Reach is checked before the role: someone outside reach gets 404 whatever their
    role, so a 403 never confirms that the person exists."""
    person = people_in_reach(actor, include_merged=True).filter(pk=beneficiary_id).first()
    if person is None:
        raise Http404
    actor.require(action)
    audit.record(
        request=actor.request,
        user=actor.user,
        action=audit_action,
        obj=person,
        beneficiary_id=person.pk,
        detail={"for": str(action)},
    )
    return person
