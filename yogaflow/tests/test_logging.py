"""Structured request logs, auth events, and no secrets in any log line."""

import io
import json
import logging
import re

import pytest
import structlog
from django.core import mail

from accounts.tests.factories import PASSWORD
from yogaflow.logs import REDACTED, configure_logging, scrub


@pytest.fixture
def log_lines():
    """Every log record rendered by the production JSON formatter, as parsed dicts."""
    config = configure_logging(log_format="json", level="INFO")
    formatter_config = dict(config["formatters"]["structured"])
    factory = formatter_config.pop("()")
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(factory(**formatter_config))
    root = logging.getLogger()
    root.addHandler(handler)
    previous_level = root.level
    root.setLevel(logging.INFO)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]

    lines.raw = buffer.getvalue
    yield lines
    root.removeHandler(handler)
    root.setLevel(previous_level)
    structlog.contextvars.clear_contextvars()


@pytest.mark.django_db
def test_one_json_line_per_request_with_the_request_fields(client, user, log_lines):
    client.force_login(user)
    client.get("/poses/?page=1")

    finished = [line for line in log_lines() if line["event"] == "request_finished"]
    assert len(finished) == 1
    line = finished[0]
    assert line["method"] == "GET"
    assert line["path"] == "/poses/"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert re.fullmatch(r"[0-9a-f-]{36}", line["request_id"])
    assert line["user_id"] == user.pk
    assert not [entry for entry in log_lines() if entry["event"] == "request_started"]


@pytest.mark.django_db
def test_api_requests_log_the_token_user(auth_api_client, user, log_lines):
    auth_api_client.get("/api/v1/auth/me")

    finished = [line for line in log_lines() if line["event"] == "request_finished"]
    assert finished[-1]["user_id"] == user.pk
    assert finished[-1]["path"] == "/api/v1/auth/me"


def test_console_format_for_development_is_readable():
    config = configure_logging(log_format="console", level="INFO")
    processors = config["formatters"]["structured"]["processors"]
    assert isinstance(processors[-1], structlog.dev.ConsoleRenderer)
    configure_logging(log_format="json", level="INFO")


def test_scrub_redacts_secret_keys_tokens_and_reset_links():
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.c2lnbmF0dXJl"
    event = {
        "password": "Secret-123",
        "nested": {"new_password": "x", "refresh": "y", "fine": "ok"},
        "headers": {"Authorization": f"Bearer {jwt}"},
        "message": f"token {jwt} seen at /accounts/reset/MQ/abc-123def/ and ?token=zzz&x=1",
        "user_id": 7,
    }

    cleaned = scrub(event)

    assert cleaned["password"] == REDACTED
    assert cleaned["nested"] == {"new_password": REDACTED, "refresh": REDACTED, "fine": "ok"}
    assert cleaned["headers"]["Authorization"] == REDACTED
    assert jwt not in cleaned["message"]
    assert "abc-123def" not in cleaned["message"] and "zzz" not in cleaned["message"]
    assert cleaned["user_id"] == 7


@pytest.mark.django_db
def test_auth_flows_never_log_passwords_tokens_or_reset_links(client, api_client, log_lines):
    new_password = "Brand-New-Pose-88"
    register = api_client.post(
        "/api/v1/auth/register",
        {"email": "logs@example.com", "password": PASSWORD},
        format="json",
    )
    assert register.status_code == 201
    login = api_client.post(
        "/api/v1/auth/login",
        {"email": "logs@example.com", "password": PASSWORD, "remember_me": True},
        format="json",
    )
    tokens = login.json()
    api_client.post(
        "/api/v1/auth/login",
        {"email": "logs@example.com", "password": "Wrong-Pass-1"},
        format="json",
    )
    refreshed = api_client.post(
        "/api/v1/auth/refresh", {"refresh": tokens["refresh"]}, format="json"
    ).json()
    api_client.post("/api/v1/auth/password-reset", {"email": "logs@example.com"}, format="json")
    link = re.search(r"https?://\S+/reset/\S+", mail.outbox[-1].body).group(0)
    uidb64, token = re.search(r"/reset/([^/]+)/([^/]+)/", link).groups()
    client.get(link)  # the page behind the link
    api_client.post(
        "/api/v1/auth/password-reset/confirm",
        {"uid": uidb64, "token": token, "new_password": new_password},
        format="json",
    )
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {refreshed['access']}")
    api_client.post("/api/v1/auth/logout", {"refresh": refreshed["refresh"]}, format="json")

    output = log_lines.raw()
    events = {line["event"] for line in log_lines()}
    assert {
        "user_registered",
        "login_succeeded",
        "login_failed",
        "password_reset_requested",
    } <= events
    secrets_seen = [
        PASSWORD,
        new_password,
        "Wrong-Pass-1",
        tokens["access"],
        tokens["refresh"],
        refreshed["access"],
        refreshed["refresh"],
        token,
        link,
    ]
    for secret in secrets_seen:
        assert secret not in output


@pytest.mark.django_db
def test_page_logout_and_lockout_are_logged(client, user, log_lines):
    client.force_login(user)
    client.post("/accounts/logout/")
    for _ in range(5):
        client.post("/accounts/login/", {"email": user.email, "password": "Wrong-Pass-1"})
    client.post("/accounts/login/", {"email": user.email, "password": PASSWORD})

    events = [line["event"] for line in log_lines()]
    assert "logout" in events
    assert "login_lockout_started" in events
    assert "login_refused_locked" in events
    logout = next(line for line in log_lines() if line["event"] == "logout")
    assert logout["user_id"] == user.pk and logout["channel"] == "page"
