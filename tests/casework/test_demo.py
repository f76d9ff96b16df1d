"""The demo casework generator (through the services) and the benchmark bulk generator."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils.timezone import localtime

TODAY = date(2026, 6, 1)
SEED = 11


@pytest.fixture
def demo_staff(world):
    """Kalamata's demo members (one per role, partner staff for Οιχαλία and Δυτική Μάνη)."""
    from faker import Faker

    from tenants.demo import create_demo_staff

    create_demo_staff(world.kalamata, Faker("el_GR"))


@pytest.fixture
def demo(world, demo_staff):
    from casework.demo import fill_tenant

    summary = fill_tenant(world.kalamata, people=20, seed=SEED, today=TODAY)
    connection.set_tenant(world.kalamata)
    return summary


def _snapshot() -> list[tuple]:
    from casework.models import Beneficiary

    return list(
        Beneficiary.objects.order_by("id").values_list(
            "first_name", "last_name", "birth_date", "amka", "afm", "phone", "municipality_id"
        )
    )


def test_amka_and_afm_are_made_with_correct_check_digits():
    from casework.demo import afm_for, amka_for
    from casework.identifiers import amka_sex_hint, validate_afm, validate_amka

    rng = random.Random(1)  # noqa: S311
    for day in range(1, 400):
        birth = date(1950, 1, 1).fromordinal(date(1950, 1, 1).toordinal() + day * 53)
        sex = "male" if day % 2 else "female"
        amka = amka_for(birth, sex, rng)
        assert validate_amka(amka) == amka
        assert amka[:6] == birth.strftime("%d%m%y")
        assert amka_sex_hint(amka) == sex
        afm = afm_for(rng)
        assert validate_afm(afm) == afm


def test_the_demo_fills_every_part_of_casework(demo):
    from casework.models import (
        ActionPlan,
        Beneficiary,
        Case,
        ConsentRecord,
        Contact,
        Household,
        HouseholdMember,
        NeedsAssessment,
        Note,
        Request,
        ServiceDelivery,
    )

    assert Beneficiary.objects.count() == demo.counts["people"] >= 20
    assert Household.objects.count() == demo.counts["households"] > 0
    assert HouseholdMember.objects.filter(beneficiary__isnull=True).exclude(name="").exists()
    assert Case.objects.count() == demo.counts["cases"] > 0
    assert Contact.objects.filter(beneficiary__isnull=False).count() == demo.counts["contacts"]
    assert Contact.objects.filter(beneficiary__isnull=True).count() == 2  # anonymous requests
    assert Request.objects.count() >= demo.counts["contacts"] + 2
    assert NeedsAssessment.objects.count() == demo.counts["assessments"] > 0
    assert ActionPlan.objects.count() == demo.counts["plans"] > 0
    assert ServiceDelivery.objects.count() == demo.counts["services"] > 0
    assert Note.objects.count() == demo.counts["notes"] > 0
    assert ConsentRecord.objects.count() >= 2 * Beneficiary.objects.count()


def test_every_record_was_created_through_its_service(demo):
    """Each creation left the audit row its service writes, by a demo member."""
    from casework.models import (
        ActionPlan,
        AuditEvent,
        Beneficiary,
        Case,
        ConsentRecord,
        Contact,
        Household,
        NeedsAssessment,
        Note,
        ServiceDelivery,
    )
    from tenants.demo import DEMO_EMAIL_DOMAIN

    created = AuditEvent.objects.filter(action=AuditEvent.Action.CREATE)
    for model in (
        Beneficiary,
        ConsentRecord,
        Household,
        Case,
        Contact,
        NeedsAssessment,
        ActionPlan,
        ServiceDelivery,
        Note,
    ):
        ids = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
        audited = set(
            created.filter(object_type=model._meta.model_name).values_list("object_id", flat=True)
        )
        assert ids and ids == audited, model.__name__
    from accounts.models import User

    author_ids = set(created.values_list("user_id", flat=True))
    authors = User.objects.filter(pk__in=author_ids).values_list("email", flat=True)
    assert len(authors) == len(author_ids) > 3
    assert all(email.endswith("@" + DEMO_EMAIL_DOMAIN) for email in authors)


def test_identifiers_are_valid_and_people_live_where_the_centre_works(demo, world):
    from casework.identifiers import (
        amka_matches_birth_date,
        validate_afm,
        validate_amka,
        validate_paaypa,
        validate_permit_number,
    )
    from casework.models import Beneficiary
    from casework.models.choices import ResidenceStatus

    people = list(Beneficiary.objects.all())
    served = set(world.kalamata.municipalities.values_list("pk", flat=True))
    greek = [p for p in people if p.residence_status == ResidenceStatus.GREEK_OR_EU]
    assert sum(bool(p.amka) for p in greek) >= 0.7 * len(greek)
    for person in people:
        assert person.municipality_id in served
        if person.amka:
            assert validate_amka(person.amka) == person.amka
            assert amka_matches_birth_date(person.amka, person.birth_date)
        if person.afm:
            assert validate_afm(person.afm) == person.afm
        if person.phone:
            assert person.phone.startswith("+3069") and len(person.phone) == 13
        if person.residence_status == ResidenceStatus.ASYLUM_SEEKER:
            assert validate_paaypa(person.paaypa) == person.paaypa
            assert validate_permit_number(person.permit_number, "dadp") == person.permit_number
            assert person.permit_expiry is not None
        elif person.residence_status != ResidenceStatus.GREEK_OR_EU:
            assert validate_permit_number(person.permit_number, "adet") == person.permit_number
            assert person.permit_expiry is not None
        assert person.search_text and person.employment_status and person.isced_level


def test_history_is_spread_over_two_years_before_today(demo):
    from casework.models import Beneficiary, Contact, Note

    registered = [localtime(p.registered_at).date() for p in Beneficiary.objects.all()]
    assert min(registered) >= date(2024, 5, 30) and max(registered) <= TODAY
    assert len(set(registered)) > 10
    contacts = Contact.objects.values_list("occurred_at", flat=True)
    assert all(date(2024, 5, 30) <= localtime(at).date() <= TODAY for at in contacts)
    assert all(note.created_at.date() <= TODAY for note in Note.objects.all())


def test_the_same_seed_gives_the_same_people(world, demo_staff):
    from casework.demo import fill_tenant

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        fill_tenant(world.kalamata, people=8, seed=SEED, today=TODAY)
        connection.set_tenant(world.kalamata)
        first = _snapshot()
        raise Undo
    fill_tenant(world.kalamata, people=8, seed=SEED, today=TODAY)
    connection.set_tenant(world.kalamata)
    again = _snapshot()
    assert len(first) >= 8
    assert [row[:6] for row in again] == [row[:6] for row in first]


def test_another_seed_gives_other_people(world, demo_staff):
    from casework.demo import fill_tenant

    fill_tenant(world.kalamata, people=5, seed=1, today=TODAY)
    fill_tenant(world.kalamata, people=5, seed=2, today=TODAY)
    connection.set_tenant(world.kalamata)
    names = [row[:3] for row in _snapshot()]
    assert len(set(names)) == len(names)


def test_a_centre_without_demo_staff_gets_no_demo_people(world):
    """Real centres have no demo staff: the generator refuses them."""
    from casework.models import Beneficiary

    with pytest.raises(CommandError, match="no demo staff"):
        call_command("casework_demo", tenant="lamia", people=3, seed=1)
    connection.set_tenant(world.lamia)
    assert not Beneficiary.objects.exists()


def test_the_command_adds_people(world, demo_staff, capsys):
    from casework.models import Beneficiary

    call_command("casework_demo", tenant="kalamata", people=3, seed=4)
    assert "kalamata: 3 people" in capsys.readouterr().out
    connection.set_tenant(world.kalamata)
    assert Beneficiary.objects.count() == 3


def test_the_command_refuses_an_unknown_centre(world):
    with pytest.raises(CommandError, match="atlantis"):
        call_command("casework_demo", tenant="atlantis", people=3)


def test_the_bulk_generator_stores_rows_as_the_registry_would(world, staff):
    """Benchmark volume: bulk rows carry the search text and Latin names the service makes."""
    from casework.demo import bulk_beneficiaries
    from casework.models import AuditEvent, Beneficiary
    from casework.registry import compute_search_text, search_people
    from casework.transliteration import elot743
    from tests.casework.conftest import actor_of

    assert bulk_beneficiaries(world.kalamata, count=120, seed=3, batch_size=50) == 120
    connection.set_tenant(world.kalamata)
    people = list(Beneficiary.objects.all())
    assert len(people) == 120
    assert not AuditEvent.objects.exists()  # no history: never for demo or real data
    greeks = [p for p in people if p.residence_status == "greek_eu"]
    assert greeks
    for person in people:
        assert person.search_text == compute_search_text(person)
        assert person.last_name_latin
    for person in greeks:  # no passport spelling given: ELOT 743, as the registry does
        assert person.last_name_latin == elot743(person.last_name)
        assert person.first_name_latin == elot743(person.first_name)
    greek = greeks[0]
    found = search_people(
        actor=actor_of(staff.coordinator, world.kalamata), query=greek.last_name_latin.lower()
    )
    assert greek in found
