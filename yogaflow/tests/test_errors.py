"""Every API error, from validation to 500, answers one shape (DESIGN.md §4).

Some statuses no real endpoint gives on demand (403, 500); the throwaway views
below raise them, mounted through this module as the URLconf of those tests
(`@pytest.mark.urls(__name__)`), next to the real routes and error handlers.
"""

import pytest
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.test import Client
from django.urls import include, path
from rest_framework.exceptions import PermissionDenied, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.test import APIClient
from rest_framework.views import APIView

from yogaflow.core.testing.api import ERROR_KEYS
from yogaflow.urls import handler404, handler500  # noqa: F401  (this module is a URLconf too)

pytestmark = pytest.mark.django_db

SECRET_TEXT = "hunter2-connection-string"


class _Throwaway(APIView):
    permission_classes = [AllowAny]
    exc: Exception | None = None

    def get(self, request):
        raise self.exc

    post = get


class DenyAll(AllowAny):
    def has_permission(self, request, view):
        return False


class Forbidden(APIView):
    permission_classes = [DenyAll]

    def get(self, request):  # pragma: no cover - never reached
        raise AssertionError


def crash_outside_drf(request):
    raise RuntimeError(SECRET_TEXT)


def _raising(exc: Exception):
    return _Throwaway.as_view(exc=exc)


urlpatterns = [
    path("api/v1/test/forbidden", Forbidden.as_view()),
    path("api/v1/test/denied", _raising(PermissionDenied("You may not do that."))),
    path("api/v1/test/django-denied", _raising(DjangoPermissionDenied(SECRET_TEXT))),
    path("api/v1/test/missing", _raising(Http404(SECRET_TEXT))),
    path("api/v1/test/throttled", _raising(Throttled(wait=30))),
    path("api/v1/test/boom", _raising(RuntimeError(SECRET_TEXT))),
    path("api/v1/test/plain-boom", crash_outside_drf),
    path(
        "api/v1/test/service-errors",
        _raising(
            DjangoValidationError(
                {
                    "email": DjangoValidationError("Bad %(what)s.", params={"what": "address"}),
                    "__all__": DjangoValidationError("Dates overlap.", code="overlap"),
                }
            )
        ),
    ),
    path("api/v1/test/plain-validation", _raising(DjangoValidationError("Nope.", code="nope"))),
    path("", include("yogaflow.urls")),
]


def assert_shape(response, status: int, error: str | None = None) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["detail"], list)
    for item in body["detail"]:
        assert set(item) == {"loc", "msg", "type"}
    if error:
        assert body["error"] == error
    return body


def test_validation_error_names_the_field_in_the_body(api_client):
    response = api_client.post(
        "/api/v1/auth/register", {"email": "nope", "password": "x"}, format="json"
    )

    body = assert_shape(response, 400, "Validation Error")
    assert body["message"] == "Request validation failed"
    assert {"loc": ["body", "email"], "msg": "Enter a valid email address.", "type": "invalid"} in (
        body["detail"]
    )


def test_missing_field_is_a_validation_error(api_client):
    body = assert_shape(api_client.post("/api/v1/auth/login", {}, format="json"), 400)

    assert {"loc": ["body", "email"], "msg": "This field is required.", "type": "required"} in (
        body["detail"]
    )


def test_unauthenticated_is_401_with_the_header_location(api_client):
    response = api_client.get("/api/v1/auth/me")

    body = assert_shape(response, 401, "Unauthorized")
    assert body["detail"] == [
        {"loc": ["header", "Authorization"], "msg": body["message"], "type": "not_authenticated"}
    ]
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_bad_token_is_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    body = assert_shape(api_client.get("/api/v1/auth/me"), 401, "Unauthorized")

    assert body["detail"][0]["type"] == "token_not_valid"


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/api/v1/test/forbidden", "/api/v1/test/django-denied"])
def test_forbidden_is_403(auth_api_client, url):
    body = assert_shape(auth_api_client.get(url), 403, "Forbidden")

    assert SECRET_TEXT not in body["message"]


@pytest.mark.urls(__name__)
def test_forbidden_keeps_the_raisers_message(api_client):
    body = assert_shape(api_client.get("/api/v1/test/denied"), 403, "Forbidden")

    assert body["message"] == "You may not do that."


@pytest.mark.urls(__name__)
def test_http404_from_a_view_is_404_without_its_text(api_client):
    response = api_client.get("/api/v1/test/missing")

    body = assert_shape(response, 404, "Not Found")
    assert SECRET_TEXT not in response.content.decode()
    assert body["detail"] == []


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("url", ["/api/v1/no-such-thing", "/api/v1/auth/nope", "/api/v1/"])
def test_unknown_api_path_is_404_in_the_shape(settings, api_client, debug, url):
    settings.DEBUG = debug

    assert_shape(api_client.get(url), 404, "Not Found")
    assert_shape(api_client.post(url, {}, format="json"), 404, "Not Found")


def test_wrong_method_is_405(api_client):
    response = api_client.get("/api/v1/auth/login")

    assert_shape(response, 405, "Method Not Allowed")
    assert "POST" in response["Allow"]


def test_form_encoded_body_is_415(api_client):
    response = api_client.post(
        "/api/v1/auth/login", {"email": "a@example.com", "password": "x"}, format="multipart"
    )
    urlencoded = Client().post(
        "/api/v1/auth/login",
        "email=a%40example.com&password=x",
        content_type="application/x-www-form-urlencoded",
    )

    assert_shape(response, 415, "Unsupported Media Type")
    assert_shape(urlencoded, 415, "Unsupported Media Type")


def test_malformed_json_is_400(api_client):
    response = api_client.post("/api/v1/auth/login", '{"email": ', content_type="application/json")

    body = assert_shape(response, 400, "Bad Request")
    assert "JSON parse error" in body["message"]


@pytest.mark.urls(__name__)
def test_throttled_is_429_with_retry_after(api_client):
    response = api_client.get("/api/v1/test/throttled")

    assert_shape(response, 429, "Too Many Requests")
    assert response["Retry-After"] == "30"


def test_too_many_failed_logins_is_429(api_client, user):
    for _ in range(5):
        api_client.post(
            "/api/v1/auth/login", {"email": user.email, "password": "Wrong-1-x"}, format="json"
        )

    response = api_client.post(
        "/api/v1/auth/login", {"email": user.email, "password": "Wrong-1-x"}, format="json"
    )

    assert_shape(response, 429, "Too Many Requests")
    assert int(response["Retry-After"]) > 0


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("debug", [False, True])
def test_unhandled_exception_in_the_api_is_500_without_internals(settings, debug):
    settings.DEBUG = debug
    client = APIClient(raise_request_exception=False)

    response = client.get("/api/v1/test/boom")

    body = assert_shape(response, 500, "Internal Server Error")
    assert body["detail"] == []
    text = response.content.decode()
    for leak in (SECRET_TEXT, "Traceback", "RuntimeError", ".py"):
        assert leak not in text


@pytest.mark.urls(__name__)
def test_crash_outside_drf_under_api_is_500_in_the_shape():
    client = Client(raise_request_exception=False)

    response = client.get("/api/v1/test/plain-boom")

    assert_shape(response, 500, "Internal Server Error")
    assert SECRET_TEXT not in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.urls(__name__)
def test_service_validation_errors_are_flattened_by_field(api_client):
    body = assert_shape(api_client.post("/api/v1/test/service-errors"), 400, "Validation Error")

    assert body["detail"] == [
        {"loc": ["body", "email"], "msg": "Bad address.", "type": "invalid"},
        {"loc": ["body"], "msg": "Dates overlap.", "type": "overlap"},
    ]


@pytest.mark.urls(__name__)
def test_service_validation_error_without_a_field_points_at_the_body(api_client):
    body = assert_shape(api_client.post("/api/v1/test/plain-validation"), 400)

    assert body["detail"] == [{"loc": ["body"], "msg": "Nope.", "type": "nope"}]


def test_nested_serializer_errors_carry_indexes():
    from rest_framework.exceptions import ValidationError

    from yogaflow.core.api.errors import flatten_validation

    errors = ValidationError({"poses": [{}, {"duration": ["Too short."]}]}).detail

    assert flatten_validation(errors, ["body"]) == [
        {"loc": ["body", "poses", 1, "duration"], "msg": "Too short.", "type": "invalid"}
    ]
