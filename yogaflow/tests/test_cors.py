import pytest

pytestmark = pytest.mark.django_db


def preflight(client, origin):
    return client.options(
        "/api/v1/auth/login",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type",
    )


def test_api_answers_cors_preflight_for_configured_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.yogaflow.example"]

    response = preflight(client, "https://app.yogaflow.example")

    assert response["Access-Control-Allow-Origin"] == "https://app.yogaflow.example"
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_api_refuses_cors_for_other_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.yogaflow.example"]

    response = preflight(client, "https://evil.example")

    assert "Access-Control-Allow-Origin" not in response


def test_pages_never_send_cors_headers(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.yogaflow.example"]

    response = client.get("/", HTTP_ORIGIN="https://app.yogaflow.example")

    assert "Access-Control-Allow-Origin" not in response
