"""A social worker's day in real Chromium: register a person, record a contact with two
requests (the second row added by htmx), assess needs, build a plan step, change its
status inline, and find it all on the timeline."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

# Unusual enough to never look like a duplicate of anyone else in the test database.
FIRST, LAST = "Ευφροσύνη", "Καραγιαννοπούλου"


@pytest.fixture
def social_worker(_world, django_db_blocker) -> Iterator[tuple[object, list[int]]]:
    """A social worker of Kalamata and the ids of the people they register.

    The live server commits what the browser does, so afterwards the people are removed
    with everything recorded about them, then the social worker (the append-only audit
    trail stays, as it would in production)."""
    from django.db import connection

    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role
    from casework.models import Beneficiary

    with django_db_blocker.unblock():
        user = User.objects.create_user(
            "eirini.browser@kalamata.example.gr", PASSWORD, first_name="Ειρήνη"
        )
        grant_role(user=user, tenant=_world.kalamata, role=Role.SOCIAL_WORKER)
        connection.set_schema_to_public()
    registered: list[int] = []
    yield user, registered
    with django_db_blocker.unblock():
        connection.set_tenant(_world.kalamata)
        try:
            for person in Beneficiary.objects.filter(pk__in=registered):
                for relation in Beneficiary._meta.related_objects:
                    relation.related_model._base_manager.filter(
                        **{relation.field.name: person}
                    ).delete()
                person.delete()
            user.delete()
        finally:
            connection.set_schema_to_public()


def test_a_social_worker_records_a_day_of_work_and_sees_it_on_the_timeline(
    social_worker, live_server_port, browser, _world
):
    from playwright.sync_api import expect

    # (social_worker is set up first, so that its clean-up runs after Playwright's loop ends)
    user, registered = social_worker

    base = f"http://kalamata.kentro.localhost:{live_server_port}"
    page = browser.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base}/")

    # Register a person through the registration form.
    page.goto(f"{base}/people/register/")
    page.fill("input[name=first_name]", FIRST)
    page.fill("input[name=last_name]", LAST)
    page.select_option("select[name=sex]", "female")
    page.fill("input[name=birth_date]", "1979-04-23")
    page.select_option("select[name=municipality]", str(_world.kalamata.lead_municipality_id))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/people/\d+/$"))
    person_id = int(re.search(r"/people/(\d+)/$", page.url).group(1))
    registered.append(person_id)
    person = f"{base}/people/{person_id}"

    # A contact with two requests; the second row comes from the server through htmx.
    page.goto(f"{person}/contacts/new/")
    page.select_option("select[name=channel]", "phone")
    page.fill("input[name=duration_minutes]", "25")
    page.select_option("select[name=requests-0-category]", "minimum_income")
    page.select_option("select[name=requests-0-outcome]", "served")
    page.fill("input[name=requests-0-description]", "Αίτηση ΕΕΕ κατατέθηκε")
    page.click("#request-rows + button")
    page.wait_for_selector("select[name=requests-1-category]")
    expect(page.locator("input[name=requests-TOTAL_FORMS]")).to_have_value("2")
    page.select_option("select[name=requests-1-category]", "housing_benefit")
    page.fill("input[name=requests-1-description]", "Ενημέρωση για επίδομα στέγασης")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{person}/timeline/")

    # A needs assessment.
    page.goto(f"{person}/assessments/new/")
    page.select_option("select[name=severity_income]", "4")
    page.fill("textarea[name=notes_income]", "Κανένα εισόδημα τους τελευταίους μήνες")
    page.select_option("select[name=severity_housing]", "2")
    page.fill("textarea[name=summary]", "Πρώτη αξιολόγηση αναγκών")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/assessments/\d+/$"))
    expect(page.locator("main")).to_contain_text("Κανένα εισόδημα τους τελευταίους μήνες")

    # An action plan with a goal and a step.
    page.goto(f"{person}/plan/")
    page.click("main form[action$='/plan/'] button[type=submit]")
    page.wait_for_url(f"{person}/plan/")
    page.select_option("select[name=need]", "income")
    page.fill("textarea[name=description]", "Σταθερό εισόδημα μέσω ΕΕΕ")
    page.click("main form[action*='/goals/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/plan/#goal-\d+$"))
    page.click("details summary")
    page.fill("textarea[name$='-description']", "Συγκέντρωση δικαιολογητικών ΕΕΕ")
    page.check("input[name$='-owner'][value=person]")
    page.click("main form[action*='/steps/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/plan/#goal-\d+$"))
    expect(page.locator("#plan-progress")).to_contain_text("0%")
    # The status changes inline (htmx) and the progress bar follows without a reload.
    page.select_option("select[name=status]", "done")
    expect(page.locator("#plan-progress")).to_contain_text("100%")

    # Everything is on the timeline, newest first.
    page.goto(f"{person}/timeline/")
    timeline = page.locator("main")
    for text in [
        "Αίτηση ΕΕΕ κατατέθηκε",
        "Ενημέρωση για επίδομα στέγασης",
        "Πρώτη αξιολόγηση αναγκών",
        "Συγκέντρωση δικαιολογητικών ΕΕΕ",
        FIRST,
    ]:
        expect(timeline).to_contain_text(text)
    kinds = page.locator(".kentro-timeline > li").evaluate_all(
        "items => items.map(item => item.className)"
    )
    assert any("kentro-event-step" in k for k in kinds)
    assert any("kentro-event-plan" in k for k in kinds)
    assert any("kentro-event-assessment" in k for k in kinds)
    assert any("kentro-event-contact" in k for k in kinds)
