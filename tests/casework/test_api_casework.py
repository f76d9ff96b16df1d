"""The casework API (/api/v1/…) through the test client: a happy path per group of
endpoints, the registry's conflicts, bad input, confidential notes, uploads, and who gets
404 (another centre, partner staff out of their municipality) or 403 (a role)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.authtoken.models import Token

from casework.models import (
    AuditEvent,
    Beneficiary,
    Contact,
    Document,
    HouseholdMember,
    Note,
)
from tests.casework.conftest import KALAMATA, OICHALIA, actor_of, municipality
from tests.helpers import client_on, signed_in

AMKA = "17058012349"  # born 17/05/1980, valid check digit
BAD_AMKA = "17058012342"  # the same with a wrong check digit
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<html><script>alert(1)</script></html>"
ROLE_REFUSED = "Your role does not allow this."


def api(user, host: str = "kalamata"):
    """A client that signs its requests with the user's API token, reading English."""
    token = Token.objects.get_or_create(user=user)[0]
    client = client_on(host)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    client.cookies["django_language"] = "en"
    return client


def session(user, world, host: str = "kalamata"):
    """The same with the session of a signed-in browser."""
    client = signed_in(user, host, world.kalamata)
    client.cookies["django_language"] = "en"
    return client


def send(client, method: str, path: str, data=None):
    return getattr(client, method)(path, data or {}, content_type="application/json")


def in_kalamata(world) -> None:
    connection.set_tenant(world.kalamata)


def main_unit(world):
    from tenants.models import Unit

    return Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)


def registration(**overrides) -> dict:
    data = {
        "first_name": "Γεώργιος",
        "last_name": "Παπαδόπουλος",
        "sex": "male",
        "birth_date": "1980-05-17",
        "municipality": KALAMATA,
        "phone": "691 234 5678",
        "target_groups": ["unemployed"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def person(register):
    return register()


@pytest.fixture
def sofia(staff):
    """The social worker's API client."""
    return api(staff.social_worker)


@pytest.fixture
def kostas(staff):
    """The coordinator's API client."""
    return api(staff.coordinator)


# --- People: register, search, read, edit, merge ----------------------------------------------


def test_register_search_read_and_edit_a_person(sofia, world):
    created = send(sofia, "post", "/api/v1/people/", registration(amka="170580-12349"))
    assert created.status_code == 201, created.json()
    person = created.json()
    assert person["amka"] == AMKA
    assert person["last_name_latin"] == "Papadopoulos"
    assert person["municipality"]["code"] == KALAMATA

    found = sofia.get("/api/v1/people/", {"q": "papadopoulos"}).json()
    assert found["count"] == 1
    assert found["results"][0]["id"] == person["id"]
    assert sofia.get("/api/v1/people/", {"target_group": "roma"}).json()["count"] == 0

    path = f"/api/v1/people/{person['id']}/"
    assert sofia.get(path).json()["first_name"] == "Γεώργιος"
    edited = send(sofia, "patch", path, {"phone": "6987654321", "target_groups": ["roma"]})
    assert edited.status_code == 200, edited.json()
    assert edited.json()["phone"] == "+306987654321"
    assert edited.json()["first_name"] == "Γεώργιος"


def test_search_filters_of_case_files_need_a_role_that_sees_cases(staff, person):
    response = api(staff.administrative).get("/api/v1/people/", {"case_status": "open"})
    assert response.status_code == 403
    assert response.json()["detail"] == ROLE_REFUSED


def test_a_known_amka_is_a_conflict_naming_the_registered_person(sofia, register, world):
    existing = register(amka=AMKA, first_name="Ελένη", last_name="Κωνσταντίνου")
    before = Beneficiary.objects.count()
    response = send(sofia, "post", "/api/v1/people/", registration(amka=AMKA))
    assert response.status_code == 409
    assert response.json()["existing_person"] == existing.pk
    assert response.json()["errors"]["__all__"] == [
        "A person with this ΑΜΚΑ is already registered."
    ]
    in_kalamata(world)
    assert Beneficiary.objects.count() == before


def test_a_known_amka_outside_reach_is_not_named(staff, register, world):
    register(amka=AMKA)  # a resident of Kalamata: out of the partner's reach
    response = send(
        api(staff.partner, "oichalia"),
        "post",
        "/api/v1/people/",
        registration(amka=AMKA, first_name="Νίκος", municipality=OICHALIA),
    )
    assert response.status_code == 409
    assert response.json()["existing_person"] is None


def test_an_invalid_amka_is_refused_with_its_message_and_nothing_is_stored(sofia, world):
    in_kalamata(world)
    before = (Beneficiary.objects.count(), AuditEvent.objects.filter(action="create").count())
    response = send(sofia, "post", "/api/v1/people/", registration(amka=BAD_AMKA))
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "amka": ["This ΑΜΚΑ is not valid: its check digit does not match. Check for a typo."]
        }
    }
    in_kalamata(world)
    assert (
        Beneficiary.objects.count(),
        AuditEvent.objects.filter(action="create").count(),
    ) == before


def test_bad_types_are_field_errors_in_the_same_shape(sofia):
    response = send(sofia, "post", "/api/v1/people/", registration(birth_date="17/05/80", sex="x"))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"birth_date", "sex"}


def test_the_registering_unit_must_be_one_of_the_centre(sofia, world):
    from tenants.models import Unit

    lamia_unit = Unit.objects.filter(tenant=world.lamia).first()
    response = send(sofia, "post", "/api/v1/people/", registration(unit=lamia_unit.pk))
    assert response.status_code == 400
    assert response.json()["errors"]["unit"] == ["The unit belongs to another centre."]
    assert (
        send(sofia, "post", "/api/v1/people/", registration(unit=main_unit(world).pk)).json()[
            "unit"
        ]["id"]
        == main_unit(world).pk
    )


def test_similar_people_must_be_confirmed_before_registering(sofia, person):
    similar = registration(first_name="Γιώργος", phone="")
    warned = send(sofia, "post", "/api/v1/people/", similar)
    assert warned.status_code == 409
    assert [c["id"] for c in warned.json()["candidates"]] == [person.pk]
    assert warned.json()["hidden_candidates"] == 0
    confirmed = send(sofia, "post", "/api/v1/people/", {**similar, "confirm_not_duplicate": True})
    assert confirmed.status_code == 201


def test_the_coordinator_merges_two_records(kostas, sofia, register, world):
    keep = register()
    duplicate = register(first_name="Γιώργος", phone="6900000000")
    path = f"/api/v1/people/{keep.pk}/merge/"
    refused = send(sofia, "post", path, {"other_id": duplicate.pk})
    assert refused.status_code == 403
    merged = send(kostas, "post", path, {"other_id": duplicate.pk})
    assert merged.status_code == 200, merged.json()
    assert merged.json()["id"] == keep.pk
    in_kalamata(world)
    assert Beneficiary.objects.get(pk=duplicate.pk).merged_into_id == keep.pk


# --- Consent, household, case -----------------------------------------------------------------


def test_consent_is_recorded_listed_and_withdrawn(sofia, person):
    path = f"/api/v1/people/{person.pk}/consents/"
    created = send(sofia, "post", path, {"purpose": "referrals", "legal_basis": "consent"})
    assert created.status_code == 201, created.json()
    assert sofia.get(path).json()["count"] == 1
    withdrawn = send(sofia, "post", f"{path}{created.json()['id']}/withdraw/")
    assert withdrawn.status_code == 200
    assert withdrawn.json()["is_active"] is False
    again = send(sofia, "post", f"{path}{created.json()['id']}/withdraw/")
    assert again.status_code == 400
    assert again.json()["errors"]["__all__"] == ["This consent was already withdrawn."]


def test_household_members_join_and_leave(sofia, person, register, world):
    base = f"/api/v1/people/{person.pk}/household/"
    assert sofia.get(base).json()["household"] is None
    assert send(sofia, "post", base, {"address": "Αριστομένους 1"}).status_code == 201
    spouse = register(first_name="Μαρία", birth_date="1982-03-02", phone="6911111111")
    added = send(sofia, "post", f"{base}members/", {"beneficiary": spouse.pk, "relation": "spouse"})
    assert added.status_code == 201, added.json()
    child = send(sofia, "post", f"{base}members/", {"name": "Νίκος", "relation": "child"})
    assert child.status_code == 201
    nobody = send(sofia, "post", f"{base}members/", {"relation": "child"})
    assert nobody.status_code == 400
    assert nobody.json()["errors"]["name"] == ["Choose a registered person or write the name."]
    left = send(sofia, "post", f"{base}members/{child.json()['id']}/leave/")
    assert left.status_code == 200
    household = sofia.get(base).json()["household"]
    assert len(household["members"]) == 3
    assert [m["name"] for m in household["members"] if m["left_on"] is None] == [
        "Παπαδόπουλος Γεώργιος",
        "Παπαδόπουλος Μαρία",
    ]
    in_kalamata(world)
    assert HouseholdMember.objects.filter(left_on__isnull=False).count() == 1


def test_a_case_is_opened_and_closed_only_with_a_reason(sofia, staff, person, world):
    base = f"/api/v1/people/{person.pk}/cases/"
    opened = send(
        sofia,
        "post",
        base,
        {"unit": main_unit(world).pk, "caseworkers": [staff.social_worker.pk]},
    )
    assert opened.status_code == 201, opened.json()
    case = opened.json()
    assert case["status"] == "open"
    assert [c["id"] for c in case["caseworkers"]] == [staff.social_worker.pk]
    no_reason = send(sofia, "patch", f"{base}{case['id']}/", {"status": "closed"})
    assert no_reason.status_code == 400
    assert no_reason.json()["errors"]["closure_reason"] == ["Say why the case is closed."]
    closed = send(
        sofia,
        "patch",
        f"{base}{case['id']}/",
        {"status": "closed", "closure_reason": "goals_met", "exit_employed": True},
    )
    assert closed.status_code == 200
    assert closed.json()["exit_employed"] is True
    assert sofia.get(base).json()["results"][0]["status"] == "closed"


def test_caseworkers_must_be_staff_of_the_centre(sofia, world, person):
    response = send(
        sofia,
        "post",
        f"/api/v1/people/{person.pk}/cases/",
        {"unit": main_unit(world).pk, "caseworkers": [world.alice.pk]},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["caseworkers"] == ["Caseworkers must be staff of this centre."]


# --- Reception and timeline -------------------------------------------------------------------


def test_a_contact_with_its_requests_shows_on_the_timeline(sofia, person, world):
    base = f"/api/v1/people/{person.pk}/"
    created = send(
        sofia,
        "post",
        f"{base}contacts/",
        {
            "unit": main_unit(world).pk,
            "channel": "phone",
            "requests": [{"category": "minimum_income"}, {"category": "housing_benefit"}],
            "summary": "Ζήτησε πληροφορίες",
        },
    )
    assert created.status_code == 201, created.json()
    contact = created.json()
    assert [r["category"] for r in contact["requests"]] == ["minimum_income", "housing_benefit"]
    assert sofia.get(f"{base}contacts/").json()["count"] == 1
    assert sofia.get(f"{base}contacts/{contact['id']}/").json()["channel"] == "phone"
    timeline = sofia.get(f"{base}timeline/", {"kind": "contact"}).json()
    assert [(e["kind"], e["object_id"]) for e in timeline["results"]] == [
        ("contact", contact["id"])
    ]


def test_a_contact_needs_at_least_one_request(sofia, person, world):
    response = send(
        sofia,
        "post",
        f"/api/v1/people/{person.pk}/contacts/",
        {"unit": main_unit(world).pk, "requests": []},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["requests"] == ["Record at least one request."]


def test_an_anonymous_request_names_nobody(sofia, world):
    in_kalamata(world)
    before = Contact.objects.filter(beneficiary__isnull=True).count()
    response = send(
        sofia,
        "post",
        "/api/v1/anonymous-requests/",
        {"unit": main_unit(world).pk, "requests": [{"category": "information"}]},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["municipality"]["code"] == KALAMATA
    assert response.json()["requests"][0]["outcome"] == "informed"
    in_kalamata(world)
    assert Contact.objects.filter(beneficiary__isnull=True).count() == before + 1


# --- Assessments, histories, plans, services -------------------------------------------------


def test_needs_assessments_are_versioned(sofia, person):
    base = f"/api/v1/people/{person.pk}/assessments/"
    first = send(sofia, "post", base, {"scores": [{"domain": "income", "severity": 3}]})
    assert first.status_code == 201, first.json()
    second = send(
        sofia,
        "post",
        base,
        {"scores": [{"domain": "income", "severity": 1}, {"domain": "housing", "severity": 2}]},
    )
    assert second.json()["version"] == 2
    assert [a["version"] for a in sofia.get(base).json()["results"]] == [2, 1]
    detail = sofia.get(f"{base}{first.json()['id']}/").json()
    assert detail["scores"] == [{"domain": "income", "severity": 3, "notes": ""}]
    too_high = send(sofia, "post", base, {"scores": [{"domain": "income", "severity": 7}]})
    assert too_high.status_code == 400


def test_social_history_and_research(sofia, person):
    base = f"/api/v1/people/{person.pk}/"
    empty = send(sofia, "post", f"{base}social-history/", {"text": "  "})
    assert empty.status_code == 400
    assert empty.json()["errors"]["text"] == ["The social history cannot be empty."]
    assert send(sofia, "post", f"{base}social-history/", {"text": "Ιστορικό"}).status_code == 201
    assert sofia.get(f"{base}social-history/").json()["results"][0]["version"] == 1

    research = send(
        sofia,
        "post",
        f"{base}social-research/",
        {"requested_by": "Εισαγγελία Καλαμάτας", "purpose": "Επιμέλεια"},
    )
    assert research.status_code == 201, research.json()
    completed = send(
        sofia,
        "post",
        f"{base}social-research/{research.json()['id']}/complete/",
        {"report": "Έκθεση"},
    )
    assert completed.status_code == 200
    assert completed.json()["status"] == "completed"


def test_an_action_plan_with_goals_steps_and_a_review(sofia, staff, person):
    base = f"/api/v1/people/{person.pk}/"
    plan = send(sofia, "post", f"{base}plans/")
    assert plan.status_code == 201, plan.json()
    plan_id = plan.json()["id"]
    assert send(sofia, "post", f"{base}plans/").status_code == 400  # one active plan
    goal = send(
        sofia,
        "post",
        f"{base}plans/{plan_id}/goals/",
        {"need": "income", "description": "Αίτηση ΕΕΕ"},
    )
    assert goal.status_code == 201, goal.json()
    step = send(
        sofia,
        "post",
        f"{base}goals/{goal.json()['id']}/steps/",
        {
            "description": "Συγκέντρωση δικαιολογητικών",
            "owner": "staff",
            "owner_staff": staff.social_worker.pk,
        },
    )
    assert step.status_code == 201, step.json()
    done = send(sofia, "post", f"{base}steps/{step.json()['id']}/status/", {"status": "done"})
    assert done.json()["status"] == "done"
    review = send(sofia, "post", f"{base}plans/{plan_id}/reviews/", {"notes": "Πρόοδος"})
    assert review.status_code == 201
    shown = sofia.get(f"{base}plans/{plan_id}/").json()
    assert shown["progress"] == 100
    assert len(shown["goals"][0]["steps"]) == 1
    assert len(shown["reviews"]) == 1


def test_services_are_recorded_by_the_right_profession(sofia, staff, person):
    base = f"/api/v1/people/{person.pk}/services/"
    ok = send(sofia, "post", base, {"kind": "counselling", "duration_minutes": 30})
    assert ok.status_code == 201, ok.json()
    refused = send(sofia, "post", base, {"kind": "psychological_session"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["kind"] == [
        "Only the matching profession records this service."
    ]
    assert (
        send(api(staff.psychologist), "post", base, {"kind": "psychological_session"}).status_code
        == 201
    )
    assert sofia.get(base).json()["count"] == 2


# --- Confidential notes and break-glass -------------------------------------------------------


def test_a_social_worker_cannot_read_psychological_notes(sofia, staff, person, world):
    base = f"/api/v1/people/{person.pk}/notes/"
    psychologist = api(staff.psychologist)
    assert (
        send(psychologist, "post", base, {"kind": "psychological", "text": "Ψ"}).status_code == 201
    )
    assert send(sofia, "post", base, {"kind": "general", "text": "Γ"}).status_code == 201
    assert {n["kind"] for n in sofia.get(base).json()["results"]} == {"general"}
    assert {n["kind"] for n in psychologist.get(base).json()["results"]} == {
        "general",
        "psychological",
    }
    refused = send(sofia, "post", base, {"kind": "psychological", "text": "Ψ2"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == ROLE_REFUSED
    in_kalamata(world)
    assert Note.objects.filter(kind="psychological").count() == 1
    assert api(staff.administrative).get(base).status_code == 403


def test_break_glass_opens_the_notes_and_the_coordinator_sees_it(sofia, kostas, staff, person):
    base = f"/api/v1/people/{person.pk}/"
    psychologist = api(staff.psychologist)
    send(psychologist, "post", f"{base}notes/", {"kind": "psychological", "text": "Ψ"})
    short = send(sofia, "post", f"{base}break-glass/", {"kind": "psychological", "reason": "x"})
    assert short.status_code == 400
    assert short.json()["errors"]["reason"] == ["Give the reason in at least 15 characters."]
    opened = send(
        sofia,
        "post",
        f"{base}break-glass/",
        {"kind": "psychological", "reason": "Κίνδυνος αυτοτραυματισμού, επείγον"},
    )
    assert opened.status_code == 201, opened.json()
    assert "psychological" in {n["kind"] for n in sofia.get(f"{base}notes/").json()["results"]}
    log = kostas.get("/api/v1/break-glass-log/")
    assert log.status_code == 200
    assert [a["id"] for a in log.json()["results"]] == [opened.json()["id"]]
    assert sofia.get("/api/v1/break-glass-log/").status_code == 403


# --- Documents --------------------------------------------------------------------------------


def test_a_document_is_uploaded_listed_and_downloaded(sofia, person):
    base = f"/api/v1/people/{person.pk}/documents/"
    uploaded = sofia.post(
        base,
        {
            "file": SimpleUploadedFile("ταυτότητα.pdf", PDF, "application/pdf"),
            "doc_type": "id_card",
        },
    )
    assert uploaded.status_code == 201, uploaded.json()
    document = uploaded.json()
    assert document["content_type"] == "application/pdf"
    assert sofia.get(base).json()["count"] == 1
    download = sofia.get(document["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_disguised_file_is_refused_and_nothing_is_kept(sofia, person, world, settings):
    response = sofia.post(
        f"/api/v1/people/{person.pk}/documents/",
        {"file": SimpleUploadedFile("scan.pdf", HTML, "application/pdf"), "doc_type": "id_card"},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        "This file type is not accepted: upload a PDF, an image or an office file."
    ]
    in_kalamata(world)
    assert not Document.objects.exists()
    folder = settings.KENTRO_DOCUMENTS_DIR
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def test_an_oversized_file_is_refused(sofia, person, world, settings):
    settings.KENTRO_MAX_UPLOAD_MB = 1
    big = PDF + b"0" * (1024 * 1024)
    response = sofia.post(
        f"/api/v1/people/{person.pk}/documents/",
        {"file": SimpleUploadedFile("big.pdf", big, "application/pdf"), "doc_type": "other"},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The file is larger than 1 MB."]
    in_kalamata(world)
    assert not Document.objects.exists()


# --- Audit and export -------------------------------------------------------------------------


def test_the_coordinator_reads_the_audit_trails_and_exports(kostas, sofia, staff, person):
    sofia.get(f"/api/v1/people/{person.pk}/")
    trail = kostas.get(f"/api/v1/people/{person.pk}/audit/")
    assert trail.status_code == 200
    assert any(
        e["user"] and e["user"]["id"] == staff.social_worker.pk and e["action"] == "view"
        for e in trail.json()["results"]
    )
    staff_trail = kostas.get(f"/api/v1/staff/{staff.social_worker.pk}/audit/")
    assert staff_trail.status_code == 200
    assert staff_trail.json()["count"] >= 1
    export = kostas.get(f"/api/v1/people/{person.pk}/export/")
    assert export.status_code == 200
    assert export.json()["person"]["last_name"] == "Παπαδόπουλος"
    for path in ("audit/", "export/"):
        assert sofia.get(f"/api/v1/people/{person.pk}/{path}").status_code == 403
    assert sofia.get(f"/api/v1/staff/{staff.social_worker.pk}/audit/").status_code == 403


def test_a_staff_trail_of_someone_outside_the_centre_is_not_found(kostas, world):
    assert kostas.get(f"/api/v1/staff/{world.alice.pk}/audit/").status_code == 404


# --- Session authentication, outsiders, partner staff -----------------------------------------


def test_a_signed_in_browser_session_works_too(staff, world, person):
    client = session(staff.social_worker, world)
    assert client.get(f"/api/v1/people/{person.pk}/").status_code == 200
    created = send(
        client, "post", f"/api/v1/people/{person.pk}/notes/", {"kind": "general", "text": "Σ"}
    )
    assert created.status_code == 201


def test_anonymous_requests_are_refused(person):
    response = client_on("kalamata").get(f"/api/v1/people/{person.pk}/")
    assert response.status_code == 401


@pytest.mark.parametrize("outsider", ["alice", "bob"])
def test_a_lamia_member_gets_404_on_a_kalamata_person(world, person, outsider):
    user = getattr(world, outsider)
    for client in (api(user), session(user, world)):
        assert client.get(f"/api/v1/people/{person.pk}/").status_code == 404
        assert client.get("/api/v1/people/").status_code == 404
    # On their own host the id means nothing: Kalamata's people live in another schema.
    assert api(user, "lamia").get(f"/api/v1/people/{person.pk}/").status_code == 404


def test_partner_staff_get_404_for_a_resident_of_kalamata(staff, register, world):
    resident = register()
    own = register(
        actor=actor_of(staff.partner, world.kalamata),
        first_name="Ανδρέας",
        phone="6922222222",
        municipality=municipality(OICHALIA),
    )
    petros = api(staff.partner, "oichalia")
    for path in ("", "notes/", "documents/", "timeline/", "merge/"):
        assert petros.get(f"/api/v1/people/{resident.pk}/{path}").status_code == 404, path
    assert send(petros, "patch", f"/api/v1/people/{resident.pk}/", {"phone": ""}).status_code == 404
    assert petros.get(f"/api/v1/people/{own.pk}/").status_code == 200
    found = petros.get("/api/v1/people/", {"q": "Παπαδόπουλος"}).json()
    assert [p["id"] for p in found["results"]] == [own.pk]


def test_partner_staff_cannot_register_residents_of_kalamata(staff, world):
    response = send(api(staff.partner, "oichalia"), "post", "/api/v1/people/", registration())
    assert response.status_code == 400
    assert response.json()["errors"]["municipality"] == [
        "You may register only residents of your municipality."
    ]


# --- OpenAPI ----------------------------------------------------------------------------------


def test_every_casework_endpoint_is_in_the_schema(kostas):
    response = kostas.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/people/",
        "/api/v1/people/{person_id}/notes/",
        "/api/v1/people/{person_id}/documents/",
        "/api/v1/documents/{document_id}/download/",
        "/api/v1/staff/{user_id}/audit/",
        "/api/v1/anonymous-requests/",
    ):
        assert path in paths, path
    listed = paths["/api/v1/people/{person_id}/notes/"]["get"]["responses"]["200"]
    assert listed["content"]["application/json"]["schema"]["$ref"].endswith("PaginatedNoteList")


def test_the_schema_validates_without_warnings(tmp_path):
    from django.core.management import call_command

    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert "/api/v1/people/{person_id}/merge/" in target.read_text()


def test_a_role_refusal_is_a_403_with_the_services_message(staff, person):
    response = send(
        api(staff.mediator), "post", f"/api/v1/people/{person.pk}/merge/", {"other_id": 1}
    )
    assert response.status_code == 403
    assert response.json() == {"detail": ROLE_REFUSED}


def test_unknown_ids_in_paths_are_plain_404s(sofia, person):
    response = send(sofia, "post", f"/api/v1/people/{person.pk}/consents/999999/withdraw/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    "path",
    ["people/", "people/{id}/", "people/{id}/cases/", "people/{id}/notes/", "people/{id}/plans/"],
)
def test_the_browsable_api_renders_with_its_forms(staff, person, path):
    response = api(staff.coordinator).get(
        "/api/v1/" + path.format(id=person.pk), HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
