"""Every (status, transition, kind, side) of the referral lifecycle, against the table.

The expectations are written out here independently of casework.referrals.lifecycle, so a
change to the table that is not a change to the specification fails. Allowed moves
succeed on a real referral; every other one is refused with a clear message and changes
nothing (status, history, envelope)."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.models.referrals import ReferralKind, ReferralOutcome, ReferralStatus
from casework.referrals import lifecycle
from casework.referrals.lifecycle import Side, Transition

S, T = ReferralStatus, Transition

# The specification: draft → sent → accepted / rejected → in progress → completed;
# cancelled by the sender before acceptance, revoked by the sender after it.
SPEC = {
    T.SEND: ({S.DRAFT}, S.SENT, Side.SENDER),
    T.ACCEPT: ({S.SENT}, S.ACCEPTED, Side.RECEIVER),
    T.REJECT: ({S.SENT}, S.REJECTED, Side.RECEIVER),
    T.START: ({S.ACCEPTED}, S.IN_PROGRESS, Side.RECEIVER),
    T.COMPLETE: ({S.IN_PROGRESS}, S.COMPLETED, Side.RECEIVER),
    T.CANCEL: ({S.DRAFT, S.SENT}, S.CANCELLED, Side.SENDER),
    T.REVOKE: ({S.ACCEPTED, S.IN_PROGRESS}, S.REVOKED, Side.SENDER),
}


def expected_side(transition: Transition, kind: str) -> Side:
    # On a logged referral the caseworker records the outside service's answers.
    return Side.SENDER if kind == ReferralKind.LOGGED else SPEC[transition][2]


CASES = list(
    itertools.product(S.values, list(T), ReferralKind.values, [Side.SENDER, Side.RECEIVER])
)


def _arguments(transition: Transition) -> dict[str, str]:
    return {"reason": "Δεν υπάρχει διαθέσιμη θέση", "outcome": ReferralOutcome.GOT_HELP}


@pytest.mark.parametrize(("status", "transition", "kind", "side"), CASES)
def test_the_table_allows_exactly_what_the_specification_says(
    english, status, transition, kind, side
):
    sources, target, _ = SPEC[transition]
    allowed = status in sources and side == expected_side(transition, kind)
    if allowed:
        rule = lifecycle.check(
            status=status, transition=transition, kind=kind, side=side, **_arguments(transition)
        )
        assert rule.target == target
        assert transition in lifecycle.available(status=status, kind=kind, side=side)
        return
    with pytest.raises((PermissionDenied, ValidationError)) as refused:
        lifecycle.check(
            status=status, transition=transition, kind=kind, side=side, **_arguments(transition)
        )
    message = " ".join(getattr(refused.value, "messages", [str(refused.value)]))
    assert message.strip()
    assert transition not in lifecycle.available(status=status, kind=kind, side=side)


def test_rejecting_needs_a_reason_and_completing_an_outcome(english):
    with pytest.raises(ValidationError, match="reason for rejecting"):
        lifecycle.check(status=S.SENT, transition=T.REJECT, kind="live", side=Side.RECEIVER)
    with pytest.raises(ValidationError, match="outcome"):
        lifecycle.check(
            status=S.IN_PROGRESS, transition=T.COMPLETE, kind="live", side=Side.RECEIVER
        )
    with pytest.raises(ValidationError, match="outcome"):
        lifecycle.check(
            status=S.IN_PROGRESS,
            transition=T.COMPLETE,
            kind="logged",
            side=Side.SENDER,
            outcome="maybe",
        )


def test_an_unknown_action_is_refused(english):
    with pytest.raises(ValidationError, match="Unknown referral action"):
        lifecycle.check(status=S.SENT, transition="teleport", kind="live", side=Side.RECEIVER)
