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


def _drop_connections(app) -> None:
    """Forget the app's pooled broker connections, so the next call uses the broker URL now
    configured (the pool keeps the URL it was made with)."""
    from kombu import pools

    pools.reset()  # kombu's own registry of pools, by connection
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_at(settings):
    """Point the Celery app at a broker URL for one test (not eager), then restore it."""
    from yogaflow.celery import app

    saved = (app.conf.broker_url, app.conf.task_always_eager)

    def point(url: str) -> None:
        settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = url, False
        app.conf.broker_url, app.conf.task_always_eager = url, False
        _drop_connections(app)

    yield point
    app.conf.broker_url, app.conf.task_always_eager = saved
    _drop_connections(app)


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
