from tests.helpers import client_on, signed_in


def test_public_portal_lists_the_centres_with_links(world):
    response = client_on(None).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Κέντρο Κοινότητας Λαμίας" in html
    assert "http://lamia.kentro.localhost/" in html
    assert "http://kalamata.kentro.localhost/" in html


def test_the_interface_is_greek_first_and_english_on_request(world):
    client = client_on("lamia")
    greek = client.get("/accounts/login/").content.decode()
    assert 'lang="el"' in greek
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    english = client.get("/accounts/login/").content.decode()
    assert 'lang="en"' in english


def test_an_english_browser_still_gets_greek_until_the_user_switches(world):
    client = client_on("lamia")
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="el"' in page.content.decode()


def test_the_header_shows_the_partner_municipality_in_view(world):
    html = signed_in(world.petros, "oichalia", world.kalamata).get("/").content.decode()
    assert "Κέντρο Κοινότητας Καλαμάτας" in html
    assert "Οιχαλ" in html
