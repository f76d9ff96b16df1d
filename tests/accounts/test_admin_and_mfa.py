from django.test import override_settings

from tests.helpers import client_on, signed_in


def test_platform_operator_opens_admin_on_the_public_host(world):
    assert signed_in(world.olga, None).get("/admin/").status_code == 200


def test_ministry_analyst_is_refused_the_admin(world):
    response = signed_in(world.maria, None).get("/admin/", follow=True)
    assert response.status_code == 404


def test_admin_does_not_exist_on_a_centre_host(world):
    assert signed_in(world.alice, "lamia", world.lamia).get("/admin/").status_code == 404


def test_admin_login_goes_through_allauth(world):
    response = client_on(None).get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@override_settings(KENTRO_MFA_REQUIRED_ROLES=["coordinator"])
def test_roles_that_require_mfa_must_set_it_up_first(world):
    response = signed_in(world.alice, "lamia", world.lamia).get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@override_settings(KENTRO_MFA_REQUIRED_ROLES=["coordinator"])
def test_roles_without_the_requirement_are_not_stopped(world):
    assert signed_in(world.bob, "lamia", world.lamia).get("/").status_code == 200


@override_settings(KENTRO_MFA_REQUIRED_ROLES=["coordinator"])
def test_a_member_with_totp_passes(world):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=world.alice, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    assert signed_in(world.alice, "lamia", world.lamia).get("/").status_code == 200


def test_mfa_is_available_to_every_member(world):
    client = signed_in(world.bob, "lamia", world.lamia)
    assert client.get("/accounts/2fa/").status_code == 200
    # Turning on TOTP asks for the password again first (allauth's reauthentication).
    activate = client.get("/accounts/2fa/totp/activate/")
    assert activate.status_code == 302
    assert activate["Location"].startswith("/accounts/reauthenticate/")


def test_operator_admin_pages_render(world):
    client = signed_in(world.olga, None)
    for url in [
        "/admin/tenants/tenant/",
        f"/admin/tenants/tenant/{world.lamia.pk}/change/",
        "/admin/accounts/user/",
        "/admin/geography/municipality/?q=Λαμ",
    ]:
        assert client.get(url).status_code == 200, url
