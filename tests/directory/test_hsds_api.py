"""The read-only HSDS 3.0 API: responses validate against the official schemas, filters
work, and a centre's local entries are seen only by its members on its own host."""

from __future__ import annotations

import pytest

from directory.hsds.validation import errors
from tests.directory.hsds_fixtures import build_directory
from tests.helpers import client_on, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(world, editor, term):
    return build_directory(world, editor, term)


def get(client, path: str, **params):
    response = client.get(f"/hsds/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def names(page) -> set[str]:
    return {item["name"] for item in page["contents"]}


def test_root_describes_the_api(world):
    body = get(client_on(None), "")
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/3.0/schema/openapi.json")
    assert body["profile"].startswith("https://")


def test_service_list_and_detail_validate_against_hsds_schemas(directory):
    client = client_on(None)
    listing = get(client, "services")
    assert errors(listing, "service.json", page=True) == []
    assert {"total_items", "total_pages", "page_number", "size", "first_page", "last_page"} <= set(
        listing
    )
    assert {directory.service.name, directory.other.name} <= names(listing)

    full = get(client, "services", full="true")
    assert errors(full, "service.json", page=True) == []

    detail = get(client, f"services/{directory.service.pk}")
    assert errors(detail, "service.json") == []
    # Fully nested: organization, areas, languages, phones, schedules, locations, documents.
    assert detail["organization"]["id"] == str(directory.organization.pk)
    assert detail["organization"]["is_sample"] is True
    assert [a["kallikratis_code"] for a in detail["service_areas"]] == ["9160"]
    assert {lang["code"] for lang in detail["languages"]} == {"el", "en"}
    assert detail["schedules"][0]["opens_at"] == "08:00:00"
    assert detail["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Λαμία"
    assert detail["contacts"][0]["phones"][0]["extension"] == 12
    assert detail["required_documents"][0]["document"] == "Εκκαθαριστικό εφορίας"
    assert detail["attributes"][0]["taxonomy_term"]["code"] == "food_basic_goods"
    assert detail["metadata"], "the change log travels with the service"


def test_a_broken_service_fails_validation(directory):
    """The harness really checks: a response with a bad status or id is rejected."""
    detail = get(client_on(None), f"services/{directory.service.pk}")
    detail["status"] = "open"
    detail["organization"]["id"] = "not-a-uuid"
    problems = errors(detail, "service.json")
    assert any(p.startswith("status:") for p in problems)
    assert any(p.startswith("organization/id:") for p in problems)


def test_organizations_taxonomies_and_service_at_locations_validate(directory):
    client = client_on(None)
    assert errors(get(client, "organizations"), "organization.json", page=True) == []
    assert errors(get(client, "organizations", full="true"), "organization.json", page=True) == []
    organization = get(client, f"organizations/{directory.organization.pk}")
    assert errors(organization, "organization.json") == []
    assert directory.service.name in {s["name"] for s in organization["services"]}
    assert organization["locations"][0]["name"] == "Δημαρχείο Λαμίας"

    taxonomies = get(client, "taxonomies")
    assert errors(taxonomies, "taxonomy.json", page=True) == []
    terms = get(client, "taxonomy_terms", per_page=500)
    assert errors(terms, "taxonomy_term.json", page=True) == []
    assert "food_basic_goods" in {t["code"] for t in terms["contents"]}

    sals = get(client, "service_at_locations", full="true")
    assert errors(sals, "service_at_location.json", page=True) == []
    assert [s["id"] for s in sals["contents"]] == [str(directory.service_at_location.pk)]
    one = get(client, f"service_at_locations/{directory.service_at_location.pk}")
    assert errors(one, "service_at_location.json") == []


def test_seeded_directory_validates(world):
    """Real seed data, every page of services, fully nested, validates."""
    from directory.seed import seed_directory

    seed_directory()
    client = client_on(None)
    first = get(client, "services", full="true", per_page=100)
    assert first["total_items"] > 0
    for number in range(1, first["total_pages"] + 1):
        page = get(client, "services", full="true", per_page=100, page=number)
        assert errors(page, "service.json", page=True) == []
    assert errors(get(client, "organizations", per_page=500), "organization.json", page=True) == []


def test_filters(directory, term):
    client = client_on(None)
    # search: accent- and case-insensitive, Greek.
    assert names(get(client, "services", search="παντοπωλειο")) == {directory.service.name}
    food = term("food_basic_goods")
    by_term = get(client, "services", taxonomy_term_id=str(food.pk))
    assert names(by_term) == {directory.service.name}
    by_taxonomy = get(client, "services", taxonomy_id=str(food.taxonomy_id))
    assert {directory.service.name, directory.other.name} <= names(by_taxonomy)
    by_org = get(client, "services", organization_id=str(directory.other.organization_id))
    assert names(by_org) == {directory.other.name}
    assert get(client, "services", modified_after="2999-01-01")["empty"] is True
    assert get(client, "services", modified_after="2000-01-01T00:00:00Z")["total_items"] >= 2
    combined = get(client, "services", taxonomy_term_id=str(food.pk), search="ΔΥΠΑ")
    assert combined["empty"] is True and combined["contents"] == []

    minimal = get(client, "services", minimal="true")
    assert errors(minimal, "page.json") == []
    assert set(minimal["contents"][0]) == {"id", "modified_date"}

    terms = get(client, "taxonomy_terms", parent_id=str(term("employment").pk))
    assert terms["total_items"] >= 1
    assert all(t["parent_id"] == str(term("employment").pk) for t in terms["contents"])
    top = get(client, "taxonomy_terms", top_only="true", per_page=500)
    assert all("parent_id" not in t for t in top["contents"])


def test_pages(directory):
    client = client_on(None)
    first = get(client, "services", per_page=1)
    assert first["size"] == 1 and first["first_page"] is True and first["last_page"] is False
    assert first["total_pages"] == first["total_items"]
    last = get(client, "services", per_page=1, page=first["total_pages"])
    assert last["last_page"] is True and last["first_page"] is False
    beyond = get(client, "services", per_page=1, page=first["total_pages"] + 1)
    assert beyond["empty"] is True and beyond["size"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"per_page": "many"},
        {"taxonomy_term_id": "food"},
        {"modified_after": "yesterday"},
        {"full": "maybe"},
        {"format": "xml"},
    ],
)
def test_bad_parameters_get_a_clear_400(world, params):
    response = client_on(None).get("/hsds/services", params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_unknown_service_is_404(world):
    assert (
        client_on(None).get("/hsds/services/00000000-0000-0000-0000-000000000000").status_code
        == 404
    )


def test_national_entries_need_no_sign_in_on_every_host(directory, world):
    for host in (None, "lamia", "larissa", "kalamata"):
        listing = get(client_on(host), "services")
        assert directory.service.name in names(listing), host


def test_local_entries_only_on_their_centre_host_for_members(directory, world):
    local = directory.local
    path = f"services/{local.pk}"

    # Lamia's signed-in member on Lamia's host: sees the local entry.
    alice = signed_in(world.alice, "lamia", world.lamia)
    assert local.name in names(get(alice, "services"))
    assert get(alice, path)["name"] == local.name
    assert local.name in names(get(alice, "services", search="τοπικη"))

    # Anyone else: anonymous on Lamia's host, the public portal, another centre's members.
    outsiders = [
        client_on("lamia"),
        client_on(None),
        signed_in(world.alice, None),
        signed_in(world.charlie, "larissa", world.larissa),
        client_on("kalamata"),
    ]
    for client in outsiders:
        assert local.name not in names(get(client, "services", per_page=500))
        assert client.get(f"/hsds/{path}").status_code == 404
        sals = get(client, "service_at_locations", per_page=500)
        assert str(local.pk) not in {s["service_id"] for s in sals["contents"]}
        assert str(local.pk) not in {
            s["id"] for s in get(client, "services", minimal="true", per_page=500)["contents"]
        }
