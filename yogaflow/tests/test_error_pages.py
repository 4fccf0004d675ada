"""The 404/500 handlers: friendly pages for people, the error shape under /api/."""

import pytest
from django.test import Client, RequestFactory

from yogaflow.core import errors


@pytest.fixture
def rf():
    return RequestFactory()


def test_unknown_page_gets_the_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"<html" in response.content
    assert response["Content-Type"].startswith("text/html")


def test_server_error_page_is_html_for_pages(rf):
    response = errors.server_error(rf.get("/some/page/"))
    assert response.status_code == 500
    assert b"<html" in response.content


def test_server_error_under_api_uses_the_error_shape(rf):
    response = errors.server_error(rf.get("/api/v1/anything"))
    assert response.status_code == 500
    import json

    body = json.loads(response.content)
    assert set(body) == {"error", "message", "detail"}
    assert body["error"] == "Internal Server Error"


def test_page_crash_renders_500_without_internals(db, settings):
    settings.ROOT_URLCONF = "yogaflow.tests.crash_urls"
    response = Client(raise_request_exception=False).get("/crash/")
    assert response.status_code == 500
    assert b"Traceback" not in response.content
    assert b"ZeroDivisionError" not in response.content


@pytest.mark.django_db
def test_csrf_failure_gets_a_friendly_page():
    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"email": "a@example.com", "password": "x"}
    )
    assert response.status_code == 403
    assert b"That form has expired" in response.content
