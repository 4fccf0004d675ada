"""'Your data': export everything one owns, delete the account with all of it (service + pages)."""

import csv
import io
import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import structlog
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.services import PROFILE_FIELDS
from achievements.models import Achievement, UserAchievement
from poses.models import PoseRating
from poses.services import rate_pose
from poses.tests.factories import PoseFactory
from practice.models import PracticeSession
from practice.services import record_practice
from sequences.models import Favorite, Sequence
from sequences.services import save_sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from yogaflow import account_data


def a_request():
    return RequestFactory().post("/accounts/data/delete/", REMOTE_ADDR="203.0.113.9")


pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")
START = datetime(2026, 1, 12, 6, 30, tzinfo=UTC)  # 07:30 in Paris


def record(user, *, start=START, **kwargs):
    return record_practice(
        user=user,
        started_at=start,
        ended_at=start + timedelta(minutes=25),
        duration_seconds=25 * 60,
        source="manual",
        **kwargs,
    )


@pytest.fixture
def history(user, other_user):
    """The user's own sequence, sessions, favorites and badge, beside other people's data."""
    poses = PoseFactory.create_batch(2, is_bilateral=True)
    own = SequenceFactory(author=user, slug="my-flow", title="My flow", poses=0)
    save_sequence(
        author=user,
        sequence=own,
        poses=[
            {"pose": poses[1], "duration_seconds": 40, "side": "left", "cue": "Breathe in"},
            {"pose": poses[0], "duration_seconds": 30},
        ],
    )
    curated = SequenceFactory(slug="sun-salutation", title="Sun salutation")
    record(user, sequence=curated, completed=True, poses_completed=3, mood_before=2, mood_after=4)
    record(
        user,
        start=START + timedelta(days=1),
        title='=HYPERLINK("http://x")',
        notes='Said "om", twice',
    )
    FavoriteFactory(user=user, sequence=curated)
    FavoriteFactory(user=other_user, sequence=curated)
    record(other_user, sequence=curated)
    return {"own": own, "curated": curated, "poses": poses}


# --- export ----------------------------------------------------------------------


def test_export_has_every_section_of_the_users_own_data(user, history):
    data = account_data.export_user_data(user)

    assert set(data) == {
        "exported_at",
        "profile",
        "sequences",
        "practice_sessions",
        "favorites",
        "achievements",
        "pose_ratings",
    }
    assert data["profile"]["email"] == user.email
    assert data["profile"]["timezone"] == "Europe/Paris"
    [sequence] = data["sequences"]
    assert sequence["slug"] == "my-flow"
    assert [
        (p["position"], p["pose"], p["duration_seconds"], p["side"], p["cue"])
        for p in sequence["poses"]
    ] == [
        (1, history["poses"][1].slug, 40, "left", "Breathe in"),
        (2, history["poses"][0].slug, 30, "both", ""),
    ]
    assert len(data["practice_sessions"]) == 2
    first = data["practice_sessions"][0]
    assert first["sequence_title"] == "Sun salutation"
    assert first["started_at"] == START.isoformat()
    assert (first["completed"], first["mood_before"], first["mood_after"]) == (True, 2, 4)
    assert [f["sequence"] for f in data["favorites"]] == ["sun-salutation"]
    assert sorted(a["code"] for a in data["achievements"]) == ["creator", "first-practice"]
    assert all(a["earned_at"] for a in data["achievements"])
    json.dumps(data)  # JSON-ready as it is


def test_export_holds_the_reminder_settings_as_the_profile_shows_them(user, member_client):
    user.reminders_enabled = True
    user.reminder_days = ["mon", "thu"]
    user.reminder_time = time(18, 45)
    user.save(update_fields=["reminders_enabled", "reminder_days", "reminder_time"])

    data = account_data.export_user_data(user)
    page = json.loads(b"".join(member_client.get(reverse("account_data:export")).streaming_content))

    for profile in (data["profile"], page["profile"]):
        assert profile["reminders_enabled"] is True
        assert profile["reminder_days"] == ["mon", "thu"]
        assert profile["reminder_time"] == "18:45"  # local wall-clock time, as auth/me says


def test_export_holds_every_profile_setting_one_can_make(user):
    """Whatever accounts lets a person set on their profile is theirs to take away."""
    data = account_data.export_user_data(user)

    assert set(PROFILE_FIELDS) | {"email", "date_joined"} == set(data["profile"])


def test_export_holds_the_poses_to_avoid_and_the_pose_ratings(user, other_user, history):
    user.avoid = ["knee_friendly", "no_inversions"]
    user.save(update_fields=["avoid"])
    first, second = history["poses"]
    rate_pose(user=user, pose=first, rating="down")
    rate_pose(user=user, pose=second, rating="up")
    rate_pose(user=other_user, pose=second, rating="down")

    data = account_data.export_user_data(user)

    assert data["profile"]["avoid"] == ["knee_friendly", "no_inversions"]
    assert [(r["pose"], r["rating"]) for r in data["pose_ratings"]] == [
        (first.slug, "down"),
        (second.slug, "up"),
    ]
    assert all(r["created_at"] and r["updated_at"] for r in data["pose_ratings"])
    json.dumps(data)


def test_export_never_holds_the_password_hash_or_secrets(user, history):
    text = json.dumps(account_data.export_user_data(user))

    assert user.password not in text
    for secret in ("password", "token_version", "is_staff", "is_superuser", "last_login"):
        assert secret not in text


def test_export_holds_nothing_of_other_users(user, other_user, history):
    SequenceFactory(author=other_user, slug="their-flow")

    text = json.dumps(account_data.export_user_data(user))

    assert other_user.email not in text and "their-flow" not in text


@pytest.mark.parametrize("size", [1, 30])
def test_export_runs_a_constant_number_of_queries(user, django_assert_max_num_queries, size):
    pose = PoseFactory()
    for index in range(size):
        rate_pose(user=user, pose=PoseFactory(), rating="up")
        sequence = SequenceFactory(author=user, poses=[pose])
        FavoriteFactory(user=user, sequence=sequence)
        record(user, start=START + timedelta(hours=index), sequence=sequence)

    # sequences, their poses, sessions, favorites, badges, pose ratings
    with django_assert_max_num_queries(7):
        data = account_data.export_user_data(user)

    assert len(data["sequences"]) == len(data["practice_sessions"]) == size
    assert len(data["pose_ratings"]) == size


# --- CSV -------------------------------------------------------------------------


def test_sessions_csv_has_one_quoted_row_per_session_in_local_time(user, history):
    rows = list(csv.reader(io.StringIO(account_data.sessions_csv(user))))

    assert rows[0] == account_data.CSV_HEADER
    assert len(rows) == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["date"] == "2026-01-12"
    assert first["start"] == "2026-01-12T07:30:00+01:00"
    assert first["duration_minutes"] == "25.0"
    assert (first["title"], first["style"], first["completed"]) == (
        "Sun salutation",
        "hatha",
        "yes",
    )
    assert (first["poses_completed"], first["mood_before"], first["mood_after"]) == ("3", "2", "4")
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["notes"] == 'Said "om", twice'  # quotes and commas survive the round trip


@pytest.mark.parametrize("dangerous", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1"])
def test_sessions_csv_defuses_spreadsheet_formulas(user, dangerous):
    record(user, title=dangerous, notes=dangerous)

    row = list(csv.reader(io.StringIO(account_data.sessions_csv(user))))[1]

    assert row[3] == row[-1] == f"'{dangerous}"


def test_sessions_csv_leaves_ordinary_text_alone(user):
    record(user, title="Evening calm", notes="Felt good 1+1")

    row = list(csv.reader(io.StringIO(account_data.sessions_csv(user))))[1]

    assert (row[3], row[-1]) == ("Evening calm", "Felt good 1+1")


# --- deletion --------------------------------------------------------------------


def test_wrong_password_deletes_nothing(user, password, history):
    with pytest.raises(ValidationError) as raised:
        account_data.delete_account(request=a_request(), user=user, password=password + "x")

    assert set(raised.value.message_dict) == {"password"}
    assert User.objects.filter(pk=user.pk).exists()
    assert PracticeSession.objects.filter(user=user).count() == 2
    assert Sequence.objects.filter(author=user).count() == 1


def test_empty_password_deletes_nothing(user, history):
    with pytest.raises(ValidationError):
        account_data.delete_account(request=a_request(), user=user, password="")

    assert User.objects.filter(pk=user.pk).exists()


def test_deletion_takes_everything_of_the_user_and_keeps_the_rest(
    user, other_user, password, history
):
    history["own"].visibility = "public"
    history["own"].save(update_fields=["visibility"])
    FavoriteFactory(user=other_user, sequence=history["own"])
    user_id = user.pk

    account_data.delete_account(request=a_request(), user=user, password=password)

    assert not User.objects.filter(pk=user_id).exists()
    assert not PracticeSession.objects.filter(user_id=user_id).exists()
    assert not Sequence.objects.filter(author_id=user_id).exists()
    assert not Favorite.objects.filter(user_id=user_id).exists()
    assert not UserAchievement.objects.filter(user_id=user_id).exists()
    # Others' favorite of the deleted public sequence went with it; the rest stays.
    assert list(
        Favorite.objects.filter(user=other_user).values_list("sequence__slug", flat=True)
    ) == ["sun-salutation"]
    assert Sequence.objects.filter(slug="sun-salutation").exists()
    assert all(pose.__class__.objects.filter(pk=pose.pk).exists() for pose in history["poses"])
    assert PracticeSession.objects.filter(user=other_user).count() == 1
    assert UserAchievement.objects.filter(user=other_user).count() == 1
    assert Achievement.objects.filter(code="first-practice").exists()


def test_deletion_takes_the_users_pose_ratings_and_keeps_the_poses_and_others_ratings(
    user, other_user, password, history
):
    pose = history["poses"][0]
    rate_pose(user=user, pose=pose, rating="down")
    rate_pose(user=other_user, pose=pose, rating="up")
    user_id = user.pk

    account_data.delete_account(request=a_request(), user=user, password=password)

    assert not PoseRating.objects.filter(user_id=user_id).exists()
    assert list(PoseRating.objects.values_list("user", "rating")) == [(other_user.pk, "up")]
    assert pose.__class__.objects.filter(pk=pose.pk).exists()


def test_deletion_is_logged_without_the_password(user, password, history):

    user_id = user.pk
    with structlog.testing.capture_logs() as logs:
        account_data.delete_account(request=a_request(), user=user, password=password)

    assert {"event": "account_deleted", "user_id": user_id}.items() <= logs[-1].items()
    assert password not in repr(logs)


# --- pages -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["export", "sessions_csv", "delete"])
def test_your_data_pages_need_a_login(client, name):
    response = client.get(reverse(f"account_data:{name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_profile_page_offers_the_downloads_and_deletion(member_client):
    html = member_client.get(reverse("accounts:profile")).content.decode()

    assert "Your data" in html
    for name in ("export", "sessions_csv", "delete"):
        assert reverse(f"account_data:{name}") in html


def test_json_download_is_an_attachment_named_by_date(member_client, user, history):
    response = member_client.get(reverse("account_data:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="yogaflow-data-20')
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(b"".join(response.streaming_content))
    assert data["profile"]["email"] == user.email and len(data["practice_sessions"]) == 2


def test_csv_download_is_an_attachment(member_client, history):
    response = member_client.get(reverse("account_data:sessions_csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="yogaflow-sessions-' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).decode().count("\r\n") == 3


def test_delete_page_explains_what_goes(member_client):
    html = member_client.get(reverse("account_data:delete")).content.decode()

    assert "cannot be undone" in html and "practice session" in html
    assert 'name="password"' in html and 'name="confirm"' in html


def test_delete_page_with_wrong_password_keeps_the_account(member_client, user, password):
    response = member_client.post(
        reverse("account_data:delete"), {"password": password + "x", "confirm": "on"}
    )

    assert response.status_code == 200
    assert "incorrect" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_page_needs_the_confirmation_box(member_client, user, password):
    response = member_client.post(reverse("account_data:delete"), {"password": password})

    assert response.status_code == 200
    assert "Tick this box" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_page_deletes_logs_out_and_goes_home(member_client, user, password, history):
    response = member_client.post(
        reverse("account_data:delete"), {"password": password, "confirm": "on"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "have been deleted" in response.content.decode()
    assert not User.objects.filter(pk=user.pk).exists()
    assert not response.wsgi_request.user.is_authenticated
    assert member_client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.parametrize("sessions", [0, 1, 7])
@pytest.mark.parametrize("indent", [None, 2])
def test_the_streamed_export_is_the_same_text_as_the_whole_one(user, monkeypatch, sessions, indent):
    monkeypatch.setattr(account_data, "CHUNK_ROWS", 3)  # several chunks and a partial one
    for hour in range(sessions):
        record(user, start=START + timedelta(hours=hour), notes=f'Ünïcode\u2028line {hour} "q"')
    now = timezone.now()
    monkeypatch.setattr(account_data.timezone, "now", lambda: now)

    def dumps(value):
        return json.dumps(value, ensure_ascii=False, indent=indent, cls=DjangoJSONEncoder)

    streamed = "".join(account_data.export_user_data_json(user, dumps=dumps, indent=indent))

    assert streamed == dumps(account_data.export_user_data(user))
    assert len(json.loads(streamed)["practice_sessions"]) == sessions


def test_the_streamed_csv_is_the_same_text_in_chunks(user, monkeypatch):
    monkeypatch.setattr(account_data, "CHUNK_ROWS", 3)
    for hour in range(7):
        record(user, start=START + timedelta(hours=hour), notes=f"=note {hour}")

    chunks = list(account_data.sessions_csv_chunks(user))

    assert len(chunks) == 3  # 3 + 3 + 1 rows (the header with the first)
    rows = list(csv.reader(io.StringIO("".join(chunks))))
    assert len(rows) == 8 and rows[1][-1] == "'=note 0"
