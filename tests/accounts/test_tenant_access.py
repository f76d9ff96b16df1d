"""Who gets in where: members only, everyone else gets 404 or the login page."""

from rest_framework.authtoken.models import Token

from tests.conftest import PASSWORD
from tests.helpers import client_on, signed_in


def test_a_member_opens_their_centre_home(world):
    response = signed_in(world.bob, "lamia", world.lamia).get("/")
    assert response.status_code == 200
    assert "Κέντρο Κοινότητας Λαμίας" in response.content.decode()


def test_a_lamia_member_gets_404_on_larissa_ui(world):
    response = signed_in(world.bob, "larissa", world.larissa).get("/")
    assert response.status_code == 404


def test_a_lamia_member_gets_404_on_larissa_api(world):
    token = Token.objects.create(user=world.bob)
    lamia = client_on("lamia").get("/api/v1/centre/", HTTP_AUTHORIZATION=f"Token {token.key}")
    larissa = client_on("larissa").get("/api/v1/centre/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert lamia.status_code == 200
    assert lamia.json()["slug"] == "lamia"
    assert larissa.status_code == 404


def test_a_lamia_session_in_the_api_is_refused_on_larissa(world):
    response = signed_in(world.bob, "larissa", world.larissa).get("/api/v1/me/")
    assert response.status_code == 404


def test_anonymous_user_is_sent_to_login(world):
    response = client_on("lamia").get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/")


def test_anonymous_api_request_is_refused(world):
    response = client_on("lamia").get("/api/v1/centre/")
    assert response.status_code == 401


def test_a_session_cookie_issued_on_lamia_is_not_a_session_on_larissa(world):
    lamia = client_on("lamia")
    response = lamia.post("/accounts/login/", {"login": "bob@example.gr", "password": PASSWORD})
    assert response.status_code == 302
    assert lamia.get("/").status_code == 200
    session_cookie = lamia.cookies["sessionid"]
    assert not session_cookie["domain"]  # host-only

    larissa = client_on("larissa")
    larissa.cookies["sessionid"] = session_cookie.value
    response = larissa.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_member_of_another_centre_cannot_sign_in_here(world):
    response = client_on("larissa").post(
        "/accounts/login/", {"login": "bob@example.gr", "password": PASSWORD}
    )
    assert response.status_code == 200  # the form again, with the wrong-credentials message
    assert "_auth_user_id" not in response.wsgi_request.session


def test_ministry_analyst_has_no_access_to_a_centre(world):
    assert signed_in(world.maria, "lamia", world.lamia).get("/").status_code == 404
    response = client_on("lamia").post(
        "/accounts/login/", {"login": "maria@example.gr", "password": PASSWORD}
    )
    assert "_auth_user_id" not in response.wsgi_request.session


def test_partner_staff_see_only_their_municipality(world):
    client = signed_in(world.petros, "oichalia", world.kalamata)
    page = client.get("/")
    assert page.status_code == 200
    assert page.wsgi_request.municipality.code == "9256"
    centre = client.get("/api/v1/centre/").json()
    assert [m["code"] for m in centre["municipalities"]] == ["9256"]
    assert centre["municipality_in_view"]["code"] == "9256"
    assert [u["name"] for u in centre["units"]] == ["Κινητή Μονάδα"]


def test_partner_staff_get_404_outside_their_municipality(world):
    assert signed_in(world.petros, "kalamata", world.kalamata).get("/").status_code == 404
    assert signed_in(world.petros, "dytikimani", world.kalamata).get("/").status_code == 404
    response = client_on("kalamata").post(
        "/accounts/login/", {"login": "petros@example.gr", "password": PASSWORD}
    )
    assert "_auth_user_id" not in response.wsgi_request.session


def test_lead_coordinator_sees_every_served_municipality(world):
    centre = signed_in(world.kostas, "kalamata", world.kalamata).get("/api/v1/centre/").json()
    assert sorted(m["code"] for m in centre["municipalities"]) == ["9253", "9254", "9256"]


def test_public_sign_up_is_closed(world):
    response = client_on("lamia").post(
        "/accounts/signup/",
        {"email": "mallory@example.gr", "password1": PASSWORD, "password2": PASSWORD},
    )
    from accounts.models import User

    assert not User.objects.filter(email="mallory@example.gr").exists()
    assert response.status_code in (200, 403, 404)


def test_failed_logins_are_rate_limited(world):
    client = client_on("lamia")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "bob@example.gr", "password": "wrong"})
    # Even the right password is refused while the account is throttled.
    client.cookies["django_language"] = "en"
    response = client.post("/accounts/login/", {"login": "bob@example.gr", "password": PASSWORD})
    assert "_auth_user_id" not in response.wsgi_request.session
    assert response.context["form"].errors["__all__"] == [
        "Too many failed login attempts. Try again later."
    ]
