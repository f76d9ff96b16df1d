"""A live referral in real Chromium: a Lamia caseworker finds a service that Larissa's
centre provides by typing a Greek query without accents, refers a person to it, a Larissa
member accepts it in the inbox, and the Lamia caseworker sees the status change."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

SERVICE = "Συμβουλευτική Ψυχοκοινωνικής Στήριξης Ενηλίκων"
# What a hurried caseworker types: lower case, no accents.
QUERY = "ψυχοκοινωνικης στηριξης"
FIRST, LAST = "Πολυξένη", "Αργυροπούλου-Βρεττού"


@pytest.fixture
def live_setup(_world, django_db_blocker) -> Iterator[dict]:
    """Committed (the live server's threads must see it): a service provided by Larissa's
    centre, a Lamia resident who consented to referrals. Removed afterwards with the
    referrals and envelopes the browser created (the append-only audit trail stays)."""
    from django.db import connection

    from casework.consent import consent_record
    from casework.models import Beneficiary, ConsentRecord, Referral, ReferralEvent
    from casework.models.choices import ConsentPurpose, LegalBasis
    from casework.registry import beneficiary_register
    from directory.models import Organization, Service
    from directory.search import reindex_services
    from exchange.models import ReferralEnvelope
    from tests.casework.conftest import actor_of, municipality

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        organization = Organization.objects.create(
            name="Κέντρο Κοινότητας Λάρισας (δοκιμή)",
            description="Community Centre",
            kentro_tenant=_world.larissa,
        )
        service = Service.objects.create(
            organization=organization, name=SERVICE, description="Ψυχοκοινωνική υποστήριξη"
        )
        reindex_services([service.pk])
        actor = actor_of(_world.bob, _world.lamia)
        person = beneficiary_register(
            actor=actor,
            data={
                "first_name": FIRST,
                "last_name": LAST,
                "birth_date": date(1972, 6, 9),
                "municipality": municipality("9160"),
            },
            confirm_not_duplicate=True,
        )
        consent_record(
            actor=actor,
            person=person,
            purpose=ConsentPurpose.REFERRALS,
            legal_basis=LegalBasis.CONSENT,
        )
        connection.set_schema_to_public()
    yield {"service": service, "person": person}
    with django_db_blocker.unblock():
        connection.set_tenant(_world.lamia)
        try:
            referrals = Referral.objects.filter(beneficiary=person)
            envelope_ids = [r.envelope_id for r in referrals if r.envelope_id]
            ReferralEvent.objects.filter(referral__in=referrals).delete()
            Referral.documents.through.objects.filter(referral__in=referrals).delete()
            referrals.delete()
            ConsentRecord.objects.filter(beneficiary=person).delete()
            Beneficiary.objects.filter(pk=person.pk).delete()
        finally:
            connection.set_schema_to_public()
        ReferralEnvelope.objects.filter(pk__in=envelope_ids).delete()
        Service.all_objects.filter(pk=service.pk).delete()
        Organization.all_objects.filter(pk=organization.pk).delete()


def _sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_a_caseworker_refers_a_person_and_sees_the_other_centre_accept(
    live_setup,
    live_server_port,
    browser,
    _world,
):
    from playwright.sync_api import expect

    person = live_setup["person"]
    lamia = f"http://lamia.kentro.localhost:{live_server_port}"
    larissa = f"http://larissa.kentro.localhost:{live_server_port}"

    # Lamia: find the service in the directory, from the person's referrals tab.
    bob = browser.new_context().new_page()
    _sign_in(bob, lamia, _world.bob.email)
    bob.goto(f"{lamia}/referrals/people/{person.pk}/")
    bob.click("main a[href*='/directory/?person=']")
    bob.fill("input[name=q]", QUERY)
    bob.click("main form[role=search] button[type=submit]")
    bob.click(f"main a:has-text('{SERVICE}')")
    bob.wait_for_url(re.compile(r"/directory/services/"))
    bob.click("main a[href*='/referrals/people/']")
    bob.wait_for_url(re.compile(r"/referrals/people/\d+/new/\?service="))
    expect(bob.locator("#chosen-service")).to_contain_text(SERVICE)

    # Refer: reason, urgency; the follow-up date comes filled in.
    bob.fill("textarea[name=reason]", "Έντονο άγχος μετά την απώλεια της εργασίας της")
    bob.select_option("select[name=urgency]", "soon")
    bob.click("main form[method=post] button[type=submit]")
    bob.wait_for_url(re.compile(r"/referrals/\d+/$"))
    referral_url = bob.url
    bob.click("#send-referral")
    bob.wait_for_url(referral_url)
    expect(bob.locator("main .kentro-referral-status").first).to_have_attribute(
        "data-status", "sent"
    )

    # Larissa: the inbox shows the first name and initial only; accept.
    charlie = browser.new_context().new_page()
    _sign_in(charlie, larissa, _world.charlie.email)
    charlie.goto(f"{larissa}/referrals/inbox/")
    item = charlie.locator("#inbox a", has_text=f"{FIRST} {LAST[0]}.")
    expect(item).to_be_visible()
    expect(charlie.locator("main")).not_to_contain_text(LAST)
    item.click()
    charlie.wait_for_url(re.compile(r"/referrals/inbox/[0-9a-f-]+/$"))
    expect(charlie.locator("#inbox-referral")).to_contain_text("Έντονο άγχος")
    charlie.click("button[data-transition=accept]")
    expect(charlie.locator("main .kentro-referral-status").first).to_have_attribute(
        "data-status", "accepted"
    )

    # Lamia sees the change, with who answered from which centre.
    bob.goto(referral_url)
    expect(bob.locator("main .kentro-referral-status").first).to_have_attribute(
        "data-status", "accepted"
    )
    expect(bob.locator("#referral-history")).to_contain_text("Κέντρο Κοινότητας Λάρισας")
