"""The OpenAPI 3.1 schema: valid, warning-free, and saying what the auth API really does."""

import re

import pytest
import yaml
from django.core.management import call_command

from yogaflow.core.testing.openapi import openapi_schema

# Every operation may also answer 503 (an outage), and every one with a body 413 (too large).
_BODY = {"413", "503"}
AUTH_OPERATIONS = {
    ("/api/v1/auth/register", "post"): {"201", "400", "415", "429"} | _BODY,
    ("/api/v1/auth/login", "post"): {"200", "400", "401", "415", "429"} | _BODY,
    ("/api/v1/auth/refresh", "post"): {"200", "400", "401", "415"} | _BODY,
    ("/api/v1/auth/logout", "post"): {"204", "400", "401", "415"} | _BODY,
    ("/api/v1/auth/me", "get"): {"200", "401", "503"},
    ("/api/v1/auth/me", "patch"): {"200", "400", "401", "415"} | _BODY,
    ("/api/v1/auth/me", "delete"): {"204", "400", "401", "415", "429"} | _BODY,
    ("/api/v1/auth/me/export", "get"): {"200", "401", "503"},
    ("/api/v1/auth/me/sessions.csv", "get"): {"200", "401", "503"},
    ("/api/v1/auth/password/change", "post"): {"204", "400", "401", "415", "429"} | _BODY,
    ("/api/v1/auth/password-reset", "post"): {"202", "400", "415", "429"} | _BODY,
    ("/api/v1/auth/password-reset/confirm", "post"): {"204", "400", "415"} | _BODY,
}
NEEDS_TOKEN = {
    ("/api/v1/auth/logout", "post"),
    ("/api/v1/auth/me", "get"),
    ("/api/v1/auth/me", "patch"),
    ("/api/v1/auth/me", "delete"),
    ("/api/v1/auth/me/export", "get"),
    ("/api/v1/auth/me/sessions.csv", "get"),
    ("/api/v1/auth/password/change", "post"),
}


@pytest.fixture(scope="module")
def schema() -> dict:
    return openapi_schema()


def test_spectacular_validates_without_a_single_warning(tmp_path):
    out = tmp_path / "schema.yaml"

    # --fail-on-warn turns any warning or error into a non-zero exit (SystemExit).
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    assert yaml.safe_load(out.read_text())["openapi"] == "3.1.0"


def test_schema_lists_exactly_the_auth_contract(schema):
    operations = {
        (path, method)
        for path, item in schema["paths"].items()
        for method in item
        if path.startswith("/api/v1/auth/")
    }

    assert operations == set(AUTH_OPERATIONS)


def test_catch_all_and_slash_variants_stay_out_of_the_schema(schema):
    for path in schema["paths"]:
        assert not path.endswith("/"), path
        bare = re.sub(r"\{[a-z_]+\}", "", path)  # path parameters such as {slug} are fine
        assert "{" not in bare and "^" not in bare and "*" not in bare, path


@pytest.mark.parametrize(("path", "method"), sorted(AUTH_OPERATIONS))
def test_each_operation_documents_its_answers_and_errors(schema, path, method):
    operation = schema["paths"][path][method]

    assert set(operation["responses"]) == AUTH_OPERATIONS[path, method]
    assert operation["summary"]
    assert operation["tags"] == ["auth"]
    for status, response in operation["responses"].items():
        if status.startswith(("4", "5")):
            content = response["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}
            assert response["description"]
    for status in ("429", "503"):
        if status in operation["responses"]:
            assert "Retry-After" in operation["responses"][status]["headers"]
    if method in ("post", "patch") and not path.endswith("logout"):
        assert "requestBody" in operation


@pytest.mark.parametrize(("path", "method"), sorted(AUTH_OPERATIONS))
def test_security_is_bearer_jwt_exactly_where_a_token_is_needed(schema, path, method):
    security = schema["paths"][path][method].get("security", [{}])

    if (path, method) in NEEDS_TOKEN:
        assert security == [{"jwtAuth": []}]
    else:
        assert security == [{}]


def test_bearer_jwt_security_scheme(schema):
    assert schema["components"]["securitySchemes"] == {
        "jwtAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    }


def test_error_component_describes_the_one_error_shape(schema):
    components = schema["components"]["schemas"]
    error, item = components["Error"], components["ErrorItem"]

    assert set(error["properties"]) == set(error["required"]) == {"error", "message", "detail"}
    assert set(item["properties"]) == set(item["required"]) == {"loc", "msg", "type"}
    assert item["properties"]["loc"]["items"] == {
        "oneOf": [{"type": "string"}, {"type": "integer"}]
    }


def test_session_answers_document_the_contract(schema):
    components = schema["components"]["schemas"]
    login, register = components["AuthSession"], components["RegisterSession"]

    for session in (login, register):
        assert set(session["required"]) == {
            "user",
            "access",
            "refresh",
            "token_type",
            "expires_in",
        }
    assert login["properties"]["refresh"]["type"] == ["string", "null"]
    assert register["properties"]["refresh"]["type"] == "string"
    user = components["User"]
    assert set(user["properties"]) == {
        "id",
        "email",
        "display_name",
        "experience_level",
        "timezone",
        "preferred_session_minutes",
        "avoid",
        "reminders_enabled",
        "reminder_days",
        "reminder_time",
        "date_joined",
    }
    assert user["properties"]["reminder_time"]["pattern"] == r"^([01]\d|2[0-3]):[0-5]\d$"
    assert user["properties"]["reminder_days"]["items"]["$ref"].endswith("/WeekdayEnum")
    assert user["properties"]["email"]["readOnly"] is True
    assert "email" not in components["PatchedUserRequest"]["properties"]


def test_schema_endpoint_serves_openapi_3_1(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    assert response.json()["openapi"] == "3.1.0"
