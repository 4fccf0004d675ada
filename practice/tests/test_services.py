"""record_practice: validation, idempotency and local days (badges: achievements/tests)."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from practice import services
from practice.models import PracticeSession
from practice.selectors import practice_runs, streaks
from practice.tests.factories import record
from sequences.tests.factories import SequenceFactory

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")


def test_record_practice_stores_the_local_day_and_hour_of_the_practitioner(user):
    user.timezone = "America/Los_Angeles"
    # 03:30 UTC on 2 March is 19:30 on 1 March in Los Angeles.
    result = record(user, start=datetime(2026, 3, 2, 3, 30, tzinfo=UTC))

    assert result.created
    assert str(result.session.local_date) == "2026-03-01"
    assert result.session.local_hour == 19


def test_record_practice_keeps_the_sequence_title_style_and_focus(user):
    sequence = SequenceFactory(title="Bedtime yin", style="yin", focus="relaxation", poses=4)

    session = record(
        user, start=timezone.now() - timedelta(hours=1), sequence=sequence, poses_completed=4
    ).session
    sequence.delete()
    session.refresh_from_db()

    assert (session.sequence, session.sequence_title, session.style) == (None, "Bedtime yin", "yin")


def test_the_same_client_id_records_once(user):
    client_id = uuid.uuid4()
    start = timezone.now() - timedelta(hours=1)

    first = record(user, start=start, client_id=client_id)
    second = record(user, start=start, client_id=client_id)

    assert first.created and not second.created
    assert second.session.pk == first.session.pk
    assert PracticeSession.objects.count() == 1


@pytest.mark.parametrize(
    ("start_offset", "minutes", "duration", "field"),
    [
        (timedelta(hours=1), 20, None, "started_at"),  # starts in the future
        (-timedelta(hours=1), 20, 30 * 60, "duration_seconds"),  # longer than the wall time
        (-timedelta(hours=8), 7 * 60, 7 * 60 * 60, "duration_seconds"),  # over six hours
        (-timedelta(hours=1), 20, 0, "duration_seconds"),
    ],
)
def test_impossible_practices_are_refused(user, start_offset, minutes, duration, field):
    start = timezone.now() + start_offset
    with pytest.raises(ValidationError) as excinfo:
        services.record_practice(
            user=user,
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            duration_seconds=duration if duration is not None else minutes * 60,
        )
    assert field in excinfo.value.error_dict
    assert not PracticeSession.objects.exists()


def test_another_users_private_sequence_cannot_be_recorded(user, other_user):
    private = SequenceFactory(author=other_user)
    with pytest.raises(Http404):
        record(user, start=timezone.now() - timedelta(hours=1), sequence=private)


def test_streaks_count_consecutive_local_days_and_forgive_today(user):
    with time_machine.travel(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), tick=False):
        for day in (1, 2, 3, 5, 6, 7, 8, 9):  # a run of 3, a gap, a run of 5 ending yesterday
            record(user, start=datetime(2026, 3, day, 8, 0, tzinfo=UTC))
        runs = practice_runs(user)
        assert streaks(runs, today=datetime(2026, 3, 10).date()) == (5, 5)
        # The day after tomorrow, the current streak has ended.
        assert streaks(runs, today=datetime(2026, 3, 11).date()) == (0, 5)
