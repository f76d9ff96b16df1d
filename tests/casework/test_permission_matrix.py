"""Every casework role × every casework action, performed through the service functions.

The expected grid is written out here, independently of casework.permissions, as the
centre would describe it: who at the desk may do what. Each cell is exercised for real:
an allowed action succeeds, a refused one raises PermissionDenied and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from casework.permissions import PERMISSIONS, Action
from tests.casework.conftest import OICHALIA, actor_of, municipality, person_data

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Columns: coordinator, social worker, psychologist, lawyer, intercultural mediator,
# administrative staff, partner-municipality staff.   Y = allowed, . = refused
ROLES = ["coordinator", "social_worker", "psychologist", "lawyer", "mediator", "admin", "partner"]
EXPECTED = """
search_people             Y Y Y Y Y Y Y
view_person               Y Y Y Y Y Y Y
register_person           Y Y Y Y Y Y Y
edit_person               Y Y . . Y Y Y
merge_people              Y . . . . . .
manage_consent            Y Y . . Y Y Y
manage_household          Y Y . . . Y Y
view_case                 Y Y Y Y Y . Y
manage_case               Y Y . . . . Y
record_contact            Y Y Y Y Y Y Y
record_anonymous_request  Y Y Y Y Y Y Y
assess_needs              Y Y Y . . . Y
write_social_history      Y Y . . . . Y
manage_social_research    Y Y . . . . .
manage_plan               Y Y Y Y . . Y
record_service            Y Y Y Y Y . Y
read_general_notes        Y Y Y Y Y . Y
write_general_note        Y Y Y Y Y . Y
read_psychological_notes  . . Y . . . .
write_psychological_note  . . Y . . . .
read_legal_notes          . . . Y . . .
write_legal_note          . . . Y . . .
break_glass               Y Y . . . . .
upload_document           Y Y Y Y Y Y Y
download_document         Y Y Y Y Y Y Y
view_audit                Y . . . . . .
export_person             Y . . . . . .
"""


def _grid() -> dict[tuple[str, str], bool]:
    grid = {}
    for line in EXPECTED.strip().splitlines():
        action, *cells = line.split()
        assert len(cells) == len(ROLES), line
        for role, cell in zip(ROLES, cells, strict=True):
            grid[(action, role)] = cell == "Y"
    return grid


GRID = _grid()


def test_the_grid_covers_every_action():
    assert {action for action, _ in GRID} == {str(action) for action in Action}


@dataclass
class Scene:
    """A person (in Οιχαλία, so partner staff reach them) with some of everything."""

    person: Any
    other: Any
    unit: Any
    household: Any
    consent: Any
    research: Any
    plan: Any
    goal: Any
    step: Any
    case: Any
    document: Any
    notes: dict[str, Any]


def _scene(staff, world) -> Scene:
    from casework.assessments import social_research_request
    from casework.cases import case_open
    from casework.consent import consent_record
    from casework.documents import document_upload
    from casework.households import household_create
    from casework.notes import note_write
    from casework.plans import goal_add, plan_create, step_add
    from casework.registry import beneficiary_register
    from tenants.models import Unit

    coordinator = actor_of(staff.coordinator, world.kalamata)
    data = person_data(municipality=municipality(OICHALIA))
    person = beneficiary_register(actor=coordinator, data=data, confirm_not_duplicate=True)
    other = beneficiary_register(
        actor=coordinator,
        data={**data, "first_name": "Γιώργης", "phone": ""},
        confirm_not_duplicate=True,
    )
    unit = Unit.objects.get(tenant=world.kalamata, kind=Unit.Kind.MAIN)
    plan = plan_create(actor=coordinator, person=person)
    goal = goal_add(actor=coordinator, plan=plan, need="income", description="Αίτηση ΕΕΕ")
    notes = {"general": note_write(actor=coordinator, person=person, kind="general", text="Γ")}
    for kind, author in (("psychological", staff.psychologist), ("legal", staff.lawyer)):
        notes[kind] = note_write(
            actor=actor_of(author, world.kalamata), person=person, kind=kind, text=kind
        )
    return Scene(
        person=person,
        other=other,
        unit=unit,
        household=household_create(actor=coordinator, head=person),
        consent=consent_record(
            actor=coordinator, person=person, purpose="referrals", legal_basis="consent"
        ),
        research=social_research_request(
            actor=coordinator, person=person, requested_by="Εισαγγελία", purpose="Έκθεση"
        ),
        plan=plan,
        goal=goal,
        step=step_add(actor=coordinator, goal=goal, description="Φάκελος", owner="person"),
        case=case_open(actor=coordinator, person=person, unit=unit),
        document=document_upload(
            actor=coordinator,
            person=person,
            upload=SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
            doc_type="id_card",
        ),
        notes=notes,
    )


def _readable(kind: str):
    def perform(actor, scene: Scene):
        from casework.notes import notes_for

        if scene.notes[kind] not in notes_for(actor, scene.person):
            raise PermissionDenied

    return perform


def _perform(action: str, actor, scene: Scene) -> None:
    from casework import (
        assessments,
        cases,
        consent,
        deliveries,
        documents,
        households,
        notes,
        plans,
        reception,
        registry,
        rights,
        timeline,
    )
    from casework.access import beneficiary_for
    from casework.reception import RequestInput

    person, today = scene.person, timezone.localdate()
    contact = {
        "unit": scene.unit,
        "channel": "walk_in",
        "occurred_at": timezone.now(),
        "requests": [RequestInput(category="information")],
    }
    performers = {
        "search_people": lambda: list(registry.search_people(actor=actor, query="Παπαδ")),
        "view_person": lambda: beneficiary_for(actor, person.pk, Action.VIEW_PERSON),
        "register_person": lambda: registry.beneficiary_register(
            actor=actor,
            data=person_data(first_name="Χρυσάνθη", municipality=municipality(OICHALIA)),
            confirm_not_duplicate=True,
        ),
        "edit_person": lambda: registry.beneficiary_update(
            actor=actor, person=person, data={"email": "g@example.gr"}
        ),
        "merge_people": lambda: registry.beneficiaries_merge(
            actor=actor, keep=person, duplicate=scene.other
        ),
        "manage_consent": lambda: consent.consent_withdraw(actor=actor, record=scene.consent),
        "manage_household": lambda: households.household_member_add(
            actor=actor, household=scene.household, relation="child", name="Παιδί"
        ),
        "view_case": lambda: timeline.timeline_for(actor, person),
        "manage_case": lambda: cases.case_update(
            actor=actor, case=scene.case, data={"status": "active"}
        ),
        "record_contact": lambda: reception.contact_record(actor=actor, person=person, **contact),
        "record_anonymous_request": lambda: reception.contact_record(
            actor=actor, person=None, municipality=municipality(OICHALIA), **contact
        ),
        "assess_needs": lambda: assessments.assessment_record(
            actor=actor, person=person, scores={"housing": (2, "")}
        ),
        "write_social_history": lambda: assessments.social_history_write(
            actor=actor, person=person, text="Ιστορικό", review_due=date(2027, 1, 1)
        ),
        "manage_social_research": lambda: assessments.social_research_complete(
            actor=actor, research=scene.research, report="Έκθεση κοινωνικής έρευνας"
        ),
        "manage_plan": lambda: plans.step_set_status(actor=actor, step=scene.step, status="done"),
        "record_service": lambda: deliveries.service_record(
            actor=actor, person=person, kind="information", delivered_on=today
        ),
        "read_general_notes": lambda: _readable("general")(actor, scene),
        "write_general_note": lambda: notes.note_write(
            actor=actor, person=person, kind="general", text="σημείωση"
        ),
        "read_psychological_notes": lambda: _readable("psychological")(actor, scene),
        "write_psychological_note": lambda: notes.note_write(
            actor=actor, person=person, kind="psychological", text="σημείωση"
        ),
        "read_legal_notes": lambda: _readable("legal")(actor, scene),
        "write_legal_note": lambda: notes.note_write(
            actor=actor, person=person, kind="legal", text="σημείωση"
        ),
        "break_glass": lambda: notes.break_glass(
            actor=actor, person=person, kind="psychological", reason="Κίνδυνος αυτοτραυματισμού"
        ),
        "upload_document": lambda: documents.document_upload(
            actor=actor,
            person=person,
            upload=SimpleUploadedFile("b.pdf", PDF, "application/pdf"),
            doc_type="other",
        ),
        "download_document": lambda: documents.document_for_download(actor, scene.document.pk),
        "view_audit": lambda: list(notes.break_glass_log(actor)),
        "export_person": lambda: rights.person_export(actor, person),
    }
    performers[action]()


def _snapshot() -> dict[str, int]:
    """Row counts of every casework table but the audit trail (reads are audited)."""
    from django.apps import apps

    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("casework").get_models()
        if model.__name__ != "AuditEvent"
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", [str(action) for action in Action])
def test_role_may_or_may_not_perform_action(staff, world, role, action):
    # staff.by_role() lists the members in the order of the grid's columns.
    members = dict(zip(ROLES, staff.by_role().values(), strict=True))
    scene = _scene(staff, world)
    actor = actor_of(members[role], world.kalamata)
    before = _snapshot()
    if GRID[(action, role)]:
        _perform(action, actor, scene)
    else:
        with pytest.raises(PermissionDenied):
            _perform(action, actor, scene)
        assert _snapshot() == before, "a refused action changed something"


def test_the_table_in_the_code_matches_the_grid():
    """The single table pages and API consult says the same as this grid."""
    from accounts.roles import Role

    columns = dict(
        zip(
            ROLES,
            [
                Role.COORDINATOR,
                Role.SOCIAL_WORKER,
                Role.PSYCHOLOGIST,
                Role.LAWYER,
                Role.INTERCULTURAL_MEDIATOR,
                Role.ADMINISTRATIVE,
                Role.PARTNER_STAFF,
            ],
            strict=True,
        )
    )
    for (action, role), allowed in GRID.items():
        assert (columns[role] in PERMISSIONS[Action(action)]) is allowed, (action, role)
