"""The registry: duplicates blocked or warned, search in either script, merge keeps history."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from casework.models import AuditEvent, Beneficiary, Contact, NeedsAssessment, Note
from tests.casework.conftest import OICHALIA, actor_of, municipality, person_data

AMKA = "17058012349"  # born 17/05/1980, valid Luhn check digit
AFM = "094019245"


@pytest.fixture
def sofia(staff, world):
    return actor_of(staff.social_worker, world.kalamata)


def register(actor, confirm=False, **overrides):
    from casework.registry import beneficiary_register

    return beneficiary_register(
        actor=actor, data=person_data(**overrides), confirm_not_duplicate=confirm
    )


# --- Registration ------------------------------------------------------------------------


def test_registration_fills_the_latin_names_and_is_audited(sofia):
    person = register(sofia, amka=AMKA, afm=AFM)
    assert (person.first_name_latin, person.last_name_latin) == ("Georgios", "Papadopoulos")
    assert person.amka == AMKA and person.phone == "+306912345678"
    assert AuditEvent.objects.filter(
        beneficiary_id=person.pk, action=AuditEvent.Action.CREATE
    ).exists()


def test_the_same_amka_blocks_and_names_the_existing_person(sofia):
    from casework.registry import DuplicatePerson

    first = register(sofia, amka=AMKA)
    with pytest.raises(DuplicatePerson) as caught:
        register(sofia, confirm=True, amka=AMKA, first_name="Άλλος", last_name="Άνθρωπος")
    assert caught.value.existing == first
    assert Beneficiary.objects.count() == 1


def test_the_same_afm_typed_with_spaces_blocks(sofia):
    from casework.registry import DuplicatePerson

    register(sofia, afm=AFM)
    with pytest.raises(DuplicatePerson):
        register(sofia, confirm=True, afm="094 019 245", first_name="Νίκος")


def test_a_duplicate_amka_on_a_merged_record_points_to_the_kept_one(sofia, staff, world):
    from casework.registry import DuplicatePerson, beneficiaries_merge

    kept = register(sofia, first_name="Μαρία", last_name="Νικολάου")
    merged = register(sofia, confirm=True, first_name="Μαρια", last_name="Νικολαου", amka=AMKA)
    beneficiaries_merge(
        actor=actor_of(staff.coordinator, world.kalamata), keep=kept, duplicate=merged
    )
    with pytest.raises(DuplicatePerson) as caught:
        register(sofia, confirm=True, amka=AMKA, first_name="Τρίτος")
    assert caught.value.existing == kept


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [
        ("Γεωργιος", "Παπαδοπουλος"),  # without accents
        ("ΓΕΩΡΓΙΟΣ", "ΠΑΠΑΔΟΠΟΥΛΟΣ"),  # capitals
        ("Georgios", "Papadopoulos"),  # Latin script, ELOT 743
        ("Giorgos", "Papadopoulos"),  # Latin, the popular spelling of the first name
        ("Γεώργιος", "Παπαδόπουλλος"),  # one typo
    ],
)
def test_a_similar_name_with_the_same_birth_date_warns(sofia, first_name, last_name):
    from casework.registry import PossibleDuplicates

    existing = register(sofia)
    with pytest.raises(PossibleDuplicates) as caught:
        register(sofia, first_name=first_name, last_name=last_name)
    assert existing in caught.value.candidates
    assert Beneficiary.objects.count() == 1


def test_a_different_birth_date_is_not_a_duplicate(sofia):
    register(sofia)
    register(sofia, birth_date=date(1981, 5, 17))
    assert Beneficiary.objects.count() == 2


def test_the_warning_can_be_confirmed_past(sofia):
    register(sofia)
    register(sofia, confirm=True, first_name="Γεωργιος")
    assert Beneficiary.objects.count() == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [("amka", "17058012342"), ("afm", "094019246")],
)
def test_an_invalid_identifier_is_refused_in_greek_and_english_and_stores_nothing(
    sofia, field, value
):
    for language, word in (("el", "δεν είναι έγκυρος"), ("en", "is not valid")):
        with translation.override(language), pytest.raises(ValidationError) as caught:
            register(sofia, **{field: value})
        message = " ".join(caught.value.message_dict[field])
        assert word in message, message
    assert Beneficiary.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


def test_a_municipality_the_centre_does_not_serve_is_refused(sofia, english):
    with pytest.raises(ValidationError) as caught:
        register(sofia, municipality=municipality("9160"))  # Lamia
    assert "does not serve" in str(caught.value)
    assert Beneficiary.objects.count() == 0


def test_partner_staff_register_only_residents_of_their_municipality(staff, world, english):
    petros = actor_of(staff.partner, world.kalamata)
    assert register(petros, municipality=municipality(OICHALIA)).pk
    with pytest.raises(ValidationError, match="only residents of your municipality"):
        register(petros, confirm=True, first_name="Άννα")


def test_update_keeps_latin_names_in_step_and_audits_only_field_names(sofia):
    from casework.registry import beneficiary_update

    person = register(sofia)
    beneficiary_update(actor=sofia, person=person, data={"first_name": "Νικόλαος"})
    person.refresh_from_db()
    assert person.first_name_latin == "Nikolaos"
    event = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).get()
    assert event.detail == {"fields": ["first_name"]}
    assert "Νικόλαος" not in str(event.detail)


# --- Search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "Παπαδόπουλος",
        "παπαδοπ",  # part of the name, no accent
        "ΠΑΠΑΔΟΠΟΥΛΟΣ",
        "papadop",  # Latin, lower case
        "Georgios",  # Latin, ELOT 743
        "γεωργ παπαδ",  # parts of both names
        "17058012349",  # ΑΜΚΑ
        "094019245",  # ΑΦΜ
        "691 234 5678",  # phone as typed
    ],
)
def test_one_box_finds_the_person(sofia, query):
    from casework.registry import search_people

    person = register(sofia, amka=AMKA, afm=AFM)
    register(sofia, first_name="Ελένη", last_name="Κωνσταντίνου", phone="6999999999")
    assert list(search_people(actor=sofia, query=query)) == [person]


def test_search_filters_by_case_status_and_caseworker(sofia, staff, world):
    from casework.cases import case_open
    from casework.registry import search_people
    from tenants.models import Unit

    with_case = register(sofia)
    register(sofia, first_name="Ελένη", last_name="Κωνσταντίνου")
    unit = Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)
    case_open(actor=sofia, person=with_case, unit=unit, caseworkers=[staff.social_worker])
    assert list(search_people(actor=sofia, case_status="open")) == [with_case]
    assert list(search_people(actor=sofia, caseworker_id=staff.social_worker.pk)) == [with_case]
    assert list(search_people(actor=sofia, unit_id=unit.pk)) == [with_case]


def test_partner_staff_find_only_their_municipality(sofia, staff, world):
    from casework.registry import search_people

    register(sofia)  # Kalamata
    oichalia = register(sofia, True, first_name="Άννα", municipality=municipality(OICHALIA))
    petros = actor_of(staff.partner, world.kalamata)
    assert list(search_people(actor=petros)) == [oichalia]
    assert list(search_people(actor=petros, query="Παπαδόπουλος")) == [oichalia]


def test_searching_is_audited(sofia):
    from casework.registry import search_people

    list(search_people(actor=sofia, query="κάτι"))
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SEARCH).count() == 1


# --- Merge -------------------------------------------------------------------------------


def test_merge_moves_all_history_fills_blanks_and_is_audited(sofia, staff, world):
    from casework.assessments import assessment_record
    from casework.notes import note_write
    from casework.reception import RequestInput, contact_record
    from casework.registry import beneficiaries_merge, search_people
    from tenants.models import Unit

    unit = Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)
    keep = register(sofia)
    duplicate = register(sofia, confirm=True, first_name="Γιώργος", amka=AMKA, phone="")
    for person in (keep, duplicate):
        contact_record(
            actor=sofia,
            person=person,
            unit=unit,
            channel="walk_in",
            occurred_at=person.registered_at,
            requests=[RequestInput(category="information")],
        )
        assessment_record(actor=sofia, person=person, scores={"income": (3, "")})
    note_write(actor=sofia, person=duplicate, kind="general", text="Ήρθε με την κόρη της.")

    coordinator = actor_of(staff.coordinator, world.kalamata)
    beneficiaries_merge(actor=coordinator, keep=keep, duplicate=duplicate)

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep and duplicate.amka is None
    assert keep.amka == AMKA  # blank field filled from the duplicate
    assert Contact.objects.filter(beneficiary=keep).count() == 2
    assert Note.objects.filter(beneficiary=keep).count() == 1
    versions = NeedsAssessment.objects.filter(beneficiary=keep).values_list("version", flat=True)
    assert sorted(versions) == [1, 2]
    assert list(search_people(actor=sofia, query="Παπαδόπουλος")) == [keep]
    merges = AuditEvent.objects.filter(action=AuditEvent.Action.MERGE)
    assert sorted(merges.values_list("beneficiary_id", flat=True)) == sorted(
        [keep.pk, duplicate.pk]
    )


def test_only_a_coordinator_merges(sofia):
    from casework.registry import beneficiaries_merge

    keep, duplicate = register(sofia), register(sofia, confirm=True)
    with pytest.raises(PermissionDenied):
        beneficiaries_merge(actor=sofia, keep=keep, duplicate=duplicate)
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_a_record_cannot_be_merged_twice_or_with_itself(sofia, staff, world):
    from casework.registry import beneficiaries_merge

    coordinator = actor_of(staff.coordinator, world.kalamata)
    keep, duplicate = register(sofia), register(sofia, confirm=True)
    with pytest.raises(ValidationError):
        beneficiaries_merge(actor=coordinator, keep=keep, duplicate=keep)
    beneficiaries_merge(actor=coordinator, keep=keep, duplicate=duplicate)
    with pytest.raises(ValidationError):
        beneficiaries_merge(actor=coordinator, keep=keep, duplicate=duplicate)
