import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_exists

from geography.models import Municipality
from tenants.models import Domain, Tenant
from tenants.services import PartnerSpec, provision_tenant

# Service functions speak the active language; these tests read their English.
pytestmark = pytest.mark.usefixtures("english")


def tables_in(schema: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [schema]
        )
        return {row[0] for row in cursor.fetchall()}


def tenant_tables() -> set[str]:
    """Every table a tenant schema must hold: the models of TENANT_APPS."""
    tables = {"django_migrations"}
    for label in settings.TENANT_APPS:
        config = apps.get_app_config(label.rsplit(".", 1)[-1])
        tables |= {model._meta.db_table for model in config.get_models(include_auto_created=True)}
    return tables


def test_provisioning_creates_a_schema_with_every_tenant_table(world):
    souli = Municipality.objects.get(code="9078")
    tenant = provision_tenant(slug="souli", name="ΚΚ Σουλίου", lead_municipality=souli)
    assert schema_exists("souli")
    assert tenant_tables() <= tables_in("souli")
    assert tables_in("souli") == tables_in(settings.TENANT_BASE_SCHEMA)
    assert Domain.objects.get(tenant=tenant, is_primary=True).domain == "souli.kentro.localhost"


def test_provisioned_schema_records_every_migration_as_applied(world):
    provision_tenant(
        slug="souli", name="ΚΚ Σουλίου", lead_municipality=Municipality.objects.get(code="9078")
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM souli.django_migrations")
        cloned = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {settings.TENANT_BASE_SCHEMA}.django_migrations")
        base = cursor.fetchone()[0]
    assert cloned == base > 0


@pytest.mark.parametrize(
    "slug, message",
    [
        ("Lamia!", "not a valid subdomain"),
        ("www", "reserved"),
        ("lamia", "already in use"),
    ],
)
def test_bad_slugs_are_refused_and_nothing_is_created(world, slug, message):
    before = Tenant.objects.count()
    with pytest.raises(ValidationError, match=message):
        provision_tenant(
            slug=slug, name="x", lead_municipality=Municipality.objects.get(code="9078")
        )
    assert Tenant.objects.count() == before


def test_a_municipality_served_by_another_centre_is_refused(world):
    with pytest.raises(ValidationError, match="already served"):
        provision_tenant(
            slug="oichalia2",
            name="x",
            lead_municipality=Municipality.objects.get(code="9078"),
            partners=[PartnerSpec(Municipality.objects.get(code="9256"), "oichalia-two")],
        )
    assert not schema_exists("oichalia2")


def test_tenant_command_creates_and_lists(world, capsys):
    call_command(
        "tenant",
        "create",
        "--slug",
        "souli",
        "--name",
        "ΚΚ Σουλίου",
        "--lead",
        "9078",
        "--unit",
        "main:Κέντρο Κοινότητας Παραμυθιάς",
    )
    call_command("tenant", "list")
    out = capsys.readouterr().out
    assert "Created souli" in out
    assert "souli.kentro.localhost" in out
    assert Tenant.objects.get(slug="souli").units.get().name == "Κέντρο Κοινότητας Παραμυθιάς"


def test_tenant_command_reports_bad_input_clearly(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="unknown municipality code"):
        call_command("tenant", "create", "--slug", "souli", "--name", "x", "--lead", "1")
