"""Transfer fixtures: a Lamia resident with a full file, about to move to Larissa.

- bob (social worker of Lamia) sends; charlie (social worker of Larissa) receives;
- kostas (coordinator of Kalamata) is the third centre, who must see none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from tests.casework.conftest import actor_of, municipality, person_data

LAMIA, LARISSA = "9160", "9100"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Unusual enough that finding them anywhere means they leaked.
FIRST_NAME, LAST_NAME = "Ευθαλία", "Ζαχαροπούλου-Τσιρίγου"
AMKA, PHONE, EMAIL = "17058012349", "6987654321", "efthalia.z@example.gr"


@dataclass
class Mover:
    person: object
    consent: object
    case: object


def casework_counts() -> dict[str, int]:
    """Rows of every casework table in the schema the connection is on."""
    from django.apps import apps

    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("casework").get_models()
    }


def public_rows_mentioning(*values: str) -> list[tuple[str, str]]:
    """(table, row) of every public-schema row whose text contains one of the values."""
    found = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        for table in tables:
            cursor.execute(
                f'SELECT t::text FROM public."{table}" t WHERE t::text LIKE ANY(%s)',  # noqa: S608
                [[f"%{value}%" for value in values]],
            )
            found += [(table, row[0]) for row in cursor.fetchall()]
    return found


@pytest.fixture
def mover(world) -> Mover:
    """Registered in Lamia by bob, with an open case, consent to share, an assessment, a
    plan with a goal and a document."""
    from casework.assessments import assessment_record
    from casework.cases import case_open
    from casework.consent import consent_record
    from casework.documents import document_upload
    from casework.plans import goal_add, plan_create
    from casework.registry import beneficiary_register
    from tenants.models import Unit

    actor = actor_of(world.bob, world.lamia)
    person = beneficiary_register(
        actor=actor,
        data=person_data(
            first_name=FIRST_NAME,
            last_name=LAST_NAME,
            father_name="Νικόλαος",
            sex="female",
            birth_date=date(1980, 5, 17),
            amka=AMKA,
            phone=PHONE,
            email=EMAIL,
            address="Οδός Υψηλάντου 12",
            municipality=municipality(LAMIA),
            disability=True,
            employment_status="long_term_unemployed",
        ),
        confirm_not_duplicate=True,
    )
    unit = Unit.objects.get(tenant=world.lamia, kind=Unit.Kind.MAIN)
    case = case_open(actor=actor, person=person, unit=unit)
    consent = consent_record(actor=actor, person=person, purpose="referrals", legal_basis="consent")
    assessment_record(
        actor=actor,
        person=person,
        scores={"income": (3, "Χωρίς εισόδημα"), "housing": (2, "")},
        summary="Μετακομίζει στη Λάρισα",
    )
    plan = plan_create(actor=actor, person=person)
    goal_add(actor=actor, plan=plan, need="income", description="Αίτηση ΕΕΕ")
    document_upload(
        actor=actor,
        person=person,
        upload=SimpleUploadedFile("taftotita.pdf", PDF, "application/pdf"),
        doc_type="id_card",
    )
    connection.set_schema_to_public()
    return Mover(person=person, consent=consent, case=case)


def sender(world):
    return actor_of(world.bob, world.lamia)


def receiver(world):
    return actor_of(world.charlie, world.larissa)


FULL_SCOPE = ["identity", "assessments", "plans", "documents"]


def request_transfer(world, mover, scope=None):
    from transfers.services import transfer_request

    transfer = transfer_request(
        actor=sender(world),
        person=mover.person,
        receiving_tenant="larissa",
        scope=scope or FULL_SCOPE,
    )
    connection.set_schema_to_public()
    return transfer
