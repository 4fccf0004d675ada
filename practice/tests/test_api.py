"""The sessions API, black-box with real JWTs: history, recording, edit, delete, permissions."""

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.tests.factories import bearer
from poses.tests.factories import PoseFactory
from practice.models import MAX_STEPS, PracticeSession
from practice.tests.test_views import bulk_sessions, on_day
from sequences.models import MAX_POSES_PER_SEQUENCE
from sequences.services import save_sequence
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.api import assert_error

pytestmark = pytest.mark.django_db

SESSIONS = "/api/v1/sessions"
UTC = ZoneInfo("UTC")


def url(session) -> str:
    return f"{SESSIONS}/{session.pk}"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def practice_body(**overrides) -> dict:
    start = timezone.now() - timedelta(hours=2)
    return {
        "title": "Lunch flow",
        "style": "vinyasa",
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(minutes=30)).isoformat(),
        "duration_seconds": 1500,
        "completed": True,
        "notes": "Felt strong.",
        "mood_before": 3,
        "mood_after": 4,
        **overrides,
    }


@pytest.fixture
def session(user):
    return on_day(user, date(2026, 3, 1), notes="Calm.", mood_after=3)


# --- permissions ------------------------------------------------------------------


def test_every_operation_needs_a_token(api_client, session):
    assert_error(api_client.get(SESSIONS), 401, "header", "Authorization")
    assert_error(api_client.post(SESSIONS, practice_body(), format="json"), 401)
    assert_error(api_client.get(url(session)), 401)
    assert_error(api_client.patch(url(session), {"notes": "x"}, format="json"), 401)
    assert_error(api_client.delete(url(session)), 401)
    assert PracticeSession.objects.filter(pk=session.pk, notes="Calm.").exists()


@pytest.mark.parametrize("caller", ["other_user", "staff_user"])
def test_another_users_session_is_404_for_every_call(session, caller, request):
    client = bearer(request.getfixturevalue(caller))

    assert_error(client.get(url(session)), 404)
    assert_error(client.patch(url(session), {"notes": "Mine"}, format="json"), 404)
    assert_error(client.delete(url(session)), 404)
    assert client.get(SESSIONS).json()["count"] == 0
    session.refresh_from_db()
    assert session.notes == "Calm."


# --- list -----------------------------------------------------------------------


def test_list_is_ones_own_sessions_newest_first(auth_api_client, user, other_user):
    older = on_day(user, date(2026, 2, 1))
    newer = on_day(user, date(2026, 2, 5))
    on_day(other_user, date(2026, 2, 3))

    response = auth_api_client.get(SESSIONS)

    assert ids(response) == [newer.pk, older.pk]
    item = response.json()["results"][0]
    assert item["local_date"] == "2026-02-05"
    assert item["title"] == "Morning flow" and item["source"] == "manual"
    assert item["sequence"] is None


def test_list_filters_by_date_range_and_style(auth_api_client, user):
    on_day(user, date(2026, 1, 31), style="yin")
    wanted = on_day(user, date(2026, 2, 10), style="yin")
    on_day(user, date(2026, 2, 11), style="hatha")
    on_day(user, date(2026, 3, 1), style="yin")

    response = auth_api_client.get(
        SESSIONS, {"date_from": "2026-02-01", "date_to": "2026-02-28", "style": "yin"}
    )

    assert ids(response) == [wanted.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "soon"}, "date_from"),
        ({"date_from": "2026-03-02", "date_to": "2026-03-01"}, "date_to"),
        ({"style": "acrobatic"}, "style"),
        ({"page": "0"}, "page"),
    ],
)
def test_an_invalid_filter_answers_400_located_in_the_query(auth_api_client, params, field):
    assert_error(auth_api_client.get(SESSIONS, params), 400, "query", field)


def test_list_pages(auth_api_client, user):
    bulk_sessions(user, 25)

    body = auth_api_client.get(SESSIONS, {"page": 2}).json()

    assert body["count"] == 25 and len(body["results"]) == 5 and body["next"] is None


@pytest.mark.parametrize("count", [10, 500])
def test_list_query_count_does_not_grow(
    auth_api_client, user, count, django_assert_max_num_queries
):
    bulk_sessions(user, count)

    # token blacklist, user, count, page (sequence joined), the page's steps
    with django_assert_max_num_queries(5):
        response = auth_api_client.get(SESSIONS, {"page_size": 100})

    assert len(ids(response)) == min(count, 100)


# --- record ---------------------------------------------------------------------


def test_record_a_practice_from_the_app(auth_api_client, user):
    response = auth_api_client.post(SESSIONS, practice_body(), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    session = PracticeSession.objects.get(user=user)
    assert body["id"] == session.pk
    assert (session.source, session.sequence_title, session.duration_seconds) == (
        "api",
        "Lunch flow",
        1500,
    )
    assert (session.mood_before, session.mood_after, session.completed) == (3, 4, True)
    assert {"code", "name", "icon"} <= set(body["awarded"][0])


@pytest.mark.parametrize(("extra", "status"), [(0, 201), (1, 400)])
def test_the_app_records_the_longest_sequence_on_both_sides_and_no_step_more(
    auth_api_client, user, extra, status
):
    pose = PoseFactory(is_bilateral=True)
    sequence = save_sequence(
        author=user,
        title="Longest",
        poses=[{"pose": pose, "duration_seconds": 20}] * MAX_POSES_PER_SEQUENCE,
    )
    assert MAX_STEPS == 2 * MAX_POSES_PER_SEQUENCE == 2 * sequence.pose_count
    steps = [
        {"position": n, "side": side, "seconds": 20}
        for n in range(1, MAX_POSES_PER_SEQUENCE + 1)
        for side in ("left", "right")
    ] + [{"position": 1, "side": "left", "seconds": 5}] * extra
    start = timezone.now() - timedelta(hours=3)
    body = practice_body(
        sequence=sequence.slug,
        started_at=start.isoformat(),
        ended_at=(start + timedelta(minutes=110)).isoformat(),
        duration_seconds=6000,
        steps=steps,
    )

    response = auth_api_client.post(SESSIONS, body, format="json")

    if status == 201:
        assert response.status_code == 201, response.content
        assert PracticeSession.objects.get(user=user).steps.count() == MAX_STEPS
    else:
        assert_error(response, 400, "body", "steps")
        assert not PracticeSession.objects.exists()


def test_recording_a_sequence_takes_its_title_and_style(auth_api_client, user):
    SequenceFactory(slug="bedtime", title="Bedtime yin", style="yin", poses=3)

    response = auth_api_client.post(
        SESSIONS, practice_body(sequence="bedtime", title="", poses_completed=3), format="json"
    )

    assert response.status_code == 201, response.content
    assert response.json()["sequence"] == "bedtime"
    assert (response.json()["title"], response.json()["style"]) == ("Bedtime yin", "yin")


def test_another_users_private_sequence_is_404_and_nothing_recorded(auth_api_client, other_user):
    SequenceFactory(slug="secret", author=other_user, poses=2)

    assert_error(
        auth_api_client.post(SESSIONS, practice_body(sequence="secret"), format="json"), 404
    )
    assert not PracticeSession.objects.exists()


def test_the_same_client_id_records_once(auth_api_client, user):
    data = practice_body(client_id=str(uuid.uuid4()))

    first = auth_api_client.post(SESSIONS, data, format="json")
    second = auth_api_client.post(SESSIONS, data, format="json")

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert second.json()["awarded"] == []
    assert PracticeSession.objects.filter(user=user).count() == 1


def test_a_retry_after_the_sequence_was_deleted_still_answers_the_session(auth_api_client, user):
    sequence = SequenceFactory(slug="gone-soon", author=user, poses=2)
    data = practice_body(client_id=str(uuid.uuid4()), sequence="gone-soon")
    first = auth_api_client.post(SESSIONS, data, format="json")
    sequence.delete()

    retry = auth_api_client.post(SESSIONS, data, format="json")

    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.json()["id"] == first.json()["id"]
    assert retry.json()["title"] == sequence.title


def _future():
    return (timezone.now() + timedelta(hours=1)).isoformat()


@pytest.mark.parametrize(
    ("overrides", "loc"),
    [
        ({"started_at": None}, ["body", "started_at"]),
        ({"duration_seconds": "1500"}, ["body", "duration_seconds"]),
        ({"duration_seconds": 0}, ["body", "duration_seconds"]),
        ({"duration_seconds": 3600}, ["body", "duration_seconds"]),  # longer than the wall time
        ({"completed": "yes"}, ["body", "completed"]),
        ({"client_id": 12345}, ["body", "client_id"]),
        ({"mood_after": 6}, ["body", "mood_after"]),
        ({"style": "acrobatic"}, ["body", "style"]),
        ({"title": 7}, ["body", "title"]),
        ({"started_at": "yesterday"}, ["body", "started_at"]),
    ],
)
def test_bad_practice_is_400_in_the_error_shape_and_nothing_written(
    auth_api_client, overrides, loc
):
    body = assert_error(
        auth_api_client.post(SESSIONS, practice_body(**overrides), format="json"), 400
    )

    assert loc in [item["loc"] for item in body["detail"]]
    assert not PracticeSession.objects.exists()


def test_a_practice_in_the_future_is_refused(auth_api_client):
    start = timezone.now() + timedelta(hours=1)
    data = practice_body(
        started_at=start.isoformat(), ended_at=(start + timedelta(minutes=30)).isoformat()
    )

    assert_error(auth_api_client.post(SESSIONS, data, format="json"), 400, "body", "started_at")
    assert not PracticeSession.objects.exists()


def test_recording_keeps_the_local_day_of_the_practitioner(user):
    user.timezone = "Asia/Tokyo"
    user.save(update_fields=["timezone"])
    start = datetime(2026, 2, 28, 21, 30, tzinfo=UTC)
    data = practice_body(
        started_at="2026-02-28T21:30:00Z", ended_at=(start + timedelta(minutes=45)).isoformat()
    )

    response = bearer(user).post(SESSIONS, data, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["local_date"] == "2026-03-01"


# --- one session ------------------------------------------------------------------


def test_get_one_session(auth_api_client, session):
    body = auth_api_client.get(url(session)).json()

    assert body["id"] == session.pk and body["notes"] == "Calm." and body["mood_after"] == 3


def test_patch_changes_only_what_was_sent(auth_api_client, session):
    response = auth_api_client.patch(
        url(session), {"notes": "Better", "energy_after": 5}, format="json"
    )

    assert response.status_code == 200, response.content
    session.refresh_from_db()
    assert (session.notes, session.energy_after, session.mood_after) == ("Better", 5, 3)
    assert response.json()["notes"] == "Better"


def test_patch_cannot_touch_the_recorded_times(auth_api_client, session):
    before = session.started_at

    auth_api_client.patch(url(session), {"started_at": "2020-01-01T00:00:00Z"}, format="json")

    session.refresh_from_db()
    assert session.started_at == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mood_before": 0}, "mood_before"),
        ({"notes": 5}, "notes"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_bad_patch_is_400_and_changes_nothing(auth_api_client, session, data, field):
    assert_error(auth_api_client.patch(url(session), data, format="json"), 400, "body", field)
    session.refresh_from_db()
    assert session.notes == "Calm."


def test_delete_answers_204(auth_api_client, session):
    response = auth_api_client.delete(url(session))

    assert response.status_code == 204
    assert not PracticeSession.objects.filter(pk=session.pk).exists()
    assert_error(auth_api_client.get(url(session)), 404)


def test_detail_query_count_is_bounded(auth_api_client, session, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert auth_api_client.get(url(session)).status_code == 200


# --- a generated practice, unsaved ------------------------------------------------

GENERATED = {"minutes": 20, "level": "beginner", "style": "hatha", "focus": ["hips"], "seed": 11}


def test_a_generated_practice_is_recorded_by_its_choices_and_seed(
    curated_library, auth_api_client, user
):
    made = auth_api_client.post("/api/v1/sequences/generate", GENERATED, format="json").json()

    response = auth_api_client.post(
        SESSIONS,
        practice_body(title="", generated=GENERATED, poses_completed=len(made["poses"])),
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["sequence"], body["title"]) == (None, made["title"])
    assert (body["style"], body["focus"]) == ("hatha", "hips")


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"poses_completed": 500}, ["body", "poses_completed"]),
        ({"generated": {**GENERATED, "minutes": 500}}, ["body", "generated"]),
        ({"generated": {**GENERATED, "seed": None}}, ["body", "generated", "seed"]),
        (
            {"generated": {k: v for k, v in GENERATED.items() if k != "seed"}},
            ["body", "generated", "seed"],
        ),
        ({"generated": GENERATED, "sequence": "sun-salutation-a"}, ["body", "generated"]),
        ({"generated": "hatha"}, ["body", "generated"]),
    ],
)
def test_a_generated_practice_the_server_cannot_make_again_is_400_and_not_recorded(
    curated_library, auth_api_client, change, loc
):
    body = practice_body(title="", generated=GENERATED, poses_completed=1) | change

    assert_error(auth_api_client.post(SESSIONS, body, format="json"), 400, *loc)
    assert not PracticeSession.objects.exists()
