"""The OpenAPI 3.1 schema: valid, warning-free, and saying what the auth API really does."""

import re

import pytest
import yaml
from django.core.management import call_command

from yogaflow.core.testing.openapi import effective_security, openapi_schema

# Every operation may also answer 405, 406, 429, 500 and 503, and every one with a body 413
# (too large) and 415 (not JSON): yogaflow.core.api.schema.document_refusals says so once.
_ANY = {"405", "406", "429", "500", "503"}
_BODY = _ANY | {"413", "415"}
AUTH_OPERATIONS = {
    ("/api/v1/auth/register", "post"): {"201", "400"} | _BODY,
    ("/api/v1/auth/login", "post"): {"200", "400", "401"} | _BODY,
    ("/api/v1/auth/refresh", "post"): {"200", "400", "401"} | _BODY,
    ("/api/v1/auth/logout", "post"): {"204", "400", "401"} | _BODY,
    ("/api/v1/auth/me", "get"): {"200", "401"} | _ANY,
    ("/api/v1/auth/me", "patch"): {"200", "400", "401"} | _BODY,
    ("/api/v1/auth/me", "delete"): {"204", "400", "401"} | _BODY,
    ("/api/v1/auth/me/export", "get"): {"200", "401"} | _ANY,
    ("/api/v1/auth/me/sessions.csv", "get"): {"200", "401"} | _ANY,
    ("/api/v1/auth/password/change", "post"): {"204", "400", "401"} | _BODY,
    ("/api/v1/auth/password-reset", "post"): {"202", "400"} | _BODY,
    ("/api/v1/auth/password-reset/confirm", "post"): {"204", "400"} | _BODY,
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
    operation = schema["paths"][path][method]

    if (path, method) in NEEDS_TOKEN:
        assert operation["security"] == [{"jwtAuth": []}]
    else:
        # No list of its own (what generators read): the root's, where a token is optional.
        assert "security" not in operation
        assert effective_security(schema, operation) == [{}, {"jwtAuth": []}]


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


# --- what a generated client relies on (issue 18) ------------------------------------------

# Callable signed out (a token, if sent, is read where the call does something with it).
TOKEN_OPTIONAL = {
    "auth_login",
    "auth_register",
    "auth_refresh",
    "auth_password_reset",
    "auth_password_reset_confirm",
    "poses_list",
    "poses_retrieve",
    "sequences_list",
    "sequences_retrieve",
    "sequences_checks",
    "sequences_generate",
}
# Served by yogaflow.core.caching.cache_anonymous: ETag, If-None-Match, 304.
REVALIDATED = {
    ("/api/v1/poses", "get"),
    ("/api/v1/poses/{slug}", "get"),
    ("/api/v1/sequences", "get"),
    ("/api/v1/sequences/{slug}", "get"),
    ("/api/v1/sequences/{slug}/checks", "get"),
}


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_a_token_is_optional_exactly_for_the_public_operations(schema):
    assert schema["security"] == [{}, {"jwtAuth": []}]
    optional = set()
    for _path, _method, operation in _operations(schema):
        if "security" in operation:
            assert operation["security"] == [{"jwtAuth": []}], operation["operationId"]
        else:
            optional.add(operation["operationId"])

    assert optional == TOKEN_OPTIONAL


def test_every_operation_documents_the_refusals_any_call_can_meet(schema):
    for path, method, operation in _operations(schema):
        responses = operation["responses"]
        expected = {"405", "406", "429", "500", "503"}
        if "requestBody" in operation:
            expected |= {"413", "415"}
        assert expected <= set(responses), (path, method)
        for status in expected:
            content = responses[status]["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}, (path, method, status)
        assert "Retry-After" in responses["429"]["headers"]
        assert "Retry-After" in responses["503"]["headers"]


def test_library_reads_document_revalidation(schema):
    for path, method, operation in _operations(schema):
        headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
        if (path, method) in REVALIDATED:
            assert "If-None-Match" in headers, path
            assert "content" not in operation["responses"]["304"]
            assert "ETag" in operation["responses"]["200"]["headers"]
            assert "ETag" in operation["responses"]["304"]["headers"]
        else:
            assert "304" not in operation["responses"], path


def _parameter(schema, path: str, name: str) -> dict:
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)


def test_filters_say_what_a_client_sends_without_empty_choices(schema):
    for path, _method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query":
                continue
            assert "oneOf" not in parameter["schema"], (path, parameter["name"])
            assert "" not in parameter["schema"].get("enum", []), (path, parameter["name"])
    sequences = {
        p["name"]: p["schema"] for p in schema["paths"]["/api/v1/sequences"]["get"]["parameters"]
    }
    sessions = {
        p["name"]: p["schema"] for p in schema["paths"]["/api/v1/sessions"]["get"]["parameters"]
    }

    # An empty value (the pages' "any") is still accepted, and said so without an enum member.
    assert all(
        parameters["allowEmptyValue"]
        for parameters in (
            _parameter(schema, "/api/v1/sequences", "style"),
            _parameter(schema, "/api/v1/sequences", "max_minutes"),
            _parameter(schema, "/api/v1/sessions", "date_from"),
        )
    )
    assert "allowEmptyValue" not in _parameter(schema, "/api/v1/sequences", "page")
    assert sequences["max_minutes"]["type"] == "integer"
    assert sessions["date_from"] == sessions["date_to"] == {"type": "string", "format": "date"}


def test_generated_practice_types_are_as_tight_as_its_answers(schema):
    components = schema["components"]["schemas"]
    practice = components["GeneratedPractice"]["properties"]

    assert practice["level"] == {"$ref": "#/components/schemas/LevelEnum"}
    assert practice["style"] == {"$ref": "#/components/schemas/StyleEnum"}
    assert practice["focus"]["items"] == {"$ref": "#/components/schemas/FocusEnum"}
    assert practice["avoid"]["items"] == {"$ref": "#/components/schemas/AvoidanceEnum"}
    # The body POST sequences takes, as it is: a client saves the practice without converting.
    assert practice["sequence"]["allOf"] == [{"$ref": "#/components/schemas/SequenceWriteRequest"}]
    create = schema["paths"]["/api/v1/sequences"]["post"]["requestBody"]["content"]
    assert create["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SequenceWriteRequest"
    }
    assert "SequenceWrite" not in components


def test_export_and_pose_steps_are_typed(schema):
    components = schema["components"]["schemas"]
    export = schema["paths"]["/api/v1/auth/me/export"]["get"]["responses"]["200"]
    body = components["Export"]

    assert export["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Export"
    }
    assert set(body["required"]) == {
        "exported_at",
        "profile",
        "sequences",
        "practice_sessions",
        "favorites",
        "achievements",
        "pose_ratings",
    }
    # The exported profile is the profile auth/me answers, reminder settings included.
    profile = components["ExportUser"]
    assert set(profile["properties"]) == set(components["User"]["properties"]) - {"id"}
    assert set(profile["required"]) == set(profile["properties"])
    assert (
        profile["properties"]["reminder_time"]["pattern"]
        == (components["User"]["properties"]["reminder_time"]["pattern"])
    )
    assert profile["properties"]["reminder_days"]["items"] == {
        "$ref": "#/components/schemas/WeekdayEnum"
    }
    assert components["Pose"]["properties"]["instructions"]["minItems"] == 1
    assert components["PoseWriteRequest"]["properties"]["instructions"]["minItems"] == 1


def test_operation_ids_servers_and_licence(schema):
    assert schema["paths"]["/api/v1/auth/me"]["patch"]["operationId"] == "auth_me_partial_update"
    assert schema["servers"] and all(server["url"] for server in schema["servers"])
    assert schema["info"]["license"]["name"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("get", "/api/v1/auth/login", {}, 405),
        ("get", "/api/v1/poses", {"HTTP_ACCEPT": "text/html"}, 406),
        ("post", "/api/v1/auth/login", {"content_type": "text/plain"}, 415),
    ],
)
def test_the_documented_refusals_answer_in_the_error_shape(
    api_client, method, path, headers, status
):
    data = "x" if method != "get" else None
    response = getattr(api_client, method)(path, data=data, **headers)

    assert response.status_code == status
    assert set(response.json()) == {"error", "message", "detail"}


@pytest.mark.parametrize("component", ["Pose", "PoseSummary"])
def test_a_pose_answer_may_have_no_category(schema, component):
    """Breathing practices and meditation have no asana family and answer `"category": ""`;
    the schema said only the families, so a generated client refused them (found by the fuzz
    test: a staff-made meditation answered 201 with a blank category)."""
    category = schema["components"]["schemas"][component]["properties"]["category"]
    refs = {option["$ref"].rsplit("/", 1)[-1] for option in category["oneOf"]}
    assert refs == {"CategoryEnum", "BlankEnum"}
    assert schema["components"]["schemas"]["BlankEnum"]["enum"] == [""]
