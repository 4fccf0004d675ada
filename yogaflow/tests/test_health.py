import time

import pytest
from django.db import connection
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "eager"},
    }


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "error", "cache": "ok", "broker": "eager"}


@pytest.mark.django_db  # a POST opens the request's transaction (yogaflow.core.transactions)
def test_health_probes_only_answer_get(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
@pytest.mark.servers
def test_readyz_reports_a_reachable_broker(client, broker_at):
    from yogaflow.core.testing.servers import redis_server

    with redis_server() as redis:
        broker_at(redis.url)
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }


@pytest.mark.django_db
def test_readyz_is_degraded_not_down_without_the_broker(client, broker_at):
    from yogaflow.core.testing.servers import free_port

    broker_at(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "ok", "broker": "error"},
        "degraded": ["broker"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_the_probes_answer_by_the_apps_address_whatever_the_site_is_called(client, settings, path):
    # A load balancer or a container calls http://127.0.0.1:8000/healthz, not the site's name.
    settings.ALLOWED_HOSTS = ["yogaflow.example.com"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get(path, HTTP_HOST="10.0.0.7:8000")

    assert response.status_code in (200, 503)
    assert response.json()["status"] in ("ok", "degraded", "unavailable")
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # the site still checks
