"""Reception, households, assessments, plans and services through their service functions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casework.models import (
    Contact,
    HouseholdMember,
    NeedsAssessment,
    Request,
    ServiceDelivery,
    SocialHistory,
)
from tests.casework.conftest import LAMIA, OICHALIA, actor_of, municipality


@pytest.fixture
def sofia(staff, world):
    return actor_of(staff.social_worker, world.kalamata)


@pytest.fixture
def unit(world):
    from tenants.models import Unit

    return Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)


def _contact(actor, person, unit, **overrides):
    from casework.reception import RequestInput, contact_record

    arguments = {
        "actor": actor,
        "person": person,
        "unit": unit,
        "channel": "walk_in",
        "occurred_at": timezone.now(),
        "requests": [
            RequestInput(category="minimum_income", outcome="served"),
            RequestInput(category="housing_benefit"),
        ],
    }
    arguments.update(overrides)
    return contact_record(**arguments)


# --- Reception -----------------------------------------------------------------------------


def test_a_contact_carries_its_requests(sofia, register, unit, staff):
    person = register()
    contact = _contact(sofia, person, unit, mediator=staff.mediator, language="ar")
    assert contact.municipality == person.municipality
    assert sorted(contact.requests.values_list("category", flat=True)) == [
        "housing_benefit",
        "minimum_income",
    ]


def test_an_anonymous_request_is_counted_without_a_person(sofia, unit):
    contact = _contact(sofia, None, unit, municipality=municipality(OICHALIA))
    assert contact.beneficiary is None and Request.objects.filter(contact=contact).count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"requests": []}, "requests"),
        ({"person": None}, "municipality"),  # anonymous, and no municipality given
        ({"summary": "Όνομα και τηλέφωνο"}, "summary"),  # an anonymous request keeps no notes
    ],
)
def test_bad_contacts_are_refused_and_store_nothing(sofia, unit, overrides, field):
    arguments = {"person": None, "municipality": municipality(OICHALIA), **overrides}
    if field == "municipality":
        arguments.pop("municipality")
    with pytest.raises(ValidationError) as caught:
        _contact(sofia, unit=unit, **arguments)
    assert field in caught.value.message_dict
    assert not Contact.objects.exists() and not Request.objects.exists()


def test_a_contact_in_a_municipality_outside_the_centre_is_refused(sofia, unit):
    with pytest.raises(ValidationError):
        _contact(sofia, None, unit, municipality=municipality(LAMIA))
    assert not Contact.objects.exists()


def test_a_mediator_from_another_centre_is_refused(sofia, register, unit, world):
    with pytest.raises(ValidationError) as caught:
        _contact(sofia, register(), unit, mediator=world.bob)
    assert "mediator" in caught.value.message_dict


# --- Households ----------------------------------------------------------------------------


def test_household_membership_keeps_its_history(sofia, register):
    from casework.households import (
        current_members,
        household_create,
        household_member_add,
        household_member_leave,
    )

    head = register()
    spouse = register(first_name="Μαρία", sex="female", birth_date=date(1982, 3, 1))
    household = household_create(actor=sofia, head=head)
    member = household_member_add(
        actor=sofia, household=household, relation="spouse", beneficiary=spouse
    )
    child = household_member_add(
        actor=sofia,
        household=household,
        relation="child",
        name="Νικόλας",
        birth_date=date(2015, 6, 1),
        monthly_income=Decimal("0"),
    )
    household_member_leave(actor=sofia, member=child, left_on=date(2026, 9, 1))
    assert {m.pk for m in current_members(household)} == {
        member.pk,
        household.members.get(relation="head").pk,
    }
    assert HouseholdMember.objects.filter(household=household).count() == 3  # history kept
    with pytest.raises(ValidationError):
        household_member_leave(actor=sofia, member=child)  # already left


def test_a_person_belongs_to_one_household_at_a_time(sofia, register):
    from casework.households import household_create, household_member_add

    head, other_head = register(), register(first_name="Ανδρέας", birth_date=date(1970, 1, 1))
    household = household_create(actor=sofia, head=head)
    household_create(actor=sofia, head=other_head)
    with pytest.raises(ValidationError):
        household_member_add(
            actor=sofia, household=household, relation="sibling", beneficiary=other_head
        )
    with pytest.raises(ValidationError):
        household_member_add(
            actor=sofia, household=household, relation="child", name="Χ", monthly_income=-1
        )


# --- Assessments, social history -----------------------------------------------------------


def test_assessments_are_versioned(sofia, register):
    from casework.assessments import assessment_record

    person = register()
    first = assessment_record(actor=sofia, person=person, scores={"income": (4, "Χωρίς εισόδημα")})
    second = assessment_record(
        actor=sofia, person=person, scores={"income": (2, "ΕΕΕ"), "housing": (1, "")}
    )
    assert (first.version, second.version) == (1, 2)
    assert dict(second.scores.values_list("domain", "severity")) == {"income": 2, "housing": 1}


@pytest.mark.parametrize(
    "scores", [{"income": (5, "")}, {"income": (-1, "")}, {"happiness": (2, "")}, {}]
)
def test_bad_scores_are_refused_and_store_nothing(sofia, register, scores):
    from casework.assessments import assessment_record

    person = register()
    with pytest.raises(ValidationError):
        assessment_record(actor=sofia, person=person, scores=scores)
    assert not NeedsAssessment.objects.exists()


def test_social_history_is_a_versioned_narrative(sofia, register):
    from casework.assessments import social_history_write

    person = register()
    social_history_write(actor=sofia, person=person, text="Α", review_due=date(2027, 1, 1))
    social_history_write(actor=sofia, person=person, text="Β", review_due=date(2027, 6, 1))
    versions = SocialHistory.objects.filter(beneficiary=person).order_by("version")
    assert [(v.version, v.text) for v in versions] == [(1, "Α"), (2, "Β")]


# --- Plans and services --------------------------------------------------------------------


def test_plan_progress_counts_done_steps_and_ignores_cancelled(sofia, register, staff):
    from casework.plans import goal_add, plan_create, plan_progress, step_add, step_set_status

    plan = plan_create(actor=sofia, person=register())
    goal = goal_add(actor=sofia, plan=plan, need="income", description="Αίτηση ΕΕΕ")
    steps = [
        step_add(actor=sofia, goal=goal, description="Έγγραφα", owner="person"),
        step_add(
            actor=sofia,
            goal=goal,
            description="Υποβολή",
            owner="staff",
            owner_staff=staff.social_worker,
        ),
        step_add(
            actor=sofia,
            goal=goal,
            description="ΔΥΠΑ",
            owner="outside_service",
            owner_service="ΔΥΠΑ",
        ),
    ]
    step_set_status(actor=sofia, step=steps[0], status="done")
    step_set_status(actor=sofia, step=steps[2], status="cancelled")
    assert plan_progress(plan) == 50


def test_a_step_owned_by_staff_of_another_centre_is_refused(sofia, register, world):
    from casework.plans import goal_add, plan_create, step_add

    goal = goal_add(
        actor=sofia,
        plan=plan_create(actor=sofia, person=register()),
        need="income",
        description="Ε",
    )
    with pytest.raises(ValidationError):
        step_add(actor=sofia, goal=goal, description="Χ", owner="staff", owner_staff=world.bob)


def test_a_service_can_be_linked_to_a_plan_step(sofia, register):
    from casework.deliveries import service_record
    from casework.plans import goal_add, plan_create, step_add

    person = register()
    goal = goal_add(
        actor=sofia, plan=plan_create(actor=sofia, person=person), need="income", description="Ε"
    )
    step = step_add(actor=sofia, goal=goal, description="Αίτηση", owner="person")
    service = service_record(
        actor=sofia,
        person=person,
        kind="application_support",
        delivered_on=timezone.localdate(),
        duration_minutes=45,
        plan_step=step,
    )
    assert ServiceDelivery.objects.get(plan_step=step) == service


def test_the_head_of_household_income_counts_and_cannot_be_negative(sofia, register):
    from casework.households import household_create

    head = register()
    with pytest.raises(ValidationError):
        household_create(actor=sofia, head=head, monthly_income=Decimal("-1"))
    household = household_create(actor=sofia, head=head, monthly_income=Decimal("420.50"))
    assert household.members.get(relation="head").monthly_income == Decimal("420.50")


def test_plan_and_case_statuses_agree_with_their_greek_nouns():
    """«το σχέδιο» is neuter, «η υπόθεση» feminine: the same English word, two labels."""
    from django.utils import translation

    from casework.models import ActionPlan
    from casework.models.choices import CaseStatus

    with translation.override("el"):
        assert str(ActionPlan.Status.ACTIVE.label) == "Ενεργό"
        assert str(CaseStatus.ACTIVE.label) == "Ενεργή"
