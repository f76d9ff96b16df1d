"""Every casework page and API endpoint, walked automatically, refuses outsiders.

The URL patterns are read from the URLconfs, so a page or endpoint added later is covered
without touching this file. For each one, with the ids of a Kalamata resident's records:
- an anonymous visitor is sent to the login page (pages) or refused (API), and sees no data;
- a member of another centre (Lamia, Larissa) gets 404 on Kalamata's host;
- partner staff limited to Οιχαλία get 404 for a resident of Kalamata on their host;
and nothing is written by any of these requests.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from casework.models import AuditEvent
from tests.casework.conftest import actor_of, municipality, person_data
from tests.helpers import client_on, signed_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KWARG = re.compile(r"<(?:\w+:)?(\w+)>")


def _walk(patterns, prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def casework_routes() -> list[tuple[str, str]]:
    """(route, name) of every casework page and API endpoint on a centre's host."""
    resolver = get_resolver("kentro.urls_tenant")
    routes = []
    for route, name in _walk(resolver.url_patterns):
        module_routes = route.startswith("api/v1/") and "casework" in (name or "")
        if module_routes or _is_casework_page(route, name):
            routes.append((route, name or route))
    return sorted(set(routes))


def _is_casework_page(route: str, name: str | None) -> bool:
    from casework import urls as casework_urls

    names = {p.name for p in casework_urls.urlpatterns if isinstance(p, URLPattern)}
    return not route.startswith("api/") and name in names


ROUTES = casework_routes()


def test_the_walk_finds_the_casework_pages_and_endpoints():
    """Guards the walker itself: if it finds nothing, every test below would pass vacuously."""
    pages = [r for r, _ in ROUTES if not r.startswith("api/")]
    endpoints = [r for r, _ in ROUTES if r.startswith("api/")]
    assert len(pages) >= 20, pages
    assert len(endpoints) >= 15, endpoints


@pytest.fixture
def ids(staff, world, register) -> dict[str, int]:
    """Ids of one Kalamata resident's records, for every URL parameter name in use."""
    from casework.assessments import assessment_record, social_research_request
    from casework.cases import case_open
    from casework.consent import consent_record
    from casework.documents import document_upload
    from casework.households import household_create, household_member_add
    from casework.plans import goal_add, plan_create, step_add
    from casework.reception import RequestInput, contact_record
    from tenants.models import Unit

    actor = actor_of(staff.coordinator, world.kalamata)
    person = register(actor=actor)
    other = register(actor=actor, first_name="Ιωάννα", birth_date=person_data()["birth_date"])
    unit = Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)
    plan = plan_create(actor=actor, person=person)
    goal = goal_add(actor=actor, plan=plan, need="income", description="ΕΕΕ")
    household = household_create(actor=actor, head=person)
    from django.utils import timezone

    return {
        "person_id": person.pk,
        "other_id": other.pk,
        "case_id": case_open(actor=actor, person=person, unit=unit).pk,
        "household_id": household.pk,
        "member_id": household_member_add(
            actor=actor, household=household, relation="child", name="Παιδί"
        ).pk,
        "consent_id": consent_record(
            actor=actor, person=person, purpose="referrals", legal_basis="consent"
        ).pk,
        "plan_id": plan.pk,
        "goal_id": goal.pk,
        "step_id": step_add(actor=actor, goal=goal, description="Β", owner="person").pk,
        "research_id": social_research_request(
            actor=actor, person=person, requested_by="Δικαστήριο", purpose="Έκθεση"
        ).pk,
        "document_id": document_upload(
            actor=actor,
            person=person,
            upload=SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
            doc_type="id_card",
        ).pk,
        "contact_id": contact_record(
            actor=actor,
            person=person,
            unit=unit,
            channel="walk_in",
            occurred_at=timezone.now(),
            requests=[RequestInput(category="information")],
        ).pk,
        "assessment_id": assessment_record(
            actor=actor, person=person, scores={"income": (3, "")}
        ).pk,
        "user_id": staff.social_worker.pk,
        "kind": "psychological",
    }


def _path(route: str, ids: dict[str, int]) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(1)
        assert name in ids, f"unknown URL parameter <{name}> in {route}: add it to `ids`"
        return str(ids[name])

    return "/" + KWARG.sub(fill, route)


def _snapshot() -> dict[str, int]:
    from django.apps import apps

    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("casework").get_models()
        if model is not AuditEvent
    }


def _with_person(route: str) -> bool:
    """Routes that name a resident's record (not only a staff member)."""
    names = KWARG.findall(route)
    return bool(names) and names != ["user_id"]


def _requests(client, path: str):
    yield "GET", client.get(path)
    yield "POST", client.post(path, {"reason": "x" * 30, "text": "x", "kind": "general"})


@pytest.mark.parametrize(("route", "name"), ROUTES)
def test_anonymous_visitors_are_refused(world, ids, route, name):
    from django.db import connection

    connection.set_tenant(world.kalamata)
    before = _snapshot()
    for method, response in _requests(client_on("kalamata"), _path(route, ids)):
        if route.startswith("api/"):
            assert response.status_code in (401, 403, 404), (method, response.status_code)
        else:
            assert response.status_code == 302, (method, response.status_code)
            assert "/accounts/login/" in response["Location"]
    connection.set_tenant(world.kalamata)
    assert _snapshot() == before


@pytest.mark.parametrize(("route", "name"), ROUTES)
@pytest.mark.parametrize("outsider", ["alice", "charlie"])
def test_members_of_another_centre_get_404(world, ids, route, name, outsider):
    from django.db import connection
    from rest_framework.authtoken.models import Token

    user = getattr(world, outsider)
    # A session stored on Kalamata's host, as if they had signed in there.
    clients = [signed_in(user, "kalamata", world.kalamata)]
    if route.startswith("api/"):
        token = Token.objects.get_or_create(user=user)[0]
        clients.append(client_on("kalamata"))
        clients[-1].defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    connection.set_tenant(world.kalamata)
    before = _snapshot()
    for client in clients:
        for method, response in _requests(client, _path(route, ids)):
            assert response.status_code == 404, (method, response.status_code)
    connection.set_tenant(world.kalamata)
    assert _snapshot() == before


@pytest.mark.parametrize(("route", "name"), [(r, n) for r, n in ROUTES if _with_person(r)])
def test_partner_staff_get_404_for_a_resident_outside_their_municipality(
    staff, world, ids, route, name
):
    from django.db import connection

    client = signed_in(staff.partner, "oichalia", world.kalamata)
    connection.set_tenant(world.kalamata)
    before = _snapshot()
    for method, response in _requests(client, _path(route, ids)):
        assert response.status_code == 404, (method, route, response.status_code)
    connection.set_tenant(world.kalamata)
    assert _snapshot() == before


def test_partner_staff_reach_a_resident_of_their_own_municipality(staff, world, register):
    """The control for the test above: the same pages do open for their own residents."""
    petros = actor_of(staff.partner, world.kalamata)
    person = register(actor=petros, municipality=municipality("9256"))
    client = signed_in(staff.partner, "oichalia", world.kalamata)
    opened = [
        route
        for route, _ in ROUTES
        if KWARG.findall(route) == ["person_id"]
        and client.get(_path(route, {"person_id": person.pk})).status_code == 200
    ]
    assert len(opened) >= 5, opened


@pytest.mark.parametrize(("route", "name"), [(r, n) for r, n in ROUTES if _with_person(r)])
def test_every_read_of_a_resident_is_audited(staff, world, ids, route, name):
    """The coordinator opens every page and endpoint about the resident: each read leaves
    an audit row naming the person, the reader and the path."""
    from django.db import connection

    client = signed_in(staff.coordinator, "kalamata", world.kalamata)
    connection.set_tenant(world.kalamata)
    latest = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    path = _path(route, ids)
    response = client.get(path)
    assert response.status_code in (200, 405), (route, response.status_code)
    if response.status_code == 405:  # a write-only endpoint: nothing was read
        return
    connection.set_tenant(world.kalamata)
    reads = AuditEvent.objects.filter(id__gt=latest, user=staff.coordinator)
    assert reads.filter(path__startswith=path.split("?")[0]).exists(), route
