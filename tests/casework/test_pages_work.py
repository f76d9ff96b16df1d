"""The daily-work pages, through HTTP on Kalamata's host: timeline, reception, assessments,
social history and research, action plan, services, notes and break-glass, documents."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from casework.models import (
    ActionPlan,
    AuditEvent,
    BreakGlassAccess,
    Contact,
    Document,
    NeedsAssessment,
    Note,
    PlanStep,
    Request,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from tests.casework.conftest import actor_of
from tests.helpers import signed_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def person(register):
    return register()


@pytest.fixture
def sofia(staff, world):
    """The social worker of Kalamata, signed in on its host, reading the pages in English
    (Greek is the default; the tests read the English messages)."""
    client = signed_in(staff.social_worker, "kalamata", world.kalamata)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def as_tenant(world):
    """Look at Kalamata's schema (a request leaves the connection wherever it ended)."""

    def _switch() -> None:
        connection.set_tenant(world.kalamata)

    return _switch


def url(name: str, **kwargs) -> str:
    return reverse(f"casework:{name}", kwargs=kwargs)


def unit_of(world, kind: str = "main"):
    from tenants.models import Unit

    return Unit.objects.get(tenant=world.kalamata, kind=kind)


# --- Timeline -----------------------------------------------------------------------------


def _one_of_each_kind(actor, person, world) -> None:
    """A few records of every kind, through the services (as the pages would write them)."""
    from casework.assessments import (
        assessment_record,
        social_history_write,
        social_research_request,
    )
    from casework.cases import case_open
    from casework.deliveries import service_record
    from casework.documents import document_upload
    from casework.notes import note_write
    from casework.plans import goal_add, plan_create, step_add
    from casework.reception import RequestInput, contact_record

    case_open(actor=actor, person=person, unit=unit_of(world))
    contact_record(
        actor=actor,
        person=person,
        unit=unit_of(world),
        channel="phone",
        occurred_at=timezone.now(),
        requests=[RequestInput(category="minimum_income", outcome="served")],
        summary="Αίτηση ΕΕΕ",
    )
    assessment_record(
        actor=actor, person=person, scores={"income": (3, "Χωρίς εισόδημα")}, summary="Αρχική"
    )
    social_history_write(actor=actor, person=person, text="Ιστορικό οικογένειας")
    social_research_request(
        actor=actor, person=person, requested_by="Ειρηνοδικείο", purpose="Επιμέλεια"
    )
    plan = plan_create(actor=actor, person=person)
    goal = goal_add(actor=actor, plan=plan, need="income", description="Ένταξη στο ΕΕΕ")
    step = step_add(
        actor=actor, goal=goal, description="Συγκέντρωση δικαιολογητικών", owner="person"
    )
    service_record(
        actor=actor,
        person=person,
        kind="application_support",
        delivered_on=timezone.localdate(),
        plan_step=step,
    )
    document_upload(
        actor=actor,
        person=person,
        upload=SimpleUploadedFile("e1.pdf", PDF, "application/pdf"),
        doc_type="tax_return",
    )
    note_write(actor=actor, person=person, kind="general", text="Γενική σημείωση")


def test_the_timeline_shows_every_kind_of_record(staff, world, person, sofia):
    actor = actor_of(staff.social_worker, world.kalamata)
    _one_of_each_kind(actor, person, world)

    response = sofia.get(url("timeline", person_id=person.pk))

    assert response.status_code == 200
    kinds = [event.kind for event in response.context["events"]]
    assert set(kinds) == {
        "case",
        "contact",
        "assessment",
        "social_history",
        "social_research",
        "plan",
        "step",
        "service",
        "document",
        "note",
    }
    page = response.content.decode()
    for text in [
        "Minimum income (ΕΕΕ)",
        "Handled by the centre",
        "Needs assessment, version 1",
        "Ιστορικό οικογένειας",
        "Ειρηνοδικείο",
        "Συγκέντρωση δικαιολογητικών",
        "Support with an application",
        "e1.pdf",
        "Γενική σημείωση",
        "Sofia",
    ]:
        assert text in page, text


def test_the_timeline_is_newest_first_and_filters_by_kind(staff, world, person, sofia):
    actor = actor_of(staff.social_worker, world.kalamata)
    _one_of_each_kind(actor, person, world)

    events = sofia.get(url("timeline", person_id=person.pk)).context["events"]
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)

    only_plan = sofia.get(url("timeline", person_id=person.pk) + "?kind=plan").context["events"]
    assert {e.kind for e in only_plan} == {"plan", "step"}


def _bulk_history(person, user, world, count: int) -> None:
    """`count` contacts (each with a request), services and notes, written in bulk."""
    now = timezone.now()
    contacts = Contact.objects.bulk_create(
        Contact(
            beneficiary=person,
            unit=unit_of(world),
            municipality=person.municipality,
            staff=user,
            channel="walk_in",
            occurred_at=now - timedelta(days=i, hours=1),
        )
        for i in range(count)
    )
    Request.objects.bulk_create(Request(contact=c, category="information") for c in contacts)
    ServiceDelivery.objects.bulk_create(
        ServiceDelivery(
            beneficiary=person,
            kind="counselling",
            delivered_on=timezone.localdate() - timedelta(days=i),
            staff=user,
            duration_minutes=30,
        )
        for i in range(count)
    )
    Note.objects.bulk_create(
        Note(beneficiary=person, kind="general", text=f"Σημείωση {i}", author=user)
        for i in range(count)
    )


def test_the_timeline_page_costs_the_same_queries_for_10_and_300_events(
    staff, world, register, sofia, as_tenant
):
    actor = actor_of(staff.social_worker, world.kalamata)
    counts = {}
    for size in (10, 300):
        person = register(first_name=f"Άτομο{size}", birth_date=date(1970, 1, 1 + size % 28))
        _one_of_each_kind(actor, person, world)
        # The bulk rows add up to `size` events, on top of the few of each kind.
        _bulk_history(person, staff.social_worker, world, (size - 10) // 3 + 1)
        sofia.get(url("timeline", person_id=person.pk))  # warm the host → centre cache
        as_tenant()
        with CaptureQueriesContext(connection) as queries:
            response = sofia.get(url("timeline", person_id=person.pk))
        assert response.status_code == 200
        assert len(response.context["events"]) >= size
        counts[size] = len(queries)
        as_tenant()
    assert counts[10] == counts[300], counts


def test_a_role_without_case_access_cannot_open_the_timeline(staff, world, person):
    client = signed_in(staff.administrative, "kalamata", world.kalamata)
    assert client.get(url("timeline", person_id=person.pk)).status_code == 403


# --- Reception ----------------------------------------------------------------------------


def _contact_post(world, **overrides) -> dict:
    data = {
        "channel": "walk_in",
        "unit": unit_of(world).pk,
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "mediator": "",
        "language": "ar",
        "duration_minutes": "20",
        "summary": "Ήρθε με την κόρη της",
        "requests-TOTAL_FORMS": "2",
        "requests-INITIAL_FORMS": "0",
        "requests-MIN_NUM_FORMS": "1",
        "requests-MAX_NUM_FORMS": "20",
        "requests-0-category": "minimum_income",
        "requests-0-outcome": "served",
        "requests-0-description": "Νέα αίτηση",
        "requests-1-category": "housing_benefit",
        "requests-1-outcome": "informed",
        "requests-1-description": "",
    }
    data.update(overrides)
    return data


def test_a_contact_with_two_requests_is_recorded(staff, world, person, sofia, as_tenant):
    response = sofia.get(url("contact_new", person_id=person.pk))
    assert response.status_code == 200

    response = sofia.post(
        url("contact_new", person_id=person.pk),
        _contact_post(world, mediator=str(staff.mediator.pk)),
    )

    assert response.status_code == 302
    assert response["Location"] == url("timeline", person_id=person.pk)
    as_tenant()
    contact = Contact.objects.get(beneficiary=person)
    assert contact.staff == staff.social_worker
    assert contact.mediator == staff.mediator
    assert contact.language == "ar" and contact.duration_minutes == 20
    assert sorted(contact.requests.values_list("category", "outcome")) == [
        ("housing_benefit", "informed"),
        ("minimum_income", "served"),
    ]


def test_an_empty_extra_request_row_is_ignored(world, person, sofia, as_tenant):
    response = sofia.post(
        url("contact_new", person_id=person.pk),
        _contact_post(world, **{"requests-1-category": "", "requests-1-outcome": "pending"}),
    )
    assert response.status_code == 302
    as_tenant()
    assert Request.objects.filter(contact__beneficiary=person).count() == 1


def test_a_contact_without_a_request_is_refused_and_nothing_is_stored(
    world, person, sofia, as_tenant
):
    response = sofia.post(
        url("contact_new", person_id=person.pk),
        _contact_post(
            world,
            **{"requests-TOTAL_FORMS": "1", "requests-0-category": "", "requests-0-outcome": ""},
        ),
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    as_tenant()
    assert not Contact.objects.filter(beneficiary=person).exists()


def test_a_contact_in_the_future_is_refused(world, person, sofia, as_tenant):
    next_week = timezone.localtime() + timedelta(days=7)
    response = sofia.post(
        url("contact_new", person_id=person.pk),
        _contact_post(world, occurred_at=next_week.strftime("%Y-%m-%dT%H:%M")),
    )
    assert response.status_code == 400
    assert "The contact cannot be in the future." in response.content.decode()
    as_tenant()
    assert not Contact.objects.filter(beneficiary=person).exists()


def test_another_request_row_is_added_with_htmx(sofia):
    response = sofia.get(url("request_row") + "?requests-TOTAL_FORMS=2", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="requests-2-category"' in page
    assert 'name="requests-TOTAL_FORMS" value="3"' in page and 'hx-swap-oob="true"' in page


def test_an_anonymous_request_is_stored_with_no_person(staff, world, sofia, as_tenant):
    as_tenant()
    before = Contact.objects.filter(beneficiary__isnull=True).count()
    page = url("anonymous_request")
    assert sofia.get(page).status_code == 200

    response = sofia.post(
        page,
        {
            "channel": "phone",
            "categories": ["information", "food_aid"],
            "outcome": "informed",
            "municipality": world.kalamata.lead_municipality_id,
            "unit": unit_of(world).pk,
            "language": "",
        },
        follow=True,
    )

    assert response.redirect_chain == [(page, 302)]
    assert "The anonymous request was recorded." in response.content.decode()
    # Back to a blank form, ready for the next person at the desk.
    assert response.context["form"].is_bound is False
    as_tenant()
    contact = Contact.objects.filter(beneficiary__isnull=True).latest("id")
    assert Contact.objects.filter(beneficiary__isnull=True).count() == before + 1
    assert contact.staff == staff.social_worker and contact.summary == ""
    assert sorted(contact.requests.values_list("category", flat=True)) == [
        "food_aid",
        "information",
    ]


def test_an_anonymous_request_needs_what_was_asked(world, sofia, as_tenant):
    as_tenant()
    before = Contact.objects.count()
    response = sofia.post(
        url("anonymous_request"),
        {
            "channel": "phone",
            "outcome": "informed",
            "municipality": world.kalamata.lead_municipality_id,
            "unit": unit_of(world).pk,
        },
    )
    assert response.status_code == 400
    as_tenant()
    assert Contact.objects.count() == before


def test_partner_staff_record_anonymous_requests_only_for_their_municipality(
    staff, world, as_tenant
):
    from tests.casework.conftest import KALAMATA, OICHALIA, municipality

    petros = signed_in(staff.partner, "oichalia", world.kalamata)
    form = petros.get(url("anonymous_request")).context["form"]
    assert list(form.fields["municipality"].queryset) == [municipality(OICHALIA)]
    assert form["municipality"].value() == municipality(OICHALIA).pk
    as_tenant()
    before = Contact.objects.count()
    response = petros.post(
        url("anonymous_request"),
        {
            "channel": "mobile_unit",
            "categories": ["information"],
            "outcome": "informed",
            "municipality": municipality(KALAMATA).pk,
            "unit": unit_of(world, "mobile").pk,
        },
    )
    assert response.status_code == 400
    as_tenant()
    assert Contact.objects.count() == before

    response = petros.post(
        url("anonymous_request"),
        {
            "channel": "mobile_unit",
            "categories": ["information"],
            "outcome": "informed",
            "municipality": municipality(OICHALIA).pk,
            "unit": unit_of(world, "mobile").pk,
        },
    )
    assert response.status_code == 302
    as_tenant()
    assert Contact.objects.latest("id").municipality == municipality(OICHALIA)


# --- Needs assessment ---------------------------------------------------------------------


def _assessment_post(**severities) -> dict:
    data = {"assessed_on": timezone.localdate().isoformat(), "summary": "Σύνοψη"}
    for domain, severity in severities.items():
        data[f"severity_{domain}"] = str(severity)
        data[f"notes_{domain}"] = f"για {domain}"
    return data


def test_assessments_are_versioned_and_compared_with_the_previous_one(person, sofia, as_tenant):
    first = sofia.post(
        url("assessment_new", person_id=person.pk), _assessment_post(income=4, housing=2)
    )
    assert first.status_code == 302
    as_tenant()
    v1 = NeedsAssessment.objects.get(beneficiary=person)
    assert first["Location"] == url("assessment_detail", person_id=person.pk, assessment_id=v1.pk)
    assert {s.domain: s.severity for s in v1.scores.all()} == {"income": 4, "housing": 2}

    # The new form starts from the previous scores.
    form = sofia.get(url("assessment_new", person_id=person.pk)).context["form"]
    assert form["severity_income"].value() == 4

    sofia.post(url("assessment_new", person_id=person.pk), _assessment_post(income=2, housing=2))
    as_tenant()
    v2 = NeedsAssessment.objects.get(beneficiary=person, version=2)
    response = sofia.get(url("assessment_detail", person_id=person.pk, assessment_id=v2.pk))
    assert response.status_code == 200
    assert response.context["previous"] == v1
    income = next(
        r for r in response.context["rows"] if r["score"] and r["score"].domain == "income"
    )
    assert income["previous"].severity == 4 and income["change"] == -2


def test_an_assessment_with_no_domain_scored_is_refused(person, sofia, as_tenant):
    response = sofia.post(url("assessment_new", person_id=person.pk), _assessment_post())
    assert response.status_code == 400
    assert "Score at least one domain." in response.content.decode()
    as_tenant()
    assert not NeedsAssessment.objects.filter(beneficiary=person).exists()


def test_an_assessment_of_another_person_is_not_found(register, person, sofia, staff, world):
    from casework.assessments import assessment_record

    other = register(first_name="Μαρία", birth_date=date(1990, 2, 2))
    theirs = assessment_record(
        actor=actor_of(staff.social_worker, world.kalamata),
        person=other,
        scores={"income": (1, "")},
    )
    response = sofia.get(url("assessment_detail", person_id=person.pk, assessment_id=theirs.pk))
    assert response.status_code == 404


def test_administrative_staff_may_not_assess_needs(staff, world, person):
    client = signed_in(staff.administrative, "kalamata", world.kalamata)
    assert client.get(url("assessment_new", person_id=person.pk)).status_code == 403


# --- Social history and research ----------------------------------------------------------


def test_the_social_history_keeps_every_version(person, sofia, as_tenant):
    page = url("social_history", person_id=person.pk)
    due = (timezone.localdate() + timedelta(days=180)).isoformat()
    assert sofia.post(page, {"text": "Πρώτη εκδοχή", "review_due": due}).status_code == 302
    assert sofia.post(page, {"text": "Δεύτερη εκδοχή", "review_due": ""}).status_code == 302

    response = sofia.get(page)
    assert response.status_code == 200
    assert response.context["latest"].version == 2
    assert response.context["form"]["text"].value() == "Δεύτερη εκδοχή"
    assert "Πρώτη εκδοχή" in response.content.decode()
    as_tenant()
    assert SocialHistory.objects.filter(beneficiary=person).count() == 2


def test_an_empty_social_history_is_refused(person, sofia, as_tenant):
    response = sofia.post(url("social_history", person_id=person.pk), {"text": "   "})
    assert response.status_code == 400
    as_tenant()
    assert not SocialHistory.objects.filter(beneficiary=person).exists()


def test_social_research_is_requested_then_completed_with_a_report(person, sofia, as_tenant):
    response = sofia.post(
        url("social_research", person_id=person.pk),
        {
            "requested_by": "Εισαγγελία Ανηλίκων",
            "purpose": "Έκθεση για την επιμέλεια",
            "requested_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    as_tenant()
    research = SocialResearch.objects.get(beneficiary=person)
    assert research.status == "requested"

    complete = url("social_research_complete", person_id=person.pk, research_id=research.pk)
    assert sofia.get(complete).status_code == 200
    assert sofia.post(complete, {"report": ""}).status_code == 400
    assert sofia.post(complete, {"report": "Η έκθεση"}).status_code == 302
    as_tenant()
    research.refresh_from_db()
    assert research.status == "completed" and research.report == "Η έκθεση"
    assert (
        "Εισαγγελία Ανηλίκων"
        in sofia.get(url("social_research", person_id=person.pk)).content.decode()
    )


# --- Action plan --------------------------------------------------------------------------


def test_an_action_plan_is_built_step_by_step(staff, person, sofia, as_tenant):
    page = url("plan", person_id=person.pk)
    assert sofia.get(page).status_code == 200
    assert sofia.post(page).status_code == 302
    as_tenant()
    plan = ActionPlan.objects.get(beneficiary=person)

    response = sofia.post(
        url("goal_add", person_id=person.pk, plan_id=plan.pk),
        {"need": "employment", "description": "Εύρεση εργασίας", "target_date": ""},
    )
    assert response.status_code == 302
    as_tenant()
    goal = plan.goals.get()

    prefix = f"step-{goal.pk}"
    response = sofia.post(
        url("step_add", person_id=person.pk, goal_id=goal.pk),
        {
            f"{prefix}-description": "Εγγραφή στη ΔΥΠΑ",
            f"{prefix}-owner": "outside_service",
            f"{prefix}-owner_staff": "",
            f"{prefix}-owner_service": "ΔΥΠΑ Καλαμάτας",
            f"{prefix}-due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        },
    )
    assert response.status_code == 302
    response = sofia.post(
        url("step_add", person_id=person.pk, goal_id=goal.pk),
        {
            f"{prefix}-description": "Βιογραφικό",
            f"{prefix}-owner": "staff",
            f"{prefix}-owner_staff": str(staff.social_worker.pk),
        },
    )
    assert response.status_code == 302
    as_tenant()
    first, second = PlanStep.objects.filter(goal=goal).order_by("id")
    assert first.owner_service == "ΔΥΠΑ Καλαμάτας" and second.owner_staff == staff.social_worker

    # Inline status change (htmx): the row comes back with the plan's new progress.
    response = sofia.post(
        url("step_status", person_id=person.pk, step_id=first.pk),
        {"status": "done"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    row = response.content.decode()
    assert f'id="step-{first.pk}"' in row
    assert 'id="plan-progress" class="mb-3" hx-swap-oob="true"' in row
    assert 'aria-valuenow="50"' in row
    as_tenant()
    first.refresh_from_db()
    assert first.status == "done" and first.completed_on == timezone.localdate()

    response = sofia.post(
        url("plan_review", person_id=person.pk, plan_id=plan.pk), {"notes": "Καλή πρόοδος"}
    )
    assert response.status_code == 302
    page_now = sofia.get(page)
    assert page_now.context["progress"] == 50
    assert "Καλή πρόοδος" in page_now.content.decode()


def test_a_step_owned_by_a_staff_member_needs_one(person, sofia, as_tenant):
    from casework.plans import goal_add, plan_create

    sofia.post(url("plan", person_id=person.pk))
    as_tenant()
    plan = ActionPlan.objects.get(beneficiary=person)
    actor = actor_of(plan.created_by, connection.tenant)
    goal = goal_add(actor=actor, plan=plan, need="housing", description="Στέγη")
    prefix = f"step-{goal.pk}"
    response = sofia.post(
        url("step_add", person_id=person.pk, goal_id=goal.pk),
        {f"{prefix}-description": "Κάτι", f"{prefix}-owner": "staff", f"{prefix}-owner_staff": ""},
    )
    assert response.status_code == 400
    assert "Choose a staff member of this centre." in response.content.decode()
    as_tenant()
    assert not PlanStep.objects.filter(goal=goal).exists()
    assert plan_create  # the second plan is refused by the service, tested there


def test_a_step_status_change_needs_a_post(staff, world, person, sofia):
    from casework.plans import goal_add, plan_create, step_add

    actor = actor_of(staff.social_worker, world.kalamata)
    goal = goal_add(
        actor=actor, plan=plan_create(actor=actor, person=person), need="income", description="Ε"
    )
    step = step_add(actor=actor, goal=goal, description="Β", owner="person")
    response = sofia.get(url("step_status", person_id=person.pk, step_id=step.pk))
    assert response.status_code == 405


# --- Services -----------------------------------------------------------------------------


def test_a_service_is_recorded_with_its_plan_step(staff, world, person, sofia, as_tenant):
    from casework.plans import goal_add, plan_create, step_add

    actor = actor_of(staff.social_worker, world.kalamata)
    goal = goal_add(
        actor=actor, plan=plan_create(actor=actor, person=person), need="income", description="Ε"
    )
    step = step_add(actor=actor, goal=goal, description="Αίτηση ΕΕΕ", owner="person")
    page = url("service_new", person_id=person.pk)
    form = sofia.get(page).context["form"]
    # A social worker is not offered psychological sessions or legal counselling.
    offered = {value for value, _ in form.fields["kind"].choices}
    assert "psychological_session" not in offered and "legal_counselling" not in offered

    response = sofia.post(
        page,
        {
            "kind": "application_support",
            "delivered_on": timezone.localdate().isoformat(),
            "duration_minutes": "45",
            "plan_step": str(step.pk),
            "notes": "",
        },
    )
    assert response.status_code == 302
    as_tenant()
    service = ServiceDelivery.objects.get(beneficiary=person)
    assert service.plan_step == step and service.staff == staff.social_worker
    assert service.duration_minutes == 45


# --- Notes and break-glass ----------------------------------------------------------------


@pytest.fixture
def psychological_note(staff, world, person):
    from casework.notes import note_write

    return note_write(
        actor=actor_of(staff.psychologist, world.kalamata),
        person=person,
        kind="psychological",
        text="Εμπιστευτικό ψυχολογικό",
    )


def test_a_psychologist_writes_a_psychological_note(staff, world, person, as_tenant):
    yannis = signed_in(staff.psychologist, "kalamata", world.kalamata)
    page = url("notes", person_id=person.pk)
    kinds = {value for value, _ in yannis.get(page).context["form"].fields["kind"].choices}
    assert kinds == {"general", "psychological"}
    response = yannis.post(page, {"kind": "psychological", "text": "Συνεδρία 1"})
    assert response.status_code == 302
    as_tenant()
    assert Note.objects.get(beneficiary=person).kind == "psychological"


def test_a_social_worker_may_not_write_a_psychological_note(person, sofia, as_tenant):
    page = url("notes", person_id=person.pk)
    kinds = {value for value, _ in sofia.get(page).context["form"].fields["kind"].choices}
    assert kinds == {"general"}
    response = sofia.post(page, {"kind": "psychological", "text": "Δεν επιτρέπεται"})
    assert response.status_code == 400
    as_tenant()
    assert not Note.objects.filter(beneficiary=person).exists()


def test_a_psychological_note_is_invisible_to_the_social_worker(person, sofia, psychological_note):
    notes_page = sofia.get(url("notes", person_id=person.pk)).content.decode()
    timeline_page = sofia.get(url("timeline", person_id=person.pk)).content.decode()
    assert "Εμπιστευτικό ψυχολογικό" not in notes_page
    assert "Εμπιστευτικό ψυχολογικό" not in timeline_page


def test_the_psychologist_sees_it_on_both_pages(staff, world, person, psychological_note):
    yannis = signed_in(staff.psychologist, "kalamata", world.kalamata)
    assert (
        "Εμπιστευτικό ψυχολογικό" in yannis.get(url("notes", person_id=person.pk)).content.decode()
    )
    assert (
        "Εμπιστευτικό ψυχολογικό"
        in yannis.get(url("timeline", person_id=person.pk)).content.decode()
    )


def test_break_glass_without_a_reason_is_refused(
    staff, person, sofia, psychological_note, as_tenant
):
    as_tenant()
    audits = AuditEvent.objects.filter(action=AuditEvent.Action.BREAK_GLASS).count()
    response = sofia.post(
        url("break_glass", person_id=person.pk), {"kind": "psychological", "reason": ""}
    )
    assert response.status_code == 400
    as_tenant()
    assert not BreakGlassAccess.objects.filter(user=staff.social_worker).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.BREAK_GLASS).count() == audits
    assert (
        "Εμπιστευτικό ψυχολογικό"
        not in sofia.get(url("notes", person_id=person.pk)).content.decode()
    )


def test_break_glass_with_a_reason_opens_the_notes_audited(
    staff, world, person, sofia, psychological_note, as_tenant
):
    assert sofia.get(url("break_glass", person_id=person.pk)).status_code == 200
    reason = "Κίνδυνος αυτοτραυματισμού, χρειάζομαι το ιστορικό"
    response = sofia.post(
        url("break_glass", person_id=person.pk),
        {"kind": "psychological", "reason": reason},
        follow=True,
    )
    assert response.redirect_chain == [(url("notes", person_id=person.pk), 302)]
    assert "Εμπιστευτικό ψυχολογικό" in response.content.decode()
    as_tenant()
    access = BreakGlassAccess.objects.get(user=staff.social_worker, beneficiary=person)
    assert access.note_kind == "psychological" and access.reason == reason
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.BREAK_GLASS,
        user=staff.social_worker,
        beneficiary_id=person.pk,
        object_id=str(access.pk),
    ).exists()

    # The coordinator sees it in the log; the social worker may not open the log.
    kostas = signed_in(staff.coordinator, "kalamata", world.kalamata)
    log = kostas.get(url("break_glass_log"))
    assert log.status_code == 200 and reason in log.content.decode()
    assert sofia.get(url("break_glass_log")).status_code == 403


def test_a_psychologist_cannot_break_glass(staff, world, person):
    yannis = signed_in(staff.psychologist, "kalamata", world.kalamata)
    assert yannis.get(url("break_glass", person_id=person.pk)).status_code == 403


# --- Documents ----------------------------------------------------------------------------


def _stored_files(settings) -> list:
    root = settings.KENTRO_DOCUMENTS_DIR
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_document_is_uploaded_and_listed(staff, person, sofia, as_tenant, settings):
    page = url("documents", person_id=person.pk)
    response = sofia.post(
        page,
        {
            "doc_type": "residence_permit",
            "expires_on": "2030-01-31",
            "file": SimpleUploadedFile("ΑΔΕΤ.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    as_tenant()
    document = Document.objects.get(beneficiary=person)
    assert document.content_type == "application/pdf"
    assert document.expires_on == date(2030, 1, 31) and document.uploaded_by == staff.social_worker
    assert len(_stored_files(settings)) == 1
    listing = sofia.get(page).content.decode()
    assert "ΑΔΕΤ.pdf" in listing and "31/01/2030" in listing


def test_a_disguised_html_file_is_refused_and_nothing_is_stored(person, sofia, as_tenant, settings):
    disguised = SimpleUploadedFile(
        "βεβαίωση.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )
    response = sofia.post(
        url("documents", person_id=person.pk),
        {"doc_type": "other", "file": disguised},
    )
    assert response.status_code == 400
    assert "This file type is not accepted" in response.content.decode()
    as_tenant()
    assert not Document.objects.filter(beneficiary=person).exists()
    assert _stored_files(settings) == []


@override_settings(KENTRO_MAX_UPLOAD_MB=1)
def test_an_oversized_file_is_refused_and_nothing_is_stored(person, sofia, as_tenant, settings):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), "application/pdf")
    response = sofia.post(url("documents", person_id=person.pk), {"doc_type": "other", "file": big})
    assert response.status_code == 400
    assert "The file is larger than 1 MB." in response.content.decode()
    as_tenant()
    assert not Document.objects.filter(beneficiary=person).exists()
    assert _stored_files(settings) == []


def test_a_document_downloads_as_an_attachment_that_is_never_sniffed(
    staff, world, person, sofia, as_tenant
):
    from casework.documents import document_upload

    document = document_upload(
        actor=actor_of(staff.social_worker, world.kalamata),
        person=person,
        upload=SimpleUploadedFile("e1 2024.pdf", PDF, "text/html"),
        doc_type="tax_return",
    )
    response = sofia.get(url("document_download", document_id=document.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "e1" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    as_tenant()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOAD, object_id=str(document.pk)
    ).exists()
