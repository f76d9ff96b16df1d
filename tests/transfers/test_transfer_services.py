"""The transfer lifecycle through the services: Lamia → Larissa, with Kalamata outside."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404

from tests.casework.conftest import actor_of, municipality
from tests.transfers.conftest import (
    AMKA,
    EMAIL,
    FIRST_NAME,
    LARISSA,
    LAST_NAME,
    PDF,
    PHONE,
    casework_counts,
    public_rows_mentioning,
    receiver,
    request_transfer,
    sender,
)

pytestmark = pytest.mark.usefixtures("english")


def _in(tenant):
    connection.set_tenant(tenant)


def test_before_acceptance_nothing_personal_is_public_or_in_the_receiving_schema(world, mover):
    from casework.models import Beneficiary
    from transfers.services import transfer_view

    _in(world.larissa)
    before = casework_counts()
    transfer = request_transfer(world, mover)

    # The public row: routing, status and section names; no value of the person.
    assert transfer.scope == ["identity", "assessments", "plans", "documents"]
    assert public_rows_mentioning(FIRST_NAME, LAST_NAME, AMKA, PHONE, EMAIL) == []

    shared = transfer_view(actor=receiver(world), transfer=transfer)
    assert shared.person_data()["amka"] == AMKA
    assert shared.person_data()["last_name"] == LAST_NAME

    # Reading the request wrote nothing into Larissa's schema.
    _in(world.larissa)
    assert casework_counts() == before
    assert not Beneficiary.objects.filter(amka=AMKA).exists()
    assert not Beneficiary.objects.filter(last_name=LAST_NAME).exists()
    connection.set_schema_to_public()
    assert public_rows_mentioning(FIRST_NAME, LAST_NAME, AMKA, PHONE, EMAIL) == []


def test_the_receiving_centre_sees_only_the_consented_sections(world, mover):
    from transfers.services import transfer_view

    transfer = request_transfer(world, mover, scope=["identity", "plans"])
    shared = transfer_view(actor=receiver(world), transfer=transfer)
    assert set(shared.sections) == {"identity"}
    data = shared.person_data()
    assert data["first_name"] == FIRST_NAME
    for private in ("phone", "email", "address", "disability", "employment_status"):
        assert private not in data
    assert shared.assessment is None
    assert shared.documents == []
    assert [goal["description"] for goal in shared.goals] == ["Αίτηση ΕΕΕ"]


def test_each_look_is_audited_in_the_sending_schema_as_a_read_by_the_receiving_centre(world, mover):
    from casework.models import AuditEvent
    from transfers.services import transfer_view

    transfer = request_transfer(world, mover)
    transfer_view(actor=receiver(world), transfer=transfer)
    _in(world.lamia)
    read = AuditEvent.objects.filter(
        beneficiary_id=mover.person.pk, user=world.charlie, action=AuditEvent.Action.VIEW
    ).get()
    assert read.detail == {
        "transfer": transfer.pk,
        "by_centre": "larissa",
        "sections": transfer.scope,
    }


def test_accepting_registers_the_person_in_larissa_with_only_the_consented_data(world, mover):
    from casework.models import (
        ActionPlan,
        AuditEvent,
        Beneficiary,
        Case,
        Document,
        NeedsAssessment,
    )
    from transfers.models import Transfer
    from transfers.services import transfer_accept

    transfer = request_transfer(world, mover)
    person = transfer_accept(
        actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA)
    )

    _in(world.larissa)
    person = Beneficiary.objects.get(pk=person.pk)
    assert (person.first_name, person.last_name, person.amka) == (FIRST_NAME, LAST_NAME, AMKA)
    assert person.father_name == "Νικόλαος"
    assert person.municipality.code == LARISSA
    # Not consented: contact details, special-category and ESF+ data stay in Lamia.
    assert (person.phone, person.email, person.address) == ("", "", "")
    assert person.disability is False
    assert person.employment_status == ""
    assert person.registered_by == world.charlie
    # The consented history came along; a case is open here.
    assessment = NeedsAssessment.objects.get(beneficiary=person)
    assert {s.domain: s.severity for s in assessment.scores.all()} == {"income": 3, "housing": 2}
    plan = ActionPlan.objects.get(beneficiary=person)
    assert [goal.description for goal in plan.goals.all()] == ["Αίτηση ΕΕΕ"]
    document = Document.objects.get(beneficiary=person)
    with document.file.open("rb") as stored:
        assert stored.read() == PDF
    assert Case.objects.get(beneficiary=person).status == "open"
    # Audited here...
    assert AuditEvent.objects.filter(
        object_type="transfer", object_id=str(transfer.pk), beneficiary_id=person.pk
    ).exists()

    # ...and in Lamia, as data sent to Larissa.
    _in(world.lamia)
    assert AuditEvent.objects.filter(
        beneficiary_id=mover.person.pk,
        user=world.charlie,
        action=AuditEvent.Action.EXPORT,
        detail__transfer=transfer.pk,
    ).exists()
    # Lamia keeps its record; its case stays open until its own staff close it.
    assert Beneficiary.objects.filter(pk=mover.person.pk, amka=AMKA).exists()

    connection.set_schema_to_public()
    transfer = Transfer.objects.get(pk=transfer.pk)
    assert (transfer.status, transfer.receiving_person_id) == ("accepted", person.pk)
    assert public_rows_mentioning(FIRST_NAME, LAST_NAME, AMKA, PHONE, EMAIL) == []


def test_contact_and_special_category_data_move_when_consented(world, mover):
    from casework.models import Beneficiary
    from transfers.services import transfer_accept

    transfer = request_transfer(
        world, mover, scope=["identity", "contact", "special_category", "esf_entry"]
    )
    person = transfer_accept(
        actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA)
    )
    _in(world.larissa)
    person = Beneficiary.objects.get(pk=person.pk)
    assert person.email == EMAIL and person.phone.endswith(PHONE)
    assert person.disability is True
    assert person.employment_status == "long_term_unemployed"
    # The old address is never carried over: the person moved.
    assert person.address == ""


def test_the_sender_closes_its_case_as_moved_after_acceptance(world, mover):
    from casework.models import Case
    from transfers.services import transfer_accept, transfer_close_sending_case

    transfer = request_transfer(world, mover)
    with pytest.raises(ValidationError, match="once the other centre accepts"):
        transfer_close_sending_case(actor=sender(world), transfer=transfer)
    transfer_accept(actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA))
    transfer_close_sending_case(actor=sender(world), transfer=transfer)
    _in(world.lamia)
    case = Case.objects.get(pk=mover.case.pk)
    assert (case.status, case.closure_reason) == ("closed", "moved")


def test_rejection_leaves_nothing_in_larissa_and_the_sender_sees_the_reason(world, mover):
    from casework.models import AuditEvent
    from transfers.services import outgoing_transfer_for, transfer_reject, transfer_view

    _in(world.larissa)
    before = casework_counts()
    transfer = request_transfer(world, mover)
    transfer_view(actor=receiver(world), transfer=transfer)
    transfer = transfer_reject(actor=receiver(world), transfer=transfer, reason="not_resident")

    _in(world.larissa)
    assert casework_counts() == before
    seen = outgoing_transfer_for(sender(world), transfer.pk)
    assert (seen.status, seen.get_rejection_reason_display()) == (
        "rejected",
        "The person does not live in our area",
    )
    assert AuditEvent.objects.filter(
        beneficiary_id=mover.person.pk, detail__transfer_status="rejected"
    ).exists()
    # Once answered, the data are no longer shown to the receiving centre.
    with pytest.raises(ValidationError, match="no longer shown"):
        transfer_view(actor=receiver(world), transfer=transfer)


def test_a_rejection_needs_a_known_reason(world, mover):
    from transfers.models import Transfer
    from transfers.services import transfer_reject

    transfer = request_transfer(world, mover)
    with pytest.raises(ValidationError, match="reason"):
        transfer_reject(actor=receiver(world), transfer=transfer, reason="because")
    assert Transfer.objects.get(pk=transfer.pk).status == "requested"


def test_a_cancelled_transfer_can_no_longer_be_accepted(world, mover):
    from casework.models import Beneficiary
    from transfers.services import transfer_accept, transfer_cancel

    transfer = request_transfer(world, mover)
    transfer_cancel(actor=sender(world), transfer=transfer)
    with pytest.raises(ValidationError, match="already been answered"):
        transfer_accept(
            actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA)
        )
    _in(world.larissa)
    assert not Beneficiary.objects.filter(amka=AMKA).exists()


def test_consent_withdrawn_after_the_request_stops_the_view_and_the_acceptance(world, mover):
    from casework.consent import consent_withdraw
    from casework.models import Beneficiary
    from transfers.services import transfer_accept, transfer_view

    transfer = request_transfer(world, mover)
    consent_withdraw(actor=sender(world), record=mover.consent)
    with pytest.raises(ValidationError, match="can no longer be shared"):
        transfer_view(actor=receiver(world), transfer=transfer)
    with pytest.raises(ValidationError, match="can no longer be shared"):
        transfer_accept(
            actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA)
        )
    _in(world.larissa)
    assert not Beneficiary.objects.filter(amka=AMKA).exists()


def test_a_person_already_registered_in_larissa_is_not_registered_twice(world, mover):
    from casework.models import Beneficiary
    from casework.registry import DuplicatePerson, beneficiary_register
    from tests.casework.conftest import person_data
    from transfers.models import Transfer
    from transfers.services import transfer_accept

    transfer = request_transfer(world, mover)
    beneficiary_register(
        actor=receiver(world),
        data=person_data(amka=AMKA, municipality=municipality(LARISSA)),
        confirm_not_duplicate=True,
    )
    with pytest.raises(DuplicatePerson):
        transfer_accept(
            actor=receiver(world), transfer=transfer, municipality=municipality(LARISSA)
        )
    _in(world.larissa)
    assert Beneficiary.objects.filter(amka=AMKA).count() == 1
    assert Transfer.objects.get(pk=transfer.pk).status == "requested"


# --- Bad input: a clear message and nothing stored --------------------------------------------


@pytest.mark.parametrize(
    ("receiving", "scope", "message"),
    [
        ("lamia", ["identity"], "cannot be transferred to the same centre"),
        ("atlantis", ["identity"], "Choose one of the other active centres"),
        ("", ["identity"], "Choose one of the other active centres"),
        ("larissa", ["contact"], "identity must be shared"),
        ("larissa", ["identity", "notes"], "Unknown section: notes"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(world, mover, receiving, scope, message):
    from transfers.models import Transfer
    from transfers.services import transfer_request

    with pytest.raises(ValidationError, match=message):
        transfer_request(
            actor=sender(world), person=mover.person, receiving_tenant=receiving, scope=scope
        )
    assert not Transfer.objects.exists()


def test_a_transfer_needs_the_persons_recorded_consent(world, mover):
    from casework.consent import consent_withdraw
    from transfers.models import Transfer

    consent_withdraw(actor=sender(world), record=mover.consent)
    with pytest.raises(ValidationError, match="Record the person's consent"):
        request_transfer(world, mover)
    assert not Transfer.objects.exists()


def test_an_inactive_centre_cannot_receive(world, mover):
    from tenants.models import Tenant
    from transfers.models import Transfer

    Tenant.objects.filter(pk=world.larissa.pk).update(is_active=False)
    with pytest.raises(ValidationError, match="other active centres"):
        request_transfer(world, mover)
    assert not Transfer.objects.exists()


def test_one_waiting_transfer_per_person(world, mover):
    from transfers.models import Transfer

    request_transfer(world, mover)
    with pytest.raises(ValidationError, match="already waiting"):
        request_transfer(world, mover)
    assert Transfer.objects.count() == 1


# --- Who may do what ----------------------------------------------------------------------------


def _member(world, tenant, role: str, name: str):
    from accounts.models import User
    from accounts.services import grant_role

    connection.set_schema_to_public()
    user = User.objects.create_user(f"{name}@example.gr", "x" * 20)
    grant_role(user=user, tenant=tenant, role=role)
    return actor_of(user, tenant)


def test_roles_outside_casework_cannot_send(world, mover):
    from transfers.services import transfer_request

    lawyer = _member(world, world.lamia, "lawyer", "lawyer-lamia")
    with pytest.raises(PermissionDenied):
        transfer_request(
            actor=lawyer, person=mover.person, receiving_tenant="larissa", scope=["identity"]
        )


def test_only_the_coordinator_and_social_workers_answer(world, mover):
    from transfers.services import transfer_accept, transfer_reject, transfer_view

    transfer = request_transfer(world, mover)
    psychologist = _member(world, world.larissa, "psychologist", "psy-larissa")
    for attempt in (
        lambda: transfer_view(actor=psychologist, transfer=transfer),
        lambda: transfer_reject(actor=psychologist, transfer=transfer, reason="other"),
        lambda: transfer_accept(
            actor=psychologist, transfer=transfer, municipality=municipality(LARISSA)
        ),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_a_third_centre_reaches_nothing(world, mover):
    from transfers.services import (
        incoming_transfer_for,
        incoming_transfers,
        outgoing_transfer_for,
        transfer_accept,
        transfer_reject,
        transfer_view,
    )

    transfer = request_transfer(world, mover)
    kostas = actor_of(world.kostas, world.kalamata)
    assert not incoming_transfers(kostas).exists()
    for attempt in (
        lambda: incoming_transfer_for(kostas, transfer.pk),
        lambda: outgoing_transfer_for(kostas, transfer.pk),
        lambda: transfer_view(actor=kostas, transfer=transfer),
        lambda: transfer_reject(actor=kostas, transfer=transfer, reason="other"),
        lambda: transfer_accept(actor=kostas, transfer=transfer, municipality=municipality("9254")),
    ):
        with pytest.raises(Http404):
            attempt()
    # Nor can the sender answer its own request, or the receiver cancel it.
    with pytest.raises(Http404):
        transfer_reject(actor=sender(world), transfer=transfer, reason="other")
    with pytest.raises(Http404):
        outgoing_transfer_for(receiver(world), transfer.pk)
