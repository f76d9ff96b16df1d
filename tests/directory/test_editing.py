"""Editing the directory: editors own national entries, centres their local ones; all logged."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from directory.models import Metadata, Organization, ProposalStatus, Service
from directory.search import search_services
from directory.services import (
    Editor,
    organization_create,
    proposal_approve,
    proposal_reject,
    record_delete,
    service_create,
    service_propose,
    service_update,
)
from tests.helpers import client_on, signed_in


def local_service(user, tenant, name="Τοπικό Παντοπωλείο Ενορίας"):
    org = organization_create(editor=Editor(user, tenant), data={"name": "Ενορία Αγ. Νικολάου"})
    return service_create(editor=Editor(user, tenant), organization=org, data={"name": name})


def test_soft_delete_hides_the_service_but_keeps_the_row(world, national):
    service = national("Υπηρεσία")

    record_delete(editor=Editor(Metadata.objects.first().user), record=service)

    assert not Service.objects.filter(pk=service.pk).exists()
    assert Service.all_objects.get(pk=service.pk).is_deleted
    assert search_services(tenant=world.lamia, query="υπηρεσια").total == 0


def test_every_change_is_logged_with_who_old_and_new(world, editor, term):
    org = organization_create(editor=Editor(editor), data={"name": "ΚΕΠ"})
    service = service_create(
        editor=Editor(editor), organization=org, data={"name": "ΚΕΠ Λαμίας", "minimum_age": 18}
    )

    service_update(
        editor=Editor(editor),
        service=service,
        data={"name": "ΚΕΠ Δήμου Λαμιέων", "minimum_age": 18},
        terms=[term("administrative_help")],
    )

    rows = Metadata.objects.filter(resource_id=service.pk, last_action_type="update")
    by_field = {row.field_name: row for row in rows}
    assert set(by_field) == {"name", "taxonomy_terms"}
    assert (by_field["name"].previous_value, by_field["name"].replacement_value) == (
        "ΚΕΠ Λαμίας",
        "ΚΕΠ Δήμου Λαμιέων",
    )
    assert by_field["name"].user == editor
    assert by_field["name"].updated_by == editor.email
    created = Metadata.objects.filter(resource_id=service.pk, last_action_type="create")
    assert {"id", "name", "minimum_age", "organization_id"} <= {r.field_name for r in created}
    record_delete(editor=Editor(editor), record=service)
    assert Metadata.objects.filter(resource_id=service.pk, last_action_type="delete").exists()


def test_bad_input_changes_nothing(world, editor, english):
    org = organization_create(editor=Editor(editor), data={"name": "Οργανισμός"})
    before = Metadata.objects.count()

    with pytest.raises(ValidationError):
        service_create(
            editor=Editor(editor),
            organization=org,
            data={"name": "Χ", "minimum_age": 30, "maximum_age": 10},
        )
    with pytest.raises(ValidationError):
        service_create(editor=Editor(editor), organization=org, data={"name": "Χ", "status": "x"})

    assert Metadata.objects.count() == before
    assert not Service.objects.filter(name="Χ").exists()


@pytest.mark.parametrize("who", ["maria", "alice", "olga"])
def test_national_editing_is_refused_to_non_editors(world, national, who):
    user = getattr(world, who)
    service = national("Υπηρεσία")

    with pytest.raises(PermissionDenied):
        organization_create(editor=Editor(user), data={"name": "Άλλος"})
    with pytest.raises(PermissionDenied):
        service_update(editor=Editor(user), service=service, data={"name": "Άλλη"})
    with pytest.raises(PermissionDenied):
        record_delete(editor=Editor(user), record=service)
    # A centre's staff cannot edit a national entry from their centre either.
    with pytest.raises(PermissionDenied):
        service_update(editor=Editor(world.alice, world.lamia), service=service, data={"name": "Ά"})
    assert Service.objects.get(pk=service.pk).name == "Υπηρεσία"


def test_editing_pages_refuse_analyst_centre_staff_and_anonymous(world, editor, national):
    service = national("Υπηρεσία")
    url = f"/directory/services/{service.pk}/"

    assert client_on(None).get(url).status_code == 302
    assert client_on(None).post("/directory/services/new/", {"name": "x"}).status_code == 302
    for user in (world.maria, world.alice):
        client = signed_in(user, None)
        assert client.get(url).status_code == 403
        assert client.post(url, {"name": "Άλλη"}).status_code == 403
        assert client.post(f"{url}delete/").status_code == 403
    assert Service.objects.get(pk=service.pk).name == "Υπηρεσία"
    assert signed_in(editor, None).get(url).status_code == 200


def test_an_editor_adds_a_national_service_on_the_portal(world, editor, term):
    client = signed_in(editor, None)

    response = client.post(
        "/directory/services/new/",
        {
            "new_organization": "Δήμος Λαμιέων",
            "name": "Κοινωνικό Φροντιστήριο Λαμίας",
            "status": "active",
            "terms": [term("education").pk],
            "area_scope": "municipality",
            "area_municipality": world.lamia.lead_municipality_id,
            "languages": "el, en",
        },
    )

    assert response.status_code == 302
    service = Service.objects.get(name="Κοινωνικό Φροντιστήριο Λαμίας")
    assert service.owner_tenant is None
    assert search_services(tenant=world.larissa, query="φροντιστηριο").services == [service]


def test_a_bad_form_on_the_portal_stores_nothing(world, editor):
    response = signed_in(editor, None).post(
        "/directory/services/new/", {"name": "", "area_scope": "municipality", "languages": "1"}
    )

    assert response.status_code == 400
    assert not Organization.objects.exists() or not Service.objects.filter(name="").exists()


def test_local_entries_are_seen_by_their_centre_only(world, national):
    national("Παντοπωλείο Δήμου")
    mine = local_service(world.bob, world.lamia)

    lamia = search_services(tenant=world.lamia, query="παντοπωλειο")
    larissa = search_services(tenant=world.larissa, query="παντοπωλειο")
    portal = search_services(tenant=None, query="παντοπωλειο")

    assert mine in lamia.services
    assert mine not in larissa.services and mine not in portal.services
    assert search_services(tenant=world.larissa, query="παντοπολειο").total == 1  # typo path
    charlie = signed_in(world.charlie, "larissa", world.larissa)
    assert charlie.get(f"/directory/services/{mine.pk}/").status_code == 404
    assert "Τοπικό Παντοπωλείο" not in charlie.get("/directory/?q=παντοπωλειο").content.decode()
    bob = signed_in(world.bob, "lamia", world.lamia)
    assert bob.get(f"/directory/services/{mine.pk}/").status_code == 200


def test_another_centre_cannot_edit_or_propose_a_local_entry(world):
    mine = local_service(world.alice, world.lamia)

    with pytest.raises(PermissionDenied):
        service_update(
            editor=Editor(world.charlie, world.larissa), service=mine, data={"name": "x"}
        )
    with pytest.raises(PermissionDenied):
        service_propose(editor=Editor(world.charlie, world.larissa), service=mine)
    charlie = signed_in(world.charlie, "larissa", world.larissa)
    assert charlie.post(f"/directory/local/{mine.pk}/propose/").status_code == 404
    assert charlie.post(f"/directory/local/{mine.pk}/delete/").status_code == 404


def test_only_coordinators_and_social_workers_add_local_entries(world):
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role

    clerk = User.objects.create_user("clerk@example.gr", "x-Very-long-pass-2026")
    grant_role(user=clerk, tenant=world.lamia, role=Role.ADMINISTRATIVE)

    with pytest.raises(PermissionDenied):
        local_service(clerk, world.lamia)
    assert signed_in(clerk, "lamia", world.lamia).get("/directory/local/new/").status_code == 403
    bob = signed_in(world.bob, "lamia", world.lamia)
    assert bob.get("/directory/local/new/").status_code == 200


def test_a_proposal_approved_by_an_editor_becomes_national(world, editor):
    mine = local_service(world.bob, world.lamia)
    bob = signed_in(world.bob, "lamia", world.lamia)
    assert bob.post(f"/directory/local/{mine.pk}/propose/", {"note": "Χρήσιμο"}).status_code == 302
    mine.refresh_from_db()
    assert mine.proposal_status == ProposalStatus.PROPOSED

    with pytest.raises(PermissionDenied):
        proposal_approve(editor=Editor(world.maria), service=mine)
    assert (
        signed_in(world.maria, None).post(f"/directory/proposals/{mine.pk}/approve/").status_code
        == 403
    )
    response = signed_in(editor, None).post(f"/directory/proposals/{mine.pk}/approve/")

    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.owner_tenant is None and mine.proposed_by_tenant == world.lamia
    assert mine.organization.owner_tenant is None
    assert mine in search_services(tenant=world.larissa, query="παντοπωλειο").services
    assert Metadata.objects.filter(resource_id=mine.pk, last_action_type="approve").exists()


def test_a_rejected_proposal_stays_local_and_needs_a_reason(world, editor):
    mine = local_service(world.bob, world.lamia)
    service_propose(editor=Editor(world.bob, world.lamia), service=mine)
    client = signed_in(editor, None)

    assert client.post(f"/directory/proposals/{mine.pk}/reject/", {"reason": ""}).status_code == 400
    mine.refresh_from_db()
    assert mine.proposal_status == ProposalStatus.PROPOSED

    proposal_reject(editor=Editor(editor), service=mine, reason="Διπλή καταχώριση")
    mine.refresh_from_db()
    assert mine.proposal_status == ProposalStatus.REJECTED
    assert mine.owner_tenant == world.lamia
    assert mine not in search_services(tenant=world.larissa, query="παντοπωλειο").services


def test_search_and_detail_pages_on_a_centre_host(world, national):
    service = national("Κέντρο Ψυχικής Υγείας Λαμίας")
    bob = signed_in(world.bob, "lamia", world.lamia)

    page = bob.get("/directory/", {"q": "ψυχικη υγεια"})
    assert page.status_code == 200
    assert "Κέντρο Ψυχικής Υγείας Λαμίας" in page.content.decode()
    detail = bob.get(f"/directory/services/{service.pk}/", {"person": "7"})
    assert detail.status_code == 200
    assert client_on("lamia").get("/directory/").status_code == 302
    assert signed_in(world.maria, None).get("/directory/services/x/").status_code == 404
