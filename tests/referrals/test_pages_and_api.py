"""Referral pages and API on the referring side: bad input, the consent override, logged
referrals, the letter, the overdue list, and who may open what."""

from __future__ import annotations

import re
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from casework.models import AuditEvent, Referral
from casework.models.referrals import ReferralStatus
from casework.referrals import services as referrals
from tests.casework.conftest import actor_of
from tests.helpers import signed_in
from tests.referrals.conftest import follow_up


def _bob(world):
    client = signed_in(world.bob, "lamia", world.lamia)
    # Messages are read in English (the staff UI's default is Greek).
    client.cookies["django_language"] = "en"
    return client


def _new(client, person, chosen, **overrides):
    data = {
        "service": str(chosen.pk),
        "reason": "Χρειάζεται στήριξη",
        "urgency": "routine",
        "follow_up_on": follow_up().isoformat(),
    }
    data.update(overrides)
    return client.post(f"/referrals/people/{person.pk}/new/", data)


def test_the_person_tab_lists_referrals_and_links_to_the_directory(
    world, directory_services, lamia_person
):
    connection.set_schema_to_public()
    bob = _bob(world)
    assert _new(bob, lamia_person, directory_services[1]).status_code == 302
    page = bob.get(f"/referrals/people/{lamia_person.pk}/").content.decode()
    assert directory_services[1].name in page
    assert f"/directory/?person={lamia_person.pk}" in page
    person_page = bob.get(f"/people/{lamia_person.pk}/").content.decode()
    assert f"/referrals/people/{lamia_person.pk}/" in person_page


def test_bad_input_on_the_page_stores_nothing(english, world, directory_services, lamia_person):
    connection.set_schema_to_public()
    bob = _bob(world)
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    for overrides in [{"reason": ""}, {"follow_up_on": past}, {"service": ""}]:
        response = _new(bob, lamia_person, directory_services[1], **overrides)
        assert response.status_code == 400, overrides
        assert b"alert" in response.content or b"invalid" in response.content
    connection.set_tenant(world.lamia)
    assert not Referral.objects.exists()


def test_sending_without_consent_on_the_page_needs_a_reason(
    english, world, directory_services, lamia_person
):
    connection.set_schema_to_public()
    bob = _bob(world)
    location = _new(bob, lamia_person, directory_services[1])["Location"]
    referral_id = int(re.search(r"(\d+)/$", location).group(1))
    refused = bob.post(f"/referrals/{referral_id}/send/", {"override_reason": ""})
    assert refused.status_code == 400
    assert "No consent to referrals" in refused.content.decode()
    connection.set_tenant(world.lamia)
    assert Referral.objects.get(pk=referral_id).status == ReferralStatus.DRAFT
    connection.set_schema_to_public()
    sent = bob.post(f"/referrals/{referral_id}/send/", {"override_reason": "Κίνδυνος"})
    assert sent.status_code == 302
    connection.set_tenant(world.lamia)
    referral = Referral.objects.get(pk=referral_id)
    assert referral.status == ReferralStatus.SENT
    assert referral.consent_override_reason == "Κίνδυνος"


def test_the_caseworker_records_a_logged_referrals_answers(world, directory_services, lamia_person):
    connection.set_schema_to_public()
    bob = _bob(world)
    location = _new(bob, lamia_person, directory_services[1])["Location"]
    referral_id = int(re.search(r"(\d+)/$", location).group(1))
    bob.post(f"/referrals/{referral_id}/send/", {"override_reason": "Επείγον"})
    for data in [
        {"transition": "accept"},
        {"transition": "start"},
        {"transition": "complete", "outcome": "referred_elsewhere"},
    ]:
        assert bob.post(f"/referrals/{referral_id}/act/", data).status_code == 302, data
    api = bob.get(f"/api/v1/referrals/{referral_id}/").json()
    assert (api["status"], api["outcome"], api["kind"]) == (
        "completed",
        "referred_elsewhere",
        "logged",
    )


def test_the_letter_is_a_pdf_and_its_download_is_audited(world, directory_services, lamia_person):
    actor = actor_of(world.bob, world.lamia)
    referral = referrals.referral_create(
        actor=actor,
        person=lamia_person,
        service_id=directory_services[0].pk,
        reason="Ψυχοκοινωνική στήριξη — «επείγον»",
        follow_up_on=follow_up(),
    )
    connection.set_schema_to_public()
    bob = _bob(world)
    for url in [f"/referrals/{referral.pk}/letter.pdf", f"/api/v1/referrals/{referral.pk}/letter/"]:
        response = bob.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        # The Greek text is set in the embedded DejaVu Sans.
        assert b"DejaVu" in response.content
    connection.set_tenant(world.lamia)
    assert (
        AuditEvent.objects.filter(
            object_type="referral", object_id=str(referral.pk), action="export"
        ).count()
        == 2
    )


def test_the_overdue_list_is_the_caseworkers_own(world, directory_services, lamia_person):
    bob_actor = actor_of(world.bob, world.lamia)
    mine = referrals.referral_create(
        actor=bob_actor,
        person=lamia_person,
        service_id=directory_services[1].pk,
        reason="Α",
        follow_up_on=follow_up(),
    )
    alices = referrals.referral_create(
        actor=actor_of(world.alice, world.lamia),
        person=lamia_person,
        service_id=directory_services[1].pk,
        reason="Β",
        follow_up_on=follow_up(),
    )
    not_due = referrals.referral_create(
        actor=bob_actor,
        person=lamia_person,
        service_id=directory_services[0].pk,
        reason="Γ",
        follow_up_on=follow_up(),
    )
    past = timezone.localdate() - timedelta(days=2)
    Referral.objects.filter(pk__in=[mine.pk, alices.pk]).update(follow_up_on=past)
    connection.set_schema_to_public()
    bob = _bob(world)
    page = bob.get("/referrals/overdue/").content.decode()
    assert f"/referrals/{mine.pk}/" in page
    assert f"/referrals/{alices.pk}/" not in page and f"/referrals/{not_due.pk}/" not in page
    api = bob.get("/api/v1/referrals/overdue/").json()
    assert [r["id"] for r in api["results"]] == [mine.pk]


def test_the_api_creates_and_refuses_like_the_pages(
    english, world, directory_services, lamia_person
):
    connection.set_schema_to_public()
    bob = _bob(world)
    url = f"/api/v1/people/{lamia_person.pk}/referrals/"
    bad = bob.post(
        url,
        {"service_id": str(directory_services[0].pk), "reason": " ", "follow_up_on": "2020-01-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"reason"}
    past = bob.post(
        url,
        {"service_id": str(directory_services[0].pk), "reason": "Α", "follow_up_on": "2020-01-01"},
        content_type="application/json",
    )
    assert past.status_code == 400
    assert past.json()["errors"]["follow_up_on"]
    created = bob.post(
        url,
        {
            "service_id": str(directory_services[0].pk),
            "reason": "Στήριξη",
            "follow_up_on": follow_up().isoformat(),
            "urgency": "urgent",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    referral_id = created.json()["id"]
    refused = bob.post(
        f"/api/v1/referrals/{referral_id}/send/", {}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "No consent to referrals" in str(refused.json())
    assert bob.get(url).json()["count"] == 1


def test_roles_and_reach(world, directory_services):
    """Administrative staff may not refer (403); partner staff refer only their
    municipality's people (404 for others); another centre's members get 404."""
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role
    from casework.registry import beneficiary_register
    from tests.casework.conftest import KALAMATA, municipality

    clerk_user = User.objects.create_user("clerk@kalamata.example.gr", "x")
    grant_role(user=clerk_user, tenant=world.kalamata, role=Role.ADMINISTRATIVE)
    actor = actor_of(world.kostas, world.kalamata)
    kalamata_resident = beneficiary_register(
        actor=actor,
        data={
            "first_name": "Ηλίας",
            "last_name": "Μαυρέας",
            "municipality": municipality(KALAMATA),
        },
        confirm_not_duplicate=True,
    )
    referral = referrals.referral_create(
        actor=actor,
        person=kalamata_resident,
        service_id=directory_services[1].pk,
        reason="Στήριξη",
        follow_up_on=follow_up(),
    )
    connection.set_schema_to_public()
    clerk = signed_in(clerk_user, "kalamata", world.kalamata)
    assert clerk.get(f"/referrals/people/{kalamata_resident.pk}/").status_code == 403
    assert clerk.get(f"/referrals/{referral.pk}/").status_code == 403
    partner = signed_in(world.petros, "oichalia", world.kalamata)
    assert partner.get(f"/referrals/people/{kalamata_resident.pk}/").status_code == 404
    assert partner.get(f"/referrals/{referral.pk}/").status_code == 404
    assert partner.get(f"/api/v1/referrals/{referral.pk}/").status_code == 404
    bob = _bob(world)
    assert bob.get(f"/referrals/people/{kalamata_resident.pk}/").status_code == 404
    assert bob.get(f"/api/v1/people/{kalamata_resident.pk}/referrals/").status_code == 404
