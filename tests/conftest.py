"""The fixture world: three centres and a cast of personas, built once per test session.

Tenant schemas are expensive (a clone each), so they are created once, committed, and
every test runs inside a transaction that is rolled back.

Personas (healthchecks style):
- alice   coordinator of Lamia                 — owns Lamia's data
- bob     social worker in Lamia               — a member
- charlie social worker in Larissa             — must see nothing of Lamia's
- petros  partner staff of Kalamata, limited to Οιχαλία
- kostas  coordinator of Kalamata (all its municipalities)
- maria   ministry analyst (public portal only)
- olga    platform operator
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection

PASSWORD = "correct-horse-battery-staple"


@dataclass
class World:
    lamia: object
    larissa: object
    kalamata: object
    alice: object
    bob: object
    charlie: object
    petros: object
    kostas: object
    maria: object
    olga: object


def _build_world() -> World:
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role
    from geography.models import Municipality
    from tenants.models import Unit
    from tenants.services import PartnerSpec, UnitSpec, ensure_base_schema, provision_tenant

    ensure_base_schema()
    m = {
        x.code: x
        for x in Municipality.objects.filter(code__in=["9160", "9100", "9254", "9256", "9253"])
    }
    lamia = provision_tenant(
        slug="lamia",
        name="Κέντρο Κοινότητας Λαμίας",
        lead_municipality=m["9160"],
        units=[UnitSpec(kind=Unit.Kind.MAIN, name="Κέντρο Κοινότητας Λαμίας")],
    )
    larissa = provision_tenant(
        slug="larissa",
        name="Κέντρο Κοινότητας Λάρισας",
        lead_municipality=m["9100"],
        units=[UnitSpec(kind=Unit.Kind.MAIN, name="Κέντρο Κοινότητας Λάρισας")],
    )
    kalamata = provision_tenant(
        slug="kalamata",
        name="Κέντρο Κοινότητας Καλαμάτας",
        lead_municipality=m["9254"],
        partners=[PartnerSpec(m["9256"], "oichalia"), PartnerSpec(m["9253"], "dytikimani")],
        units=[
            UnitSpec(kind=Unit.Kind.MAIN, name="Κέντρο Κοινότητας Καλαμάτας"),
            UnitSpec(
                kind=Unit.Kind.MOBILE, name="Κινητή Μονάδα", municipalities=[m["9256"], m["9253"]]
            ),
        ],
    )

    def person(name: str) -> User:
        return User.objects.create_user(f"{name}@example.gr", PASSWORD, first_name=name.title())

    world = World(
        lamia=lamia,
        larissa=larissa,
        kalamata=kalamata,
        alice=person("alice"),
        bob=person("bob"),
        charlie=person("charlie"),
        petros=person("petros"),
        kostas=person("kostas"),
        maria=person("maria"),
        olga=person("olga"),
    )
    grant_role(user=world.alice, tenant=lamia, role=Role.COORDINATOR)
    grant_role(user=world.bob, tenant=lamia, role=Role.SOCIAL_WORKER)
    grant_role(user=world.charlie, tenant=larissa, role=Role.SOCIAL_WORKER)
    grant_role(user=world.petros, tenant=kalamata, role=Role.PARTNER_STAFF, municipality=m["9256"])
    grant_role(user=world.kostas, tenant=kalamata, role=Role.COORDINATOR)
    grant_role(user=world.maria, tenant=None, role=Role.MINISTRY_ANALYST)
    grant_role(user=world.olga, tenant=None, role=Role.PLATFORM_OPERATOR)
    connection.set_schema_to_public()
    return world


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment, django_db_blocker, django_db_keepdb, django_db_modify_db_settings
):
    """Always create the test database, even when only browser tests were selected.

    pytest-django creates it only for tests marked django_db or asking for `db`; the
    browser tests use the committed world instead, and without this would run against
    the developer's own database.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=0, interactive=False, keepdb=django_db_keepdb, aliases={"default"}
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0, keepdb=django_db_keepdb)


@pytest.fixture(scope="session")
def _world(django_db_setup, django_db_blocker) -> World:
    with django_db_blocker.unblock():
        return _build_world()


@pytest.fixture
def world(_world: World, db) -> World:
    return _world


@pytest.fixture(autouse=True)
def _fresh_connection_and_cache():
    yield
    cache.clear()
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files of a test go to its own folder, never into the developer's data."""
    settings.KENTRO_DOCUMENTS_DIR = tmp_path / "documents"


@pytest.fixture
def english():
    """Messages in English, for tests that read what a service function says."""
    from django.utils import translation

    with translation.override("en"):
        yield
