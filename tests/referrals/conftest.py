"""Referral fixtures: directory services (one provided by Larissa's centre, one outside),
and Lamia people to refer.

Lamia (alice coordinator, bob social worker) refers; Larissa (charlie) provides a service
on Kentro and answers from its inbox; Kalamata is the third centre that must see nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.casework.conftest import actor_of, municipality

LAMIA = "9160"


@pytest.fixture
def directory_services(world):
    """(live, logged): a Larissa-provided service and an outside one, both national."""
    from directory.models import Organization, Service

    connection.set_schema_to_public()
    centre = Organization.objects.create(
        name="Κέντρο Κοινότητας Λάρισας",
        description="Community Centre",
        kentro_tenant=world.larissa,
    )
    hospital = Organization.objects.create(name="Γενικό Νοσοκομείο Λαμίας", description="Hospital")
    live = Service.objects.create(
        organization=centre, name="Ψυχοκοινωνική υποστήριξη", description="Counselling"
    )
    logged = Service.objects.create(
        organization=hospital, name="Κοινωνική υπηρεσία νοσοκομείου", description="Social service"
    )
    return live, logged


@pytest.fixture
def lamia_person(world):
    """A Lamia resident registered by bob; the connection is left on Lamia's schema."""
    from casework.registry import beneficiary_register

    actor = actor_of(world.bob, world.lamia)
    return beneficiary_register(
        actor=actor,
        data={
            "first_name": "Αθανασία",
            "last_name": "Ζαχαρίου",
            "sex": "female",
            "birth_date": date(1990, 3, 14),
            "municipality": municipality(LAMIA),
            "languages": ["el", "ar"],
        },
        confirm_not_duplicate=True,
    )


def follow_up(days: int = 14) -> date:
    return timezone.localdate() + timedelta(days=days)


def consent_to_referrals(actor, person):
    from casework.consent import consent_record
    from casework.models.choices import ConsentPurpose, LegalBasis

    return consent_record(
        actor=actor, person=person, purpose=ConsentPurpose.REFERRALS, legal_basis=LegalBasis.CONSENT
    )
