import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Invitation, Membership, User
from accounts.roles import Role
from accounts.services import accept_invitation, invite_staff
from tests.conftest import PASSWORD
from tests.helpers import client_on, signed_in

# Service functions speak the active language; these tests read their English.
pytestmark = pytest.mark.usefixtures("english")


def test_coordinator_invites_staff_through_the_page(world):
    client = signed_in(world.alice, "lamia", world.lamia)
    response = client.post(
        "/staff/invite/", {"email": "nikos@example.gr", "role": Role.PSYCHOLOGIST}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nikos@example.gr")
    assert invitation.tenant == world.lamia
    assert len(mail.outbox) == 1
    assert f"http://lamia.kentro.localhost/invitations/{invitation.token}/" in mail.outbox[0].body


def test_accepting_creates_the_user_and_membership_and_signs_in(world):
    invitation = invite_staff(
        inviter=world.alice, email="nikos@example.gr", tenant=world.lamia, role=Role.LAWYER
    )
    client = client_on("lamia")
    response = client.post(
        f"/invitations/{invitation.token}/",
        {
            "first_name": "Νίκος",
            "last_name": "Π.",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nikos@example.gr")
    assert Membership.objects.get(user=user).role == Role.LAWYER
    assert client.get("/").status_code == 200


def test_an_existing_user_proves_their_password(world):
    invitation = invite_staff(
        inviter=world.olga, email="charlie@example.gr", tenant=world.lamia, role=Role.SOCIAL_WORKER
    )
    with pytest.raises(ValidationError, match="password is not correct"):
        accept_invitation(invitation=invitation, password="wrong-password")
    assert not Membership.objects.filter(user=world.charlie, tenant=world.lamia).exists()
    accept_invitation(invitation=invitation, password=PASSWORD)
    assert Membership.objects.filter(user=world.charlie, tenant=world.lamia).exists()


def test_weak_password_is_refused_and_nothing_is_stored(world):
    invitation = invite_staff(
        inviter=world.alice, email="nikos@example.gr", tenant=world.lamia, role=Role.LAWYER
    )
    response = client_on("lamia").post(
        f"/invitations/{invitation.token}/", {"password": "123", "password_again": "123"}
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="nikos@example.gr").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_invitation_link_only_works_on_its_own_centre(world):
    invitation = invite_staff(
        inviter=world.alice, email="nikos@example.gr", tenant=world.lamia, role=Role.LAWYER
    )
    assert client_on("larissa").get(f"/invitations/{invitation.token}/").status_code == 404
    assert client_on("lamia").get(f"/invitations/{invitation.token}/").status_code == 200


def test_expired_invitation_is_refused(world):
    invitation = invite_staff(
        inviter=world.alice, email="nikos@example.gr", tenant=world.lamia, role=Role.LAWYER
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    assert client_on("lamia").get(f"/invitations/{invitation.token}/").status_code == 404


def test_social_worker_cannot_invite(world):
    assert signed_in(world.bob, "lamia", world.lamia).get("/staff/invite/").status_code == 404
    with pytest.raises(PermissionDenied):
        invite_staff(inviter=world.bob, email="x@example.gr", tenant=world.lamia, role=Role.LAWYER)


def test_coordinator_cannot_invite_to_another_centre_or_a_public_role(world):
    with pytest.raises(PermissionDenied):
        invite_staff(
            inviter=world.alice, email="x@example.gr", tenant=world.larissa, role=Role.LAWYER
        )
    with pytest.raises(PermissionDenied):
        invite_staff(
            inviter=world.alice, email="x@example.gr", tenant=None, role=Role.PLATFORM_OPERATOR
        )
    assert not Invitation.objects.exists()


def test_partner_staff_invitation_needs_a_served_municipality(world):
    from geography.models import Municipality

    with pytest.raises(ValidationError, match="limited to a municipality"):
        invite_staff(
            inviter=world.kostas,
            email="x@example.gr",
            tenant=world.kalamata,
            role=Role.PARTNER_STAFF,
        )
    with pytest.raises(ValidationError, match="does not serve"):
        invite_staff(
            inviter=world.kostas,
            email="x@example.gr",
            tenant=world.kalamata,
            role=Role.PARTNER_STAFF,
            municipality=Municipality.objects.get(code="9160"),
        )
    assert not Invitation.objects.exists()


def test_platform_operator_invites_a_ministry_analyst_on_the_portal(world):
    client = signed_in(world.olga, None)
    response = client.post(
        "/staff/invite/", {"email": "eleni@example.gr", "role": Role.MINISTRY_ANALYST}
    )
    assert response.status_code == 302
    assert Invitation.objects.get(email="eleni@example.gr").tenant is None
