"""The referral lifecycle as one table: which transition leads from which statuses to which,
and which side may make it.

    draft ──send──▶ sent ──accept──▶ accepted ──start──▶ in progress ──complete──▶ completed
      │               │                 │                    │            (with an outcome)
      │               └──reject──▶ rejected (with a reason)  │
      └──cancel───────┴──▶ cancelled      └──revoke──────────┴──▶ revoked

Sender side: the referring centre's caseworkers. Receiving side: for a live referral, the
staff of the centre that provides the service; for a logged referral the outside service
is not on Kentro, so the caseworker records its answers and the sender makes every move.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.models.referrals import ReferralKind, ReferralOutcome, ReferralStatus

S = ReferralStatus


class Transition(StrEnum):
    SEND = "send"
    ACCEPT = "accept"
    REJECT = "reject"
    START = "start"
    COMPLETE = "complete"
    CANCEL = "cancel"
    REVOKE = "revoke"


class Side(StrEnum):
    SENDER = "sender"
    RECEIVER = "receiver"


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str
    # Who makes the move on a live referral (on a logged one the sender makes every move).
    live_side: Side
    label: str | Promise
    needs_reason: bool = False
    needs_outcome: bool = False


TRANSITIONS: dict[Transition, Rule] = {
    Transition.SEND: Rule(frozenset({S.DRAFT}), S.SENT, Side.SENDER, gettext_lazy("Send")),
    Transition.ACCEPT: Rule(frozenset({S.SENT}), S.ACCEPTED, Side.RECEIVER, gettext_lazy("Accept")),
    Transition.REJECT: Rule(
        frozenset({S.SENT}), S.REJECTED, Side.RECEIVER, gettext_lazy("Reject"), needs_reason=True
    ),
    Transition.START: Rule(
        frozenset({S.ACCEPTED}), S.IN_PROGRESS, Side.RECEIVER, gettext_lazy("Mark in progress")
    ),
    Transition.COMPLETE: Rule(
        frozenset({S.IN_PROGRESS}),
        S.COMPLETED,
        Side.RECEIVER,
        gettext_lazy("Complete with an outcome"),
        needs_outcome=True,
    ),
    # Before acceptance the sender simply withdraws it; after, the receiving side was
    # already working on it, so it is revoked (and told so).
    Transition.CANCEL: Rule(
        frozenset({S.DRAFT, S.SENT}), S.CANCELLED, Side.SENDER, gettext_lazy("Cancel")
    ),
    Transition.REVOKE: Rule(
        frozenset({S.ACCEPTED, S.IN_PROGRESS}), S.REVOKED, Side.SENDER, gettext_lazy("Revoke")
    ),
}

FINAL = frozenset({S.REJECTED, S.COMPLETED, S.CANCELLED, S.REVOKED})


def side_for(transition: Transition, kind: str) -> Side:
    """The side that makes this move on a referral of this kind."""
    if kind == ReferralKind.LOGGED:
        return Side.SENDER
    return TRANSITIONS[transition].live_side


def check(
    *,
    status: str,
    transition: Transition | str,
    kind: str,
    side: Side,
    reason: str = "",
    outcome: str = "",
) -> Rule:
    """The rule for this move, or PermissionDenied / ValidationError saying why not.

    Pure: looks at values only, so a refusal can never have changed anything."""
    try:
        transition = Transition(transition)
    except ValueError:
        raise ValidationError(_("Unknown referral action.")) from None
    rule = TRANSITIONS[transition]
    if side != side_for(transition, kind):
        if side == Side.SENDER:
            raise PermissionDenied(
                _("Only the receiving centre answers a live referral: it must %(action)s it.")
                % {"action": str(rule.label).lower()}
            )
        raise PermissionDenied(_("Only the referring centre may do this."))
    if status not in rule.sources:
        raise ValidationError(
            _("A referral that is %(status)s cannot be changed this way (%(action)s).")
            % {"status": S(status).label.lower(), "action": str(rule.label).lower()}
        )
    if rule.needs_reason and not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for rejecting the referral.")]})
    if rule.needs_outcome and outcome not in ReferralOutcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome of the referral.")]})
    return rule


def available(*, status: str, kind: str, side: Side) -> list[Transition]:
    """The moves this side may make now (for the buttons of a page)."""
    return [
        transition
        for transition, rule in TRANSITIONS.items()
        if status in rule.sources and side_for(transition, kind) == side
    ]
