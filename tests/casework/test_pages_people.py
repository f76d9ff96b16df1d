"""The registry pages through the test client: registration with its duplicate checks,
search, the person's file, household, consent, case, merge, audit and export."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.urls import reverse

from casework.models import AuditEvent, Beneficiary, Case, ConsentRecord, HouseholdMember
from tests.casework.conftest import KALAMATA, OICHALIA, actor_of, municipality
from tests.helpers import signed_in

AMKA = "17058012349"  # born 17/05/1980, valid check digit
BAD_AMKA = "17058012342"  # same, with a wrong check digit


def url(name: str, **kwargs) -> str:
    return reverse(f"casework:{name}", kwargs=kwargs)


def form(**overrides) -> dict:
    """What the registration form posts for a resident of Kalamata."""
    data = {
        "first_name": "Γεώργιος",
        "last_name": "Παπαδόπουλος",
        "sex": "male",
        "birth_date": "1980-05-17",
        "municipality": municipality(KALAMATA).pk,
        "phone": "691 234 5678",
        "target_groups": ["unemployed"],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def people_count(world) -> int:
    connection.set_tenant(world.kalamata)
    return Beneficiary.objects.count()


@pytest.fixture
def sofia(staff, world):
    """The social worker's browser on Kalamata's host."""
    return signed_in(staff.social_worker, "kalamata", world.kalamata)


@pytest.fixture
def kostas(staff, world):
    """The coordinator's browser on Kalamata's host."""
    return signed_in(staff.coordinator, "kalamata", world.kalamata)


def in_english(client):
    client.cookies["django_language"] = "en"
    return client


# --- Registration -------------------------------------------------------------------------


def test_registering_creates_the_person_and_opens_their_page_with_the_latin_name(sofia, world):
    response = sofia.post(url("person_register"), form(amka="170580 12349"))
    connection.set_tenant(world.kalamata)
    person = Beneficiary.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("person_detail", person_id=person.pk)
    assert (person.first_name_latin, person.last_name_latin) == ("Georgios", "Papadopoulos")
    assert person.amka == AMKA and person.target_groups == ["unemployed"]
    page = sofia.get(response["Location"]).content.decode()
    assert "Γεώργιος Παπαδόπουλος" in page and "Georgios Papadopoulos" in page


def test_the_registration_form_offers_only_the_centres_municipalities(sofia):
    html = sofia.get(url("person_register")).content.decode()
    assert "Οιχαλ" in html and "Καλαμ" in html
    assert "Λαμιέων" not in html


def test_partner_staff_register_residents_of_their_municipality_only(staff, world):
    petros = signed_in(staff.partner, "oichalia", world.kalamata)
    html = petros.get(url("person_register")).content.decode()
    select = re.search(r'<select name="municipality".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', select) == [str(municipality(OICHALIA).pk)]
    response = petros.post(
        url("person_register"), form(municipality=municipality(OICHALIA).pk, amka=AMKA)
    )
    assert response.status_code == 302
    refused = petros.post(url("person_register"), form(first_name="Άννα"))  # Kalamata
    assert refused.status_code == 400
    assert people_count(world) == 1


def test_a_known_amka_is_blocked_with_a_link_to_the_person_already_registered(
    sofia, world, register
):
    existing = register(amka=AMKA, first_name="Ελένη", last_name="Κωνσταντίνου")
    response = in_english(sofia).post(url("person_register"), form(amka=AMKA))
    html = response.content.decode()
    assert response.status_code == 400
    assert "A person with this ΑΜΚΑ is already registered." in html
    assert url("person_detail", person_id=existing.pk) in html
    assert people_count(world) == 1


def test_a_known_amka_outside_the_partners_reach_is_blocked_without_naming_the_person(
    staff, world, register
):
    register(amka=AMKA, first_name="Ελένη", last_name="Κωνσταντίνου")  # lives in Kalamata
    petros = in_english(signed_in(staff.partner, "oichalia", world.kalamata))
    response = petros.post(
        url("person_register"), form(amka=AMKA, municipality=municipality(OICHALIA).pk)
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "already registered" in html and "Ελένη" not in html
    assert people_count(world) == 1


def test_similar_people_are_shown_and_registering_anyway_works(sofia, world, register):
    existing = register()
    first = sofia.post(url("person_register"), form(first_name="Γιωργος", last_name="Παπαδοπουλος"))
    html = first.content.decode()
    assert first.status_code == 400
    assert url("person_detail", person_id=existing.pk) in html
    assert 'name="confirm_not_duplicate"' in html
    assert people_count(world) == 1

    second = sofia.post(
        url("person_register"),
        form(first_name="Γιωργος", last_name="Παπαδοπουλος", confirm_not_duplicate="on"),
    )
    assert second.status_code == 302
    assert people_count(world) == 2


def test_an_invalid_amka_is_refused_in_greek_and_in_english_and_nothing_is_stored(sofia, world):
    greek = sofia.post(url("person_register"), form(amka=BAD_AMKA))
    assert greek.status_code == 400
    assert "Ο ΑΜΚΑ δεν είναι έγκυρος" in greek.content.decode()

    english = in_english(sofia).post(url("person_register"), form(amka=BAD_AMKA))
    assert english.status_code == 400
    assert "This ΑΜΚΑ is not valid: its check digit does not match." in english.content.decode()

    assert people_count(world) == 0
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


def test_editing_a_name_keeps_the_latin_name_in_step_unless_it_is_typed(sofia, world, register):
    person = register()
    data = form(first_name_latin="Georgios", last_name_latin="Papadopoulos")
    page = url("person_edit", person_id=person.pk)
    assert sofia.post(page, {**data, "first_name": "Νικόλαος"}).status_code == 302
    connection.set_tenant(world.kalamata)
    person.refresh_from_db()
    assert (person.first_name, person.first_name_latin) == ("Νικόλαος", "Nikolaos")

    typed = {**data, "first_name": "Δημήτρης", "first_name_latin": "Demetrius"}
    assert sofia.post(page, typed).status_code == 302
    connection.set_tenant(world.kalamata)
    person.refresh_from_db()
    assert person.first_name_latin == "Demetrius"


# --- Search -------------------------------------------------------------------------------


def test_search_finds_a_person_by_an_accent_free_latin_query(sofia, register):
    person = register(amka=AMKA)
    register(first_name="Ελένη", last_name="Κωνσταντίνου", birth_date=None)
    html = sofia.get(url("people"), {"q": "papadopoulos georgios"}).content.decode()
    assert url("person_detail", person_id=person.pk) in html
    assert "Κωνσταντίνου" not in html


def test_search_says_clearly_when_no_one_matches(sofia, register):
    register()
    response = in_english(sofia).get(url("people"), {"q": "zzzz"})
    assert response.status_code == 200
    assert "No one matches this search." in response.content.decode()


def test_search_filters_by_municipality(sofia, staff, world, register):
    register(
        first_name="Άννα",
        actor=actor_of(staff.partner, world.kalamata),
        municipality=municipality(OICHALIA),
    )
    register(first_name="Βασιλική")
    html = sofia.get(url("people"), {"municipality": municipality(OICHALIA).pk}).content.decode()
    assert "Άννα" in html and "Βασιλική" not in html


def test_partner_staff_find_only_the_residents_of_their_municipality(staff, world, register):
    register(
        first_name="Άννα",
        actor=actor_of(staff.partner, world.kalamata),
        municipality=municipality(OICHALIA),
    )
    register(first_name="Βασιλική")
    petros = signed_in(staff.partner, "oichalia", world.kalamata)
    html = petros.get(url("people"), {"q": "Παπαδόπουλος"}).content.decode()
    assert "Άννα" in html and "Βασιλική" not in html


# --- The person's file and what each role sees ----------------------------------------


def test_the_page_of_a_person_links_only_to_what_the_role_allows(staff, world, register, kostas):
    person = register()
    psychologist = signed_in(staff.psychologist, "kalamata", world.kalamata)
    html = psychologist.get(url("person_detail", person_id=person.pk)).content.decode()
    assert url("person_edit", person_id=person.pk) not in html
    assert url("person_merge", person_id=person.pk) not in html
    coordinator_html = kostas.get(url("person_detail", person_id=person.pk)).content.decode()
    for name in ("person_edit", "person_merge", "person_audit", "person_export", "case_open"):
        assert url(name, person_id=person.pk) in coordinator_html, name


def test_household_created_member_added_and_marked_as_left(sofia, world, register):
    head = register()
    child = register(first_name="Ελένη", birth_date=None)
    assert sofia.post(url("household", person_id=head.pk), {"address": ""}).status_code == 302
    found = sofia.get(url("household", person_id=head.pk), {"q": "Ελένη"}).content.decode()
    assert f'value="{child.pk}"' in found
    added = sofia.post(
        url("household_member_add", person_id=head.pk),
        {"beneficiary": child.pk, "relation": "child", "monthly_income": "0"},
    )
    assert added.status_code == 302
    other = sofia.post(
        url("household_member_add", person_id=head.pk),
        {"name": "Κώστας Παπαδόπουλος", "relation": "spouse", "monthly_income": "450.50"},
    )
    assert other.status_code == 302
    connection.set_tenant(world.kalamata)
    spouse = HouseholdMember.objects.get(name="Κώστας Παπαδόπουλος")
    left = sofia.post(url("household_member_leave", person_id=head.pk, member_id=spouse.pk))
    assert left.status_code == 302
    connection.set_tenant(world.kalamata)
    spouse.refresh_from_db()
    assert spouse.left_on is not None
    assert HouseholdMember.objects.filter(beneficiary=child, left_on__isnull=True).exists()
    page = sofia.get(url("household", person_id=head.pk)).content.decode()
    assert "Κώστας Παπαδόπουλος" in page  # still in the membership history


def test_a_household_member_needs_a_name_or_a_registered_person(sofia, world, register):
    head = register()
    sofia.post(url("household", person_id=head.pk), {"address": ""})
    response = sofia.post(
        url("household_member_add", person_id=head.pk), {"relation": "child", "monthly_income": "0"}
    )
    assert response.status_code == 400
    connection.set_tenant(world.kalamata)
    assert HouseholdMember.objects.count() == 1  # the head only


def test_consent_is_recorded_and_withdrawn(sofia, world, register):
    person = register()
    response = sofia.post(
        url("consents", person_id=person.pk),
        {"purpose": "referrals", "legal_basis": "consent", "given_on": "2024-03-01"},
    )
    assert response.status_code == 302
    connection.set_tenant(world.kalamata)
    record = ConsentRecord.objects.get(beneficiary=person)
    withdraw = url("consent_withdraw", person_id=person.pk, consent_id=record.pk)
    assert sofia.get(withdraw).status_code == 405
    assert sofia.post(withdraw).status_code == 302
    connection.set_tenant(world.kalamata)
    record.refresh_from_db()
    assert record.withdrawn_on is not None


def test_a_case_is_opened_and_closed_with_a_reason_and_exit_data(sofia, staff, world, register):
    person = register()
    opened = sofia.post(url("case_open", person_id=person.pk), {"unit": _main_unit(world).pk})
    assert opened.status_code == 302
    connection.set_tenant(world.kalamata)
    case = Case.objects.get(beneficiary=person)
    assert list(case.caseworkers.all()) == [staff.social_worker]
    edit = url("case_edit", person_id=person.pk, case_id=case.pk)
    data = {"status": "closed", "unit": case.unit_id, "caseworkers": [staff.social_worker.pk]}
    assert sofia.post(edit, data).status_code == 400  # no closure reason
    closed = sofia.post(edit, {**data, "closure_reason": "goals_met", "exit_employed": "on"})
    assert closed.status_code == 302
    connection.set_tenant(world.kalamata)
    case.refresh_from_db()
    assert (case.status, case.closure_reason, case.exit_employed) == ("closed", "goals_met", True)


def _main_unit(world):
    from tenants.models import Unit

    return Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)


# --- Merge --------------------------------------------------------------------------------


def test_the_coordinator_compares_and_merges_two_records(kostas, world, register):
    keep = register(amka=AMKA)
    duplicate = register(first_name="Γιωργος", phone="6970000000")
    compare = kostas.get(url("person_merge", person_id=keep.pk), {"other_id": duplicate.pk})
    assert compare.status_code == 200
    assert "6970000000" in compare.content.decode()
    merged = kostas.post(
        url("person_merge", person_id=keep.pk), {"other_id": duplicate.pk, "keep": "this"}
    )
    assert merged.status_code == 302
    assert merged["Location"] == url("person_detail", person_id=keep.pk)
    connection.set_tenant(world.kalamata)
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == keep.pk


def test_a_social_worker_may_not_merge(sofia, world, register):
    keep, duplicate = register(), register(first_name="Γιωργος")
    page = url("person_merge", person_id=keep.pk)
    assert sofia.get(page, {"other_id": duplicate.pk}).status_code == 403
    assert sofia.post(page, {"other_id": duplicate.pk, "keep": "this"}).status_code == 403
    connection.set_tenant(world.kalamata)
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id is None


# --- Audit and export ---------------------------------------------------------------------


def test_the_audit_page_lists_who_read_the_record(sofia, kostas, staff, world, register):
    person = register()
    assert sofia.get(url("person_detail", person_id=person.pk)).status_code == 200
    response = kostas.get(url("person_audit", person_id=person.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert url("staff_audit", user_id=staff.social_worker.pk) in html
    assert url("person_detail", person_id=person.pk) in html  # the path read
    assert sofia.get(url("person_audit", person_id=person.pk)).status_code == 403


def test_the_staff_audit_shows_what_one_member_did(sofia, kostas, staff, register):
    person = register()
    sofia.get(url("person_detail", person_id=person.pk))
    response = kostas.get(url("staff_audit", user_id=staff.social_worker.pk))
    assert response.status_code == 200
    assert url("person_detail", person_id=person.pk) in response.content.decode()
    assert sofia.get(url("staff_audit", user_id=staff.coordinator.pk)).status_code == 403


def test_the_export_downloads_as_json_with_the_person_and_their_case(kostas, world, register):
    from casework.cases import case_open

    person = register(amka=AMKA)
    actor = actor_of(world.kostas, world.kalamata)
    case_open(actor=actor, person=person, unit=_main_unit(world))
    response = kostas.get(url("person_export_json", person_id=person.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["amka"] == AMKA and data["person"]["first_name"] == "Γεώργιος"
    assert data["cases"][0]["caseworkers"] == [world.kostas.pk]
    printable = kostas.get(url("person_export", person_id=person.pk))
    assert printable.status_code == 200
    assert "Γεώργιος" in printable.content.decode()
    connection.set_tenant(world.kalamata)
    assert AuditEvent.objects.filter(
        beneficiary_id=person.pk, action=AuditEvent.Action.EXPORT
    ).exists()


def test_only_the_coordinator_exports(sofia, register):
    person = register()
    assert sofia.get(url("person_export_json", person_id=person.pk)).status_code == 403


def test_the_navbar_links_to_people(sofia):
    assert url("people") in sofia.get("/").content.decode()
