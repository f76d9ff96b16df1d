"""Referral services: writing, the consent check on sending, and every lifecycle move made
on real referrals (allowed ones succeed; refused ones change nothing)."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tenants.utils import tenant_context

from casework.models import AuditEvent, Referral, ReferralEvent
from casework.models.referrals import ReferralKind, ReferralOutcome, ReferralStatus
from casework.referrals import services as referrals
from casework.referrals.lifecycle import Transition
from exchange.models import ReferralEnvelope
from tests.casework.conftest import actor_of
from tests.referrals.conftest import consent_to_referrals, follow_up
from tests.referrals.test_lifecycle import SPEC, expected_side

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def draft(world, person, service, **overrides):
    actor = actor_of(world.bob, world.lamia)
    arguments = {
        "actor": actor,
        "person": person,
        "service_id": service.pk,
        "reason": "Χρειάζεται ψυχοκοινωνική υποστήριξη",
        "follow_up_on": follow_up(),
    }
    arguments.update(overrides)
    return referrals.referral_create(**arguments)


def test_a_referral_to_a_centre_provided_service_is_live(world, directory_services, lamia_person):
    live, logged = directory_services
    referral = draft(world, lamia_person, live)
    assert referral.kind == ReferralKind.LIVE
    assert referral.receiving_tenant == world.larissa
    assert referral.status == ReferralStatus.DRAFT
    assert referral.service_name == live.name
    assert referral.organization_name == "Κέντρο Κοινότητας Λάρισας"
    other = draft(world, lamia_person, logged)
    assert other.kind == ReferralKind.LOGGED and other.receiving_tenant is None


@pytest.mark.parametrize(
    "problem",
    ["unknown", "not a uuid", "deleted", "inactive", "local to another centre", "past follow-up"],
)
def test_bad_input_is_refused_and_nothing_stored(
    english, world, directory_services, lamia_person, problem
):
    from directory.models import Service

    live, _ = directory_services
    overrides = {}
    connection.set_schema_to_public()
    if problem == "unknown":
        overrides["service_id"] = uuid.uuid4()
    elif problem == "not a uuid":
        overrides["service_id"] = "ψ"
    elif problem == "deleted":
        Service.all_objects.filter(pk=live.pk).update(is_deleted=True)
    elif problem == "inactive":
        Service.objects.filter(pk=live.pk).update(status="defunct")
    elif problem == "local to another centre":
        Service.objects.filter(pk=live.pk).update(owner_tenant=world.kalamata)
    else:
        overrides["follow_up_on"] = follow_up(-1)
    connection.set_tenant(world.lamia)
    before = Referral.objects.count()
    with pytest.raises(ValidationError) as refused:
        draft(world, lamia_person, live, **overrides)
    assert refused.value.messages
    assert Referral.objects.count() == before


def test_documents_of_another_person_cannot_be_attached(
    english, world, directory_services, lamia_person
):
    from casework.documents import document_upload
    from casework.registry import beneficiary_register
    from tests.casework.conftest import municipality

    actor = actor_of(world.bob, world.lamia)
    other = beneficiary_register(
        actor=actor,
        data={"first_name": "Όλγα", "last_name": "Ρήγα", "municipality": municipality("9160")},
        confirm_not_duplicate=True,
    )
    theirs = document_upload(
        actor=actor,
        person=other,
        upload=SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf"),
        doc_type="medical",
    )
    with pytest.raises(ValidationError, match="another person"):
        draft(world, lamia_person, directory_services[0], documents=[theirs])
    assert not Referral.objects.exists()


def test_sending_without_consent_needs_a_reason(english, world, directory_services, lamia_person):
    referral = draft(world, lamia_person, directory_services[0])
    actor = actor_of(world.bob, world.lamia)
    with pytest.raises(ValidationError, match="No consent to referrals"):
        referrals.referral_send(actor=actor, referral=referral, override_reason="  ")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DRAFT
    assert not ReferralEnvelope.objects.exists()

    referrals.referral_send(actor=actor, referral=referral, override_reason="Επείγουσα ανάγκη")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    assert referral.consent_recorded is False
    assert referral.consent_override_reason == "Επείγουσα ανάγκη"
    assert AuditEvent.objects.filter(
        object_type="referral", object_id=str(referral.pk), detail__consent_override=True
    ).exists()


def test_withdrawn_consent_is_no_consent(english, world, directory_services, lamia_person):
    from casework.consent import consent_withdraw

    actor = actor_of(world.bob, world.lamia)
    consent_withdraw(actor=actor, record=consent_to_referrals(actor, lamia_person))
    referral = draft(world, lamia_person, directory_services[1])
    with pytest.raises(ValidationError, match="No consent to referrals"):
        referrals.referral_send(actor=actor, referral=referral)


def test_sending_with_consent_needs_no_reason(world, directory_services, lamia_person):
    actor = actor_of(world.bob, world.lamia)
    consent_to_referrals(actor, lamia_person)
    referral = referrals.referral_send(
        actor=actor, referral=draft(world, lamia_person, directory_services[0])
    )
    assert referral.status == ReferralStatus.SENT and referral.consent_recorded is True
    envelope = ReferralEnvelope.objects.get(pk=referral.envelope_id)
    assert (envelope.sending_tenant, envelope.receiving_tenant) == (world.lamia, world.larissa)
    assert envelope.status == ReferralStatus.SENT


def test_roles_without_casework_cannot_refer(english, world, directory_services, lamia_person):
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role

    clerk = User.objects.create_user("clerk@lamia.example.gr", "x")
    connection.set_schema_to_public()
    grant_role(user=clerk, tenant=world.lamia, role=Role.ADMINISTRATIVE)
    with pytest.raises(PermissionDenied):
        referrals.referral_create(
            actor=actor_of(clerk, world.lamia),
            person=lamia_person,
            service_id=directory_services[1].pk,
            reason="x",
            follow_up_on=follow_up(),
        )


# --- Every move on real referrals ---------------------------------------------------------

MODES = ["logged by the sender", "live by the sender", "live by the receiver"]


def _in_status(world, person, service, status: str) -> Referral:
    """A referral forced into `status` (set-up only; the moves below use the services)."""
    referral = draft(world, person, service)
    outcome = ReferralOutcome.GOT_HELP if status == ReferralStatus.COMPLETED else ""
    Referral.objects.filter(pk=referral.pk).update(status=status, outcome=outcome)
    if referral.kind == ReferralKind.LIVE and status != ReferralStatus.DRAFT:
        envelope = ReferralEnvelope.objects.create(
            sending_tenant=world.lamia,
            receiving_tenant=world.larissa,
            sender_referral_id=referral.pk,
            service_id=referral.service_id,
            status=status,
        )
        Referral.objects.filter(pk=referral.pk).update(envelope_id=envelope.pk)
    referral.refresh_from_db()
    return referral


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("transition", list(Transition))
@pytest.mark.parametrize("status", ReferralStatus.values)
def test_every_move_on_a_real_referral(
    english, world, directory_services, lamia_person, status, transition, mode
):
    live, logged = directory_services
    kind = ReferralKind.LOGGED if mode.startswith("logged") else ReferralKind.LIVE
    side = "receiver" if mode.endswith("receiver") else "sender"
    actor = actor_of(world.bob, world.lamia)
    consent_to_referrals(actor, lamia_person)
    referral = _in_status(world, lamia_person, live if kind == "live" else logged, status)
    events = referral.events.count()
    arguments = {"reason": "Χωρίς θέση", "outcome": ReferralOutcome.NO_CAPACITY}
    sources, target, _ = SPEC[transition]
    allowed = status in sources and side == expected_side(transition, kind)

    def move():
        if side == "sender":
            referrals.referral_transition(
                actor=actor_of(world.bob, world.lamia),
                referral=referral,
                transition=transition,
                **arguments,
            )
        else:
            referrals.inbox_answer(
                actor=actor_of(world.charlie, world.larissa),
                envelope_id=referral.envelope_id or uuid.uuid4(),
                transition=transition,
                **arguments,
            )

    if allowed:
        move()
    else:
        from django.http import Http404

        with pytest.raises((PermissionDenied, ValidationError, Http404)):
            move()
    with tenant_context(world.lamia):
        referral.refresh_from_db()
        assert referral.status == (target if allowed else status)
        assert referral.events.count() == events + (1 if allowed else 0)
        if allowed:
            last = referral.events.last()
            assert (last.from_status, last.to_status, last.side) == (status, target, side)
    if referral.envelope_id:
        envelope = ReferralEnvelope.objects.get(pk=referral.envelope_id)
        assert envelope.status == referral.status
    connection.set_schema_to_public()


def test_the_history_keeps_who_when_and_why(world, directory_services, lamia_person):
    actor = actor_of(world.bob, world.lamia)
    referral = draft(world, lamia_person, directory_services[1])
    referrals.referral_send(actor=actor, referral=referral, override_reason="Δεν υπογράφει")
    referrals.referral_transition(
        actor=actor, referral=referral, transition=Transition.REJECT, reason="Εκτός περιοχής"
    )
    history = list(ReferralEvent.objects.filter(referral=referral))
    assert [(e.from_status, e.to_status) for e in history] == [
        ("", "draft"),
        ("draft", "sent"),
        ("sent", "rejected"),
    ]
    assert history[-1].by == world.bob and history[-1].note == "Εκτός περιοχής"
    referral.refresh_from_db()
    assert referral.rejection_reason == "Εκτός περιοχής"
