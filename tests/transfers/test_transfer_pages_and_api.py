"""The transfer pages and their API twins: the same flow, the same refusals."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.urls import URLPattern, get_resolver
from rest_framework.authtoken.models import Token

from tests.helpers import client_on, signed_in
from tests.transfers.conftest import AMKA, FIRST_NAME, LARISSA, PHONE, request_transfer

pytestmark = pytest.mark.usefixtures("english")
KWARG = re.compile(r"<(?:\w+:)?(\w+)>")


def _english(client):
    client.cookies["django_language"] = "en"
    return client


def _page(user, host: str, tenant):
    return _english(signed_in(user, host, tenant))


def _api(user, host: str):
    connection.set_schema_to_public()
    client = _english(client_on(host))
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {Token.objects.get_or_create(user=user)[0].key}"
    return client


def test_a_transfer_through_the_pages(world, mover):
    from casework.models import Beneficiary
    from transfers.models import Transfer

    bob = _page(world.bob, "lamia", world.lamia)
    page = bob.get(f"/transfers/people/{mover.person.pk}/new/")
    assert page.status_code == 200
    assert "Κέντρο Κοινότητας Λάρισας" in page.content.decode()
    assert "Κέντρο Κοινότητας Λαμίας" not in page.content.decode().split("<form")[1]
    sent = bob.post(
        f"/transfers/people/{mover.person.pk}/new/",
        {"receiving_tenant": "larissa", "scope": ["identity", "plans"]},
    )
    assert sent.status_code == 302
    transfer = Transfer.objects.get()

    charlie = _page(world.charlie, "larissa", world.larissa)
    listing = charlie.get("/transfers/").content.decode()
    assert f"/transfers/incoming/{transfer.pk}/" in listing
    assert FIRST_NAME not in listing  # the list reads nothing from Lamia
    review = charlie.get(f"/transfers/incoming/{transfer.pk}/").content.decode()
    assert FIRST_NAME in review and AMKA in review
    assert PHONE not in review  # contact details were not consented
    assert "Αίτηση ΕΕΕ" in review

    accepted = charlie.post(
        f"/transfers/incoming/{transfer.pk}/accept/",
        {"municipality": str(_municipality_pk(LARISSA))},
    )
    assert accepted.status_code == 302
    connection.set_tenant(world.larissa)
    person = Beneficiary.objects.get(amka=AMKA)
    assert accepted["Location"] == f"/people/{person.pk}/"

    outgoing = bob.get(f"/transfers/outgoing/{transfer.pk}/").content.decode()
    assert "Accepted" in outgoing
    closed = bob.post(f"/transfers/outgoing/{transfer.pk}/close-case/")
    assert closed.status_code == 302


def _municipality_pk(code: str) -> int:
    from geography.models import Municipality

    connection.set_schema_to_public()
    return Municipality.objects.get(code=code).pk


def test_the_person_page_offers_the_transfer_tab(world, mover):
    bob = _page(world.bob, "lamia", world.lamia)
    page = bob.get(f"/people/{mover.person.pk}/").content.decode()
    assert f'href="/transfers/people/{mover.person.pk}/new/"' in page


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"receiving_tenant": "lamia", "scope": ["identity"]}, "cannot be transferred to the same"),
        ({"receiving_tenant": "atlantis", "scope": ["identity"]}, "other active centres"),
        ({"receiving_tenant": "larissa", "scope": ["contact"]}, "identity must be shared"),
    ],
)
def test_bad_input_on_the_page_says_what_is_wrong_and_stores_nothing(world, mover, form, message):
    from transfers.models import Transfer

    bob = _page(world.bob, "lamia", world.lamia)
    response = bob.post(f"/transfers/people/{mover.person.pk}/new/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Transfer.objects.exists()


def test_reject_on_the_page_and_the_sender_sees_the_reason(world, mover):
    from casework.models import Beneficiary

    transfer = request_transfer(world, mover)
    charlie = _page(world.charlie, "larissa", world.larissa)
    empty = charlie.post(f"/transfers/incoming/{transfer.pk}/reject/", {"reason": ""})
    assert empty.status_code == 400
    done = charlie.post(f"/transfers/incoming/{transfer.pk}/reject/", {"reason": "no_capacity"})
    assert done.status_code == 302
    bob = _page(world.bob, "lamia", world.lamia)
    listing = bob.get("/transfers/").content.decode()
    assert "We cannot take on the case now" in listing
    connection.set_tenant(world.larissa)
    assert not Beneficiary.objects.filter(amka=AMKA).exists()


def test_a_transfer_through_the_api(world, mover):
    from casework.models import Beneficiary

    bob = _api(world.bob, "lamia")
    bad = bob.post(
        "/api/v1/transfers/outgoing/",
        {"person_id": mover.person.pk, "receiving_tenant": "lamia", "scope": ["identity"]},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "same centre" in str(bad.json()["errors"]["receiving_tenant"])
    created = bob.post(
        "/api/v1/transfers/outgoing/",
        {
            "person_id": mover.person.pk,
            "receiving_tenant": "larissa",
            "scope": ["identity", "assessments"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    transfer_id = created.json()["id"]

    charlie = _api(world.charlie, "larissa")
    incoming = charlie.get("/api/v1/transfers/incoming/").json()
    assert [t["id"] for t in incoming["results"]] == [transfer_id]
    detail = charlie.get(f"/api/v1/transfers/incoming/{transfer_id}/").json()
    assert detail["shared"]["sections"]["identity"]["amka"] == AMKA
    assert set(detail["shared"]["sections"]) == {"identity"}
    assert detail["shared"]["assessment"]["scores"][0]["domain"] == "housing"
    accepted = charlie.post(
        f"/api/v1/transfers/incoming/{transfer_id}/accept/",
        {"municipality": LARISSA},
        content_type="application/json",
    )
    assert accepted.status_code == 201, accepted.json()
    connection.set_tenant(world.larissa)
    assert Beneficiary.objects.get(amka=AMKA).pk == accepted.json()["person_id"]
    status = bob.get(f"/api/v1/transfers/outgoing/{transfer_id}/").json()["status"]
    assert status == "accepted"


# --- Every page and endpoint refuses outsiders --------------------------------------------------


def _routes() -> list[str]:
    from transfers import api_urls, urls

    pages = ["transfers/" + str(p.pattern) for p in urls.urlpatterns if isinstance(p, URLPattern)]
    api = ["api/v1/transfers/" + str(p.pattern) for p in api_urls.urlpatterns]
    resolver = get_resolver("kentro.urls_tenant")
    for route in pages + api:
        assert resolver.resolve("/" + KWARG.sub("1", route)), route
    return pages + api


ROUTES = _routes()


def _path(route: str, transfer_id: int, person_id: int) -> str:
    ids = {"transfer_id": transfer_id, "person_id": person_id}
    return "/" + KWARG.sub(lambda m: str(ids[m.group(1)]), route)


def _snapshot(world):
    from transfers.models import Transfer

    connection.set_schema_to_public()
    return list(Transfer.objects.values_list("pk", "status", "receiving_person_id"))


def _tries(client, path):
    yield client.get(path)
    yield client.post(
        path, {"reason": "other", "municipality": LARISSA, "receiving_tenant": "kalamata"}
    )


def test_the_walk_covers_pages_and_endpoints():
    assert len([r for r in ROUTES if not r.startswith("api/")]) >= 8
    assert len([r for r in ROUTES if r.startswith("api/")]) >= 8


@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_visitors_are_refused(world, mover, route):
    transfer = request_transfer(world, mover)
    before = _snapshot(world)
    for host in ("lamia", "larissa", "kalamata"):
        for response in _tries(client_on(host), _path(route, transfer.pk, mover.person.pk)):
            if route.startswith("api/"):
                assert response.status_code in (401, 403), response.status_code
            else:
                assert response.status_code == 302
                assert "/accounts/login/" in response["Location"]
    assert _snapshot(world) == before


@pytest.mark.parametrize("route", ROUTES)
def test_a_third_centre_gets_404_everywhere(world, mover, route):
    transfer = request_transfer(world, mover)
    before = _snapshot(world)
    path = _path(route, transfer.pk, mover.person.pk)
    clients = [
        signed_in(world.kostas, "kalamata", world.kalamata),
        signed_in(world.kostas, "lamia", world.lamia),
        signed_in(world.kostas, "larissa", world.larissa),
    ]
    if route.startswith("api/"):
        clients += [_api(world.kostas, name) for name in ("kalamata", "lamia", "larissa")]
    for client in clients:
        for response in _tries(client, path):
            if route == "api/v1/transfers/incoming/" or route == "api/v1/transfers/outgoing/":
                # Kalamata's own (empty) lists on its host; 404 on the others.
                assert response.status_code in (200, 400, 404, 405), response.status_code
                if response.status_code == 200:
                    assert response.json()["count"] == 0
            elif route == "transfers/":
                # Kalamata's own (empty) list on its host; 404 on the others.
                assert response.status_code in (200, 404)
                content = response.content.decode()
                assert f"/incoming/{transfer.pk}/" not in content
                assert f"/outgoing/{transfer.pk}/" not in content
            else:
                assert response.status_code == 404, (client, response.status_code)
    assert _snapshot(world) == before


@pytest.mark.parametrize("route", [r for r in ROUTES if "<int:transfer_id>" in r])
def test_each_side_reaches_only_its_own_side_of_a_transfer(world, mover, route):
    transfer = request_transfer(world, mover)
    before = _snapshot(world)
    path = _path(route, transfer.pk, mover.person.pk)
    if "incoming" in route:
        wrong = signed_in(world.bob, "lamia", world.lamia)  # the sender
    else:
        wrong = signed_in(world.charlie, "larissa", world.larissa)  # the receiver
    for response in _tries(wrong, path):
        assert response.status_code == 404
    assert _snapshot(world) == before
