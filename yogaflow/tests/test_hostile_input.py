"""Hostile input gets a clear 4xx, never a 5xx, and never a partial write (DESIGN.md §5).

The filed examples first (bodies over the limit, JSON nested a thousand levels, a disallowed
Host, a megabyte of description), then the limits of every free-text field people write,
held alike by the page, the API, the model and the database (README "Limits"). The wider
matrix over every API operation is test_hostile_matrix.py.
"""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from accounts.models import User
from poses.models import MAX_LIST_ITEM_LENGTH, MAX_LIST_ITEMS, MAX_TEXT_LENGTH, Pose
from poses.tests.factories import PoseFactory
from practice.models import MAX_NOTES_LENGTH, PracticeSession
from practice.tests.factories import PracticeSessionFactory
from sequences.models import MAX_CUE_LENGTH, MAX_DESCRIPTION_LENGTH, Sequence, SequencePose
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.api import assert_error

pytestmark = pytest.mark.django_db

OVER_THE_LIMIT = 2_700_000  # bytes; DATA_UPLOAD_MAX_MEMORY_SIZE is 2.5 MB
DEEP = "[" * 1000 + "]" * 1000


@pytest.fixture(autouse=True)
def _answers_not_exceptions(client, api_client, auth_api_client):
    for each in (client, api_client, auth_api_client):
        each.raise_request_exception = False


@pytest.fixture
def staff_api_client(staff_user):
    from rest_framework.test import APIClient

    from accounts.api.tokens import AccessToken

    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(staff_user)}")
    return client


def sequence_body(**overrides) -> dict:
    pose = PoseFactory()
    body = {
        "title": "Slow hips",
        "difficulty": "beginner",
        "focus": "hips",
        "style": "yin",
        "poses": [{"pose": pose.pk, "duration_seconds": 60}],
    }
    return {**body, **overrides}


def practice_body(**overrides) -> dict:
    ended = timezone.now() - timedelta(minutes=5)
    body = {
        "title": "Studio class",
        "style": "hatha",
        "started_at": (ended - timedelta(minutes=30)).isoformat(),
        "ended_at": ended.isoformat(),
        "duration_seconds": 30 * 60,
    }
    return {**body, **overrides}


# --- the filed examples ---------------------------------------------------------------


def test_api_bodies_over_the_limit_answer_413_in_the_error_shape(api_client, auth_api_client):
    big_sequence = json.dumps({"title": "x", "description": "a" * OVER_THE_LIMIT})
    big_login = json.dumps({"email": "a@example.com", "password": "x" * OVER_THE_LIMIT})

    answers = [
        auth_api_client.post("/api/v1/sequences", big_sequence, content_type="application/json"),
        api_client.post("/api/v1/auth/login", big_login, content_type="application/json"),
    ]

    for response in answers:
        body = assert_error(response, 413)
        assert "2.5 MB" in body["message"]
    assert not Sequence.objects.exists()


def test_page_bodies_over_the_limit_answer_413(client, member_client):
    login = client.post("/accounts/login/", {"email": "a@example.com", "password": "x" * 2_700_000})
    record = member_client.post(
        "/practice/record/",
        json.dumps({"x": "a" * OVER_THE_LIMIT}),
        content_type="application/json",
    )

    assert login.status_code == 413
    assert b"2.5 MB" in login.content
    assert record.status_code == 413


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_json_nested_too_deep_answers_400_on_the_api(api_client, auth_api_client, depth):
    deep = "[" * depth + "]" * depth
    deep_object = '{"a":' * depth + "1" + "}" * depth

    for client, path, body in [
        (auth_api_client, "/api/v1/sequences", deep),
        (auth_api_client, "/api/v1/sessions", deep_object),
        (api_client, "/api/v1/auth/login", deep_object),
        (auth_api_client, "/api/v1/sequences/generate", deep),
    ]:
        body = assert_error(client.post(path, body, content_type="application/json"), 400)
        assert "nested" in body["message"]


def test_json_nested_a_thousand_levels_answers_400_on_the_players_record(member_client):
    response = member_client.post("/practice/record/", DEEP, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"errors": {"__all__": ["The body must be JSON."]}}
    assert not PracticeSession.objects.exists()


def test_a_disallowed_host_gets_the_error_shape_on_the_api_and_a_page_elsewhere():
    visitor = Client(HTTP_HOST="evil.example", raise_request_exception=False)

    api = visitor.get("/api/v1/poses")
    page = visitor.get("/poses/")

    body = assert_error(api, 400)
    assert "host" in body["message"]
    assert page.status_code == 400
    assert page["Content-Type"].startswith("text/html")


def test_a_megabyte_of_description_is_refused_and_nothing_is_stored(auth_api_client):
    body = sequence_body(description="a" * 1_100_000)

    response = auth_api_client.post("/api/v1/sequences", body, format="json")

    assert_error(response, 400, "body", "description")
    assert not Sequence.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        '{"title": "\\ud800", "difficulty": "beginner"}',  # an unpaired surrogate
        '{"\\udfff": 1}',
        '{"duration_seconds": NaN}',
        '{"duration_seconds": Infinity}',
        '{"duration_seconds": 1' + "0" * 5000 + "}",  # more digits than Python converts
        "\xff\xfe not utf-8",
    ],
)
def test_json_that_is_not_text_or_not_a_number_answers_400(auth_api_client, member_client, body):
    raw = body.encode("latin-1") if body.startswith("\xff") else body.encode()

    api = auth_api_client.post("/api/v1/sessions", raw, content_type="application/json")
    page = member_client.post("/practice/record/", raw, content_type="application/json")

    assert_error(api, 400)
    assert page.status_code == 400
    assert not PracticeSession.objects.exists()


def test_an_unknown_charset_answers_400_or_415_never_500(auth_api_client):
    response = auth_api_client.post(
        "/api/v1/sessions", b"{}", content_type="application/json; charset=no-such-charset"
    )

    assert response.status_code in (400, 415)


# --- every free-text field: one limit for page, API, model and database ------------------


def test_sequence_description_limit_is_the_same_on_api_page_model_and_database(
    auth_api_client, member_client
):
    at_limit = sequence_body(description="d" * MAX_DESCRIPTION_LENGTH)
    assert auth_api_client.post("/api/v1/sequences", at_limit, format="json").status_code == 201
    over = sequence_body(description="d" * (MAX_DESCRIPTION_LENGTH + 1))
    assert_error(auth_api_client.post("/api/v1/sequences", over, format="json"), 400)

    page = member_client.post(
        "/sequences/new/",
        {
            "title": "Too long",
            "description": "d" * (MAX_DESCRIPTION_LENGTH + 1),
            "difficulty": "beginner",
            "focus": "hips",
            "style": "yin",
            "visibility": "private",
        },
    )
    assert page.status_code == 200
    assert "description" in page.context["form"].errors
    assert Sequence.objects.count() == 1

    sequence = Sequence.objects.get()
    sequence.description += "d"
    with pytest.raises(ValidationError) as raised:
        sequence.full_clean()
    assert "description" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Sequence.objects.filter(pk=sequence.pk).update(description="d" * 2001)


def test_a_cue_over_the_limit_is_refused_by_api_page_and_database(
    auth_api_client, member_client, user
):
    pose = PoseFactory()
    item = {"pose": pose.pk, "duration_seconds": 30, "cue": "c" * (MAX_CUE_LENGTH + 1)}
    api = auth_api_client.post("/api/v1/sequences", sequence_body(poses=[item]), format="json")
    assert_error(api, 400)

    sequence = SequenceFactory(author=user, poses=1)
    page = member_client.post(
        f"/sequences/{sequence.slug}/edit/items/1/",
        {"duration_seconds": 30, "side": "both", "cue": "c" * (MAX_CUE_LENGTH + 1)},
    )
    assert page.status_code in (200, 400)
    assert len(SequencePose.objects.get(sequence=sequence).cue) <= MAX_CUE_LENGTH
    # PostgreSQL's varchar refuses it itself (DataError); SQLite's check constraint does.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        SequencePose.objects.filter(sequence=sequence).update(cue="c" * (MAX_CUE_LENGTH + 1))


def test_session_notes_limit_is_the_same_on_api_page_model_and_database(
    auth_api_client, member_client, user
):
    over = "n" * (MAX_NOTES_LENGTH + 1)
    assert_error(
        auth_api_client.post("/api/v1/sessions", practice_body(notes=over), format="json"),
        400,
        "body",
        "notes",
    )
    session = PracticeSessionFactory(user=user)
    patch = auth_api_client.patch(f"/api/v1/sessions/{session.pk}", {"notes": over}, format="json")
    assert_error(patch, 400, "body", "notes")
    page = member_client.post(f"/practice/sessions/{session.pk}/", {"notes": over})
    assert "notes" in page.context["form"].errors

    session.refresh_from_db()
    assert session.notes == ""
    session.notes = over
    with pytest.raises(ValidationError) as raised:
        session.full_clean()
    assert "notes" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeSession.objects.filter(pk=session.pk).update(notes=over)


def test_display_name_limit_is_the_same_on_api_and_page(auth_api_client, member_client, user):
    over = "a" * 81

    assert_error(
        auth_api_client.patch("/api/v1/auth/me", {"display_name": over}, format="json"), 400
    )
    page = member_client.post(
        "/accounts/profile/",
        {
            "display_name": over,
            "experience_level": "beginner",
            "timezone": "UTC",
            "preferred_session_minutes": 20,
        },
    )
    assert "display_name" in page.context["form"].errors
    user.refresh_from_db()
    assert len(user.display_name) <= 80


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", "p" * (MAX_TEXT_LENGTH + 1)),
        ("contraindications", "p" * (MAX_TEXT_LENGTH + 1)),
        ("modifications", "p" * (MAX_TEXT_LENGTH + 1)),
        ("instructions", ["p" * (MAX_LIST_ITEM_LENGTH + 1)]),
        ("instructions", ["step"] * (MAX_LIST_ITEMS + 1)),
        ("benefits", ["p" * (MAX_LIST_ITEM_LENGTH + 1)]),
        ("image_urls", ["https://example.com/" + "p" * 600]),
        ("image_urls", ["javascript:alert(1)"]),
    ],
)
def test_staff_pose_texts_have_limits_in_the_api_and_the_model(staff_api_client, field, value):
    pose = PoseFactory()

    response = staff_api_client.patch(f"/api/v1/poses/{pose.slug}", {field: value}, format="json")

    assert_error(response, 400)
    setattr(pose, field, value)
    with pytest.raises(ValidationError) as raised:
        pose.full_clean()
    assert field in raised.value.message_dict


@pytest.mark.parametrize("field", ["description", "contraindications", "modifications"])
def test_the_database_holds_the_pose_text_limits_too(field):
    pose = PoseFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Pose.objects.filter(pk=pose.pk).update(**{field: "p" * (MAX_TEXT_LENGTH + 1)})


def test_no_user_can_be_given_an_address_over_the_limit_through_sign_up(api_client):
    email = "a" * 250 + "@example.com"

    response = api_client.post(
        "/api/v1/auth/register", {"email": email, "password": "Lotus-Flow-2024"}, format="json"
    )

    assert_error(response, 400, "body", "email")
    assert not User.objects.filter(email=email).exists()
