"""A live referral crosses from Lamia to a service Larissa's centre provides, and back,
through the pages and the API, with only the allowed fields; Kalamata sees none of it, and
the public schema holds nothing about the person."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from casework.models import AuditEvent, Referral
from casework.models.referrals import ReferralStatus
from exchange.models import ReferralEnvelope
from tests.casework.conftest import actor_of
from tests.helpers import signed_in
from tests.referrals.conftest import consent_to_referrals, follow_up

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ENVELOPE_COLUMNS = {
    "id",
    "sending_tenant_id",
    "receiving_tenant_id",
    "sender_referral_id",
    "service_id",
    "status",
    "created_at",
    "updated_at",
    "answered_at",
}


@pytest.fixture
def reindexed(directory_services):
    from directory.search import reindex_services

    reindex_services([service.pk for service in directory_services])
    return directory_services


def _bob(world):
    return signed_in(world.bob, "lamia", world.lamia)


def _charlie(world):
    return signed_in(world.charlie, "larissa", world.larissa)


def _refer_through_the_pages(world, person, service, *, consent: bool = True) -> Referral:
    bob = _bob(world)
    actor = actor_of(world.bob, world.lamia)
    if consent:
        consent_to_referrals(actor, person)
    from casework.documents import document_upload

    document = document_upload(
        actor=actor,
        person=person,
        upload=SimpleUploadedFile("ιατρική.pdf", PDF, content_type="application/pdf"),
        doc_type="medical",
    )
    connection.set_schema_to_public()
    response = bob.post(
        f"/referrals/people/{person.pk}/new/",
        {
            "service": str(service.pk),
            "reason": "Άγχος μετά την απώλεια εργασίας",
            "urgency": "soon",
            "follow_up_on": follow_up().isoformat(),
            "documents": [document.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    referral_id = int(re.search(r"/referrals/(\d+)/$", response["Location"]).group(1))
    data = {} if consent else {"override_reason": "Προφορική συναίνεση, υπογράφει αύριο"}
    assert bob.post(f"/referrals/{referral_id}/send/", data).status_code == 302
    connection.set_tenant(world.lamia)
    return Referral.objects.get(pk=referral_id)


def test_the_new_page_finds_services_without_accents(world, reindexed, lamia_person):
    live, _ = reindexed
    connection.set_schema_to_public()
    page = _bob(world).get(
        f"/referrals/people/{lamia_person.pk}/new/", {"q": "ψυχοκοινωνικη υποστηριξη"}
    )
    assert page.status_code == 200
    assert f"service={live.pk}" in page.content.decode()


def test_a_live_referral_crosses_to_larissa_and_back(world, reindexed, lamia_person):
    live, _ = reindexed
    referral = _refer_through_the_pages(world, lamia_person, live)
    assert referral.status == ReferralStatus.SENT and referral.kind == "live"
    connection.set_schema_to_public()

    # Larissa's inbox: first name and initial, age band, languages, reason, urgency.
    charlie = _charlie(world)
    inbox = charlie.get("/referrals/inbox/").content.decode()
    assert "Αθανασία Ζ." in inbox
    assert "Ζαχαρίου" not in inbox
    envelope = ReferralEnvelope.objects.get(pk=referral.envelope_id)
    page = charlie.get(f"/referrals/inbox/{envelope.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    for allowed in ["Αθανασία Ζ.", "Άγχος μετά την απώλεια εργασίας", "30", "ar", "ιατρική.pdf"]:
        assert allowed in text
    assert "Ζαχαρίου" not in text and "1990" not in text

    # Larissa answers; Lamia's referral moves with it.
    assert (
        charlie.post(f"/referrals/inbox/{envelope.pk}/act/", {"transition": "accept"}).status_code
        == 302
    )
    connection.set_tenant(world.lamia)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    connection.set_schema_to_public()
    api = charlie.post(
        f"/api/v1/referrals/inbox/{envelope.pk}/answer/",
        {"transition": "start"},
        content_type="application/json",
    )
    assert api.status_code == 200 and api.json()["status"] == "in_progress"
    assert "Ζαχαρίου" not in api.content.decode()
    refused = charlie.post(f"/referrals/inbox/{envelope.pk}/act/", {"transition": "complete"})
    assert refused.status_code == 400
    assert (
        charlie.post(
            f"/referrals/inbox/{envelope.pk}/act/",
            {"transition": "complete", "outcome": "got_help"},
        ).status_code
        == 302
    )

    # Back in Lamia: completed, with the outcome and who answered from where.
    bob = _bob(world)
    detail = bob.get(f"/referrals/{referral.pk}/").content.decode()
    assert 'data-status="completed"' in detail and 'id="referral-outcome"' in detail
    assert "Κέντρο Κοινότητας Λάρισας" in detail
    data = bob.get(f"/api/v1/referrals/{referral.pk}/").json()
    assert data["status"] == "completed" and data["outcome"] == "got_help"
    assert [e["to_status"] for e in data["events"]] == [
        "draft",
        "sent",
        "accepted",
        "in_progress",
        "completed",
    ]
    assert {e["side"] for e in data["events"][2:]} == {"receiver"}

    # The sender cannot answer for the receiver.
    connection.set_tenant(world.lamia)
    # Larissa's reads were audited in Lamia's schema, where the person's record is.
    assert AuditEvent.objects.filter(
        object_type="referral", object_id=str(referral.pk), user_id=world.charlie.pk
    ).exists()


def test_the_sender_cannot_answer_a_live_referral(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0])
    connection.set_schema_to_public()
    response = _bob(world).post(f"/referrals/{referral.pk}/act/", {"transition": "accept"})
    assert response.status_code == 403
    connection.set_tenant(world.lamia)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_documents_reach_the_receiver_only_with_consent(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0], consent=False)
    assert referral.consent_recorded is False
    connection.set_schema_to_public()
    charlie = _charlie(world)
    page = charlie.get(f"/referrals/inbox/{referral.envelope_id}/").content.decode()
    assert "ιατρική.pdf" not in page
    connection.set_tenant(world.lamia)
    document = referral.documents.get()
    connection.set_schema_to_public()
    url = f"/referrals/inbox/{referral.envelope_id}/documents/{document.pk}/"
    assert charlie.get(url).status_code == 404


def test_the_receiver_downloads_an_attached_document_with_consent(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0])
    document = referral.documents.get()
    connection.set_schema_to_public()
    response = _charlie(world).get(
        f"/referrals/inbox/{referral.envelope_id}/documents/{document.pk}/"
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_third_centre_sees_none_of_it(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0])
    connection.set_schema_to_public()
    kostas = signed_in(world.kostas, "kalamata", world.kalamata)
    envelope = referral.envelope_id
    assert "Αθανασία" not in kostas.get("/referrals/inbox/").content.decode()
    assert kostas.get("/api/v1/referrals/inbox/").json()["count"] == 0
    for url in [
        f"/referrals/inbox/{envelope}/",
        f"/referrals/{referral.pk}/",
        f"/referrals/{referral.pk}/letter.pdf",
        f"/api/v1/referrals/inbox/{envelope}/",
        f"/api/v1/referrals/{referral.pk}/",
    ]:
        assert kostas.get(url).status_code == 404, url
    for url, data in [
        (f"/referrals/inbox/{envelope}/act/", {"transition": "accept"}),
        (f"/api/v1/referrals/inbox/{envelope}/answer/", {"transition": "accept"}),
        (f"/referrals/{referral.pk}/act/", {"transition": "cancel"}),
    ]:
        assert kostas.post(url, data).status_code == 404, url
    # Larissa's staff cannot open the Lamia referral itself, only the inbox view of it.
    charlie = _charlie(world)
    assert charlie.get(f"/referrals/{referral.pk}/").status_code == 404
    assert charlie.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404
    connection.set_tenant(world.lamia)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_partner_staff_do_not_see_the_inbox(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0])
    connection.set_schema_to_public()
    petros = signed_in(world.petros, "oichalia", world.kalamata)
    assert petros.get("/referrals/inbox/").status_code == 404
    assert petros.get(f"/referrals/inbox/{referral.envelope_id}/").status_code == 404


def test_nothing_personal_is_stored_in_the_public_schema(world, reindexed, lamia_person):
    referral = _refer_through_the_pages(world, lamia_person, reindexed[0])
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM public.exchange_referralenvelope")
        columns = {column.name for column in cursor.description}
        rows = cursor.fetchall()
    assert columns == ENVELOPE_COLUMNS
    assert len(rows) == 1
    stored = " ".join(str(value) for value in rows[0])
    for personal in ["Αθανασία", "Ζαχαρίου", "Άγχος", "1990", "ιατρική"]:
        assert personal not in stored
    assert str(referral.pk) in stored and str(world.lamia.pk) in stored


def test_unknown_envelopes_are_404(world):
    charlie = _charlie(world)
    assert charlie.get(f"/referrals/inbox/{uuid.uuid4()}/").status_code == 404
