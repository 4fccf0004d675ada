"""Issue 13, time: every path that records a practice reads local times right across clock
changes, keeps times in a sane range, and refuses times without an offset."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice import services
from practice.forms import ManualLogForm
from practice.models import PracticeSession, Source
from practice.tests.factories import PracticeSessionFactory
from practice.tests.test_times import ZONES
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
LOG_URL = reverse("practice:log")
API_URL = "/api/v1/sessions"
RECORD_URL = reverse("practice:record")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
# API tests run on the real clock: a JWT minted before a trip back in time is not yet valid.


@pytest.fixture
def parisian(user):
    user.timezone = "Europe/Paris"
    user.save(update_fields=["timezone"])
    return user


def log(client, **fields):
    data = {"date": "2026-03-29", "start_time": "01:45", "duration_minutes": "75"}
    return client.post(LOG_URL, {"style": "hatha", **data, **fields})


@time_machine.travel(NOW, tick=False)
def test_a_manual_log_across_the_spring_change_adds_its_duration_in_real_time(
    member_client, parisian
):
    response = log(member_client)

    assert response.status_code == 302
    session = PracticeSession.objects.get(user=parisian)
    assert session.started_at == datetime(2026, 3, 29, 0, 45, tzinfo=UTC)
    assert session.ended_at == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)  # 04:00 in Paris
    assert session.duration_seconds == 75 * 60
    assert (session.local_date.isoformat(), session.local_hour) == ("2026-03-29", 1)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("earlier_sessions", [0, 1])
def test_a_manual_log_at_a_time_that_never_happened_is_a_form_error(
    member_client, parisian, earlier_sessions
):
    PracticeSessionFactory.create_batch(earlier_sessions, user=parisian)

    response = log(member_client, start_time="02:30", duration_minutes="30")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "clocks went forward" in " ".join(errors["start_time"])
    assert PracticeSession.objects.filter(user=parisian).count() == earlier_sessions


@time_machine.travel(NOW, tick=False)
def test_a_manual_log_in_the_repeated_autumn_hour_is_its_first_occurrence(member_client, parisian):
    response = log(member_client, date="2026-10-25", start_time="02:30", duration_minutes="60")

    assert response.status_code == 302
    session = PracticeSession.objects.get(user=parisian)
    assert session.started_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    assert session.ended_at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET


def test_record_practice_compares_times_in_real_time_not_on_the_wall_clock(parisian):
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    # 03:10 CEST is 20 real minutes after 01:50 CET: not 80 minutes of practice.
    with pytest.raises(ValidationError) as refused:
        services.record_practice(
            user=parisian,
            started_at=datetime(2026, 3, 29, 1, 50, tzinfo=paris),
            ended_at=datetime(2026, 3, 29, 3, 10, tzinfo=paris),
            duration_seconds=80 * 60,
            source=Source.MANUAL,
        )
    assert "duration_seconds" in refused.value.message_dict


def test_an_unsaveable_practice_without_a_client_id_never_answers_another_session(user):
    older = PracticeSessionFactory(user=user)
    start = datetime(2026, 3, 1, 7, 0, tzinfo=UTC)

    with time_machine.travel(NOW, tick=False), pytest.raises(ValidationError):
        services.record_practice(
            user=user, started_at=start, ended_at=start - timedelta(minutes=5), duration_seconds=60
        )
    assert list(PracticeSession.objects.filter(user=user)) == [older]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "2100-01-01", "9999-12-31"])
def test_a_manual_log_out_of_range_is_a_form_error(member_client, parisian, day):
    response = log(member_client, date=day, start_time="00:00")

    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert not PracticeSession.objects.filter(user=parisian).exists()


def test_the_database_refuses_a_session_outside_1970_to_2099(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeSessionFactory(
            user=user,
            started_at=datetime(1, 1, 1, tzinfo=UTC),
            ended_at=datetime(1, 1, 1, 0, 30, tzinfo=UTC),
        )


@pytest.mark.parametrize(
    "started_at",
    ["0001-01-01T00:00:00+01:00", "1969-12-31T23:00:00Z", "0001-01-01T00:00:00Z"],
)
def test_the_api_refuses_times_out_of_range_with_a_400(auth_api_client, user, started_at):
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": started_at,
            "ended_at": "2026-06-01T11:00:00Z",
            "duration_seconds": 60,
            "style": "hatha",
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "started_at"]
    assert not PracticeSession.objects.filter(user=user).exists()


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_history_filters_out_of_range_answer_400_not_500(auth_api_client, member_client, value):
    assert auth_api_client.get(API_URL, {"date_from": value}).status_code == 400
    page = member_client.get(reverse("practice:history"), {"date_to": value})
    assert page.status_code == 200
    assert page.context["form"].errors


@pytest.mark.parametrize("naive", ["2026-06-01T10:00:00", "2026-06-01 10:00"])
def test_the_api_refuses_times_without_an_offset_and_says_why(auth_api_client, user, naive):
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": naive,
            "ended_at": "2026-06-01T11:00:00+02:00",
            "duration_seconds": 60,
            "style": "hatha",
        },
        format="json",
    )

    assert response.status_code == 400
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "started_at"]
    assert "offset from UTC" in detail["msg"]


def test_the_api_takes_times_with_any_offset(auth_api_client, user):
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": "2026-06-01T09:00:00-03:00",
            "ended_at": "2026-06-01T09:30:00-03:00",
            "duration_seconds": 1800,
            "style": "hatha",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert PracticeSession.objects.get(user=user).started_at == datetime(
        2026, 6, 1, 12, 0, tzinfo=UTC
    )


@time_machine.travel(NOW, tick=False)
def test_the_player_refuses_times_without_an_offset(client, user):
    client.force_login(user)
    sequence = SequenceFactory(poses=2)
    body = {
        "client_id": str(uuid.uuid4()),
        "sequence": sequence.slug,
        "started_at": "2026-06-01T11:00:00",
        "ended_at": "2026-06-01T11:01:00Z",
        "duration_seconds": 60,
    }

    response = client.post(RECORD_URL, body, content_type="application/json")

    assert response.status_code == 400
    assert "offset" in " ".join(response.json()["errors"]["started_at"])


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("ahead", [timedelta(minutes=10), timedelta(hours=3), -timedelta(hours=2)])
def test_a_device_clock_that_is_off_is_corrected_by_the_time_it_sent(client, user, ahead):
    client.force_login(user)
    sequence = SequenceFactory(poses=2)
    device_now = NOW + ahead
    body = {
        "client_id": str(uuid.uuid4()),
        "sequence": sequence.slug,
        "started_at": (device_now - timedelta(minutes=1)).isoformat(),
        "ended_at": device_now.isoformat(),
        "sent_at": device_now.isoformat(),
        "duration_seconds": 60,
    }

    response = client.post(RECORD_URL, body, content_type="application/json")

    assert response.status_code == 201, response.json()
    session = PracticeSession.objects.get(user=user)
    assert session.ended_at == NOW
    assert session.started_at == NOW - timedelta(minutes=1)


def test_the_api_corrects_a_fast_device_clock_too(auth_api_client, user):
    device_now = timezone.now().replace(microsecond=0) + timedelta(minutes=7)
    response = auth_api_client.post(
        API_URL,
        {
            "started_at": (device_now - timedelta(minutes=30)).isoformat(),
            "ended_at": device_now.isoformat(),
            "sent_at": device_now.isoformat(),
            "duration_seconds": 1800,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    late = PracticeSession.objects.get(user=user).ended_at - (device_now - timedelta(minutes=7))
    assert timedelta(0) <= late < timedelta(seconds=5)  # the request's own time, no more


# --- the manual log, end to end, over zones with clock changes --------------------------


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    zone=st.sampled_from(ZONES),
    # Days around the clock changes of 2025, and any minute of them.
    day=st.dates(min_value=datetime(2025, 1, 1).date(), max_value=datetime(2025, 12, 31).date()),
    minute=st.integers(0, 24 * 60 - 1),
    duration=st.integers(1, 360),
)
def test_a_manual_log_is_refused_or_stored_right_in_any_zone(user, zone, day, minute, duration):
    user.timezone = zone
    form = ManualLogForm.for_user(
        user,
        {
            "date": day.isoformat(),
            "start_time": f"{minute // 60:02d}:{minute % 60:02d}",
            "duration_minutes": str(duration),
            "style": "hatha",
        },
    )
    if not form.is_valid():
        assert set(form.errors) == {"start_time"}  # only a time the clocks skipped
        return
    result = services.record_practice(user=user, source=Source.MANUAL, **form.practice_kwargs(user))
    session = result.session
    session.refresh_from_db()
    assert session.ended_at - session.started_at == timedelta(minutes=duration)
    assert session.local_date == day
    assert session.local_hour == minute // 60
    session.delete()


def test_early_and_late_hours_are_read_on_the_local_clock_across_a_change(user):
    user.timezone = "Europe/Paris"
    # 04:30 UTC on 29 March 2026 is 06:30 in Paris (clocks went forward at 02:00): early.
    spring = services.record_practice(
        user=user,
        started_at=datetime(2026, 3, 29, 4, 30, tzinfo=UTC),
        ended_at=datetime(2026, 3, 29, 4, 50, tzinfo=UTC),
        duration_seconds=1200,
    ).session
    # 00:30 and 01:30 UTC on 25 October 2026 are both 02:30 in Paris (the repeated hour).
    first = services.record_practice(
        user=user,
        started_at=datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        ended_at=datetime(2026, 10, 25, 0, 50, tzinfo=UTC),
        duration_seconds=1200,
    ).session
    second = services.record_practice(
        user=user,
        started_at=datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        ended_at=datetime(2026, 10, 25, 1, 50, tzinfo=UTC),
        duration_seconds=1200,
    ).session

    assert (spring.local_date.isoformat(), spring.local_hour) == ("2026-03-29", 6)
    assert (first.local_hour, second.local_hour) == (2, 2)
    assert user.achievements.filter(achievement__code="early-bird").exists()
    assert PracticeSession.objects.filter(user=user).count() == 3  # none taken for another


def test_sessions_stored_out_of_range_before_are_dropped_and_the_account_works_again(
    member_client, user
):
    """A year-1 session saved before the range existed (SQLite lets a test write one past the
    check) is removed by the migration; then the pages that broke answer again."""
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    if connection.vendor != "sqlite":
        pytest.skip("writing past a check constraint needs SQLite's pragma")
    kept = PracticeSessionFactory(user=user)
    table = PracticeSession._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints = ON")
        cursor.execute(
            f"INSERT INTO {table} (user_id, sequence_title, style, focus, started_at, ended_at,"  # noqa: S608
            " duration_seconds, local_date, local_hour, completed, poses_completed, notes,"
            " source, created_at) VALUES (%s, '', 'hatha', '', '0001-01-01 00:00:00',"
            " '0001-01-01 00:30:00', 1800, '0001-01-01', 0, 1, 0, '', 'manual',"
            " '2026-11-01 00:00:00')",
            [user.pk],
        )
        cursor.execute("PRAGMA ignore_check_constraints = OFF")
    assert PracticeSession.objects.filter(user=user).count() == 2

    migration = importlib.import_module("practice.migrations.0003_steps_done_and_time_range")
    # The models as the migration sees them (no signals), at the state it runs in.
    state = MigrationLoader(connection).project_state(
        ("practice", "0003_steps_done_and_time_range")
    )
    migration.drop_unreadable_sessions(state.apps, None)

    assert list(PracticeSession.objects.filter(user=user)) == [kept]
    for url in (
        reverse("practice:history"),
        reverse("practice:stats"),
        "/accounts/data/export.json",
    ):
        assert member_client.get(url).status_code == 200
