"""Outages of the shared cache and of the database, against real servers this module starts
and stops itself: a private redis-server and a private PostgreSQL cluster, with the app served
by gunicorn as in production (DEBUG off). Never the machine's shared servers.

What is promised (README, "When the cache or the database is down"):

- Redis down: what must count attempts (every password check, the API's rate limits) is
  refused with 503 in the error shape (a form error on pages); everything else works, reads
  computed from the database; `/readyz` answers 503 naming the cache. Nothing is half-written:
  a request that answers 5xx has written nothing.
- PostgreSQL down: 503 in the error shape on the API, a calm 503 page elsewhere, `/readyz`
  503; back to normal without a restart once the database is.
"""

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from uuid import uuid4

import pytest

from yogaflow.core.testing.api import ERROR_KEYS
from yogaflow.core.testing.servers import (
    Visitor,
    app_env,
    app_server,
    http,
    manage,
    postgres_cluster,
    redis_server,
)

pytestmark = pytest.mark.servers

PASSWORD = "Lotus-Flow-2024"
NEW_PASSWORD = "Tadasana-Flow-2025"


def _rows(db, sql: str, *params) -> list:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def _register(url: str, email: str) -> dict:
    answer = http(
        "POST", f"{url}/api/v1/auth/register", body={"email": email, "password": PASSWORD}
    )
    assert answer.status == 201, answer.body
    return answer.json()


def _bearer(access: str) -> dict:
    return {"Authorization": f"Bearer {access}"}


def _practice() -> dict:
    end = datetime.now(UTC) - timedelta(minutes=5)
    return {
        "client_id": str(uuid4()),
        "title": "Evening calm",
        "style": "yin",
        "started_at": (end - timedelta(minutes=30)).isoformat(),
        "ended_at": end.isoformat(),
        "duration_seconds": 30 * 60,
    }


def assert_error_shape(answer, status: int) -> dict:
    assert answer.status == status, answer.body[:500]
    body = answer.json()
    assert set(body) == ERROR_KEYS, body
    return body


# --- the shared cache ----------------------------------------------------------------


@pytest.fixture(scope="module")
def on_redis(tmp_path_factory):
    """The app on a SQLite file with a private Redis as CACHE_URL, and one staff account."""
    db = tmp_path_factory.mktemp("redis-outage") / "db.sqlite3"
    with redis_server() as redis:
        env = app_env(DATABASE_URL=f"sqlite:///{db}", CACHE_URL=redis.url)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_library", "-v", "0")
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            "createsuperuser",
            "--noinput",
            "--email",
            "staff@example.com",
        )
        with app_server(env, server="gunicorn", workers=2) as app:
            yield SimpleNamespace(url=app.url, db=db, redis=redis, app=app)


@pytest.fixture
def redis_down(on_redis):
    on_redis.redis.stop()
    try:
        yield on_redis
    finally:
        on_redis.redis.start()


def test_readyz_names_the_cache_and_answers_503_while_it_is_down(on_redis):
    assert http("GET", f"{on_redis.url}/readyz").json()["checks"]["cache"] == "ok"
    on_redis.redis.stop()
    try:
        answer = http("GET", f"{on_redis.url}/readyz")
    finally:
        on_redis.redis.start()

    assert answer.status == 503
    assert answer.json()["checks"] == {"database": "ok", "cache": "error", "broker": "eager"}


def test_logins_are_refused_with_a_clear_503_while_the_lockout_cannot_count(on_redis):
    user = _register(on_redis.url, "login-outage@example.com")
    email = user["user"]["email"]
    page, admin = Visitor(on_redis.url), Visitor(on_redis.url)
    page.get("/accounts/login/")
    admin.get("/admin/login/")

    on_redis.redis.stop()
    try:
        api = http(
            "POST",
            f"{on_redis.url}/api/v1/auth/login",
            body={"email": email, "password": PASSWORD},
        )
        form = page.post_form("/accounts/login/", {"email": email, "password": PASSWORD})
        staff = admin.post_form(
            "/admin/login/", {"username": "staff@example.com", "password": PASSWORD}
        )
    finally:
        on_redis.redis.start()

    body = assert_error_shape(api, 503)
    assert "try again" in body["message"]
    assert int(api.header("Retry-After")) > 0
    assert form.status == 503
    assert b"cannot be checked right now" in form.body
    assert "sessionid" not in page.cookies  # not logged in
    assert staff.status == 200 and b"cannot be checked right now" in staff.body
    assert "sessionid" not in admin.cookies
    # Back up: the same logins work, nothing restarted.
    again = {"email": email, "password": PASSWORD}
    assert http("POST", f"{on_redis.url}/api/v1/auth/login", body=again).status == 200
    assert page.post_form("/accounts/login/", again).status == 302


def test_what_counts_attempts_answers_503_and_writes_nothing(on_redis):
    user = _register(on_redis.url, "counted@example.com")
    token = _bearer(user["access"])
    url = on_redis.url

    on_redis.redis.stop()
    try:
        register = http(
            "POST",
            f"{url}/api/v1/auth/register",
            body={"email": "new@example.com", "password": PASSWORD},
        )
        reset = http(
            "POST", f"{url}/api/v1/auth/password-reset", body={"email": "counted@example.com"}
        )
        change = http(
            "POST",
            f"{url}/api/v1/auth/password/change",
            body={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=token,
        )
        delete = http("DELETE", f"{url}/api/v1/auth/me", body={"password": PASSWORD}, headers=token)
        reset_page = Visitor(url).post_form(
            "/accounts/password/reset/", {"email": "counted@example.com"}
        )
    finally:
        on_redis.redis.start()

    for answer in (register, reset, change, delete):
        assert_error_shape(answer, 503)
    # The page counts nothing in the request (the queued task applies the reset allowance),
    # so it is accepted; the API's address throttle counts in the request.
    assert reset_page.status == 302
    assert not _rows(on_redis.db, "SELECT id FROM accounts_user WHERE email = ?", "new@example.com")
    assert _rows(on_redis.db, "SELECT id FROM accounts_user WHERE id = ?", user["user"]["id"])
    login = {"email": "counted@example.com", "password": PASSWORD}
    assert http("POST", f"{url}/api/v1/auth/login", body=login).status == 200  # unchanged


def test_writes_and_reads_work_from_the_database_while_the_cache_is_down(on_redis):
    user = _register(on_redis.url, "writer@example.com")
    token, url = _bearer(user["access"]), on_redis.url
    member = Visitor(url)
    login = {"email": "writer@example.com", "password": PASSWORD}
    assert member.post_form("/accounts/login/", login).status == 302
    sequence = {
        "title": "Outage flow",
        "difficulty": "beginner",
        "focus": "hips",
        "style": "yin",
        "visibility": "public",
        "poses": [{"pose": 1, "duration_seconds": 60}],
    }

    on_redis.redis.stop()
    try:
        profile = http(
            "PATCH", f"{url}/api/v1/auth/me", body={"display_name": "Ada"}, headers=token
        )
        session = http("POST", f"{url}/api/v1/sessions", body=_practice(), headers=token)
        favorite = http("PUT", f"{url}/api/v1/sequences/sun-salutation-a/favorite", headers=token)
        created = http("POST", f"{url}/api/v1/sequences", body=sequence, headers=token)
        reads = {
            "anonymous poses": http("GET", f"{url}/api/v1/poses"),
            "anonymous sequences": http("GET", f"{url}/api/v1/sequences?q=outage"),
            "catalogue page": http("GET", f"{url}/sequences/"),
            "stats": http("GET", f"{url}/api/v1/stats", headers=token),
            "stats page": member.get("/practice/stats/"),
        }
    finally:
        on_redis.redis.start()

    assert profile.status == 200 and profile.json()["display_name"] == "Ada"
    assert session.status == 201
    assert favorite.status == 204
    assert created.status == 201, created.body
    assert {name: answer.status for name, answer in reads.items()} == dict.fromkeys(reads, 200)
    assert reads["anonymous sequences"].json()["count"] == 1
    assert reads["anonymous poses"].header("ETag") is None  # no version vouches for one
    assert reads["stats"].json()["total_sessions"] == 1
    stored = _rows(
        on_redis.db, "SELECT display_name FROM accounts_user WHERE id = ?", user["user"]["id"]
    )
    assert stored == [("Ada",)]


def test_a_hung_cache_costs_a_request_about_a_second_never_a_500(on_redis):
    user = _register(on_redis.url, "hung@example.com")
    on_redis.redis.pause()
    try:
        started = time.monotonic()
        read = http("GET", f"{on_redis.url}/api/v1/poses?page=2")
        login = http(
            "POST",
            f"{on_redis.url}/api/v1/auth/login",
            body={"email": user["user"]["email"], "password": PASSWORD},
        )
        elapsed = time.monotonic() - started
    finally:
        on_redis.redis.resume()

    assert read.status == 200
    assert_error_shape(login, 503)
    assert elapsed < 10


# --- the database ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def on_postgres():
    """The app on a private PostgreSQL cluster this module stops and starts again."""
    with postgres_cluster() as cluster:
        env = app_env(DATABASE_URL=cluster.create_database("yogaflow"))
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_library", "-v", "0")
        with app_server(env, server="gunicorn", workers=2) as app:
            yield SimpleNamespace(url=app.url, cluster=cluster, app=app)


def test_the_database_down_answers_503_in_the_error_shape_and_recovers_without_a_restart(
    on_postgres,
):
    url = on_postgres.url
    user = _register(url, "db-outage@example.com")
    token = _bearer(user["access"])
    visitor = Visitor(url)
    visitor.get("/accounts/login/")
    login = {"email": "db-outage@example.com", "password": PASSWORD}

    on_postgres.cluster.stop()
    try:
        down = {
            "me": http("GET", f"{url}/api/v1/auth/me", headers=token),
            "record": http("POST", f"{url}/api/v1/sessions", body=_practice(), headers=token),
            "anonymous read": http("GET", f"{url}/api/v1/sequences?q=nothing-cached"),
            "login": http("POST", f"{url}/api/v1/auth/login", body=login),
        }
        readyz = http("GET", f"{url}/readyz")
        page = http("GET", f"{url}/poses/?q=nothing-cached")
        form = visitor.post_form("/accounts/login/", login)
    finally:
        on_postgres.cluster.start()

    for name, answer in down.items():
        body = assert_error_shape(answer, 503)
        assert "database" in body["message"], name
        assert answer.header("Retry-After")
    assert readyz.status == 503 and readyz.json()["checks"]["database"] == "error"
    assert page.status == 503 and b"catching its breath" in page.body
    assert form.status == 503
    # Back without restarting gunicorn: the workers reconnect on their next request.
    assert http("GET", f"{url}/readyz").status == 200
    assert http("GET", f"{url}/api/v1/auth/me", headers=token).status == 200
    recorded = http("POST", f"{url}/api/v1/sessions", body=_practice(), headers=token)
    assert recorded.status == 201
    assert http("GET", f"{url}/poses/?q=nothing-cached").status == 200
    assert json.loads(http("POST", f"{url}/api/v1/auth/login", body=login).body)["access"]


# --- in process: what an outage owes the cache -----------------------------------------


@pytest.mark.django_db
def test_a_change_made_while_the_cache_hung_invalidates_it_once_it_answers_again(
    django_capture_on_commit_callbacks,
):
    """A hung Redis keeps its data: the pages cached before it hung must not come back."""
    from django.test import override_settings

    from yogaflow.core.caching import bump_library_version, library_version

    with redis_server() as redis:
        cache_settings = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis.url,
                "OPTIONS": {"socket_timeout": 0.3, "socket_connect_timeout": 0.3},
            }
        }
        with override_settings(CACHES=cache_settings):
            before = library_version()
            redis.pause()
            try:
                with django_capture_on_commit_callbacks(execute=True):
                    bump_library_version()  # a pose saved while the cache hung
                hung = library_version()
            finally:
                redis.resume()
            after = library_version()

    assert before is not None and hung is None
    assert after == before + 1
