"""A request that writes commits all of it, or nothing when its answer is an error
(yogaflow.core.transactions). Real commits (`transaction=True`): the test's own transaction
would otherwise hide what a request left behind.

The throwaway views below write a row and then fail in the ways a real view can; they are
mounted through this module as the URLconf of these tests, next to the real routes.
"""

import pytest
from django.db import DataError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.test import Client
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from yogaflow.core.exceptions import ServiceUnavailable
from yogaflow.urls import handler400, handler404, handler500  # noqa: F401 (this is a URLconf)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls(__name__)]


def _write(tag: str) -> None:
    User.objects.create_user(email=f"{tag}@example.com", password="Lotus-Flow-2024")


@csrf_exempt
def page(request, outcome: str):
    _write(outcome)
    if outcome == "crash":
        raise RuntimeError("after the write")
    if outcome == "database-gone":
        raise OperationalError("server closed the connection unexpectedly")
    if outcome == "refused":
        return HttpResponse("no", status=400)
    if outcome == "data-refused":
        raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return HttpResponse("saved", status=201)


class Api(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    def post(self, request, outcome: str):
        _write(f"api-{outcome}")
        if outcome == "crash":
            raise RuntimeError("after the write")
        if outcome == "unavailable":
            raise ServiceUnavailable()
        if outcome == "cache-gone":
            raise ConnectionRefusedError("redis")
        if outcome == "data-refused":
            raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
        return Response({"ok": True}, status=201)


@csrf_exempt
def read(request):
    return JsonResponse({"users": User.objects.count()})


urlpatterns = [
    path("test/page/<str:outcome>/", page),
    path("api/v1/test/<str:outcome>", Api.as_view()),
    path("test/read/", read),
    path("", include("yogaflow.urls")),
]


@pytest.fixture
def http():
    return Client(raise_request_exception=False)


def _stored(tag: str) -> bool:
    return User.objects.filter(email=f"{tag}@example.com").exists()


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("crash", 500), ("database-gone", 503), ("refused", 400), ("data-refused", 400)],
)
def test_a_page_that_answers_an_error_after_writing_has_written_nothing(http, outcome, status):
    response = http.post(f"/test/page/{outcome}/")

    assert response.status_code == status
    assert not _stored(outcome)


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("crash", 500), ("unavailable", 503), ("cache-gone", 503), ("data-refused", 400)],
)
def test_an_api_call_that_answers_an_error_after_writing_has_written_nothing(http, outcome, status):
    response = http.post(f"/api/v1/test/{outcome}", content_type="application/json")

    assert response.status_code == status
    assert set(response.json()) == {"error", "message", "detail"}
    assert not _stored(f"api-{outcome}")


def test_a_request_that_succeeds_commits_its_writes(http):
    assert http.post("/test/page/ok/").status_code == 201
    assert http.post("/api/v1/test/ok", content_type="application/json").status_code == 201

    assert _stored("ok") and _stored("api-ok")
