from django.core import mail

from tests.helpers import client_on


def test_password_reset_sends_a_link_on_the_same_host(world):
    response = client_on("lamia").post("/accounts/password/reset/", {"email": "bob@example.gr"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "http://lamia.kentro.localhost/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_reveals_nothing(world):
    response = client_on("lamia").post("/accounts/password/reset/", {"email": "nobody@example.gr"})
    assert response.status_code == 302
    assert all("/accounts/password/reset/key/" not in m.body for m in mail.outbox)
