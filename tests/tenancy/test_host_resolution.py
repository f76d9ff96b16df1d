from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenants.models import Domain
from tenants.resolution import resolve_host
from tests.helpers import client_on, host


def test_unknown_host_gets_a_clear_404_page_and_never_another_tenant(world):
    response = client_on("atlantis").get("/")
    assert response.status_code == 404
    assert "atlantis" in response.content.decode()
    assert response.wsgi_request.tenant is None


def test_public_host_opens_the_portal(world):
    context = resolve_host(host(None))
    assert context.is_public


def test_lead_host_opens_the_tenant_in_the_lead_municipality(world):
    context = resolve_host(host("kalamata"))
    assert context.tenant == world.kalamata
    assert context.municipality.code == "9254"


def test_partner_host_opens_the_lead_tenant_in_the_partner_context(world):
    context = resolve_host(host("oichalia"))
    assert context.tenant == world.kalamata
    assert context.municipality.code == "9256"


def test_resolution_is_cached_after_the_first_request(world):
    resolve_host(host("lamia"))
    with CaptureQueriesContext(connection) as queries:
        context = resolve_host(host("lamia"))
    assert context.tenant == world.lamia
    assert len(queries) == 0


def test_unknown_hosts_are_cached_too(world):
    assert resolve_host(host("atlantis")) is None
    with CaptureQueriesContext(connection) as queries:
        assert resolve_host(host("atlantis")) is None
    assert len(queries) == 0


def test_a_new_domain_is_seen_at_once_after_commit(world, django_capture_on_commit_callbacks):
    assert resolve_host(host("lamia-annex")) is None
    with django_capture_on_commit_callbacks(execute=True):
        Domain.objects.create(
            domain=host("lamia-annex"),
            tenant=world.lamia,
            is_primary=False,
            municipality=world.lamia.lead_municipality,
        )
    assert resolve_host(host("lamia-annex")).tenant == world.lamia


def test_a_deactivated_centre_stops_resolving(world, django_capture_on_commit_callbacks):
    assert resolve_host(host("larissa")).tenant == world.larissa
    with django_capture_on_commit_callbacks(execute=True):
        world.larissa.is_active = False
        world.larissa.save()
    assert resolve_host(host("larissa")) is None
    assert client_on("larissa").get("/").status_code == 404


def test_the_connection_returns_to_public_after_a_request(world):
    client_on("lamia").get("/")
    assert connection.schema_name == "public"
