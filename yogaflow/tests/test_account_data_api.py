"""'Your data' in the API: auth/me/export, auth/me/sessions.csv, DELETE auth/me, with a real JWT."""

import csv
import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.models import User
from practice.models import PracticeSession
from practice.services import record_practice
from sequences.models import Sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from yogaflow import account_data

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")
START = datetime(2026, 1, 12, 6, 30, tzinfo=UTC)
EXPORT, CSV, ME = "/api/v1/auth/me/export", "/api/v1/auth/me/sessions.csv", "/api/v1/auth/me"


def record(user, *, hours=0, **kwargs):
    start = START + timedelta(hours=hours)
    return record_practice(
        user=user,
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        duration_seconds=600,
        source="api",
        **kwargs,
    )


@pytest.fixture
def history(user, other_user):
    curated = SequenceFactory(slug="sun-salutation", poses=1)
    SequenceFactory(author=user, slug="my-flow", poses=1)
    record(user, sequence=curated, notes="=cmd|' /C calc'!A0")
    FavoriteFactory(user=user, sequence=curated)
    record(other_user, sequence=curated)
    return curated


@pytest.mark.parametrize(("method", "url"), [("get", EXPORT), ("get", CSV), ("delete", ME)])
def test_anonymous_callers_get_401_in_the_error_shape(api_client, method, url):
    response = getattr(api_client, method)(url, format="json")

    assert response.status_code == 401
    assert set(response.json()) == {"error", "message", "detail"}


def test_export_answers_the_users_data_without_secrets(auth_api_client, user, history):
    response = auth_api_client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = b"".join(response.streaming_content)  # streamed: constant memory
    data = json.loads(body)
    assert data["profile"]["email"] == user.email
    assert [s["slug"] for s in data["sequences"]] == ["my-flow"]
    assert len(data["practice_sessions"]) == 1
    assert [f["sequence"] for f in data["favorites"]] == ["sun-salutation"]
    assert "first-practice" in [a["code"] for a in data["achievements"]]
    assert user.password not in body.decode()
    assert "password" not in body.decode()


def test_export_profile_says_what_auth_me_says_reminder_settings_included(auth_api_client, user):
    me = auth_api_client.patch(
        ME,
        {"reminders_enabled": True, "reminder_days": ["sat", "sun"], "reminder_time": "06:15"},
        format="json",
    ).json()

    profile = json.loads(b"".join(auth_api_client.get(EXPORT).streaming_content))["profile"]

    assert (profile["reminders_enabled"], profile["reminder_days"], profile["reminder_time"]) == (
        True,
        ["sat", "sun"],
        "06:15",
    )
    # Every field of the profile, in the same form (the export says when one joined in full).
    assert set(profile) == set(me) - {"id"}
    assert {k: v for k, v in profile.items() if k != "date_joined"} == {
        k: v for k, v in me.items() if k not in {"id", "date_joined"}
    }


def test_sessions_csv_answers_text_csv_with_the_formula_guard(auth_api_client, history):
    response = auth_api_client.get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="yogaflow-data-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2
    assert rows[1][-1] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize("sessions", [1, 40])
def test_export_runs_a_constant_number_of_queries(
    auth_api_client, user, django_assert_max_num_queries, sessions
):
    for hour in range(sessions):
        record(user, hours=hour)

    # Streamed: the body is read (and its queries run) as it is sent.
    with django_assert_max_num_queries(9):  # token user (+ blacklist) + export (6) + steps (1)
        response = auth_api_client.get(EXPORT)
        assert response.status_code == 200 and b"".join(response.streaming_content)
    with django_assert_max_num_queries(4):  # token user (+ blacklist) + sessions + steps
        response = auth_api_client.get(CSV)
        assert response.status_code == 200 and b"".join(response.streaming_content)


def test_delete_with_wrong_password_is_400_and_keeps_everything(
    auth_api_client, user, password, history
):
    response = auth_api_client.delete(ME, {"password": password + "x"}, format="json")

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    assert User.objects.filter(pk=user.pk).exists()
    assert PracticeSession.objects.filter(user=user).exists()


def test_delete_without_a_password_is_400(auth_api_client, user):
    response = auth_api_client.delete(ME, {}, format="json")

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_answers_204_and_the_token_dies_with_the_user(
    auth_api_client, user, other_user, password, history
):
    response = auth_api_client.delete(ME, {"password": password}, format="json")

    assert response.status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Sequence.objects.filter(slug="my-flow").exists()
    assert Sequence.objects.filter(slug="sun-salutation").exists()
    assert PracticeSession.objects.filter(user=other_user).count() == 1
    assert auth_api_client.get(ME).status_code == 401


def test_get_and_patch_me_still_work_beside_delete(auth_api_client, user):
    assert auth_api_client.get(ME).json()["email"] == user.email

    response = auth_api_client.patch(ME, {"display_name": "Ada"}, format="json")

    assert response.status_code == 200 and response.json()["display_name"] == "Ada"


def test_deleting_removes_the_refresh_tokens_so_none_can_be_rotated(api_client, password):
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    session = api_client.post(
        "/api/v1/auth/register", {"email": "gone@example.com", "password": password}, format="json"
    ).json()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {session['access']}")
    assert OutstandingToken.objects.filter(user__email="gone@example.com").exists()

    assert api_client.delete(ME, {"password": password}, format="json").status_code == 204

    assert not OutstandingToken.objects.filter(token=session["refresh"]).exists()
    api_client.credentials()
    refreshed = api_client.post(
        "/api/v1/auth/refresh", {"refresh": session["refresh"]}, format="json"
    )
    assert refreshed.status_code == 401


def test_the_streamed_export_writes_what_drfs_renderer_would(user, history):
    from rest_framework.renderers import JSONRenderer

    from yogaflow.api.account_views import _api_dumps

    user.display_name = "Zoë\u2028of the \u2029mat"
    user.save()
    data = account_data.export_user_data(user)
    text = "".join(account_data.export_user_data_json(user, dumps=_api_dumps, indent=None))

    assert json.loads(text)["practice_sessions"] == data["practice_sessions"]
    data["exported_at"] = json.loads(text)["exported_at"]
    assert text.encode() == JSONRenderer().render(data)
