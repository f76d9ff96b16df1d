"""Casework fixtures: one member of Kalamata's centre per role, and people to work on.

Kalamata is the richest tenant of the fixture world: a lead municipality and two partners
(Οιχαλία, Δυτική Μάνη). The staff below are created once per session, like the world.

- staff.coordinator   kostas (from the world)
- staff.social_worker, .psychologist, .lawyer, .mediator, .administrative
- staff.partner       petros (from the world), partner staff limited to Οιχαλία
- staff.partner_mani  partner staff limited to Δυτική Μάνη
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.db import connection

from tests.conftest import PASSWORD, World

KALAMATA, OICHALIA, DYTIKI_MANI, LAMIA = "9254", "9256", "9253", "9160"


@dataclass
class Staff:
    coordinator: object
    social_worker: object
    psychologist: object
    lawyer: object
    mediator: object
    administrative: object
    partner: object
    partner_mani: object

    def by_role(self) -> dict[str, object]:
        """Every casework role with its member (partner staff: the Οιχαλία one)."""
        from accounts.roles import Role

        return {
            Role.COORDINATOR: self.coordinator,
            Role.SOCIAL_WORKER: self.social_worker,
            Role.PSYCHOLOGIST: self.psychologist,
            Role.LAWYER: self.lawyer,
            Role.INTERCULTURAL_MEDIATOR: self.mediator,
            Role.ADMINISTRATIVE: self.administrative,
            Role.PARTNER_STAFF: self.partner,
        }


@pytest.fixture(scope="session")
def _staff(_world: World, django_db_blocker) -> Staff:
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role
    from geography.models import Municipality

    with django_db_blocker.unblock():

        def member(name: str, role: str, municipality_code: str | None = None) -> User:
            user = User.objects.create_user(
                f"{name}@kalamata.example.gr", PASSWORD, first_name=name.title()
            )
            municipality = (
                Municipality.objects.get(code=municipality_code) if municipality_code else None
            )
            grant_role(user=user, tenant=_world.kalamata, role=role, municipality=municipality)
            return user

        staff = Staff(
            coordinator=_world.kostas,
            social_worker=member("sofia", Role.SOCIAL_WORKER),
            psychologist=member("yannis", Role.PSYCHOLOGIST),
            lawyer=member("eleni", Role.LAWYER),
            mediator=member("amir", Role.INTERCULTURAL_MEDIATOR),
            administrative=member("dimitra", Role.ADMINISTRATIVE),
            partner=_world.petros,
            partner_mani=member("nikos", Role.PARTNER_STAFF, DYTIKI_MANI),
        )
        connection.set_schema_to_public()
        return staff


@pytest.fixture
def staff(_staff: Staff, world: World) -> Staff:
    return _staff


def actor_of(user, tenant):
    """The Actor a service function receives for `user` working in `tenant`.

    Leaves the connection on the tenant's schema, as a request on its host would."""
    from accounts.models import Membership
    from casework.access import Actor

    connection.set_schema_to_public()
    membership = Membership.objects.select_related("unit").get(user=user, tenant=tenant)
    connection.set_tenant(tenant)
    return Actor(user=user, membership=membership)


def municipality(code: str):
    from geography.models import Municipality

    return Municipality.objects.get(code=code)


def person_data(**overrides: Any) -> dict[str, Any]:
    """A valid registration for someone living in Kalamata; override what a test needs."""
    data: dict[str, Any] = {
        "first_name": "Γεώργιος",
        "last_name": "Παπαδόπουλος",
        "sex": "male",
        "birth_date": date(1980, 5, 17),
        "municipality": municipality(KALAMATA),
        "phone": "6912345678",
    }
    data.update(overrides)
    return data


@pytest.fixture
def register(staff, world):
    """register(actor=None, **fields) -> a registered Beneficiary (no duplicate prompt)."""
    from casework.registry import beneficiary_register

    def _register(actor=None, **overrides: Any):
        actor = actor or actor_of(staff.social_worker, world.kalamata)
        return beneficiary_register(
            actor=actor, data=person_data(**overrides), confirm_not_duplicate=True
        )

    return _register
