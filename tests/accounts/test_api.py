from tests.helpers import client_on, signed_in


def test_openapi_schema_and_docs_are_served_without_a_cdn(world):
    client = signed_in(world.bob, "lamia", world.lamia)
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/centre/" in schema.content
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html


def test_api_docs_refused_to_strangers(world):
    assert client_on("lamia").get("/api/v1/schema/").status_code == 401
    assert signed_in(world.charlie, "lamia", world.lamia).get("/api/v1/schema/").status_code == 404


def test_me_describes_the_member(world):
    me = signed_in(world.alice, "lamia", world.lamia).get("/api/v1/me/").json()
    assert me["email"] == "alice@example.gr"
    assert me["role"] == "coordinator"


def test_api_token_page_creates_a_token_that_works_only_here(world):
    client = signed_in(world.bob, "lamia", world.lamia)
    assert client.post("/accounts/api-token/").status_code == 302
    key = world.bob.auth_token.key
    ok = client_on("lamia").get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert ok.status_code == 200
    other = client_on("larissa").get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert other.status_code == 404
