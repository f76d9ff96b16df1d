from django.test import Client


def test_liveness_answers_on_any_host(db):
    response = Client(HTTP_HOST="10.1.2.3").get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_checks_database_and_broker(db):
    response = Client(HTTP_HOST="10.1.2.3").get("/readyz")
    assert response.json()["database"] is True
    assert response.json()["broker"] is True
    assert response.status_code == 200
